/**
 * A local stand-in for Slack: the Web API (`SLACK_API_URL`), `response_url` endpoints, and the Socket Mode
 * WebSocket reached through `apps.connections.open`. It records every call for the tests to assert on.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";
import { type WebSocket, WebSocketServer } from "ws";
import { type AnyBlock, blockKitProblems } from "./blocks.js";

export const FAKE_BOT_USER_ID = "UBOT0DOM0";
export const FAKE_BOT_ID = "BBOT0DOM0";
export const FAKE_TEAM_ID = "T0001";

/** The Web API arguments the tests read; the others stay reachable through the index signature. */
export interface ApiArgs {
  channel?: string;
  thread_ts?: string;
  text?: string;
  blocks?: AnyBlock[];
  user_id?: string;
  view?: { type: string; blocks?: AnyBlock[] };
  [key: string]: unknown;
}

/** One Web API call as the fake received it: method name, decoded arguments, bearer token. */
export interface ApiCall {
  method: string;
  args: ApiArgs;
  token: string | null;
}

/** One POST to a response_url. */
export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

// The Web API client form-encodes arguments and JSON-encodes the object-valued ones (blocks, view).
function decodeArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType?.startsWith("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parseQuery(raw))) {
    const text = Array.isArray(value) ? value.join(",") : (value ?? "");
    args[key] = /^[[{]/.test(text) ? JSON.parse(text) : text;
  }
  return args;
}

/** Marks a reply that is an HTTP 429 with this Retry-After (seconds). */
const RETRY_AFTER = "__retryAfter";
/** Marks a reply that is this HTTP 5xx status, as Slack's edge answers when it is in trouble. */
const SERVER_ERROR = "__serverError";

export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  readonly responseUrlPosts: ResponseUrlPost[] = [];
  /** Acks received over the Socket Mode WebSocket, by envelope id. */
  readonly socketAcks = new Map<string, Record<string, unknown>>();
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters = new Set<() => void>();
  /** Replies to auth.test; set `ok: false` to simulate a revoked token. */
  authTestReply: Record<string, unknown> = {
    ok: true,
    url: "https://example.slack.com/",
    team: "Example",
    user: "dom0bot",
    team_id: FAKE_TEAM_ID,
    user_id: FAKE_BOT_USER_ID,
    bot_id: FAKE_BOT_ID,
  };

  /** Replaces the apps.connections.open reply (e.g. `{ ok: false, error: "invalid_auth" }`); null: connect. */
  connectionsOpenReply: Record<string, unknown> | null = null;
  /** HTTP 5xx to answer the next calls of a method with (`serverErrorNext`). */
  private readonly serverErrors = new Map<string, { times: number; status: number }>();
  /** Web API errors to answer the next calls of a method with, in order (`failNext`). */
  private readonly failures = new Map<string, string[]>();
  /** 429s to answer, by "method:channel" (`rateLimit`). */
  private readonly rateLimits = new Map<string, { times: number; retryAfterSeconds: number }>();
  /** Methods whose calls are recorded at once but answered only when released (`hold`). */
  private readonly holds = new Map<string, Promise<void>>();

  constructor() {
    this.server = createServer((req, res) => {
      void this.route(req).then(
        (reply) => {
          const status = reply[SERVER_ERROR];
          if (typeof status === "number") {
            res.writeHead(status, { "content-type": "text/html" });
            res.end("<html><body><h1>Service Unavailable</h1></body></html>");
            return;
          }
          const retryAfter = reply[RETRY_AFTER];
          if (typeof retryAfter === "number") {
            res.writeHead(429, { "content-type": "application/json", "retry-after": String(retryAfter) });
            res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
            return;
          }
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(reply));
        },
        (error: unknown) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok: false, error: String(error) }));
        },
      );
    });
    this.wss = new WebSocketServer({ server: this.server, path: "/socket" });
    this.wss.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => {
        this.sockets.delete(socket);
        this.notify();
      });
      socket.on("message", (data) => {
        const message = JSON.parse(String(data)) as {
          envelope_id: string;
          payload?: Record<string, unknown>;
        };
        this.socketAcks.set(message.envelope_id, message.payload ?? {});
        this.notify();
      });
      socket.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { host: "applink-local", approximate_connection_time: 18060 },
          connection_info: { app_id: "A123456" },
        }),
      );
      this.notify();
    });
  }

  private async route(req: IncomingMessage): Promise<Record<string, unknown>> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const raw = await readBody(req);
    if (path.startsWith("/response/")) {
      this.responseUrlPosts.push({ id: path.slice("/response/".length), body: JSON.parse(raw) });
      this.notify();
      return { ok: true };
    }
    const method = path.replace(/^\/api\//, "");
    const auth = req.headers.authorization;
    const call = {
      method,
      args: decodeArgs(raw, req.headers["content-type"]),
      token: auth?.startsWith("Bearer ") ? auth.slice(7) : null,
    };
    this.calls.push(call);
    this.notify();
    await this.holds.get(method);
    const limit = this.rateLimits.get(`${method}:${String(call.args["channel"])}`);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      return { [RETRY_AFTER]: limit.retryAfterSeconds };
    }
    const broken = this.serverErrors.get(method);
    if (broken && broken.times > 0) {
      broken.times -= 1;
      return { [SERVER_ERROR]: broken.status };
    }
    const failure = this.failures.get(method)?.shift();
    if (failure !== undefined) return { ok: false, error: failure };
    // As Slack does: a message whose blocks break Block Kit's rules is refused, not posted.
    const blocks = call.args["blocks"];
    if (Array.isArray(blocks) && blockKitProblems(blocks).length > 0)
      return { ok: false, error: "invalid_blocks" };
    return this.reply(call);
  }

  /** The next `times` calls of `method` in `channel` get HTTP 429 with Retry-After, as Slack limits a channel. */
  rateLimit(method: string, channel: string, times: number, retryAfterSeconds: number): void {
    this.rateLimits.set(`${method}:${channel}`, { times, retryAfterSeconds });
  }

  /** The next `times` calls of `method` get HTTP `status` (5xx) with an HTML body, as an edge in trouble sends. */
  serverErrorNext(method: string, times: number, status = 503): void {
    this.serverErrors.set(method, { times, status });
  }

  /** The next call of `method` gets `{ ok: false, error }`, as Slack answers a refused call. */
  failNext(method: string, error: string): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  /** Calls of `method` are recorded as they arrive but answered only after `release()`. */
  hold(method: string): { release: () => void } {
    let release = () => {};
    this.holds.set(
      method,
      new Promise<void>((resolve) => {
        release = () => {
          this.holds.delete(method);
          resolve();
        };
      }),
    );
    return { release: () => release() };
  }

  private reply(call: ApiCall): Record<string, unknown> {
    const { channel, view } = call.args;
    switch (call.method) {
      case "auth.test":
        return this.authTestReply;
      case "chat.postMessage":
        return { ok: true, channel, ts: `${Date.now() / 1000}`, message: call.args };
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${Date.now() / 1000}` };
      case "views.publish":
        return { ok: true, view: { id: "V0HOME", ...view } };
      case "apps.connections.open":
        return this.connectionsOpenReply ?? { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  private notify(): void {
    for (const waiter of this.waiters) waiter();
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The SLACK_API_URL to give the app. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A fresh response_url whose posts are recorded under `id`. */
  responseUrl(id: string = randomUUID()): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first truthy value of `probe`, re-checked on every recorded call; rejects on timeout. */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 3000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Slack: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Sends an envelope to every connected Socket Mode client, as Slack does; returns its envelope id. */
  sendEnvelope(type: "events_api" | "slash_commands" | "interactive", payload: unknown): string {
    const envelopeId = randomUUID();
    const envelope = {
      envelope_id: envelopeId,
      payload,
      type,
      accepts_response_payload: type !== "events_api",
      ...(type === "events_api" ? { retry_attempt: 0, retry_reason: "" } : {}),
    };
    for (const socket of this.sockets) socket.send(JSON.stringify(envelope));
    return envelopeId;
  }

  get socketConnections(): number {
    return this.sockets.size;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
