/** The insights store in one SQLite file (WAL): the default, for one process or several on one machine. */
import type Database from "better-sqlite3";
import type {
  InsightsReader,
  InsightsStore,
  RatingRow,
  UnansweredRow,
  UnlistedProductRow,
} from "./insights.js";
import { enforceRetention } from "./insights-db.js";
import { createWriteQueue, type InsightRecord } from "./insights-queue.js";
import type { Logger } from "./logger.js";

const RETENTION_EVERY_MS = 60 * 60_000;

/** The read statements over an open database, prepared once; reads see rows written before them. */
export function sqliteReader(db: Database.Database, path: string, beforeRead: () => Promise<void>) {
  const selectUnanswered = db.prepare<
    [number],
    { question: string; kind: "unclear" | "unlisted"; count: number; last: number }
  >(
    `SELECT question, kind, COUNT(*) AS count, MAX(at) AS last FROM misses
     GROUP BY question, kind ORDER BY count DESC, last DESC, question LIMIT ?`,
  );
  const selectUnlisted = db.prepare<[number], UnlistedProductRow>(
    `SELECT lower(product_name) AS name, COUNT(*) AS count FROM misses
     WHERE kind = 'unlisted' AND product_name IS NOT NULL
     GROUP BY lower(product_name) ORDER BY count DESC, name LIMIT ?`,
  );
  const selectRatings = db.prepare<[], RatingRow>(
    `SELECT intent, product, SUM(rating = 1) AS up, SUM(rating = -1) AS down FROM ratings
     GROUP BY intent, product ORDER BY up + down DESC, intent, product`,
  );
  return {
    path,
    async unanswered(limit: number): Promise<UnansweredRow[]> {
      await beforeRead();
      return selectUnanswered
        .all(limit)
        .map(({ last, ...row }) => ({ ...row, lastAsked: new Date(last).toISOString() }));
    },
    async unlistedProducts(limit: number): Promise<UnlistedProductRow[]> {
      await beforeRead();
      return selectUnlisted.all(limit);
    },
    async ratings(): Promise<RatingRow[]> {
      await beforeRead();
      return selectRatings.all();
    },
  } satisfies Omit<InsightsReader, "close">;
}

/** A read-only reader for `dom0 report`. */
export function sqliteReadOnly(db: Database.Database, path: string): InsightsReader {
  return {
    ...sqliteReader(db, path, () => Promise.resolve()),
    async close() {
      db.close();
    },
  };
}

/** The writing store over an open read-write database: batches in one transaction each, retention hourly. */
export function sqliteStore(
  db: Database.Database,
  path: string,
  logger: Logger,
  retention: { days: number; maxRows: number },
): Omit<InsightsStore, "recordAnswer" | "recordRating" | "ready"> & { push(record: InsightRecord): void } {
  const trim = () => {
    try {
      const removed = enforceRetention(db, retention);
      if (removed > 0) logger.info({ removed, ...retention }, "insights: old rows removed");
    } catch (error) {
      logger.warn({ err: String(error) }, "insights: could not remove old rows");
    }
  };
  trim();
  const retentionTimer = setInterval(trim, RETENTION_EVERY_MS).unref();

  const insertMiss = db.prepare(
    "INSERT INTO misses (at, platform, kind, question, product_name, user_id) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const insertRating = db.prepare(
    "INSERT INTO ratings (at, platform, rating, intent, product, verdict, topic, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const writeBatch = db.transaction((batch: InsightRecord[]) => {
    for (const r of batch) {
      if (r.table === "misses") insertMiss.run(r.at, r.platform, r.kind, r.question, r.productName, r.userId);
      else insertRating.run(r.at, r.platform, r.rating, r.intent, r.product, r.verdict, r.topic, r.userId);
    }
  });
  const queue = createWriteQueue(writeBatch, {
    lost: (error, lost) =>
      logger.warn({ err: error, path, lost }, "insights: could not record a batch; answering goes on"),
    dropped: (dropped) => logger.warn({ path, dropped }, "insights: records dropped"),
  });
  return {
    enabled: true,
    ...sqliteReader(db, path, queue.flush),
    push: queue.push,
    flush: queue.flush,
    async close() {
      clearInterval(retentionTimer);
      queue.stop();
      await queue.flush();
      db.close();
    },
  };
}
