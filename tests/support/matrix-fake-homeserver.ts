import { EventEmitter, once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type Content,
  FIXTURE_USER,
  HomeserverState,
  initialRoomState,
  localpart,
  type MessageOptions,
  messageContent,
  type NewEvent,
  newRoomId,
  type Profile,
  reactionContent,
  redactionContent,
  type Snapshot,
  threadRelation,
} from "./matrix-fake-events.js";
import { ClientServerApi, error, type Reply, type SentEvent } from "./matrix-fake-sync.js";
import { withTimeout } from "./with-timeout.js";

export type { Snapshot } from "./matrix-fake-events.js";
export type { SentEvent } from "./matrix-fake-sync.js";

/** Which requests a fault applies to: a substring or RegExp of `METHOD /path`, or a predicate. */
export type RequestMatcher = string | RegExp | ((request: { method: string; path: string }) => boolean);

export interface FakeHomeserverOptions {
  /** The bot's user id; its server name (after the colon) names the rooms. */
  userId: string;
  /** The only access token accepted. */
  accessToken: string;
  deviceId?: string;
  /** The bot's display name (default: its localpart). */
  displayname?: string;
  /** Listen on this port (default 0); with `state`, a restart of an earlier server. */
  port?: number;
  /** A snapshot() of an earlier server: same rooms, same stream positions, same transaction ids. */
  state?: Snapshot;
}

/** One request the client made, recorded when it arrives; `status` is set when it is answered (0 until then,
 *  or when the client went away first; -1 when the fake dropped the connection). */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the client sent.
  body: any;
  status: number;
  receivedAt: number;
}

export interface CreateRoomOptions {
  /** Who creates the room (default: the first member who is not the bot, else @alice:localhost). */
  creator?: string;
  /** Users joined to the room (the bot too, if listed: the room is then already joined). */
  members?: string[];
  /** Users invited by the creator, with is_direct when `direct`. */
  invite?: string[];
  name?: string;
  encrypted?: boolean;
  direct?: boolean;
  /** A local alias, e.g. "xen" for #xen:localhost (also the m.room.canonical_alias). */
  alias?: string;
  public?: boolean;
}

interface Fault {
  matches: (request: { method: string; path: string }) => boolean;
  remaining: number;
  reply?: Reply;
  drop?: boolean;
  gate?: Promise<void>;
}

function matcher(match: RequestMatcher): Fault["matches"] {
  if (typeof match === "function") return match;
  if (typeof match === "string") return ({ method, path }) => `${method} ${path}`.includes(match);
  return ({ method, path }) => match.test(`${method} ${path}`);
}

/** A local Matrix homeserver speaking the client-server API matrix-js-sdk 36 uses, for one bot user. */
export class FakeHomeserver extends EventEmitter {
  url = "";
  port = 0;
  readonly serverName: string;
  readonly deviceId: string;
  readonly state: HomeserverState;
  private readonly server: Server = createServer();
  private readonly recorded: RecordedRequest[] = [];
  private readonly created: SentEvent[] = [];
  private readonly joined: { roomIdOrAlias: string; roomId: string }[] = [];
  private faults: Fault[] = [];
  private readonly closing = new AbortController();
  private readonly api: ClientServerApi;

  constructor(private readonly options: FakeHomeserverOptions) {
    super();
    this.serverName = options.userId.split(":").slice(1).join(":");
    this.deviceId = options.deviceId ?? "DOM0BOTDEV";
    this.state = new HomeserverState(options.userId, options.state);
    this.api = new ClientServerApi(this.state, {
      userId: options.userId,
      deviceId: this.deviceId,
      serverName: this.serverName,
      url: () => this.url,
      closing: this.closing.signal,
      sent: (sent) => this.recordSent(sent),
      joined: (join) => this.joined.push(join),
    });
    if (!this.state.profiles.has(options.userId))
      this.state.profiles.set(options.userId, {
        displayname: options.displayname ?? localpart(options.userId),
      });
    this.server.on("request", (request, response) => {
      this.handle(request, response).catch((failure: unknown) => {
        if (!response.headersSent) response.writeHead(500).end(String(failure));
      });
    });
  }

  get userId(): string {
    return this.options.userId;
  }

