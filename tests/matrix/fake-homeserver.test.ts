import type { EventEmitter } from "node:events";
import {
  ClientEvent,
  createClient,
  EventType,
  HttpApiEvent,
  type ISyncResponse,
  type MatrixClient,
  MatrixError,
  type MatrixEvent,
  MatrixScheduler,
  MemoryStore,
  Method,
  MsgType,
  RelationType,
  type Room,
  RoomEvent,
  type RoomMember,
  RoomMemberEvent,
  SyncAccumulator,
  SyncState,
  type SyncStateData,
} from "matrix-js-sdk";
import type { ReactionEventContent, RoomMessageEventContent } from "matrix-js-sdk/lib/@types/events.js";
import { type PrefixedLogger, logger as sdkLogger } from "matrix-js-sdk/lib/logger.js";
import type { ISavedSync } from "matrix-js-sdk/lib/store/index.js";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import encrypted from "../fixtures/matrix/encrypted.json" with { type: "json" };
import inviteDirect from "../fixtures/matrix/invite-direct.json" with { type: "json" };
import command from "../fixtures/matrix/message-command.json" with { type: "json" };
import mention from "../fixtures/matrix/message-mention.json" with { type: "json" };
import threadReply from "../fixtures/matrix/message-thread-reply.json" with { type: "json" };
import reaction from "../fixtures/matrix/reaction.json" with { type: "json" };
import { type FakeHomeserver, startFakeHomeserver } from "../support/matrix-fake-homeserver.js";
import { streamToken } from "../support/matrix-fake-sync.js";

const BOT = "@dom0bot:localhost";
const ALICE = "@alice:localhost";
const TOKEN = "syt_ZG9tMGJvdA_fakeTokenForTestsOnly_0a1b2c";

/** The SDK logs through loglevel at DEBUG to the console: its root logger is silenced here, and every client
 *  gets this logger (the client's own messages, e.g. "Error sending event", go to opts.logger). */
const silent = {
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
  getChild() {
    return silent;
  },
};
/** The SDK's module-level child loggers keep their own DEBUG level: silenced one by one. */
const SDK_CHILD_LOGGERS = ["MatrixRTCSessionManager", "MatrixRTCSession"];
const consoleCalls: unknown[][] = [];
beforeAll(() => {
  sdkLogger.setLevel("silent", false);
  for (const name of SDK_CHILD_LOGGERS)
    (sdkLogger.getChild(name) as PrefixedLogger).setLevel("silent", false);
  for (const method of ["log", "info", "debug", "warn", "error", "trace"] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleCalls.push(args));
});
afterAll(() => vi.restoreAllMocks());

const servers: FakeHomeserver[] = [];
const clients: MatrixClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.stopClient();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function homeserver(options: Partial<Parameters<typeof startFakeHomeserver>[0]> = {}) {
  const server = await startFakeHomeserver({ userId: BOT, accessToken: TOKEN, ...options });
  servers.push(server);
  return server;
}

