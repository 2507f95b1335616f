import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import ready from "../fixtures/discord/ready.json" with { type: "json" };
import { choiceProblems, type MessageBody, messageProblems } from "./discord-fake-limits.js";

/** One REST call the bot made, as the fake received it. */
export interface RecordedRequest {
  method: string;
  /** The path under /api/v10, e.g. /interactions/123/tok/callback. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the bot sent, checked by assertions.
  body: any;
  /** performance.now() when the request arrived. */
  receivedAt: number;
  /** The status this fake answered with. */
  status?: number;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An interaction token is good for its first answer this long after it was sent, as on Discord. */
export const INTERACTION_WINDOW_MS = 3000;

/** A fault to answer instead of the real reply: which requests, how, how many times. */
interface Fault {
  matches(method: string, path: string): boolean;
  reply: Reply;
  times: number;
}

/** The REST half of the fake: answers the calls the bot makes, records them, and refuses what Discord refuses. */
export class FakeDiscordRest extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  /** Interactions dispatched and not yet answered: id → token. */
  readonly pendingInteractions = new Map<string, string>();
  /** When each pending interaction was sent (performance.now()), for the 3 s window. */
  readonly interactionSentAt = new Map<string, number>();
  private readonly faults: Fault[] = [];
  readonly commands = new Map<string, { id: string; name: string; [key: string]: unknown }[]>();
  /** Every message the bot created, as this server answered it (its id, its message_reference). */
  // biome-ignore lint/suspicious/noExplicitAny: the message objects are Discord's JSON, read by tests.
  readonly created: any[] = [];
  private nextId = 1190000000000000000n;
  /** While set, interaction callbacks wait for it before being answered (a slow Discord, for shutdown tests). */
  private callbackGate: Promise<void> | null = null;

  constructor(
    readonly validToken: string,
    private readonly gatewayUrl: () => string,
    private readonly shardCount: number,
  ) {
    super();
  }

