/**
 * The insights store in PostgreSQL (`INSIGHTS_DB=postgres://...`): replicas behind one load balancer write one
 * store, so `dom0 report` sees every replica's questions. Every call has a timeout; a database that is down
 * costs recording, never an answer.
 */
import pg from "pg";
import type {
  InsightsReader,
  InsightsStore,
  RatingRow,
  UnansweredRow,
  UnlistedProductRow,
} from "./insights.js";
import { createWriteQueue, type InsightRecord } from "./insights-queue.js";
import type { Logger } from "./logger.js";

const CONNECT_TIMEOUT_MS = 5000;
const STATEMENT_TIMEOUT_MS = 5000;
const RETENTION_EVERY_MS = 60 * 60_000;
/** A failing database is reported at most once in this window, with how many batches were lost meanwhile. */
const WARN_EVERY_MS = 10_000;
/** Held while migrating, so replicas starting together migrate once. */
const MIGRATION_LOCK = 0x00d0b0;

/** The schema, one migration per version (table `dom0bot_schema`). Add at the end; never change one that shipped. */
export const PG_MIGRATIONS: readonly string[] = [
  // 1: the misses and ratings tables, with the indexes the report and the retention use.
  `CREATE TABLE IF NOT EXISTS misses (
     id BIGSERIAL PRIMARY KEY,
     at BIGINT NOT NULL,
     platform TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('unclear', 'unlisted')),
     question TEXT NOT NULL,
     product_name TEXT,
     user_id TEXT);
   CREATE INDEX IF NOT EXISTS misses_by_question ON misses (question, kind);
   CREATE INDEX IF NOT EXISTS misses_by_at ON misses (at);
   CREATE TABLE IF NOT EXISTS ratings (
     id BIGSERIAL PRIMARY KEY,
     at BIGINT NOT NULL,
     platform TEXT NOT NULL,
     rating SMALLINT NOT NULL CHECK (rating IN (1, -1)),
     intent TEXT NOT NULL,
     product TEXT,
     verdict TEXT,
     topic TEXT,
     user_id TEXT);
   CREATE INDEX IF NOT EXISTS ratings_by_at ON ratings (at);`,
];

/** The URL as logs may show it: the password replaced. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unreadable URL)";
  }
}

function poolFor(url: string, max: number): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 1000,
    application_name: "dom0bot",
  });
}

/** Brings the database to the newest schema under an advisory lock; returns the version reached. */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly string[] = PG_MIGRATIONS,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS dom0bot_schema (version INTEGER NOT NULL)");
    const found = await client.query<{ version: number }>("SELECT version FROM dom0bot_schema");
    let version = found.rows[0]?.version ?? 0;
    if (found.rowCount === 0) await client.query("INSERT INTO dom0bot_schema (version) VALUES (0)");
    for (; version < migrations.length; version++) {
      await client.query("BEGIN");
      try {
        await client.query(migrations[version] as string);
        await client.query("UPDATE dom0bot_schema SET version = $1", [version + 1]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    return version;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

async function writeBatch(pool: pg.Pool, batch: InsightRecord[]): Promise<void> {
  const misses = batch.filter((r) => r.table === "misses");
  const ratings = batch.filter((r) => r.table === "ratings");
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    if (misses.length > 0) {
      await client.query(
        `INSERT INTO misses (at, platform, kind, question, product_name, user_id)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
        [
          misses.map((r) => r.at),
          misses.map((r) => r.platform),
          misses.map((r) => r.kind),
          misses.map((r) => r.question),
          misses.map((r) => r.productName),
          misses.map((r) => r.userId),
        ],
      );
    }
    if (ratings.length > 0) {
      await client.query(
        `INSERT INTO ratings (at, platform, rating, intent, product, verdict, topic, user_id)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::smallint[], $4::text[], $5::text[], $6::text[],
                              $7::text[], $8::text[])`,
        [
          ratings.map((r) => r.at),
          ratings.map((r) => r.platform),
          ratings.map((r) => r.rating),
          ratings.map((r) => r.intent),
          ratings.map((r) => r.product),
          ratings.map((r) => r.verdict),
          ratings.map((r) => r.topic),
          ratings.map((r) => r.userId),
        ],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Deletes rows older than `days`, then all but the newest `maxRows` of each table; returns how many went. */
export async function enforcePostgresRetention(
  pool: pg.Pool,
  limits: { days: number; maxRows: number },
  now: number = Date.now(),
): Promise<number> {
  let removed = 0;
  for (const table of ["misses", "ratings"] as const) {
    removed += (await pool.query(`DELETE FROM ${table} WHERE at < $1`, [now - limits.days * 86_400_000]))
      .rowCount as number;
    removed += (
      await pool.query(
        `DELETE FROM ${table} WHERE id <= (SELECT id FROM ${table} ORDER BY id DESC LIMIT 1 OFFSET $1)`,
        [limits.maxRows],
      )
    ).rowCount as number;
  }
  return removed;
}

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