  get accessToken(): string {
    return this.options.accessToken;
  }

  async listen(): Promise<void> {
    this.server.listen(this.options.port ?? 0, "127.0.0.1");
    await once(this.server, "listening");
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    this.closing.abort();
    this.state.notify();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The state to start another server with (`startFakeHomeserver({ ..., state, port })`). */
  snapshot(): Snapshot {
    return this.state.snapshot();
  }

  // ---- acting as other users -------------------------------------------------------------------------------

  setProfile(userId: string, profile: Profile): void {
    this.state.profiles.set(userId, profile);
  }

  private append(roomId: string, event: NewEvent): string {
    return this.state.append(roomId, event).event.event_id;
  }

  private member(roomId: string, sender: string, userId: string, membership: string, extra: Content = {}) {
    return this.state.member(roomId, sender, userId, membership, extra);
  }

  /** Creates a room as Synapse's createRoom (private_chat preset) does; returns its id. */
  createRoom(options: CreateRoomOptions = {}): string {
    const members = options.members ?? [];
    const creator = options.creator ?? members.find((id) => id !== this.userId) ?? FIXTURE_USER;
    const roomId = newRoomId(this.serverName);
    this.state.room(roomId, true);
    for (const event of initialRoomState({
      creator,
      creatorName: this.state.profile(creator).displayname ?? localpart(creator),
      name: options.name,
      encrypted: options.encrypted,
      joinRule: options.public ? "public" : "invite",
    }))
      this.append(roomId, event);
    if (options.alias !== undefined) {
      const alias = `#${options.alias}:${this.serverName}`;
      this.state.aliases.set(alias, roomId);
      this.append(roomId, {
        type: "m.room.canonical_alias",
        sender: creator,
        state_key: "",
        content: { alias },
      });
    }
    for (const userId of options.invite ?? [])
      this.invite(roomId, { from: creator, userId, isDirect: options.direct ?? false });
    for (const userId of members) if (userId !== creator) this.member(roomId, userId, userId, "join");
    return roomId;
  }

  /** `from` invites `userId` (default: the bot); returns the invite event's id. */
  invite(roomId: string, options: { from: string; userId?: string; isDirect?: boolean }): string {
    const userId = options.userId ?? this.userId;
    const extra = options.isDirect ? { is_direct: true } : {};
    return this.member(roomId, options.from, userId, "invite", extra);
  }

  join(roomId: string, userId: string): string {
    return this.member(roomId, userId, userId, "join");
  }

  leave(roomId: string, userId: string): string {
    return this.member(roomId, userId, userId, "leave");
  }

  /** `from` kicks `userId` (default: the bot). */
  kick(roomId: string, options: { from: string; userId?: string; reason?: string }): string {
    const extra = options.reason === undefined ? {} : { reason: options.reason };
    return this.member(roomId, options.from, options.userId ?? this.userId, "leave", extra);
  }

  private assertJoined(roomId: string, sender: string): void {
    if (this.state.membership(roomId, sender) !== "join")
      throw new Error(`${sender} is not joined to ${roomId}`);
  }

  /** Any event (a fixture works as is: its type, sender, content and state_key are used); returns its id. */
  sendEvent(
    roomId: string,
    event: { type: string; sender: string; content: Content; state_key?: string },
  ): string {
    this.assertJoined(roomId, event.sender);
    const { type, sender, content, state_key } = event;
    return this.append(roomId, { type, sender, content, ...(state_key === undefined ? {} : { state_key }) });
  }

  /** An m.room.message from `sender`; `threadRoot` makes it a thread reply as Element sends one. */
  sendMessage(roomId: string, options: MessageOptions & { sender: string; threadRoot?: string }): string {
    let relatesTo = options.relatesTo;
    if (options.threadRoot !== undefined) {
      const replies = this.state.room(roomId).threads.get(options.threadRoot) ?? [];
      relatesTo = threadRelation(options.threadRoot, replies.at(-1)?.event.event_id ?? options.threadRoot);
    }
    const content = messageContent({ ...options, ...(relatesTo ? { relatesTo } : {}) });
    return this.sendEvent(roomId, { type: "m.room.message", sender: options.sender, content });
  }

  react(roomId: string, options: { sender: string; eventId: string; key: string }): string {
    const content = reactionContent(options.eventId, options.key);
    return this.sendEvent(roomId, { type: "m.reaction", sender: options.sender, content });
  }

  redact(roomId: string, options: { sender: string; eventId: string; reason?: string }): string {
    this.assertJoined(roomId, options.sender);
    const content = redactionContent(options.reason);
    return this.append(roomId, {
      type: "m.room.redaction",
      sender: options.sender,
      content,
      redacts: options.eventId,
    });
  }

  /** The bot's account data (global, or of one room), as if set by another of its sessions. */
  setAccountData(type: string, content: Content, roomId?: string): void {
    this.state.setAccountData(type, content, roomId);
  }

  /** Who is typing in a room (an m.typing ephemeral event in the next sync). */
  typing(roomId: string, userIds: string[]): void {
    this.state.typing(roomId, userIds);
  }

  // ---- inspecting --------------------------------------------------------------------------------------------

  /** A room's events as /messages would give them (room_id included), oldest first. */
  events(roomId: string): Content[] {
    const view = { token: "", withRoomId: true, upTo: this.state.pos };
    return this.state.room(roomId).events.map((stored) => this.state.serialize(stored, view));
  }

  membership(roomId: string, userId = this.userId): string | undefined {
    return this.state.membership(roomId, userId);
  }

  requests(): RecordedRequest[] {
    return [...this.recorded];
  }

  /** Requests answered 404/405 M_UNRECOGNIZED: endpoints this fake does not implement. */
  unrecognized(): RecordedRequest[] {
    return this.recorded.filter((request) => this.isUnrecognized.has(request));
  }

  private readonly isUnrecognized = new WeakSet<RecordedRequest>();

  sent(): SentEvent[] {
    return [...this.created];
  }

  /** The rooms the bot joined, as it asked (id or alias) and as resolved. */
  joins(): { roomIdOrAlias: string; roomId: string }[] {
    return [...this.joined];
  }

  /** The next event the bot sends from now on. */
  nextSent(timeoutMs = 5000): Promise<SentEvent> {
    return withTimeout(
      once(this, "sent").then(([sent]) => sent as SentEvent),
      timeoutMs,
      "the bot to send an event",
    );
  }

  /** The first event the bot sent or will send that matches. */
  waitForSent(predicate: (sent: SentEvent) => boolean, timeoutMs = 5000): Promise<SentEvent> {
    return this.waitFor("sent", this.created, predicate, timeoutMs);
  }

  /** The first request made or to come that matches. */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs = 5000,
  ): Promise<RecordedRequest> {
    return this.waitFor("request", this.recorded, predicate, timeoutMs);
  }

