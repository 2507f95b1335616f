/**
 * The Matrix bot on matrix-js-sdk 36: joins rooms it is invited to, answers `!dom0 QUESTION`, mentions and
 * direct rooms in a thread under the question, takes 👍/👎 reactions as ratings, and resumes its sync after a
 * restart without answering anything twice. The question flow is the shared one (adapters/common/flow.ts).
 */
import { performance } from "node:perf_hooks";
import { LRUCache } from "lru-cache";
import {
  ClientEvent,
  createClient,
  EventType,
  type MatrixClient,
  type MatrixEvent,
  type Room,
  RoomEvent,
  RoomMemberEvent,
  SyncState,
} from "matrix-js-sdk";
import type { Answer, Dom0Core } from "../../src/types.js";
import { createConversations } from "../common/conversations.js";
import { createQuestionFlow } from "../common/flow.js";
import type { Health } from "../common/health.js";
import type { Ops } from "../common/ops.js";
import { ratingId } from "../common/rating-id.js";
import { APOLOGY_TEXT, createInFlight } from "../common/shutdown.js";
import type { MatrixConfig } from "./config.js";
import { quietSdk, sdkLoggerFor, whoAmI } from "./connect.js";
import { addressed, type BotIdentity, threadRootOf } from "./questions.js";
import { type MatrixMessage, renderMatrixAnswer, renderMatrixHelp, renderMatrixNotice } from "./render.js";
import { alreadyAnswered, joinInvited, perRoomScheduler } from "./rooms.js";
import { FileSyncStore } from "./store.js";

/** How long start() waits for the first sync. */
const READY_TIMEOUT_MS = 30_000;
/** Any request the SDK makes gives up after this (its sync long-poll has its own 30 s timeout on top). */
const REQUEST_TIMEOUT_MS = 15_000;
const RATINGS: Record<string, "up" | "down"> = { "👍": "up", "👍️": "up", "👎": "down", "👎️": "down" };

export interface MatrixBot {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The SDK client, once started (tests read its sync state). */
  readonly client: MatrixClient | null;
}

