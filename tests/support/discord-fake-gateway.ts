import { EventEmitter } from "node:events";
import type { IncomingMessage } from "node:http";
import { performance } from "node:perf_hooks";
import { type WebSocket, WebSocketServer } from "ws";
import guildCreate from "../fixtures/discord/guild-create.json" with { type: "json" };
import ready from "../fixtures/discord/ready.json" with { type: "json" };

/** Intents Discord only grants when switched on in the Developer Portal: GuildMembers, GuildPresences, MessageContent. */
export const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
export const HEARTBEAT_INTERVAL_MS = 41_250;

interface GatewayPayload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

/** A gateway session: survives its socket, so a RESUME can replay what was missed, as on Discord. */
export interface FakeSession {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  /** Every dispatch sent in this session, for replay after a resume. */
  log: GatewayPayload[];
  socket: WebSocket | null;
}

/** A frame the bot sent over the gateway. */
export interface ReceivedFrame {
  op: number;
  // biome-ignore lint/suspicious/noExplicitAny: assertions read the payload.
  d: any;
  /** The URL path the socket connected to: /gateway, or /resume from READY's resume_gateway_url. */
  path: string;
}

/** The gateway half of the fake: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, dispatches, RESUME with replay. */
export class FakeDiscordGateway extends EventEmitter {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly sessions = new Map<string, FakeSession>();
  readonly received: ReceivedFrame[] = [];
  /** performance.now() when each dispatch went out, by event id (interaction or message id). */
  readonly sentAt = new Map<string, number>();
  private sessionCounter = 0;
  /** While true, an IDENTIFY is accepted and never answered with READY (a gateway stuck mid-handshake). */
  withholdReady = false;

  constructor(
    private readonly validToken: string,
    private readonly resumeUrl: () => string,
  ) {
    super();
  }

