import { once } from "node:events";
import { performance } from "node:perf_hooks";
import type { ClientOptions, Interaction, Message } from "discord.js";
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Options,
  Partials,
  RateLimitError,
  Status,
} from "discord.js";
import { ConfigError } from "../../src/errors.js";
import type { Dom0Core } from "../../src/types.js";
import { createConversations } from "../common/conversations.js";
import { createQuestionFlow } from "../common/flow.js";
import type { Health } from "../common/health.js";
import type { Ops } from "../common/ops.js";
import { APOLOGY_TEXT, createInFlight } from "../common/shutdown.js";
import type { DiscordConfig } from "./config.js";
import { type DiscordReply, type HandlerContext, handleInteraction } from "./interactions.js";
import { handleMessage } from "./messages.js";
import { createDiscordOps } from "./ops.js";
import { guardPacketHandling } from "./packet-guard.js";
import { answerReply, helpReply, noticeReply } from "./replies.js";

/** The running bot: start logs in and resolves once the gateway is ready; stop closes every socket. */
export interface DiscordBot {
  start(): Promise<void>;
  /**
   * Stops taking new work (events arriving from now on are dropped), waits for the answers in flight, then closes
   * the gateway; closes the operations layer too if the bot created it. A stop for `installGracefulShutdown`.
   */
  stop(): Promise<void>;
  /** The operations layer in use: the one given in the config, or the bot's own. */
  readonly ops: Ops;
  /** The discord.js client, for tests and operations (logged in only between start and stop). */
  readonly client: Client;
}

/** Hooks for what runs around the handlers. */
export interface DiscordBotHooks {
  /** Called with every failure inside a handler or from the client; the bot itself carries on. Default: an
   *  error line through the operations logger. */
  onError?(error: unknown, where: string): void;
}

/** How long one REST call to Discord may take before it is given up. */
export const DISCORD_REST_TIMEOUT_MS = 5000;
/** An interaction's first answer is due within 3 s of its sending. */
const INTERACTION_WINDOW_MS = 3000;
/**
 * A 429 on an interaction's answer is waited out (discord.js retries it) only while the wait leaves time inside
 * the window; a longer one fails at once, since the token would be dead by the retry.
 */
const CALLBACK_RETRY_BUDGET_MS = 2000;
const CALLBACK_ROUTE = "/interactions/:id/:token/callback";

/** Only what the bot reads: guilds (slash commands), guild messages (mentions), direct messages. No privileged intents. */
export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
] as const;

const START_TIMEOUT_MS = 30_000;
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "ETIMEDOUT"]);

function clientOptions(config: DiscordConfig): ClientOptions {
  return {
    intents: [...DISCORD_INTENTS],
    // DM channels are never cached in advance: without this partial, direct messages would be dropped.
    partials: [Partials.Channel],
    // A REST call Discord does not answer in 5 s is given up (an interaction's answer is due in 3 s anyway),
    // retried once at most: a hung API never holds an answer, or shutdown, for long.
    rest: {
      ...(config.apiUrl ? { api: config.apiUrl } : {}),
      timeout: DISCORD_REST_TIMEOUT_MS,
      retries: 1,
      rejectOnRateLimit: (limit) =>
        limit.route === CALLBACK_ROUTE && limit.retryAfter > CALLBACK_RETRY_BUDGET_MS,
    },
    // The bot keeps no history: it answers and forgets, so messages and presences are not cached.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
    }),
    allowedMentions: { parse: [], repliedUser: false },
  };
}

/** discord.js's destroy() waits forever on a shard stuck before READY: give it this long, then go on. */
const DESTROY_TIMEOUT_MS = 2000;

async function destroyWithin(client: Client, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([client.destroy(), gaveUp]).finally(() => clearTimeout(timer));
}

