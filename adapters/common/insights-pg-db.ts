/** The PostgreSQL insights store's database side: its pool, schema migrations, batch writes and retention. */
import pg from "pg";
import type { InsightRecord } from "./insights-queue.js";

const CONNECT_TIMEOUT_MS = 5000;
const STATEMENT_TIMEOUT_MS = 5000;
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

/** A pool with every timeout set: a database that hangs never holds an answer or a shutdown. */
export function poolFor(url: string, max: number): pg.Pool {
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

/** Writes one batch in one transaction: a multi-row insert per table. */
export async function writeBatch(pool: pg.Pool, batch: InsightRecord[]): Promise<void> {
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
