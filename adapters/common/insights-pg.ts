/**
 * The insights store in PostgreSQL (`INSIGHTS_DB=postgres://...`): replicas behind one load balancer write one
 * store, so `dom0 report` sees every replica's questions. Every call has a timeout; a database that is down
 * costs recording, never an answer.
 */
import type pg from "pg";
import type {
  InsightsReader,
  InsightsStore,
  RatingRow,
  UnansweredRow,
  UnlistedProductRow,
} from "./insights.js";
import {
  enforcePostgresRetention,
  migratePostgres,
  poolFor,
  redactedUrl,
  writeBatch,
} from "./insights-pg-db.js";
import { createWriteQueue, type InsightRecord } from "./insights-queue.js";
import type { Logger } from "./logger.js";

export { enforcePostgresRetention, migratePostgres, PG_MIGRATIONS, redactedUrl } from "./insights-pg-db.js";

const RETENTION_EVERY_MS = 60 * 60_000;
/** A failing database is reported at most once in this window, with how many batches were lost meanwhile. */
const WARN_EVERY_MS = 10_000;

function reader(pool: pg.Pool, path: string, beforeRead: () => Promise<void>): Omit<InsightsReader, "close"> {
  return {
    path,
    async unanswered(limit): Promise<UnansweredRow[]> {
      await beforeRead();
      const { rows } = await pool.query<{
        question: string;
        kind: "unclear" | "unlisted";
        count: number;
        last: string;
      }>(
        `SELECT question, kind, COUNT(*)::int AS count, MAX(at) AS last FROM misses
         GROUP BY question, kind ORDER BY count DESC, last DESC, question LIMIT $1`,
        [limit],
      );
      return rows.map(({ last, ...row }) => ({ ...row, lastAsked: new Date(Number(last)).toISOString() }));
    },
    async unlistedProducts(limit): Promise<UnlistedProductRow[]> {
      await beforeRead();
      const { rows } = await pool.query<UnlistedProductRow>(
        `SELECT lower(product_name) AS name, COUNT(*)::int AS count FROM misses
         WHERE kind = 'unlisted' AND product_name IS NOT NULL
         GROUP BY lower(product_name) ORDER BY count DESC, name LIMIT $1`,
        [limit],
      );
      return rows;
    },
    async ratings(): Promise<RatingRow[]> {
      await beforeRead();
      const { rows } = await pool.query<RatingRow>(
        `SELECT intent, product, COUNT(*) FILTER (WHERE rating = 1)::int AS up,
                COUNT(*) FILTER (WHERE rating = -1)::int AS down FROM ratings
         GROUP BY intent, product ORDER BY COUNT(*) DESC, intent, product`,
      );
      return rows;
    },
  };
}

/** Warns each message at most once a window, counting the repeats it held back. */
function throttledWarn(logger: Logger): (fields: Record<string, unknown>, message: string) => void {
  const seen = new Map<string, { at: number; held: number }>();
  return (fields, message) => {
    const now = Date.now();
    const last = seen.get(message);
    if (last && now - last.at < WARN_EVERY_MS) {
      last.held++;
      return;
    }
    logger.warn(last?.held ? { ...fields, suppressed: last.held } : fields, message);
    seen.set(message, { at: now, held: 0 });
  };
}

/**
 * The writing store. `ready()` connects and migrates: if that fails, the reason is logged once and recording
 * is off for this run (answering goes on), as with a SQLite file that cannot be opened.
 */
export function postgresStore(
  url: string,
  logger: Logger,
  retention: { days: number; maxRows: number },
): Omit<InsightsStore, "recordAnswer" | "recordRating"> & { push(record: InsightRecord): void } {
  const path = redactedUrl(url);
  const pool = poolFor(url, 4);
  const warn = throttledWarn(logger);
  // An idle connection the server drops emits here; unhandled it would end the process.
  pool.on("error", (error) => warn({ err: String(error), path }, "insights: database connection lost"));
  let enabled = true;
  let retentionTimer: NodeJS.Timeout | undefined;
  const ready = migratePostgres(pool).then(
    async () => {
      const trim = () =>
        enforcePostgresRetention(pool, retention).then(
          (removed) => removed > 0 && logger.info({ removed, ...retention }, "insights: old rows removed"),
          (error: unknown) => warn({ err: String(error), path }, "insights: could not remove old rows"),
        );
      await trim();
      retentionTimer = setInterval(trim, RETENTION_EVERY_MS).unref();
      logger.info({ path }, "insights: recording to PostgreSQL");
      return true;
    },
    (error: unknown) => {
      enabled = false;
      logger.error(
        { path, reason: String(error) },
        `insights: cannot use ${path}: ${(error as Error).message ?? String(error)}. Recording is off; answering continues`,
      );
      return false;
    },
  );
  const queue = createWriteQueue(
    async (batch) => {
      if (await ready) await writeBatch(pool, batch);
    },
    {
      lost: (error, lost) =>
        warn({ err: String(error), path, lost }, "insights: could not record a batch; answering goes on"),
      dropped: (dropped) =>
        warn({ path, dropped }, "insights: records dropped: the database is not keeping up"),
    },
  );
  return {
    get enabled() {
      return enabled;
    },
    ready: () => ready,
    ...reader(pool, path, async () => {
      await queue.flush();
      if (!(await ready)) throw new Error(`insights: ${path} is not available`);
    }),
    push(record) {
      if (enabled) queue.push(record);
    },
    flush: queue.flush,
    async close() {
      clearInterval(retentionTimer);
      queue.stop();
      await queue.flush();
      await pool.end();
    },
  };
}

/** A reader for `dom0 report --db postgres://...`: fails with the reason if the store has no tables yet. */
export async function postgresReader(url: string): Promise<InsightsReader> {
  const path = redactedUrl(url);
  const pool = poolFor(url, 1);
  pool.on("error", () => {});
  try {
    const found = await pool.query("SELECT to_regclass('public.dom0bot_schema') IS NOT NULL AS present");
    if (!found.rows[0]?.present)
      throw new Error("no insights tables yet (the bot creates them when it starts)");
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    ...reader(pool, path, () => Promise.resolve()),
    close: () => pool.end(),
  };
}
