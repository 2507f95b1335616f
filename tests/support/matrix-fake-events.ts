/** Events as Synapse serves them, built from tests/fixtures/matrix, and the store of the fake homeserver that keeps
 *  them: rooms, state, the stream positions sync tokens are made of. */
import { randomBytes, randomInt } from "node:crypto";
import command from "../fixtures/matrix/message-command.json" with { type: "json" };
import mention from "../fixtures/matrix/message-mention.json" with { type: "json" };
import thread from "../fixtures/matrix/message-thread-reply.json" with { type: "json" };
import reaction from "../fixtures/matrix/reaction.json" with { type: "json" };
import redaction from "../fixtures/matrix/redaction.json" with { type: "json" };
import roomState from "../fixtures/matrix/room-state.json" with { type: "json" };

/** The user every fixture is written for: replaced by the creator or inviter when the server builds events. */
export const FIXTURE_USER = "@alice:localhost";

// biome-ignore lint/suspicious/noExplicitAny: event content is arbitrary JSON, read by tests and the SDK.
export type Content = Record<string, any>;

/** A room event as the server stores it (the client-server "ClientEvent" format, room_id included). */
export interface RoomEvent {
  type: string;
  sender: string;
  content: Content;
  state_key?: string;
  /** Top-level in room versions up to 10 (the version this server creates), as Synapse serves it. */
  redacts?: string;
  origin_server_ts: number;
  event_id: string;
  room_id: string;
}

/** An event plus what the server knows about it. */
export interface StoredEvent {
  /** Position in the server-wide stream; sync tokens are built from it. */
  pos: number;
  event: RoomEvent;
  /** For what the bot sent: its access token and transaction id (for unsigned.transaction_id). */
  txn?: { token: string; txnId: string };
  /** The m.room.redaction that redacted it, if any. */
  redactedBy?: RoomEvent;
  /** For a state event: the state it replaced. */
  replaces?: { event_id: string; content: Content; sender: string };
}

/** What a test (or the bot) asks to put in a room; the server adds ids and timestamps. */
export interface NewEvent {
  type: string;
  sender: string;
  content: Content;
  state_key?: string;
  redacts?: string;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** A room-version-4+ event id: `$` and 43 characters of URL-safe base64 (a SHA-256 reference hash on Synapse). */
export function newEventId(): string {
  return `$${randomBytes(32).toString("base64url")}`;
}

/** A room id as Synapse makes them: `!`, 18 random letters, `:server`. */
export function newRoomId(server: string): string {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let local = "";
  for (let i = 0; i < 18; i++) local += letters[randomInt(letters.length)];
  return `!${local}:${server}`;
}

export function localpart(userId: string): string {
  return userId.slice(1).split(":")[0] ?? userId;
}

/** Replaces the fixture user by `userId` everywhere in a JSON value (senders, state keys, pills, power levels). */
function asUser<T>(value: T, userId: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll(FIXTURE_USER, userId)) as T;
}

export interface MessageOptions {
  body: string;
  formatted_body?: string;
  msgtype?: string;
  /** `m.mentions` as sent (default `{}`, as Element sends when nobody is mentioned). */
  mentions?: { user_ids?: string[]; room?: boolean };
  /** `m.relates_to` as sent, verbatim. */
  relatesTo?: Content;
}

/** An m.room.message content shaped like the fixtures: plain (message-command.json) or HTML (message-mention.json). */
export function messageContent(options: MessageOptions): Content {
  const content: Content = { ...clone(command.content), body: options.body };
  if (options.msgtype) content["msgtype"] = options.msgtype;
  if (options.formatted_body !== undefined) {
    content["format"] = mention.content.format;
    content["formatted_body"] = options.formatted_body;
  }
  content["m.mentions"] = options.mentions ?? {};
  if (options.relatesTo) content["m.relates_to"] = options.relatesTo;
  return content;
}

/** The `m.relates_to` of a thread reply, as in message-thread-reply.json (Element's fallback reply included). */
export function threadRelation(rootId: string, latestInThread: string): Content {
  return {
    ...clone(thread.content["m.relates_to"]),
    event_id: rootId,
    "m.in_reply_to": { event_id: latestInThread },
  };
}

