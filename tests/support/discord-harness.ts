import type { Ops } from "../../adapters/common/ops.js";
import { createDiscordBot, createDiscordOps, type DiscordBot } from "../../adapters/discord/index.js";
import type { Dom0Core } from "../../src/types.js";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { type FakeDiscord, startFakeDiscord } from "./discord-fake-server.js";

export const TEST_TOKEN = "fake-bot-token.for-tests.only";

/** Operations variables for tests: logs at info, insights off, and a rate limit no test reaches by accident. */
export const TEST_OPS_ENV: Readonly<Record<string, string>> = {
  LOG_LEVEL: "info",
  INSIGHTS: "0",
  RATE_LIMIT_BURST: "100000",
  RATE_LIMIT_PER_MINUTE: "1000000",
};

/** The log lines an operations layer wrote, as text and parsed. */
export interface CapturedLogs {
  readonly text: string[];
  // biome-ignore lint/suspicious/noExplicitAny: assertions read the fields of each line.
  records(): any[];
}

/** The ops a bot makes for itself (createDiscordOps, its token scrubbed), writing into memory instead of stdout. */
export function opsForTest(
  env: Record<string, string> = {},
  token = TEST_TOKEN,
): { ops: Ops; logs: CapturedLogs } {
  const text: string[] = [];
  const ops = createDiscordOps(token, {
    env: { ...TEST_OPS_ENV, ...env },
    destination: { write: (line: string) => void text.push(line) },
  });
  return { ops, logs: { text, records: () => text.map((line) => JSON.parse(line)) } };
}

export interface BotOptions {
  /** Operations variables over TEST_OPS_ENV, e.g. `{ RATE_LIMIT_BURST: "3" }`. */
  env?: Record<string, string>;
  /** false leaves onError unset, so failures go to the ops logger as in production (default true). */
  collectErrors?: boolean;
}

/** The real discord.js bot, started against a fresh fake Discord on loopback. */
export interface BotUnderTest {
  discord: FakeDiscord;
  bot: DiscordBot;
  ops: Ops;
  /** Every line the bot's logger wrote. */
  logs: CapturedLogs;
  /** What the bot reported through its onError hook, with where it happened. */
  errors: { error: unknown; where: string }[];
  close(): Promise<void>;
}

export async function startBotUnderTest(core: Dom0Core, options: BotOptions = {}): Promise<BotUnderTest> {
  const discord = await startFakeDiscord({ token: TEST_TOKEN });
  const errors: BotUnderTest["errors"] = [];
  const { ops, logs } = opsForTest(options.env);
  const bot = createDiscordBot(
    {
      token: TEST_TOKEN,
      applicationId: ids.application,
      guildId: ids.guild,
      apiUrl: discord.apiUrl,
      shards: null,
      core,
      ops,
    },
    options.collectErrors === false ? {} : { onError: (error, where) => errors.push({ error, where }) },
  );
  await bot.start();
  return {
    discord,
    bot,
    ops,
    logs,
    errors,
    async close() {
      await bot.stop();
      await ops.close();
      await discord.close();
    },
  };
}