  private waitFor<T>(
    name: string,
    seen: T[],
    predicate: (item: T) => boolean,
    timeoutMs: number,
  ): Promise<T> {
    const found = seen.find(predicate);
    if (found) return Promise.resolve(found);
    let listener: (item: T) => void = () => {};
    const waiting = new Promise<T>((resolve) => {
      listener = (item: T) => {
        if (predicate(item)) resolve(item);
      };
      this.on(name, listener);
    });
    return withTimeout(waiting, timeoutMs, `a matching ${name}`).finally(() => this.off(name, listener));
  }

  // ---- faults ------------------------------------------------------------------------------------------------

  /** The next `times` matching requests get 429 M_LIMIT_EXCEEDED with retry_after_ms and (unless header is
   *  false) a Retry-After header in whole seconds, rounded up, as the spec (v1.10+) has servers send. */
  rateLimitNext(
    match: RequestMatcher,
    times = 1,
    retryAfterMs = 200,
    options: { header?: boolean } = {},
  ): void {
    const headers: Record<string, string> =
      options.header === false ? {} : { "retry-after": String(Math.ceil(retryAfterMs / 1000)) };
    const reply = {
      ...error(429, "M_LIMIT_EXCEEDED", "Too Many Requests", { retry_after_ms: retryAfterMs }),
      headers,
    };
    this.faults.push({ matches: matcher(match), remaining: times, reply });
  }