/** Why the gateway refused us, in terms of what to fix. */
function startFailure(error: unknown, config: DiscordConfig): Error {
  const code = (error as { code?: unknown } | null)?.code;
  // undici reports an unreachable host on the error itself or on its cause, depending on where it failed.
  const causeCode = UNREACHABLE_CODES.has(String(code))
    ? code
    : (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof causeCode === "string" && UNREACHABLE_CODES.has(causeCode)) {
    const where = config.apiUrl ?? "https://discord.com/api";
    return new ConfigError(
      "DISCORD_API_URL",
      `Could not reach Discord at ${where} (${causeCode}): check the network${config.apiUrl ? " and DISCORD_API_URL" : ""}`,
    );
  }
  if (code === "TokenInvalid" || code === 4004) {
    return new ConfigError(
      "DISCORD_TOKEN",
      "Discord refused DISCORD_TOKEN: reset the token at https://discord.com/developers/applications → your application → Bot, and set DISCORD_TOKEN to it",
    );
  }
  if (code === 4014) {
    return new ConfigError(
      "DISCORD_TOKEN",
      "Discord refused the bot's gateway intents (Guilds, GuildMessages, DirectMessages) for this token",
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

async function apologiseTo(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable() || interaction.replied || interaction.deferred) return;
  await interaction.reply({ ...noticeReply(APOLOGY_TEXT), flags: MessageFlags.Ephemeral });
}

async function apologiseFor(message: Message): Promise<void> {
  await message.reply(noticeReply(APOLOGY_TEXT));
}

/** Creates the Discord bot on discord.js: /dom0 with autocomplete, mentions, direct messages and buttons. */
export function createDiscordBot(
  config: DiscordConfig & { core: Dom0Core; health?: Health },
  hooks: DiscordBotHooks = {},
): DiscordBot {
  const { core } = config;
  const ownOps = config.ops === undefined;
  const ops = config.ops ?? createDiscordOps(config.token);
  const onError =
    hooks.onError ??
    ((error: unknown, where: string) =>
      ops.logger.error({ err: error, platform: "discord", where }, `discord: ${where} failed`));
  const conversations = createConversations();
  const context: HandlerContext = {
    core,
    ops,
    conversations,
    renderers: {
      public: { answer: answerReply, help: () => ({ ...helpReply(core), flags: MessageFlags.Ephemeral }) },
      private: {
        answer: (answer) => ({ ...answerReply(answer), flags: MessageFlags.Ephemeral }),
        help: () => ({ ...helpReply(core), flags: MessageFlags.Ephemeral }),
      },
    },
    flow: createQuestionFlow<DiscordReply>({
      platform: "discord",
      core,
      ops,
      conversations,
      render: { answer: answerReply, help: () => helpReply(core) },
      // A reply to one of our answers continues from it.
      replyConversation: (sentId) => `discord:answer:${sentId}`,
    }),
  };
  const inFlight = createInFlight();
  let stopping = false;
  let stopped: Promise<void> | null = null;
  const client = new Client(clientOptions(config));
  guardPacketHandling(client, onError);
  // Healthy while the gateway session is up: a reconnect in progress, or a session Discord closed, is not.
  config.health?.add({
    name: "discord",
    healthy: () =>
      !stopping &&
      client.isReady() &&
      client.ws.shards.size > 0 &&
      [...client.ws.shards.values()].every((shard) => shard.status === Status.Ready),
  });

  /** Runs one answer, counted for stop(); a failure is reported and apologised for, never thrown. */
  function answerSafely(where: string, work: () => Promise<void>, apologise: () => Promise<void>): void {
    const guarded = work().catch(async (error: unknown) => {
      if (error instanceof RateLimitError && error.route === CALLBACK_ROUTE) {
        // The apology would meet the same limit: say what was lost, once, and move on.
        ops.logger.warn(
          { platform: "discord", where, retryAfterMs: error.retryAfter, windowMs: INTERACTION_WINDOW_MS },
          "discord: an answer was rate-limited past the interaction's 3 s window and could not be sent",
        );
        return;
      }
      onError(error, where);
      await apologise().catch((apologyError: unknown) => onError(apologyError, "apology"));
    });
    void inFlight.track(guarded);
  }

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return;
    const receivedAt = performance.now();
    answerSafely(
      "interaction",
      () => handleInteraction(context, interaction, receivedAt),
      () => apologiseTo(interaction),
    );
  });
  client.on(Events.MessageCreate, (message: Message) => {
    if (stopping) return;
    const receivedAt = performance.now();
    answerSafely(
      "message",
      () => handleMessage(context, message, receivedAt),
      () => apologiseFor(message),
    );
  });
  client.on(Events.Error, (error) => onError(error, "client"));
  client.on(Events.ShardError, (error, shardId) => onError(error, `shard ${shardId}`));

  return {
    client,
    ops,
    async start() {
      const readyTimeoutMs = config.readyTimeoutMs ?? START_TIMEOUT_MS;
      const abort = new AbortController();
      const ready = once(client, Events.ClientReady, { signal: abort.signal });
      const refused = once(client, Events.ShardDisconnect, { signal: abort.signal }).then(([event]) => {
        throw startFailure(event, config);
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Discord's gateway sent no READY within ${readyTimeoutMs / 1000} s`)),
          readyTimeoutMs,
        );
      });
      try {
        await Promise.race([client.login(config.token).then(() => ready), refused, timeout]);
      } catch (error) {
        await destroyWithin(client, DESTROY_TIMEOUT_MS);
        throw startFailure(error, config);
      } finally {
        clearTimeout(timer);
        abort.abort();
        refused.catch(() => {});
        ready.catch(() => {});
      }
    },
    stop() {
      stopping = true;
      stopped ??= (async () => {
        // Answers in flight still need the REST client, which destroy() disarms: drain first.
        await inFlight.drained();
        await destroyWithin(client, DESTROY_TIMEOUT_MS);
        if (ownOps) await ops.close();
      })();
      return stopped;
    },
  };
}
