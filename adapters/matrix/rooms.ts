/** What the bot knows of rooms: whether a question there was answered already, and how its sends queue. */
import { type MatrixClient, type MatrixEvent, MatrixScheduler, type Room } from "matrix-js-sdk";
import type { Logger } from "../common/logger.js";

/** How far back in a room's timeline a reply of ours is looked for. */
const ANSWERED_LOOKBACK = 200;

/** True when the room's recent timeline holds a reply of ours to this question (a batch seen twice). */
export function alreadyAnswered(room: Room, question: MatrixEvent, botId: string): boolean {
  const events = room.getLiveTimeline().getEvents();
  for (let i = events.length - 1; i >= Math.max(0, events.length - ANSWERED_LOOKBACK); i--) {
    const event = events[i] as MatrixEvent;
    if (event.getSender() !== botId) continue;
    const relation = event.getContent()["m.relates_to"] as
      | { "m.in_reply_to"?: { event_id?: string } }
      | undefined;
    if (relation?.["m.in_reply_to"]?.event_id === question.getId()) return true;
  }
  return false;
}

/**
 * Sends queue per room, not in one queue for the whole client as the SDK's default does: a rate-limited or
 * failing room never holds back, or takes down, the replies queued for the others.
 */
export function perRoomScheduler(): MatrixScheduler {
  return new MatrixScheduler(MatrixScheduler.RETRY_BACKOFF_RATELIMIT, (event) => event.getRoomId() ?? null);
}

/** Joins a room the bot was invited to. The SDK retries no join: a 429 (after its retry_after_ms, 10 s at most)
 *  or a 5xx is retried here, three tries in all; anything else is logged and left. */
export async function joinInvited(
  client: MatrixClient,
  roomId: string,
  log: Logger,
  stopping: () => boolean,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.joinRoom(roomId);
      log.info({ room: roomId }, "matrix: joined a room it was invited to");
      return;
    } catch (error) {
      const failed = (error as { data?: { retry_after_ms?: number }; httpStatus?: number }) ?? {};
      const retryable = failed.httpStatus === 429 || (failed.httpStatus ?? 0) >= 500;
      if (!retryable || attempt >= 3 || stopping()) {
        log.warn({ err: error, room: roomId }, "matrix: could not join a room it was invited to");
        return;
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(failed.data?.retry_after_ms ?? 2000, 10_000)),
      );
    }
  }
}