export function createMatrixBot(options: {
  config: MatrixConfig;
  core: Dom0Core;
  ops: Ops;
  health?: Health;
}): MatrixBot {
  const { config, core, ops } = options;
  const log = ops.logger.child({ component: "matrix" });
  const conversations = createConversations();
  const inFlight = createInFlight();
  /** Our answers by event id, for the reactions that rate them. */
  const answers = new LRUCache<string, Answer>({ max: 10_000 });
  const seen = new LRUCache<string, true>({ max: 10_000 });
  const help = renderMatrixHelp(core);
  const flow = createQuestionFlow<MatrixMessage>({
    platform: "matrix",
    core,
    ops,
    conversations,
    render: { answer: renderMatrixAnswer, help: () => help },
  });
  let client: MatrixClient | null = null;
  let stopping = false;
  const warnedEncrypted = new Set<string>();

  async function reply(room: Room, question: MatrixEvent, message: MatrixMessage): Promise<string> {
    const root = threadRootOf(question);
    const sent = await (client as MatrixClient).sendEvent(room.roomId, null, EventType.RoomMessage, {
      ...message,
      "m.relates_to": {
        rel_type: "m.thread",
        event_id: root,
        is_falling_back: true,
        "m.in_reply_to": { event_id: question.getId() ?? root },
      },
    } as never);
    return sent.event_id;
  }

  async function answerMessage(event: MatrixEvent, room: Room, bot: BotIdentity): Promise<void> {
    const root = threadRootOf(event);
    const thread = `matrix:thread:${room.roomId}:${root}`;
    const asked = addressed(event, room, bot, conversations.recall(thread) !== null);
    if (asked === null) return;
    const sender = event.getSender() ?? "";
    const work = flow(
      {
        text: asked.how === "command" && asked.text === "" ? "help" : asked.text,
        userKey: `matrix:${sender}`,
        userId: sender,
        receivedAt: performance.now(),
        conversation: thread,
        quietUnlessUnderstood: asked.how === "thread",
      },
      {
        send: async (message, answer) => {
          const id = await reply(room, event, message);
          if (answer) answers.set(id, answer);
          return id;
        },
        tellLimited: (text) => reply(room, event, renderMatrixNotice(text)),
      },
    ).catch(async (error: unknown) => {
      log.error({ err: error, room: room.roomId }, "matrix: answering failed; sending an apology");
      await reply(room, event, renderMatrixNotice(APOLOGY_TEXT)).catch((apologyError: unknown) =>
        log.warn({ err: apologyError }, "matrix: the apology could not be sent either"),
      );
    });
    await inFlight.track(work);
  }

  function rate(event: MatrixEvent): void {
    const relation = event.getContent()["m.relates_to"] as { event_id?: string; key?: string } | undefined;
    const answer = relation?.event_id ? answers.get(relation.event_id) : undefined;
    const rating = RATINGS[relation?.key ?? ""];
    if (!answer || !rating) return;
    const once = `rated:${event.getSender()}:${relation?.event_id}`;
    if (seen.has(once)) return;
    seen.set(once, true);
    ops.rated("matrix", ratingId(rating, answer), event.getSender());
  }

  return {
    get client() {
      return client;
    },
    async start() {
      quietSdk();
      const identity = await whoAmI(config, REQUEST_TIMEOUT_MS);
      const store = new FileSyncStore(config.storePath, (problem) =>
        log.warn(`matrix: sync store: ${problem}`),
      );
      const matrix = createClient({
        baseUrl: config.homeserverUrl,
        accessToken: config.accessToken,
        userId: identity.userId,
        ...(identity.deviceId ? { deviceId: identity.deviceId } : {}),
        store,
        scheduler: perRoomScheduler(),
        logger: sdkLoggerFor(log),
        localTimeoutMs: REQUEST_TIMEOUT_MS,
      });
      client = matrix;
      const bot: BotIdentity = { userId: identity.userId, displayName: null };
      let prepared = false;
      const pending: { event: MatrixEvent; room: Room }[] = [];

      matrix.on(RoomMemberEvent.Membership, (_event, member) => {
        if (member.userId === identity.userId && member.membership === "invite" && !stopping)
          void inFlight.track(joinInvited(matrix, member.roomId, log, () => stopping));
      });
      matrix.on(RoomEvent.Timeline, (event, room, toStartOfTimeline, _removed, data) => {
        // Only what arrives live once the client is in sync: history (the first sync of a new bot, or the saved
        // state of a restarted one) is never answered.
        if (!prepared || stopping || toStartOfTimeline || !data?.liveEvent || room === undefined) return;
        const id = event.getId();
        if (!id || event.getSender() === identity.userId || seen.has(id)) return;
        seen.set(id, true);
        if (event.getType() === "m.reaction") return rate(event);
        if (event.getType() === "m.room.encrypted" && !warnedEncrypted.has(room.roomId)) {
          warnedEncrypted.add(room.roomId);
          log.warn(
            { room: room.roomId },
            "matrix: this room is encrypted; the bot cannot read or answer in it",
          );
          return;
        }
        bot.displayName = room.getMember(identity.userId)?.rawDisplayName ?? bot.displayName;
        // Answered once the whole sync batch is in: a batch seen again after a crash carries our own replies
        // too, later in it, and they say which questions were answered already.
        pending.push({ event, room });
      });
      matrix.on(ClientEvent.Sync, () => {
        const batch = pending.splice(0);
        for (const { event, room } of batch) {
          if (alreadyAnswered(room, event, identity.userId)) continue;
          void answerMessage(event, room, bot);
        }
      });
      options.health?.add({
        name: "matrix",
        healthy: () =>
          [SyncState.Prepared, SyncState.Syncing, SyncState.Catchup].includes(
            matrix.getSyncState() as SyncState,
          ),
      });

      const ready = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`Matrix: no first sync within ${READY_TIMEOUT_MS / 1000} s`)),
          READY_TIMEOUT_MS,
        );
        matrix.on(ClientEvent.Sync, (state, _previous, data) => {
          if (state === SyncState.Prepared) {
            prepared = true;
            clearTimeout(timer);
            resolve();
          } else if (state === SyncState.Error && !prepared) {
            clearTimeout(timer);
            reject(new Error(`Matrix: the first sync failed: ${data?.error?.message ?? "unknown error"}`));
          }
        });
      });
      await matrix.startClient({ initialSyncLimit: 10 });
      try {
        await ready;
      } catch (error) {
        matrix.stopClient();
        throw error;
      }
      log.info({ userId: identity.userId }, "matrix: in sync, answering");
    },
    async stop() {
      stopping = true;
      await inFlight.drained();
      client?.stopClient();
      await client?.store.save(true);
    },
  };
}
