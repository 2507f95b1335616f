/** The client-server endpoints of the fake homeserver: /sync (long poll, tokens, timeline windows, invites, leaves)
 *  and the other calls matrix-js-sdk 36 makes; unknown endpoints answer 404 M_UNRECOGNIZED as Synapse does. */
import { isDeepStrictEqual } from "node:util";
import capabilities from "../fixtures/matrix/capabilities.json" with { type: "json" };
import pushrules from "../fixtures/matrix/pushrules.json" with { type: "json" };
import versions from "../fixtures/matrix/versions.json" with { type: "json" };
import {
  type Content,
  type HomeserverState,
  localpart,
  type NewEvent,
  PREJOIN_STATE_TYPES,
  type RoomData,
  type Stamped,
  type StoredEvent,
  stateKey,
  stripped,
  type View,
} from "./matrix-fake-events.js";

/** The parts of a sync filter this server honours. */
export interface SyncFilter {
  room?: {
    include_leave?: boolean;
    timeline?: { limit?: number; unread_thread_notifications?: boolean };
    state?: { lazy_load_members?: boolean };
  };
}

/** A sync or pagination token for a stream position, shaped like Synapse's (`s72594_4483_1934_...`). */
export function streamToken(pos: number): string {
  return `s${pos}_0_0_0_0_0_0_0_0`;
}