/** Resolves with the arguments of the first `event` from now on for which `predicate` holds. */
function waitFor<A extends unknown[]>(
  emitter: MatrixClient,
  event: string,
  predicate: (...args: A) => boolean = () => true,
  timeoutMs = 3000,
): Promise<A> {
  const target = emitter as unknown as EventEmitter;
  return new Promise<A>((resolve, reject) => {
    const timer = setTimeout(() => {
      target.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    function listener(...args: unknown[]) {
      if (!predicate(...(args as A))) return;
      clearTimeout(timer);
      target.off(event, listener);
      resolve(args as A);
    }
    target.on(event, listener);
  });
}

interface Seen {
  event: MatrixEvent;
  live: boolean;
  state: SyncState | null;
}

/** A real matrix-js-sdk client, recording every timeline event it emits and the sync state at that moment. */
function client(server: FakeHomeserver, options: Partial<Parameters<typeof createClient>[0]> = {}) {
  const matrix = createClient({
    baseUrl: server.url,
    accessToken: TOKEN,
    userId: BOT,
    logger: silent,
    ...options,
  });
  clients.push(matrix);
  const timeline: Seen[] = [];
  matrix.on(RoomEvent.Timeline, (event, _room, toStart, _removed, data) => {
    if (!toStart) timeline.push({ event, live: data.liveEvent === true, state: matrix.getSyncState() });
  });
  const bodies = () => timeline.map((seen) => seen.event.getContent()["body"]).filter((body) => body);
  return { matrix, timeline, bodies };
}

async function started(matrix: MatrixClient): Promise<SyncStateData | undefined> {
  const prepared = waitFor<[SyncState, SyncState | null, SyncStateData?]>(
    matrix,
    ClientEvent.Sync,
    (state) => state === SyncState.Prepared,
  );
  await matrix.startClient({ initialSyncLimit: 10 });
  return (await prepared)[2];
}

const syncs = (server: FakeHomeserver) =>
  server.requests().filter((request) => request.path === "/_matrix/client/v3/sync");

/** Waits until the client has made `count` sync requests (the last one may still be a pending long poll). */
async function syncRequests(server: FakeHomeserver, count: number): Promise<void> {
  await vi.waitFor(() => expect(syncs(server).length).toBeGreaterThanOrEqual(count));
}

describe("startup", () => {
  test("asks versions, push rules, capabilities and a filter, then an initial sync; reaches PREPARED", async () => {
    const server = await homeserver();
    const room = server.createRoom({ members: [ALICE, BOT], name: "Xen dom0 questions" });
    for (let i = 1; i <= 15; i++) server.sendMessage(room, { sender: ALICE, body: `old ${i}` });
    const { matrix, timeline } = client(server);
    const data = await started(matrix);
    await syncRequests(server, 2);

    const calls = server.requests().map((request) => `${request.method} ${request.path}`);
    // versions, then push rules and (concurrently) capabilities, then the filter; then the syncs.
    expect(calls[0]).toBe("GET /_matrix/client/versions");
    expect(calls.slice(1, 4).sort()).toEqual([
      "GET /_matrix/client/v3/capabilities",
      "GET /_matrix/client/v3/pushrules/",
      `POST /_matrix/client/v3/user/${encodeURIComponent(BOT)}/filter`,
    ]);
    expect(calls.indexOf("GET /_matrix/client/v3/pushrules/")).toBeLessThan(3);
    expect(calls.slice(4, 6)).toEqual(["GET /_matrix/client/v3/sync", "GET /_matrix/client/v3/sync"]);
    expect(server.unrecognized()).toEqual([]);
    const [initial, second] = syncs(server);
    expect(initial?.query.get("since")).toBeNull();
    expect(initial?.query.get("timeout")).toBe("0");
    expect(JSON.parse(initial?.query.get("filter") ?? "")).toEqual({
      room: { timeline: { unread_thread_notifications: true, limit: 10 } },
    });
    expect(second?.query.get("since")).toBe(data?.nextSyncToken);
    expect(second?.query.get("filter")).toBe("0");
    expect(second?.query.get("timeout")).toBe("30000");

    // A bounded recent timeline: the last 10 events, emitted as *live* events before PREPARED.
    const joined = matrix.getRoom(room) as Room;
    expect(joined.name).toBe("Xen dom0 questions");
    expect(joined.getLiveTimeline().getEvents()).toHaveLength(10);
    expect(joined.getLiveTimeline().getPaginationToken("b" as never)).toMatch(/^s\d+_/);
    expect(timeline.map((seen) => seen.event.getContent()["body"]).at(-1)).toBe("old 15");
    expect(timeline.every((seen) => seen.live && seen.state === null)).toBe(true);
    expect(joined.getJoinedMemberCount()).toBe(2);
  });

  test("a wrong token: 401 M_UNKNOWN_TOKEN, the SDK emits SessionLoggedOut and stops syncing", async () => {
    const server = await homeserver();
    const matrix = createClient({ baseUrl: server.url, accessToken: "wrong", userId: BOT, logger: silent });
    clients.push(matrix);
    const loggedOut = waitFor<[MatrixError]>(matrix, HttpApiEvent.SessionLoggedOut);
    const failed = waitFor(matrix, ClientEvent.Sync, (state) => state === SyncState.Error);
    await matrix.startClient();
    expect((await loggedOut)[0].errcode).toBe("M_UNKNOWN_TOKEN");
    await failed;
    expect(server.requests().at(-1)?.status).toBe(401);
    const missing = await fetch(`${server.url}/_matrix/client/v3/account/whoami`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ errcode: "M_MISSING_TOKEN", error: "Missing access token" });
  });
});

describe("rooms and events", () => {
  test("a DM invite arrives with is_direct; joinRoom joins; m.direct account data and typing arrive", async () => {
    const server = await homeserver();
    const room = server.createRoom({ creator: ALICE, direct: true });
    const { matrix } = client(server);
    await started(matrix);

    const invited = waitFor<[MatrixEvent, RoomMember]>(
      matrix,
      RoomMemberEvent.Membership,
      (_event, member) => member.userId === BOT,
    );
    const stored = waitFor(matrix, ClientEvent.Room, (added: Room) => added.roomId === room);
    const beforeInvite = streamToken(server.state.pos);
    const inviteId = server.invite(room, { from: ALICE, isDirect: true });
    const [memberEvent, member] = await invited;
    expect(member.membership).toBe("invite");
    expect(memberEvent.getId()).toBe(inviteId);
    expect(memberEvent.getContent()).toEqual(inviteDirect.invite_state.events.at(-1)?.content);
    await stored;
    // The rooms.invite entry has the shape of invite-direct.json: stripped state and the invite event itself.
    const response = await fetch(`${server.url}/_matrix/client/v3/sync?since=${beforeInvite}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const raw = (await response.json()) as {
      rooms: { invite: Record<string, { invite_state: { events: Record<string, unknown>[] } }> };
    };
    const shape = (events: Record<string, unknown>[]) =>
      events.map((event) => JSON.stringify([event["type"], Object.keys(event).sort()])).sort();
    expect(shape(raw.rooms.invite[room]?.invite_state.events ?? [])).toEqual(
      shape(inviteDirect.invite_state.events),
    );
    expect(matrix.getRoom(room)?.getMyMembership()).toBe("invite");
    expect(matrix.getRoom(room)?.getDMInviter()).toBe(ALICE);

    const joined = waitFor(matrix, RoomEvent.MyMembership, (_room, membership) => membership === "join");
    await matrix.joinRoom(room);
    await joined;
    expect(server.joins()).toEqual([{ roomIdOrAlias: room, roomId: room }]);
    expect(server.membership(room)).toBe("join");
    expect(matrix.getRoom(room)?.getJoinedMemberCount()).toBe(2);
    // After the join, the SDK finds the inviter through the join's unsigned.prev_content and prev_sender.
    await vi.waitFor(() =>
      expect(matrix.getRoom(room)?.getMember(BOT)?.events.member?.getId()).not.toBe(inviteId),
    );
    expect(matrix.getRoom(room)?.getDMInviter()).toBe(ALICE);

    const direct = waitFor<[MatrixEvent]>(
      matrix,
      ClientEvent.AccountData,
      (event) => event.getType() === "m.direct",
    );
    // The bot records the DM itself (PUT account_data), as a client does; the server echoes it in the next sync.
    await matrix.setAccountData(EventType.Direct, { [ALICE]: [room] });
    expect((await direct)[0].getContent()).toEqual({ [ALICE]: [room] });
    expect(server.state.accountData.get("m.direct")?.content).toEqual({ [ALICE]: [room] });

    const typing = waitFor<[MatrixEvent, RoomMember]>(
      matrix,
      RoomMemberEvent.Typing,
      (_e, who) => who.typing,
    );
    server.typing(room, [ALICE]);
    expect((await typing)[1].userId).toBe(ALICE);
  });

  test("events from other users arrive on the live timeline, shaped as the fixtures", async () => {
    const server = await homeserver();
    const room = server.createRoom({ members: [ALICE, BOT] });
    const { matrix, timeline } = client(server);
    await started(matrix);
    const before = timeline.length;

    const root = server.sendEvent(room, command);
    const ids = [
      root,
      server.sendEvent(room, mention),
      server.sendMessage(room, { sender: ALICE, body: "!dom0 and in a thread?", threadRoot: root }),
      server.react(room, { sender: ALICE, eventId: root, key: "👍" }),
      server.sendEvent(room, encrypted),
    ];
    await vi.waitFor(() => expect(timeline.length - before).toBe(5));
    const seen = timeline.slice(before);
    expect(seen.map((item) => item.event.getId())).toEqual(ids);
    expect(seen.every((item) => item.live && item.state === SyncState.Syncing)).toBe(true);
    const [plain, pill, reply, thumbs, secret] = seen.map((item) => item.event);
    expect(plain?.getContent()).toEqual(command.content);
    expect(pill?.getContent()).toEqual(mention.content);
    expect(pill?.getId()).toMatch(/^\$[A-Za-z0-9_-]{43}$/);
    expect(pill?.getSender()).toBe(ALICE);
    // Thread support is off by default (opts.threadSupport): a thread reply is an ordinary timeline event.
    expect(reply?.getContent()["m.relates_to"]).toEqual({
      ...threadReply.content["m.relates_to"],
      event_id: root,
      "m.in_reply_to": { event_id: root },
    });
    expect(reply?.threadRootId).toBe(root);
    expect(thumbs?.getRelation()).toEqual({ ...reaction.content["m.relates_to"], event_id: root });
    // Without crypto the SDK hands m.room.encrypted events on as they are.
    expect(secret?.getType()).toBe("m.room.encrypted");
    expect(secret?.isEncrypted()).toBe(true);

    const raw = server.events(room).at(-5);
    expect(Object.keys(raw ?? {}).sort()).toEqual(
      ["content", "event_id", "origin_server_ts", "room_id", "sender", "type", "unsigned"].sort(),
    );
    expect(raw?.["unsigned"]).toMatchObject({
      membership: "join",
      "m.relations": { "m.thread": { count: 1 } },
    });

    const redacted = waitFor<[MatrixEvent]>(matrix, RoomEvent.Redaction);
    server.redact(room, { sender: ALICE, eventId: ids[1] ?? "", reason: "wrong room" });
    await redacted;
    expect(pill?.isRedacted()).toBe(true);
    expect(server.events(room).find((event) => event["event_id"] === ids[1])?.["content"]).toEqual({});
  });

  test("what the bot sends reaches the server with its content and comes back with its transaction_id", async () => {
    const server = await homeserver();
    const room = server.createRoom({ members: [ALICE, BOT] });
    const question = server.sendEvent(room, command);
    const { matrix, timeline } = client(server);
    await started(matrix);

    const content: RoomMessageEventContent = {
      msgtype: MsgType.Text,
      body: "Yes: the T480 can be the dom0.",
      format: "org.matrix.custom.html",
      formatted_body: "<p><strong>Yes</strong>: the T480 can be the dom0.</p>",
      "m.mentions": {},
    };
    // The local echo is a Timeline event; the remote echo (matched by unsigned.transaction_id) only updates it.
    const echoed = waitFor<[MatrixEvent]>(
      matrix,
      RoomEvent.LocalEchoUpdated,
      (event) => event.status === null,
    );
    const { event_id } = await matrix.sendMessage(room, question, { ...content });
    const sent = server.sent()[0];
    expect(sent).toEqual({
      roomId: room,
      type: "m.room.message",
      txnId: expect.any(String),
      eventId: event_id,
      content: {
        ...content,
        "m.relates_to": { rel_type: "m.thread", event_id: question, is_falling_back: true },
      },
    });
    // The SDK adds m.in_reply_to only when it has a Thread object (threadSupport: true); a bot sets it itself.
    expect(sent?.content["m.relates_to"]["m.in_reply_to"]).toBeUndefined();
    const [echo] = await echoed;
    expect(echo.getId()).toBe(event_id);
    expect(echo.getUnsigned().transaction_id).toBe(sent?.txnId);
    expect(timeline.filter((seen) => seen.event.getId() === event_id)).toHaveLength(1);

    const thumbs: ReactionEventContent = {
      "m.relates_to": { rel_type: RelationType.Annotation, event_id: question, key: "👀" },
    };
    expect(thumbs["m.relates_to"].rel_type).toBe(reaction.content["m.relates_to"].rel_type);
    await matrix.sendEvent(room, EventType.Reaction, thumbs);
    await matrix.redactEvent(room, event_id, undefined, { reason: "superseded" });
    expect(server.sent().map(({ type, redacts, content: body }) => ({ type, redacts, body }))).toEqual([
      expect.objectContaining({ type: "m.room.message" }),
      { type: "m.reaction", redacts: undefined, body: thumbs },
      { type: "m.room.redaction", redacts: event_id, body: { reason: "superseded" } },
    ]);
    // Once started, sending costs one PUT each and receiving nothing but /sync.
    const afterStart = server.requests().slice(5);
    expect(
      afterStart.filter((request) => !request.path.endsWith("/sync")).map((request) => request.method),
    ).toEqual(["PUT", "PUT", "PUT"]);
    expect(
      afterStart.some((request) => request.path.includes(`/redact/${encodeURIComponent(event_id)}/`)),
    ).toBe(true);

    // Sending into an encrypted room without crypto fails in the SDK, before any request.
    const secret = server.createRoom({ members: [ALICE, BOT], encrypted: true });
    await waitFor(matrix, ClientEvent.Room, (joined: Room) => joined.roomId === secret);
    await expect(matrix.sendTextMessage(secret, "hello")).rejects.toThrow(/configured to use encryption/);
    expect(server.sent()).toHaveLength(3);
  });

  test("a PUT with the same transaction id is idempotent; a kick ends in rooms.leave", async () => {
    const server = await homeserver();
    const room = server.createRoom({ members: [ALICE, BOT] });
    const put = () =>
      fetch(`${server.url}/_matrix/client/v3/rooms/${encodeURIComponent(room)}/send/m.room.message/txn1`, {
        method: "PUT",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ msgtype: "m.text", body: "once" }),
      }).then((response) => response.json());
    const first = await put();
    expect(await put()).toEqual(first);
    expect(server.sent()).toHaveLength(1);

    const { matrix } = client(server);
    await started(matrix);
    const left = waitFor(matrix, RoomEvent.MyMembership, (_room, membership) => membership === "leave");
    server.kick(room, { from: ALICE, reason: "bye" });
    await left;
    const leaveSync = server.requests().filter((request) => request.path.endsWith("/sync"));
    expect(leaveSync.length).toBeGreaterThanOrEqual(2);
  });
});

describe("rate limits and failures", () => {
  test("a 429 with retry_after_ms is retried by the SDK's scheduler after that delay, and arrives once", async () => {
    const server = await homeserver();
    const room = server.createRoom({ members: [ALICE, BOT] });
    const { matrix } = client(server);
    await started(matrix);

    const other = server.createRoom({ members: [ALICE, BOT] });
    await waitFor(matrix, ClientEvent.Room, (joined: Room) => joined.roomId === other);

    server.rateLimitNext("PUT /_matrix/client/v3/rooms/", 1, 300, { header: false });
    const [first, second] = await Promise.all([
      matrix.sendTextMessage(room, "after the limit"),
      matrix.sendTextMessage(other, "queued behind it, in another room"),
    ]);
    const puts = server.requests().filter((request) => request.method === "PUT");
    expect(puts.map((request) => request.status)).toEqual([429, 200, 200]);
    expect(puts[0]?.path).toBe(puts[1]?.path);
    const waited = (puts[1]?.receivedAt ?? 0) - (puts[0]?.receivedAt ?? 0);
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(900);
    // Every m.room.message and relation of a client goes through one FIFO queue ("message"), whatever the room.
    expect(puts[2]?.path).toContain(encodeURIComponent(other));
    expect(server.sent().map((sent) => sent.eventId)).toEqual([first.event_id, second.event_id]);
  });

  test("with a Retry-After header the SDK waits the header's whole seconds, not retry_after_ms", async () => {
    const server = await homeserver();
    const room = server.createRoom({ members: [ALICE, BOT] });
    const { matrix } = client(server);
    await started(matrix);

    server.rateLimitNext("/send/", 1, 100);
    await matrix.sendTextMessage(room, "after the header");
    const puts = server.requests().filter((request) => request.method === "PUT");
    expect(puts.map((request) => request.status)).toEqual([429, 200]);
    expect((puts[1]?.receivedAt ?? 0) - (puts[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(990);
    expect(server.sent()).toHaveLength(1);
  });

  test("a 500 (Synapse) or 502 (proxy page) on send is retried after 2 s of backoff", async () => {
    const run = async (status: number) => {
      const server = await homeserver();
      const room = server.createRoom({ members: [ALICE, BOT] });
      const { matrix } = client(server);
      await started(matrix);
      server.failNext("/send/", 1, status);
      await matrix.sendTextMessage(room, `after a ${status}`);
      const puts = server.requests().filter((request) => request.method === "PUT");
      expect(puts.map((request) => request.status)).toEqual([status, 200]);
      expect((puts[1]?.receivedAt ?? 0) - (puts[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(1990);
      expect(server.sent()).toHaveLength(1);
    };
    await Promise.all([run(500), run(502)]);
  });

  test("not retried: a 4xx, a dropped connection, a local timeout; nor joinRoom on a 429", async () => {
    const server = await homeserver();
    const room = server.createRoom({ members: [ALICE, BOT] });
    const elsewhere = server.createRoom({ members: [ALICE] });
    const { matrix } = client(server, { localTimeoutMs: 300 });
    await started(matrix);

    // A give-up rejects everything queued behind it too: the answer to `room` is never sent.
    const refused = matrix.sendTextMessage(elsewhere, "not a member");
    const behind = matrix.sendTextMessage(room, "queued behind the refused one");
    await expect(refused).rejects.toMatchObject({ httpStatus: 403, errcode: "M_FORBIDDEN" });
    await expect(behind).rejects.toMatchObject({ httpStatus: 403, errcode: "M_FORBIDDEN" });
    expect(server.requests().filter((request) => request.method === "PUT")).toHaveLength(1);
    server.dropNext("/send/");
    await expect(matrix.sendTextMessage(room, "dropped")).rejects.toMatchObject({ name: "ConnectionError" });
    server.hang("/send/");
    await expect(matrix.sendTextMessage(room, "hung")).rejects.toMatchObject({ name: "AbortError" });
    expect(server.requests().filter((request) => request.method === "PUT")).toHaveLength(3);

    server.rateLimitNext("/join/", 1, 100);
    server.invite(elsewhere, { from: ALICE });
    const error = await matrix.joinRoom(elsewhere).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(MatrixError);
    expect((error as MatrixError).errcode).toBe("M_LIMIT_EXCEEDED");
    expect(server.joins()).toEqual([]);
  });

  test("the scheduler's schedule for these errors: 2, 4, 8, 16 s then give up; 429: its delay, 5 times", async () => {
    const server = await homeserver();
    const { matrix } = client(server);
    const errorFor = (fault: () => void) => {
      fault();
      return matrix.http.authedRequest(Method.Get, "/account/whoami").catch((failure: unknown) => failure);
    };
    const schedule = (error: unknown) =>
      [1, 2, 3, 4, 5].map((attempts) =>
        MatrixScheduler.RETRY_BACKOFF_RATELIMIT(null, attempts, error as MatrixError),
      );
    expect(schedule(await errorFor(() => server.failNext("/whoami", 1, 500)))).toEqual([
      2000, 4000, 8000, 16000, -1,
    ]);
    expect(schedule(await errorFor(() => server.failNext("/whoami", 1, 502)))).toEqual([
      2000, 4000, 8000, 16000, -1,
    ]);
    expect(schedule(await errorFor(() => server.rateLimitNext("/whoami", 1, 2500)))).toEqual([
      3000, 3000, 3000, 3000, -1,
    ]);
    expect(
      schedule(await errorFor(() => server.rateLimitNext("/whoami", 1, 2500, { header: false }))),
    ).toEqual([2500, 2500, 2500, 2500, -1]);
    expect(schedule(await errorFor(() => server.dropNext("/whoami")))).toEqual([-1, -1, -1, -1, -1]);
    expect(await matrix.whoami()).toEqual({ user_id: BOT, device_id: server.deviceId, is_guest: false });
  });

  test("a 502 on /sync: RECONNECTING, then (retried at once) syncing again without losing events", async () => {
    const server = await homeserver();
    const room = server.createRoom({ members: [ALICE, BOT] });
    const { matrix, bodies } = client(server);
    await started(matrix);
    await syncRequests(server, 2);

    server.failNext("GET /_matrix/client/v3/sync", 1, 502);
    const reconnecting = waitFor(matrix, ClientEvent.Sync, (state) => state === SyncState.Reconnecting);
    server.sendMessage(room, { sender: ALICE, body: "wakes the long poll" });
    await reconnecting;
    server.sendMessage(room, { sender: ALICE, body: "sent while reconnecting" });
    expect(matrix.retryImmediately()).toBe(true);
    await vi.waitFor(() => expect(bodies()).toContain("sent while reconnecting"));
    expect(bodies()).toEqual(["wakes the long poll", "sent while reconnecting"]);
  });

  test("a hung /sync delivers nothing until released", async () => {
    const server = await homeserver();
    const room = server.createRoom({ members: [ALICE, BOT] });
    const { matrix, bodies } = client(server);
    await started(matrix);
    await syncRequests(server, 2);

    const release = server.hang("GET /_matrix/client/v3/sync", Number.POSITIVE_INFINITY);
    const held = new Promise((resolve) => server.once("held", resolve));
    server.sendMessage(room, { sender: ALICE, body: "ends the current long poll" });
    await held;
    server.sendMessage(room, { sender: ALICE, body: "held back" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bodies()).toEqual(["ends the current long poll"]);
    release();
    await vi.waitFor(() => expect(bodies()).toContain("held back"));
  });
});

describe("restarts", () => {
  /** Keeps only the sync token, in `saved` (a file or a database row for a real bot). */
  class TokenStore extends MemoryStore {
    constructor(private readonly saved: { token: string | null }) {
      super();
    }
    override getSavedSyncToken(): Promise<string | null> {
      return Promise.resolve(this.saved.token);
    }
    override setSyncToken(token: string): void {
      super.setSyncToken(token);
      this.saved.token = token;
    }
  }

  /** Keeps the accumulated sync (rooms, state, recent timeline, account data) as JSON, as the IndexedDB store does. */
  class AccumulatingStore extends MemoryStore {
    private readonly accumulator = new SyncAccumulator();
    constructor(private readonly saved: { sync: ISavedSync | null }) {
      super();
      if (saved.sync) {
        const { nextBatch, roomsData, accountData } = saved.sync;
        this.accumulator.accumulate(
          { next_batch: nextBatch, rooms: roomsData, account_data: { events: accountData } } as ISyncResponse,
          true,
        );
      }
    }
    override setSyncData(data: ISyncResponse): Promise<void> {
      this.accumulator.accumulate(data);
      return Promise.resolve();
    }
    override wantsSave(): boolean {
      return true;
    }
    override save(): Promise<void> {
      this.saved.sync = JSON.parse(JSON.stringify(this.accumulator.getJSON()));
      return Promise.resolve();
    }
    override getSavedSync(): Promise<ISavedSync | null> {
      return Promise.resolve(this.saved.sync ? structuredClone(this.saved.sync) : null);
    }
    override getSavedSyncToken(): Promise<string | null> {
      return Promise.resolve(this.saved.sync?.nextBatch ?? null);
    }
  }

  test("a saved sync token, across a restart of the bot and of the server: only newer events", async () => {
    const first = await homeserver();
    const room = first.createRoom({ members: [ALICE, BOT] });
    first.sendMessage(room, { sender: ALICE, body: "before the first start" });
    const saved = { token: null as string | null };
    const one = client(first, { store: new TokenStore(saved) });
    await started(one.matrix);
    first.sendMessage(room, { sender: ALICE, body: "while running" });
    await vi.waitFor(() => expect(one.bodies()).toContain("while running"));
    one.matrix.stopClient();

    const state = first.snapshot();
    first.sendMessage(room, { sender: ALICE, body: "lost with the old server" });
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    const second = await homeserver({ state, port: first.port });
    second.sendMessage(room, { sender: ALICE, body: "while the bot was down" });

    const two = client(second, { store: new TokenStore(saved) });
    await started(two.matrix);
    second.sendMessage(room, { sender: ALICE, body: "after the restart" });
    await vi.waitFor(() => expect(two.bodies()).toContain("after the restart"));
    expect(two.bodies()).toEqual(["while the bot was down", "after the restart"]);
    // The missed message comes in the first sync, which is the one that makes the client PREPARED: it is
    // emitted before PREPARED, as live. A bot that ignores everything before PREPARED would drop it.
    expect(two.timeline[0]).toMatchObject({ live: true, state: null });
    // No initial sync: the first request resumes from the token (with a new filter: the SDK keeps filter ids in
    // localStorage, which Node lacks, so every start POSTs one).
    const [resumed] = syncs(second);
    expect(resumed?.query.get("since")).toMatch(/^s\d+_/);
    expect(resumed?.query.get("filter")).toMatch(/^\d+$/);
    expect(two.matrix.getRoom(room)?.getJoinedMemberCount()).toBe(0);
  });

  test("a saved accumulated sync: old events come back from the cache as not live, then only new ones", async () => {
    const server = await homeserver();
    const room = server.createRoom({ members: [ALICE, BOT] });
    server.sendMessage(room, { sender: ALICE, body: "before the first start" });
    const saved = { sync: null as ISavedSync | null };
    const one = client(server, { store: new AccumulatingStore(saved) });
    await started(one.matrix);
    server.sendMessage(room, { sender: ALICE, body: "while running" });
    await vi.waitFor(() => expect(one.bodies()).toContain("while running"));
    // The store saves after processing a sync, before the next request: wait for the request that follows.
    await server.waitForRequest((request) => request.query.get("since") === one.matrix.store.getSyncToken());
    one.matrix.stopClient();
    server.sendMessage(room, { sender: ALICE, body: "while the bot was down" });

    const two = client(server, { store: new AccumulatingStore(saved) });
    await started(two.matrix);
    await vi.waitFor(() => expect(two.bodies()).toContain("while the bot was down"));
    const cached = two.timeline.filter((seen) => !seen.live).map((seen) => seen.event.getContent()["body"]);
    expect(cached).toContain("while running");
    const live = two.timeline.filter((seen) => seen.live);
    expect(live.map((seen) => seen.event.getContent()["body"])).toEqual(["while the bot was down"]);
    expect(live[0]?.state).toBe(SyncState.Prepared);
    expect(two.matrix.getRoom(room)?.getJoinedMemberCount()).toBe(2);
  });
});

test("the SDK wrote nothing to the console", () => {
  expect(consoleCalls).toEqual([]);
});