  /** The next `times` matching requests fail: 500 as Synapse answers (JSON M_UNKNOWN), 502/503/504 as a
   *  reverse proxy in front of it does (an HTML page). */
  failNext(match: RequestMatcher, times = 1, status = 500): void {
    const reply: Reply =
      status === 500
        ? error(500, "M_UNKNOWN", "Internal server error")
        : {
            status,
            headers: { "content-type": "text/html" },
            text: `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
          };
    this.faults.push({ matches: matcher(match), remaining: times, reply });
  }

  /** The next `times` matching requests get their connection closed without an answer. */
  dropNext(match: RequestMatcher, times = 1): void {
    this.faults.push({ matches: matcher(match), remaining: times, drop: true });
  }

  /** The next `times` matching requests hang (unanswered) until the returned release is called; then they are
   *  answered as usual. `hang("/sync", Infinity)` stops the sync stream. Emits "held" for each held request. */
  hang(match: RequestMatcher, times = 1): () => void {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fault: Fault = { matches: matcher(match), remaining: times, gate };
    this.faults.push(fault);
    return () => {
      fault.remaining = 0;
      release();
    };
  }

  clearFaults(): void {
    this.faults = [];
  }

  // ---- HTTP --------------------------------------------------------------------------------------------------

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? "/", "http://fake");
    const method = request.method ?? "GET";
    const path = url.pathname;
    const text = Buffer.concat(chunks).toString("utf8");
    let body: unknown = null;
    let badJson = false;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      badJson = true;
    }
    const recorded: RecordedRequest = { method, path, query: url.searchParams, body, status: 0, receivedAt };
    this.record(recorded);
    const closed = new AbortController();
    response.on("close", () => closed.abort());

    let reply: Reply | null = null;
    const token =
      request.headers.authorization?.replace(/^Bearer /, "") ??
      url.searchParams.get("access_token") ??
      undefined;
    if (this.needsAuth(method, path)) {
      if (token === undefined) reply = error(401, "M_MISSING_TOKEN", "Missing access token");
      else if (token !== this.accessToken)
        reply = error(401, "M_UNKNOWN_TOKEN", "Invalid access token passed.", { soft_logout: false });
    }
    if (!reply) {
      const fault = this.faults.find(
        (candidate) => candidate.remaining > 0 && candidate.matches({ method, path }),
      );
      if (fault) {
        fault.remaining -= 1;
        if (fault.drop) {
          recorded.status = -1;
          request.socket.destroy();
          return;
        }
        if (fault.gate) {
          this.emit("held", recorded);
          await Promise.race([
            fault.gate,
            new Promise((resolve) => closed.signal.addEventListener("abort", resolve)),
          ]);
          if (closed.signal.aborted) return;
        } else reply = fault.reply ?? null;
      }
    }
    if (!reply && badJson) reply = error(400, "M_NOT_JSON", "Content not JSON.");
    reply ??= await this.api.route(method, path, url.searchParams, body, token ?? "", closed.signal);
    recorded.status = reply.status;
    if (reply.body && (reply.body as Content)["errcode"] === "M_UNRECOGNIZED")
      this.isUnrecognized.add(recorded);
    if (closed.signal.aborted) {
      recorded.status = 0;
      return;
    }
    if (reply.text !== undefined) response.writeHead(reply.status, reply.headers).end(reply.text);
    else
      response
        .writeHead(reply.status, { "content-type": "application/json", ...reply.headers })
        .end(JSON.stringify(reply.body ?? {}));
  }

  private record(recorded: RecordedRequest): void {
    this.recorded.push(recorded);
    this.emit("request", recorded);
  }

  private needsAuth(method: string, path: string): boolean {
    if (path === "/_matrix/client/versions" || path.startsWith("/.well-known/")) return false;
    return !(method === "GET" && /^\/_matrix\/client\/(v3|r0)\/login$/.test(path));
  }

  private recordSent(sent: SentEvent): void {
    this.created.push(sent);
    this.emit("sent", sent);
  }
}

/** Starts a fake homeserver on 127.0.0.1 (port 0 unless given). */
export async function startFakeHomeserver(options: FakeHomeserverOptions): Promise<FakeHomeserver> {
  const homeserver = new FakeHomeserver(options);
  await homeserver.listen();
  return homeserver;
}