/** The position in a token this server made, or null when it is not one. */
export function parseToken(token: string): number | null {
  const match = /^[st](?:\d+-)?(\d+)(?:_\d+)*$/.exec(token);
  return match ? Number(match[1]) : null;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw text (with content type in headers), as a proxy in front of the homeserver answers. */
  text?: string;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const error = (status: number, errcode: string, message: string, extra: Content = {}): Reply => ({
  status,
  body: { errcode, error: message, ...extra },
});
export const unrecognized = (status = 404) => error(status, "M_UNRECOGNIZED", "Unrecognized request");

/** An event the bot created with a PUT (send, redact or state). */
export interface SentEvent {
  roomId: string;
  type: string;
  txnId?: string;
  content: Content;
  eventId: string;
  stateKey?: string;
  redacts?: string;
}

/** Who the API serves and what it reports to the server around it. */
export interface ApiContext {
  userId: string;
  deviceId: string;
  serverName: string;
  url: () => string;
  /** Aborted when the server closes: pending long polls return. */
  closing: AbortSignal;
  sent: (sent: SentEvent) => void;
  joined: (join: { roomIdOrAlias: string; roomId: string }) => void;
}

/** The client-server API endpoints, answering from a HomeserverState; /sync built as Synapse builds it. */
export class ClientServerApi {
  private readonly userId: string;
  private readonly deviceId: string;
  private readonly serverName: string;
  private readonly closing: AbortSignal;

  constructor(
    private readonly state: HomeserverState,
    private readonly hooks: ApiContext,
  ) {
    this.userId = hooks.userId;
    this.deviceId = hooks.deviceId;
    this.serverName = hooks.serverName;
    this.closing = hooks.closing;
  }

  private get url(): string {
    return this.hooks.url();
  }

  /** Events of a room with since < pos <= upTo. */
  private window(room: RoomData, since: number, upTo: number): StoredEvent[] {
    return room.events.filter((stored) => stored.pos > since && stored.pos <= upTo);
  }

  private stamped(map: Map<string, Stamped> | undefined, since: number | null): Content[] {
    return [...(map ?? [])]
      .filter(([, value]) => since === null || value.pos > since)
      .map(([type, value]) => ({ type, content: value.content }));
  }

  private joinedRoom(
    room: RoomData,
    since: number | null,
    filter: SyncFilter,
    view: View,
    fullState: boolean,
  ): Content | null {
    const limit = filter.room?.timeline?.limit ?? 10;
    const newlyJoined =
      since === null || this.state.membership(room.roomId, this.state.userId, since) !== "join";
    const window = this.window(room, newlyJoined ? 0 : (since ?? 0), view.upTo);
    const limited = window.length > limit;
    const timeline = window.slice(-limit);
    const beforeTimeline = (timeline[0]?.pos ?? view.upTo + 1) - 1;
    let state: StoredEvent[] = [];
    if (newlyJoined || fullState) state = [...this.state.stateAt(room, beforeTimeline).values()];
    else if (limited && since !== null) {
      const then = this.state.stateAt(room, since);
      state = [...this.state.stateAt(room, beforeTimeline)]
        .filter(([key, value]) => then.get(key) !== value)
        .map(([, v]) => v);
    }
    const ephemeral = this.state.ephemeral
      .filter((entry) => entry.roomId === room.roomId && entry.pos <= view.upTo)
      .filter((entry, index, all) => (newlyJoined ? index === all.length - 1 : entry.pos > (since ?? 0)))
      .map((entry) => entry.event);
    const accountData = this.stamped(this.state.roomAccountData.get(room.roomId), newlyJoined ? null : since);
    if (!newlyJoined && !fullState && timeline.length + ephemeral.length + accountData.length === 0)
      return null;
    const joined = [...room.state.values()].filter(
      (stored) => stored.event.type === "m.room.member" && stored.event.content["membership"] === "join",
    );
    const invited = [...room.state.values()].filter(
      (stored) => stored.event.type === "m.room.member" && stored.event.content["membership"] === "invite",
    );
    const lazy = filter.room?.state?.lazy_load_members === true;
    return {
      timeline: {
        events: timeline.map((stored) => this.state.serialize(stored, view)),
        prev_batch: streamToken(beforeTimeline),
        limited,
      },
      state: { events: state.map((stored) => this.state.serialize(stored, view)) },
      account_data: { events: accountData },
      ephemeral: { events: ephemeral },
      unread_notifications: { notification_count: 0, highlight_count: 0 },
      summary: lazy
        ? {
            "m.heroes": joined
              .map((stored) => stored.event.state_key)
              .filter((id) => id !== this.state.userId),
            "m.joined_member_count": joined.length,
            "m.invited_member_count": invited.length,
          }
        : {},
      ...(filter.room?.timeline?.unread_thread_notifications ? { unread_thread_notifications: {} } : {}),
    };
  }

  private invitedRoom(room: RoomData, invite: StoredEvent, view: View): Content {
    const state = [...this.state.stateAt(room, invite.pos - 1).values()]
      .map((stored) => stored.event)
      .filter(
        (event) =>
          PREJOIN_STATE_TYPES.has(event.type) ||
          (event.type === "m.room.member" && event.state_key === invite.event.sender),
      );
    return { invite_state: { events: [...state.map(stripped), this.state.serialize(invite, view)] } };
  }

  private leftRoom(
    room: RoomData,
    since: number,
    leave: StoredEvent,
    filter: SyncFilter,
    view: View,
  ): Content {
    const limit = filter.room?.timeline?.limit ?? 10;
    const window = this.window(room, since, leave.pos);
    const timeline = window.slice(-limit);
    return {
      state: { events: [] },
      timeline: {
        events: timeline.map((stored) => this.state.serialize(stored, view)),
        prev_batch: streamToken((timeline[0]?.pos ?? leave.pos) - 1),
        limited: window.length > limit,
      },
      account_data: { events: [] },
    };
  }

  /** A /sync response from `since` (null: an initial sync) up to now, and whether it carries anything. */
  buildSync(
    token: string,
    since: number | null,
    filter: SyncFilter,
    fullState = false,
  ): { body: Content; empty: boolean } {
    const view: View = { token, withRoomId: false, upTo: this.state.pos };
    const join: Content = {};
    const invite: Content = {};
    const leave: Content = {};
    for (const room of this.state.rooms.values()) {
      const member = room.state.get(stateKey("m.room.member", this.state.userId));
      const now = member?.event.content["membership"];
      const before =
        since === null ? undefined : this.state.membership(room.roomId, this.state.userId, since);
      if (!member) continue;
      if (now === "join") {
        const block = this.joinedRoom(room, since, filter, view, fullState);
        if (block) join[room.roomId] = block;
      } else if (now === "invite") {
        if (since === null || member.pos > since) invite[room.roomId] = this.invitedRoom(room, member, view);
      } else if (since !== null && member.pos > since && (before === "join" || before === "invite")) {
        leave[room.roomId] = this.leftRoom(room, since, member, filter, view);
      } else if (since === null && filter.room?.include_leave) {
        leave[room.roomId] = this.leftRoom(room, 0, member, filter, view);
      }
    }
    const accountData = this.stamped(this.state.accountData, since);
    const rooms: Content = {};
    if (Object.keys(join).length > 0) rooms["join"] = join;
    if (Object.keys(invite).length > 0) rooms["invite"] = invite;
    if (Object.keys(leave).length > 0) rooms["leave"] = leave;
    const body: Content = { next_batch: streamToken(this.state.pos) };
    if (accountData.length > 0) body["account_data"] = { events: accountData };
    body["device_lists"] = { changed: [], left: [] };
    body["device_one_time_keys_count"] = { signed_curve25519: 0 };
    body["org.matrix.msc2732.device_unused_fallback_key_types"] = [];
    body["device_unused_fallback_key_types"] = [];
    if (Object.keys(rooms).length > 0) body["rooms"] = rooms;
    return { body, empty: Object.keys(rooms).length === 0 && accountData.length === 0 };
  }

  async route(
    method: string,
    path: string,
    query: URLSearchParams,
    // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON.
    body: any,
    token: string,
    closed: AbortSignal,
  ): Promise<Reply> {
    if (path === "/_matrix/client/versions") return method === "GET" ? ok(versions) : unrecognized(405);
    if (path === "/.well-known/matrix/client") return ok({ "m.homeserver": { base_url: this.url } });
    if (path === "/_matrix/media/v3/config") return ok({ "m.upload.size": 52428800 });
    const prefix = /^\/_matrix\/client\/(?:v3|r0|v1|unstable)\/(.*)$/.exec(path);
    if (!prefix) return unrecognized();
    const seg = (prefix[1] ?? "").split("/").map((part) => decodeURIComponent(part));
    const [first, second, third, fourth, fifth] = seg;
    const key = `${method} ${first}`;
    const me = this.userId;

    if (key === "GET login") return ok({ flows: [{ type: "m.login.password" }, { type: "m.login.token" }] });
    if (key === "GET account" && second === "whoami")
      return ok({ user_id: me, device_id: this.deviceId, is_guest: false });
    if (key === "GET capabilities") return ok(capabilities);
    if (key === "GET pushrules" && (seg.length === 1 || second === ""))
      return ok(
        JSON.parse(
          JSON.stringify(pushrules)
            .replaceAll("@dom0bot:localhost", me)
            .replaceAll('"dom0bot"', JSON.stringify(localpart(me))),
        ),
      );
    if (key === "GET sync") return this.sync(query, token, closed);
    if (first === "user" && second !== me)
      return error(403, "M_FORBIDDEN", "Cannot access data of other users.");
    if (first === "user" && third === "filter") {
      if (method === "POST" && seg.length === 3) {
        this.state.filters.push(body ?? {});
        return ok({ filter_id: String(this.state.filters.length - 1) });
      }
      const filter = this.state.filters[Number(fourth)];
      if (method === "GET" && filter) return ok(filter);
      return error(404, "M_NOT_FOUND", "No such filter");
    }
    if (first === "user" && (third === "account_data" || fifth === "account_data")) {
      const roomId = third === "rooms" ? fourth : undefined;
      const type = roomId === undefined ? fourth : seg[5];
      if (type === undefined) return unrecognized();
      const map = roomId === undefined ? this.state.accountData : this.state.roomAccountData.get(roomId);
      if (method === "GET") {
        const found = map?.get(type);
        return found ? ok(found.content) : error(404, "M_NOT_FOUND", "Account data not found");
      }
      if (method !== "PUT") return unrecognized(405);
      this.state.setAccountData(type, body ?? {}, roomId);
      return ok({});
    }
    if (key === "POST join" && second) return this.joinRoom(second);
    if (key === "GET joined_rooms")
      return ok({
        joined_rooms: [...this.state.rooms.keys()].filter((id) => this.state.membership(id, me) === "join"),
      });
    if (first === "profile" && second) return this.profileRoute(method, second, third, body);
    if (key === "GET directory" && second === "room" && third) {
      const roomId = this.state.aliases.get(third);
      return roomId
        ? ok({ room_id: roomId, servers: [this.serverName] })
        : error(404, "M_NOT_FOUND", `Room alias ${third} not found`);
    }
    if (key === "GET media" && second === "config") return ok({ "m.upload.size": 52428800 });
    if (key === "GET voip" && second === "turnServer") return ok({});
    if (key === "GET room_keys" && second === "version") return error(404, "M_NOT_FOUND", "No backup found");
    if (first === "presence" && third === "status")
      return method === "GET"
        ? ok({ presence: "online", last_active_ago: 0, currently_active: true })
        : ok({});
    if (first === "rooms" && second) return this.roomRoute(method, seg.slice(1), query, body, token);
    return unrecognized();
  }

  private async sync(query: URLSearchParams, token: string, closed: AbortSignal): Promise<Reply> {
    const sinceToken = query.get("since");
    const since = sinceToken === null ? null : parseToken(sinceToken);
    if (sinceToken !== null && since === null) return error(400, "M_INVALID_PARAM", "Invalid stream token");
    let filter: SyncFilter = {};
    const filterParam = query.get("filter");
    if (filterParam?.startsWith("{")) {
      try {
        filter = JSON.parse(filterParam) as SyncFilter;
      } catch {
        return error(400, "M_NOT_JSON", "Invalid filter JSON");
      }
    } else if (filterParam) {
      const stored = this.state.filters[Number(filterParam)];
      if (!stored) return error(400, "M_INVALID_PARAM", "Invalid filter ID");
      filter = stored as SyncFilter;
    }
    const timeout = Math.max(0, Number(query.get("timeout") ?? 0) || 0);
    const fullState = query.get("full_state") === "true";
    const deadline = Date.now() + timeout;
    for (;;) {
      const { body, empty } = this.buildSync(token, since, filter, fullState);
      const left = deadline - Date.now();
      if (!empty || since === null || fullState || left <= 0 || closed.aborted || this.closing.aborted)
        return ok(body);
      await this.state.waitForChange(left, AbortSignal.any([closed, this.closing]));
    }
  }

  private joinRoom(roomIdOrAlias: string): Reply {
    const roomId = roomIdOrAlias.startsWith("#") ? this.state.aliases.get(roomIdOrAlias) : roomIdOrAlias;
    if (roomId === undefined) return error(404, "M_NOT_FOUND", `Room alias ${roomIdOrAlias} not found`);
    if (!this.state.rooms.has(roomId))
      return error(
        404,
        "M_NOT_FOUND",
        "Can't join remote room because no servers that are in the room have been provided.",
      );
    const membership = this.state.membership(roomId, this.userId);
    if (membership === "ban") return error(403, "M_FORBIDDEN", "You are banned from this room");
    const joinRule = [...this.state.room(roomId).state.values()].find(
      (stored) => stored.event.type === "m.room.join_rules",
    )?.event.content["join_rule"];
    if (membership !== "join" && membership !== "invite" && joinRule !== "public")
      return error(403, "M_FORBIDDEN", "You are not invited to this room.");
    if (membership !== "join") this.state.member(roomId, this.userId, this.userId, "join");
    this.hooks.joined({ roomIdOrAlias, roomId });
    return ok({ room_id: roomId });
  }

  private profileRoute(
    method: string,
    userId: string,
    field: string | undefined,
    body: Content | null,
  ): Reply {
    const profile = this.state.profiles.get(userId);
    if (method === "PUT" && field === "displayname" && userId === this.userId) {
      const displayname = String(body?.["displayname"] ?? "");
      this.state.profiles.set(userId, { ...profile, displayname });
      for (const roomId of this.state.rooms.keys())
        if (this.state.membership(roomId, userId) === "join")
          this.state.member(roomId, userId, userId, "join");
      return ok({});
    }
    if (method !== "GET") return unrecognized(405);
    if (!profile) return error(404, "M_NOT_FOUND", "Profile was not found");
    if (field === undefined) return ok(profile);
    if (field === "displayname" || field === "avatar_url") return ok({ [field]: profile[field] });
    return unrecognized();
  }

  private roomRoute(
    method: string,
    [roomId, action, a, b, c]: (string | undefined)[],
    query: URLSearchParams,
    // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON.
    body: any,
    token: string,
  ): Reply {
    if (!roomId) return unrecognized();
    const me = this.userId;
    const key = `${method} ${action}`;
    if (key === "POST join") return this.joinRoom(roomId);
    const membership = this.state.rooms.has(roomId) ? this.state.membership(roomId, me) : undefined;
    if (key === "POST leave") {
      if (membership === "join" || membership === "invite") this.state.member(roomId, me, me, "leave");
      return ok({});
    }
    const notInRoom = error(403, "M_FORBIDDEN", `User ${me} not in room ${roomId} (None)`);
    const view = { token, withRoomId: true, upTo: this.state.pos };
    if (method === "PUT" && (action === "send" || action === "redact" || action === "state")) {
      if (membership !== "join") return notInRoom;
      if (typeof body !== "object" || body === null || Array.isArray(body))
        return error(400, "M_NOT_JSON", "Content not JSON.");
      if (JSON.stringify(body).length > 65536) return error(413, "M_TOO_LARGE", "event too large");
      if (action === "state") return this.putState(roomId, a ?? "", b ?? "", body);
      const txnId = b;
      if (!a || !txnId) return unrecognized();
      const txnKey = `${token} ${method} /rooms/${roomId}/${action}/${a}/${txnId}`;
      const seen = this.state.txns.get(txnKey);
      if (seen) return ok({ event_id: seen });
      const event: NewEvent =
        action === "send"
          ? { type: a, sender: me, content: body }
          : { type: "m.room.redaction", sender: me, content: body, redacts: a };
      const eventId = this.state.append(roomId, event, { token, txnId }).event.event_id;
      this.state.txns.set(txnKey, eventId);
      this.hooks.sent({
        roomId,
        type: event.type,
        txnId,
        content: body,
        eventId,
        ...(event.redacts ? { redacts: event.redacts } : {}),
      });
      return ok({ event_id: eventId });
    }
    if (method === "PUT" && action === "typing") {
      this.state.typing(roomId, body?.typing ? [me] : []);
      return ok({});
    }
    if (method === "POST" && (action === "receipt" || action === "read_markers")) return ok({});
    if (method !== "GET") return unrecognized(405);
    if (membership === undefined) return notInRoom;
    const room = this.state.room(roomId);
    // Every event is visible to a member: rooms here have history_visibility "shared".
    const visible = room.events;
    if (action === "event" && a) {
      const found = visible.find((stored) => stored.event.event_id === a);
      return found ? ok(this.state.serialize(found, view)) : error(404, "M_NOT_FOUND", "Event not found.");
    }
    if (action === "state") {
      const current = [...room.state.values()];
      if (a === undefined) return ok(current.map((stored) => this.state.serialize(stored, view)));
      const found = current.find((stored) => stored.event.type === a && stored.event.state_key === (b ?? ""));
      return found ? ok(found.event.content) : error(404, "M_NOT_FOUND", "Event not found.");
    }
    if (action === "members" || action === "joined_members") {
      const members = [...room.state.values()].filter((stored) => stored.event.type === "m.room.member");
      if (action === "members")
        return ok({ chunk: members.map((stored) => this.state.serialize(stored, view)) });
      const joined: Content = {};
      for (const stored of members)
        if (stored.event.content["membership"] === "join")
          joined[stored.event.state_key ?? ""] = {
            display_name: stored.event.content["displayname"] ?? null,
            avatar_url: stored.event.content["avatar_url"] ?? null,
          };
      return ok({ joined });
    }
    if (action === "messages") {
      const backwards = query.get("dir") !== "f";
      const limit = Math.min(Number(query.get("limit") ?? 10) || 10, 1000);
      const from = query.get("from");
      const at = from === null ? (backwards ? this.state.pos : 0) : (parseToken(from) ?? 0);
      const page = backwards
        ? visible.filter((stored) => stored.pos <= at).reverse()
        : visible.filter((stored) => stored.pos > at);
      const chunk = page.slice(0, limit);
      const last = chunk.at(-1);
      return ok({
        chunk: chunk.map((stored) => this.state.serialize(stored, view)),
        start: from ?? streamToken(at),
        ...(page.length > limit && last ? { end: streamToken(backwards ? last.pos - 1 : last.pos) } : {}),
      });
    }
    if (action === "relations" && a) {
      const chunk = visible
        .filter((stored) => {
          const relation = stored.event.content["m.relates_to"];
          return (
            relation?.event_id === a &&
            (b === undefined || relation.rel_type === b) &&
            (c === undefined || stored.event.type === c)
          );
        })
        .reverse();
      return ok({ chunk: chunk.map((stored) => this.state.serialize(stored, view)) });
    }
    return unrecognized();
  }

  private putState(roomId: string, type: string, stateKey: string, content: Content): Reply {
    const current = [...this.state.room(roomId).state.values()].find(
      (stored) => stored.event.type === type && stored.event.state_key === stateKey,
    );
    if (current && isDeepStrictEqual(current.event.content, content))
      return ok({ event_id: current.event.event_id });
    const eventId = this.state.append(roomId, { type, sender: this.userId, state_key: stateKey, content })
      .event.event_id;
    this.hooks.sent({ roomId, type, content, eventId, stateKey });
    return ok({ event_id: eventId });
  }
}