/** An m.reaction content as in reaction.json. */
export function reactionContent(eventId: string, key: string): Content {
  const content = clone(reaction.content);
  content["m.relates_to"] = { ...content["m.relates_to"], event_id: eventId, key };
  return content;
}

/** An m.room.redaction content as in redaction.json. */
export function redactionContent(reason?: string): Content {
  const { reason: _example, ...rest } = clone(redaction.content);
  return reason === undefined ? rest : { ...rest, reason };
}

/** An m.room.member content: Synapse fills displayname from the profile; an invite may carry is_direct (invite-direct.json). */
export function memberContent(membership: string, displayname?: string, isDirect = false): Content {
  const content: Content = { membership };
  if (displayname !== undefined) content["displayname"] = displayname;
  if (isDirect) content["is_direct"] = true;
  return content;
}

export interface RoomCreation {
  creator: string;
  creatorName: string;
  name?: string;
  encrypted?: boolean;
  joinRule?: "invite" | "public";
}

/** The state Synapse writes for createRoom with the private_chat preset (room-state.json), for `creator`. */
export function initialRoomState(options: RoomCreation): NewEvent[] {
  const events: NewEvent[] = [];
  for (const template of asUser(roomState, options.creator)) {
    const event: NewEvent = {
      type: template.type,
      sender: template.sender,
      state_key: template.state_key,
      content: clone(template.content) as Content,
    };
    if (event.type === "m.room.encryption" && !options.encrypted) continue;
    if (event.type === "m.room.name") {
      if (options.name === undefined) continue;
      event.content = { name: options.name };
    }
    if (event.type === "m.room.member") event.content = memberContent("join", options.creatorName);
    if (event.type === "m.room.join_rules" && options.joinRule)
      event.content = { join_rule: options.joinRule };
    events.push(event);
  }
  return events;
}

/** The state types Synapse copies into invite_state by default (room_prejoin_state), plus the inviter's member. */
export const PREJOIN_STATE_TYPES = new Set([
  "m.room.create",
  "m.room.join_rules",
  "m.room.canonical_alias",
  "m.room.avatar",
  "m.room.encryption",
  "m.room.name",
  "m.room.topic",
]);

/** A stripped state event, as in the invite_state of invite-direct.json. */
export function stripped(event: RoomEvent): Content {
  return { type: event.type, state_key: event.state_key, content: event.content, sender: event.sender };
}

/** The content keys the redaction algorithm keeps, for room versions 6 to 10. */
const KEPT_CONTENT: Record<string, string[]> = {
  "m.room.member": ["membership", "join_authorised_via_users_server"],
  "m.room.create": ["creator"],
  "m.room.join_rules": ["join_rule", "allow"],
  "m.room.power_levels": [
    "ban",
    "events",
    "events_default",
    "kick",
    "redact",
    "state_default",
    "users",
    "users_default",
  ],
  "m.room.history_visibility": ["history_visibility"],
};

/** The event as a redaction leaves it: content pruned, `redacts` gone. */
export function pruned(event: RoomEvent): RoomEvent {
  const keep = KEPT_CONTENT[event.type] ?? [];
  const content: Content = {};
  for (const key of keep) if (key in event.content) content[key] = event.content[key];
  const { redacts: _redacts, ...rest } = event;
  return { ...rest, content };
}

export interface Profile {
  displayname?: string;
  avatar_url?: string;
}

export interface Stamped {
  pos: number;
  content: Content;
}

export interface RoomData {
  roomId: string;
  events: StoredEvent[];
  stateEvents: StoredEvent[];
  state: Map<string, StoredEvent>;
  memberships: Map<string, { pos: number; membership: string }[]>;
  /** Thread root id → the replies in it, in order. */
  threads: Map<string, StoredEvent[]>;
}

/** Everything a restarted server needs to carry on with the same rooms, tokens and transaction ids. */
export interface Snapshot {
  pos: number;
  rooms: { roomId: string; events: StoredEvent[] }[];
  accountData: [string, Stamped][];
  roomAccountData: [string, [string, Stamped][]][];
  filters: Content[];
  txns: [string, string][];
  profiles: [string, Profile][];
  aliases: [string, string][];
}