  snowflake(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  /**
   * Answers the next `times` requests matching `method` and `path` (a RegExp over the path after /api/v10) with
   * `reply` instead: a 429 with Retry-After, a 502, whatever Discord might answer.
   */
  failNext(method: string, path: RegExp, reply: Reply, times = 1): void {
    this.faults.push({ matches: (m, p) => m === method && path.test(p), reply, times });
  }

  /** A 429 as Discord sends it: body and headers both carry the wait. */
  static rateLimited(retryAfterSeconds: number, global = false): Reply {
    return {
      status: 429,
      body: { message: "You are being rate limited.", retry_after: retryAfterSeconds, global },
      headers: {
        "retry-after": String(retryAfterSeconds),
        "x-ratelimit-scope": global ? "global" : "user",
        ...(global ? { "x-ratelimit-global": "true" } : {}),
      },
    };
  }

  /** Holds every interaction callback from now on until the returned release is called; emits "held" for each. */
  holdCallbacks(): () => void {
    let release = () => {};
    this.callbackGate = new Promise<void>((resolve) => {
      release = () => {
        this.callbackGate = null;
        resolve();
      };
    });
    return release;
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? "/", "http://fake");
    if (this.callbackGate && /\/interactions\/\d+\/[^/]+\/callback$/.test(url.pathname)) {
      this.emit("held", url.pathname);
      await this.callbackGate;
    }
    const text = Buffer.concat(chunks).toString("utf8");
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      path: url.pathname.replace(/^\/api\/v10/, ""),
      query: url.searchParams,
      headers: request.headers,
      body: text ? JSON.parse(text) : null,
      receivedAt,
    };
    const fault = this.faults.find((f) => f.times > 0 && f.matches(recorded.method, recorded.path));
    if (fault) fault.times -= 1;
    const reply: Reply = fault
      ? fault.reply
      : url.pathname.startsWith("/api/v10/")
        ? this.route(recorded)
        : { status: 404, body: { message: "404: Not Found", code: 0 } };
    recorded.status = reply.status;
    this.requests.push(recorded);
    // A 204 carries no body and no content type, as on Discord (a JSON content type would make discord.js parse nothing).
    if (reply.body === undefined) response.writeHead(reply.status, reply.headers).end();
    else
      response
        .writeHead(reply.status, { "content-type": "application/json", ...reply.headers })
        .end(JSON.stringify(reply.body));
    this.emit("request", recorded);
  }

  private authorized(request: RecordedRequest): boolean {
    return request.headers.authorization === `Bot ${this.validToken}`;
  }

  private route(request: RecordedRequest): Reply {
    const { method, path } = request;
    const parts = path.split("/").slice(1);
    // Interaction callbacks and webhooks carry their own token in the URL: no Authorization, as on Discord.
    if (method === "POST" && parts[0] === "interactions" && parts[3] === "callback")
      return this.callback(request, parts[1] ?? "", parts[2] ?? "");
    if (parts[0] === "webhooks") return this.webhook(request);
    if (!this.authorized(request)) return { status: 401, body: { message: "401: Unauthorized", code: 0 } };
    if (method === "GET" && path === "/gateway/bot") {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl(),
          shards: this.shardCount,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      };
    }
    if (method === "GET" && path === "/users/@me") return { status: 200, body: ready.user };
    if (parts[0] === "applications" && parts.at(-1) === "commands") return this.commandsRoute(request, path);
    if (method === "POST" && parts[0] === "channels" && parts[2] === "messages")
      return this.message(request, parts[1] ?? "");
    return { status: 404, body: { message: "404: Not Found", code: 0 } };
  }

  private invalid(problems: string[]): Reply {
    return { status: 400, body: { message: "Invalid Form Body", code: 50035, errors: problems } };
  }

  private callback(request: RecordedRequest, id: string, token: string): Reply {
    const sentAt = this.interactionSentAt.get(id);
    const expired = sentAt !== undefined && request.receivedAt - sentAt > INTERACTION_WINDOW_MS;
    if (this.pendingInteractions.get(id) !== token || expired)
      return { status: 404, body: { message: "Unknown interaction", code: 10062 } };
    const body = request.body ?? {};
    const problems = body.type === 8 ? choiceProblems(body.data?.choices) : messageProblems(body.data ?? {});
    if (problems.length > 0) return this.invalid(problems);
    this.pendingInteractions.delete(id);
    if (request.query.get("with_response") !== "true") return { status: 204 };
    const message = body.data ? this.messageObject(ids.channel, body.data) : null;
    return { status: 200, body: { interaction: { id, type: 2 }, resource: { type: body.type, message } } };
  }

  private webhook(request: RecordedRequest): Reply {
    const problems = messageProblems(request.body ?? {});
    if (problems.length > 0) return this.invalid(problems);
    return { status: 200, body: this.messageObject(ids.channel, request.body ?? {}) };
  }

  private message(request: RecordedRequest, channelId: string): Reply {
    const problems = messageProblems(request.body ?? {});
    if (problems.length > 0) return this.invalid(problems);
    const created = this.messageObject(channelId, request.body ?? {});
    this.created.push(created);
    return { status: 200, body: created };
  }

  private commandsRoute(request: RecordedRequest, path: string): Reply {
    if (request.method === "GET") return { status: 200, body: this.commands.get(path) ?? [] };
    if (request.method !== "PUT" || !Array.isArray(request.body))
      return { status: 405, body: { message: "405: Method Not Allowed", code: 0 } };
    const before = this.commands.get(path) ?? [];
    // A bulk overwrite keeps the id of a command whose name stays, as Discord does.
    const saved = (request.body as { name: string }[]).map((command) => ({
      ...command,
      id: before.find((old) => old.name === command.name)?.id ?? this.snowflake(),
      application_id: ids.application,
      version: this.snowflake(),
    }));
    this.commands.set(path, saved);
    return { status: 200, body: saved };
  }

  /** A message object as Discord returns it for what the bot sent. */
  messageObject(channelId: string, body: MessageBody): Record<string, unknown> {
    const reference = body.message_reference;
    return {
      type: reference ? 19 : 0,
      tts: false,
      timestamp: new Date().toISOString(),
      pinned: false,
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      id: this.snowflake(),
      flags: body.flags ?? 0,
      embeds: body.embeds ?? [],
      edited_timestamp: null,
      content: body.content ?? "",
      components: body.components ?? [],
      channel_id: channelId,
      author: ready.user,
      attachments: [],
      ...(reference
        ? { message_reference: { type: 0, channel_id: channelId, message_id: reference.message_id } }
        : {}),
    };
  }
}
