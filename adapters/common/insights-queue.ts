/** Insights records wait here and are written in batches: a commit per answer would cost more than the answer. */
import type { Intent, ProductId, TopicId, Verdict } from "../../src/types.js";
import type { Platform } from "./logger.js";

/** One row to store: a question the bot could not answer, or a rating. */
export type InsightRecord =
  | {
      table: "misses";
      at: number;
      platform: Platform;
      kind: "unclear" | "unlisted";
      question: string;
      productName: string | null;
      userId: string | null;
    }
  | {
      table: "ratings";
      at: number;
      platform: Platform;
      rating: 1 | -1;
      intent: Intent;
      product: ProductId | null;
      verdict: Verdict | null;
      topic: TopicId | null;
      userId: string | null;
    };

/** When a batch goes out, and how much may wait while the store is slow. */
export const QUEUE_LIMITS = { afterMs: 200, atRows: 200, maxQueued: 10_000 } as const;

export interface WriteQueue {
  push(record: InsightRecord): void;
  /** Writes what waits now; resolves once it (and any write in flight) is done. Never rejects. */
  flush(): Promise<void>;
  /** Stops the timer; what is queued stays until the next flush. */
  stop(): void;
}

/**
 * A queue over a writer. A synchronous writer (SQLite) writes within `flush()` itself, so a read right after
 * sees the rows; an asynchronous one (PostgreSQL) has one batch in flight at a time. Past `maxQueued` waiting
 * records (a store that stopped answering) new ones are dropped and counted, so memory stays bounded.
 */
export function createWriteQueue(
  write: (batch: InsightRecord[]) => void | Promise<void>,
  report: { lost(error: unknown, count: number): void; dropped(count: number): void },
  limits: { afterMs: number; atRows: number; maxQueued: number } = QUEUE_LIMITS,
): WriteQueue {
  let queue: InsightRecord[] = [];
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;
  let dropped = 0;

  function flush(): Promise<void> {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (inFlight !== null) return inFlight.then(flush);
    if (dropped > 0) {
      report.dropped(dropped);
      dropped = 0;
    }
    if (queue.length === 0) return Promise.resolve();
    const batch = queue;
    queue = [];
    let written: void | Promise<void>;
    try {
      written = write(batch);
    } catch (error) {
      report.lost(error, batch.length);
      return Promise.resolve();
    }
    if (!(written instanceof Promise)) return Promise.resolve();
    const current = written
      .catch((error: unknown) => report.lost(error, batch.length))
      .finally(() => {
        inFlight = null;
        if (queue.length > 0) schedule();
      });
    inFlight = current;
    return current;
  }

  function schedule(): void {
    // Unref'd: a pending flush never holds the process open; close() writes what is left.
    timer ??= setTimeout(() => void flush(), limits.afterMs).unref();
  }

  return {
    push(record) {
      if (queue.length >= limits.maxQueued) {
        dropped++;
        return;
      }
      queue.push(record);
      if (queue.length >= limits.atRows && inFlight === null) void flush();
      else schedule();
    },
    flush,
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