/** How one request sees events: whose token (for transaction_id), whether room_id is kept, up to which position. */
export interface View {
  token: string;
  withRoomId: boolean;
  upTo: number;
}

export const stateKey = (type: string, key: string) => `${type}\u0000${key}`;

/** The rooms, account data and stream of one fake homeserver: what /sync and the other endpoints read. */
export class HomeserverState {
  pos = 0;
  readonly rooms = new Map<string, RoomData>();
  readonly byId = new Map<string, StoredEvent>();
  readonly accountData = new Map<string, Stamped>();
  readonly roomAccountData = new Map<string, Map<string, Stamped>>();
  /** Typing notices (not kept across restarts, as on a real server). */
  readonly ephemeral: { pos: number; roomId: string; event: Content }[] = [];
  readonly filters: Content[] = [];
  /** `token path` → event id, for idempotent PUTs. */
  readonly txns = new Map<string, string>();
  readonly profiles = new Map<string, Profile>();
  readonly aliases = new Map<string, string>();
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly userId: string,
    snapshot?: Snapshot,
  ) {
    if (!snapshot) return;
    const copy = structuredClone(snapshot);
    for (const { roomId, events } of copy.rooms) {
      const room = this.room(roomId, true);
      for (const stored of events) this.index(room, stored);
    }
    this.pos = copy.pos;
    for (const [type, value] of copy.accountData) this.accountData.set(type, value);
    for (const [roomId, entries] of copy.roomAccountData) this.roomAccountData.set(roomId, new Map(entries));
    this.filters.push(...copy.filters);
    for (const [key, value] of copy.txns) this.txns.set(key, value);
    for (const [key, value] of copy.profiles) this.profiles.set(key, value);
    for (const [key, value] of copy.aliases) this.aliases.set(key, value);
  }

  snapshot(): Snapshot {
    return structuredClone({
      pos: this.pos,
      rooms: [...this.rooms.values()].map((room) => ({ roomId: room.roomId, events: room.events })),
      accountData: [...this.accountData],
      roomAccountData: [...this.roomAccountData].map(([roomId, map]) => [roomId, [...map]]),
      filters: this.filters,
      txns: [...this.txns],
      profiles: [...this.profiles],
      aliases: [...this.aliases],
    } satisfies Snapshot);
  }

  room(roomId: string, create = false): RoomData {
    let room = this.rooms.get(roomId);
    if (!room && create) {
      room = {
        roomId,
        events: [],
        stateEvents: [],
        state: new Map(),
        memberships: new Map(),
        threads: new Map(),
      };
      this.rooms.set(roomId, room);
    }
    if (!room) throw new Error(`no room ${roomId}`);
    return room;
  }

  /** Adds an event to a room at the next stream position and wakes the waiting syncs. */
  append(roomId: string, fresh: NewEvent, txn?: StoredEvent["txn"]): StoredEvent {
    const room = this.room(roomId);
    const event: RoomEvent = {
      ...structuredClone(fresh),
      origin_server_ts: Date.now(),
      event_id: newEventId(),
      room_id: roomId,
    };
    const stored: StoredEvent = { pos: ++this.pos, event, ...(txn ? { txn } : {}) };
    if (event.state_key !== undefined) {
      const before = room.state.get(stateKey(event.type, event.state_key));
      if (before) {
        stored.replaces = {
          event_id: before.event.event_id,
          content: before.event.content,
          sender: before.event.sender,
        };
      }
    }
    if (event.type === "m.room.redaction" && event.redacts) {
      const target = this.byId.get(event.redacts);
      if (target && target.event.room_id === roomId) target.redactedBy = event;
    }
    this.index(room, stored);
    this.notify();
    return stored;
  }

  private index(room: RoomData, stored: StoredEvent): void {
    const { event } = stored;
    room.events.push(stored);
    this.byId.set(event.event_id, stored);
    if (event.state_key !== undefined) {
      room.stateEvents.push(stored);
      room.state.set(stateKey(event.type, event.state_key), stored);
      if (event.type === "m.room.member") {
        const history = room.memberships.get(event.state_key) ?? [];
        history.push({ pos: stored.pos, membership: String(event.content["membership"]) });
        room.memberships.set(event.state_key, history);
      }
    }
    const relation = event.content["m.relates_to"];
    if (relation?.rel_type === "m.thread" && typeof relation.event_id === "string") {
      const replies = room.threads.get(relation.event_id) ?? [];
      replies.push(stored);
      room.threads.set(relation.event_id, replies);
    }
  }

  /** Wakes every waiting /sync (a new event, account data, typing). */
  notify(): void {
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Resolves at the next change, after `ms`, or when `signal` aborts. */
  waitForChange(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.waiters.add(done);
      signal.addEventListener("abort", done);
    });
  }

  stamp(): number {
    this.pos += 1;
    return this.pos;
  }

  membership(roomId: string, userId: string, at = this.pos): string | undefined {
    const history = this.rooms.get(roomId)?.memberships.get(userId) ?? [];
    let found: string | undefined;
    for (const entry of history) {
      if (entry.pos > at) break;
      found = entry.membership;
    }
    return found;
  }

  stateAt(room: RoomData, at: number): Map<string, StoredEvent> {
    const state = new Map<string, StoredEvent>();
    for (const stored of room.stateEvents) {
      if (stored.pos > at) break;
      state.set(stateKey(stored.event.type, stored.event.state_key ?? ""), stored);
    }
    return state;
  }

  /** An event as a client receives it: unsigned.age, transaction_id for its sender, redaction, thread summary. */
  serialize(stored: StoredEvent, view: View): Content {
    const base = stored.redactedBy ? pruned(stored.event) : stored.event;
    const { room_id, ...rest } = base;
    const out: Content = view.withRoomId ? { ...rest, room_id } : { ...rest };
    const unsigned: Content = {};
    const membership = this.membership(room_id, this.userId, stored.pos);
    if (membership) unsigned["membership"] = membership;
    unsigned["age"] = Math.max(0, Date.now() - stored.event.origin_server_ts);
    if (stored.txn && stored.txn.token === view.token) unsigned["transaction_id"] = stored.txn.txnId;
    if (stored.replaces) {
      unsigned["replaces_state"] = stored.replaces.event_id;
      unsigned["prev_content"] = stored.replaces.content;
      unsigned["prev_sender"] = stored.replaces.sender;
    }
    if (stored.redactedBy) {
      const { room_id: redactionRoom, ...redaction } = stored.redactedBy;
      unsigned["redacted_because"] = view.withRoomId ? { ...redaction, room_id: redactionRoom } : redaction;
    }
    const replies = (this.rooms.get(room_id)?.threads.get(base.event_id) ?? []).filter(
      (reply) => reply.pos <= view.upTo && !reply.redactedBy,
    );
    const latest = replies.at(-1);
    if (latest) {
      unsigned["m.relations"] = {
        "m.thread": {
          latest_event: this.serialize(latest, view),
          count: replies.length,
          current_user_participated:
            base.sender === this.userId || replies.some((reply) => reply.event.sender === this.userId),
        },
      };
    }
    out["unsigned"] = unsigned;
    return out;
  }

  profile(userId: string): Profile {
    return this.profiles.get(userId) ?? { displayname: localpart(userId) };
  }

  /** An m.room.member event for `userId`, sent by `sender`; returns its id. */
  member(roomId: string, sender: string, userId: string, membership: string, extra: Content = {}): string {
    const content = { ...memberContent(membership, this.profile(userId).displayname), ...extra };
    if (membership === "leave" || membership === "ban") delete content["displayname"];
    return this.append(roomId, { type: "m.room.member", sender, state_key: userId, content }).event.event_id;
  }

  /** The bot's account data (global, or of one room). */
  setAccountData(type: string, content: Content, roomId?: string): void {
    const stamped = { pos: this.stamp(), content };
    if (roomId === undefined) this.accountData.set(type, stamped);
    else {
      const map = this.roomAccountData.get(roomId) ?? new Map();
      map.set(type, stamped);
      this.roomAccountData.set(roomId, map);
    }
    this.notify();
  }

  /** Who is typing in a room (an m.typing ephemeral event in the next sync). */
  typing(roomId: string, userIds: string[]): void {
    this.ephemeral.push({
      pos: this.stamp(),
      roomId,
      event: { type: "m.typing", content: { user_ids: userIds } },
    });
    this.notify();
  }
}