  upgrade(request: IncomingMessage, socket: import("node:stream").Duplex, head: Buffer): void {
    const url = new URL(request.url ?? "/", "ws://fake");
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, url));
  }

  private accept(ws: WebSocket, url: URL): void {
    // discord.js asks for v=10&encoding=json, and compress=zlib-stream only when zlib-sync is installed (it is not).
    if (
      url.searchParams.get("encoding") !== "json" ||
      url.searchParams.has("compress") ||
      url.searchParams.get("v") !== "10"
    ) {
      ws.close(4002, "Only v=10, encoding=json, uncompressed is served by this fake");
      return;
    }
    this.sendFrame(ws, {
      op: 10,
      d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS, _trace: ['["fake-gateway"]'] },
      s: null,
      t: null,
    });
    ws.on("message", (data) => {
      let frame: { op?: unknown; d?: unknown };
      try {
        frame = JSON.parse(String(data));
      } catch {
        ws.close(4002, "Error while decoding payload.");
        return;
      }
      this.received.push({ op: Number(frame.op), d: frame.d, path: url.pathname });
      this.onFrame(ws, Number(frame.op), frame.d);
      this.emit("frame", this.received.at(-1));
    });
  }

  private sendFrame(ws: WebSocket, payload: GatewayPayload): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }

  private onFrame(ws: WebSocket, op: number, d: unknown): void {
    if (op === 1) this.sendFrame(ws, { op: 11, d: null, s: null, t: null });
    else if (op === 2) this.identify(ws, d as { token?: string; intents?: number; shard?: [number, number] });
    else if (op === 6) this.resume(ws, d as { token?: string; session_id?: string; seq?: number });
  }

  private identify(ws: WebSocket, d: { token?: string; intents?: number; shard?: [number, number] }): void {
    if (d.token !== this.validToken) return void ws.close(4004, "Authentication failed.");
    const intents = Number(d.intents);
    if ((intents & PRIVILEGED_INTENTS) !== 0) return void ws.close(4014, "Disallowed intent(s).");
    if (this.withholdReady) return;
    this.sessionCounter += 1;
    const session: FakeSession = {
      id: `fake-session-${this.sessionCounter}`,
      shard: d.shard ?? [0, 1],
      intents,
      seq: 0,
      log: [],
      socket: ws,
    };
    this.sessions.set(session.id, session);
    ws.on("close", () => {
      if (session.socket === ws) session.socket = null;
    });
    const guilds = this.guildIdsOf(session).map((id) => ({ id, unavailable: true }));
    this.dispatchTo(session, "READY", {
      ...ready,
      session_id: session.id,
      resume_gateway_url: this.resumeUrl(),
      shard: session.shard,
      guilds,
    });
    for (const id of this.guildIdsOf(session))
      this.dispatchTo(session, "GUILD_CREATE", { ...guildCreate, id });
    this.emit("identified", session);
  }

  private resume(ws: WebSocket, d: { token?: string; session_id?: string; seq?: number }): void {
    const session = d.session_id ? this.sessions.get(d.session_id) : undefined;
    if (d.token !== this.validToken || !session) {
      this.sendFrame(ws, { op: 9, d: false, s: null, t: null });
      return;
    }
    session.socket = ws;
    ws.on("close", () => {
      if (session.socket === ws) session.socket = null;
    });
    for (const payload of session.log.filter((entry) => (entry.s ?? 0) > Number(d.seq ?? 0)))
      this.sendFrame(ws, payload);
    this.dispatchTo(session, "RESUMED", { _trace: ['["fake-gateway"]'] });
    this.emit("resumed", session);
  }

  /** The guilds a shard serves, by Discord's rule (guild_id >> 22) % shard_count. */
  private guildIdsOf(session: FakeSession): string[] {
    const [shardId, count] = session.shard;
    return Number((BigInt(guildCreate.id) >> 22n) % BigInt(count)) === shardId ? [guildCreate.id] : [];
  }

  private dispatchTo(session: FakeSession, t: string, d: unknown): void {
    session.seq += 1;
    const payload: GatewayPayload = { op: 0, d, s: session.seq, t };
    session.log.push(payload);
    if (session.socket) this.sendFrame(session.socket, payload);
  }

  /** Dispatches an event to the session serving a guild (shard 0 for DMs); buffered for replay if its socket is down. */
  dispatch(t: string, d: { id: string; guild_id?: string; [key: string]: unknown }): void {
    const guildId = d.guild_id ? BigInt(d.guild_id) : 0n;
    const target = [...this.sessions.values()]
      .reverse()
      .find((session) => Number((guildId >> 22n) % BigInt(session.shard[1])) === session.shard[0]);
    if (!target) throw new Error(`no gateway session serves guild ${d.guild_id ?? "(DM)"}`);
    this.sentAt.set(d.id, performance.now());
    this.dispatchTo(target, t, d);
  }

  /**
   * Drops every live socket: code 4000 (default) is a clean "unknown error" close a client resumes after; 4004
   * ("Authentication failed") is one it must not reconnect from; abrupt kills the TCP socket (code 1006).
   */
  drop(options: { abrupt?: boolean; code?: 4000 | 4004 } = {}): void {
    for (const session of this.sessions.values()) {
      if (!session.socket) continue;
      if (options.abrupt) session.socket.terminate();
      else if (options.code === 4004) session.socket.close(4004, "Authentication failed.");
      else session.socket.close(4000, "Unknown error");
      session.socket = null;
    }
  }

  /** Sends op 1 HEARTBEAT on every live socket: Discord's way of asking for a heartbeat now. */
  requestHeartbeat(): void {
    for (const session of this.sessions.values()) {
      if (session.socket) this.sendFrame(session.socket, { op: 1, d: null, s: null, t: null });
    }
  }

  /** Sends op 7 RECONNECT on every live socket, as Discord does before moving a session. */
  requestReconnect(): void {
    for (const session of this.sessions.values()) {
      if (session.socket) this.sendFrame(session.socket, { op: 7, d: null, s: null, t: null });
    }
  }

  /** Forgets every session, as after a gateway restart: a RESUME then gets op 9 INVALID_SESSION. */
  forgetSessions(): void {
    this.sessions.clear();
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
