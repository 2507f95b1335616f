/** Opening the insights SQLite file: WAL, busy timeout, a quick integrity check, the schema. */
import { existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

/** How long a writer waits for another process's lock before giving up on one batch. */
const BUSY_TIMEOUT_MS = 5000;
/** The start-up check reads a file up to this size whole (a few milliseconds); a bigger one is not scanned. */
const QUICK_CHECK_MAX_BYTES = 8 * 1024 * 1024;
/**
 * The schema, one migration per version (`PRAGMA user_version`). Version 1 is the first released schema (a
 * file from before versions were kept reads 0 and has these tables already: IF NOT EXISTS keeps its rows).
 * Add a migration at the end; never change one that shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the misses and ratings tables.
  `
CREATE TABLE IF NOT EXISTS misses (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  platform TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('unclear', 'unlisted')),
  question TEXT NOT NULL,
  product_name TEXT,
  user_id TEXT
);
CREATE INDEX IF NOT EXISTS misses_by_question ON misses (question, kind);
CREATE TABLE IF NOT EXISTS ratings (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  platform TEXT NOT NULL,
  rating INTEGER NOT NULL CHECK (rating IN (1, -1)),
  intent TEXT NOT NULL,
  product TEXT,
  verdict TEXT,
  topic TEXT,
  user_id TEXT
);`,
  // 2: by time, for the retention's deletes.
  `CREATE INDEX IF NOT EXISTS misses_by_at ON misses (at);
CREATE INDEX IF NOT EXISTS ratings_by_at ON ratings (at);`,
];

/** Brings a read-write database to the newest schema, one version at a time, each in its own transaction. */
export function migrate(db: Database.Database): number {
  let version = Number(db.pragma("user_version", { simple: true }));
  for (; version < MIGRATIONS.length; version++) {
    const step = MIGRATIONS[version] as string;
    const next = version + 1;
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${next}`);
    })();
  }
  return version;
}

/**
 * Keeps the store bounded: rows older than `days` go, then all but the newest `maxRows` of each table. Each
 * delete uses an index (by time, by id), so it costs what it removes, not the file's size.
 */
export function enforceRetention(
  db: Database.Database,
  limits: { days: number; maxRows: number },
  now: number = Date.now(),
): number {
  const before = now - limits.days * 86_400_000;
  let removed = 0;
  for (const table of ["misses", "ratings"] as const) {
    removed += db.prepare(`DELETE FROM ${table} WHERE at < ?`).run(before).changes;
    const cutoff = db
      .prepare<[number], { id: number }>(`SELECT id FROM ${table} ORDER BY id DESC LIMIT 1 OFFSET ?`)
      .get(limits.maxRows);
    if (cutoff) removed += db.prepare(`DELETE FROM ${table} WHERE id <= ?`).run(cutoff.id).changes;
  }
  return removed;
}

/** Why SQLite refused a path, in words an operator can act on. */
export function explainOpenFailure(path: string, error: unknown): string {
  const dir = dirname(path);
  if (!existsSync(dir)) return `the directory ${dir} does not exist`;
  if (!statSync(dir).isDirectory()) return `${dir} is not a directory`;
  const message = error instanceof Error ? error.message : String(error);
  if (/not a database|malformed|corrupt/i.test(message))
    return `the file is corrupt or not SQLite (${message})`;
  return message;
}

/** Opens (read-write: creating file and tables) or read-only; throws what SQLite or the check reports. */
export function openDatabase(path: string, options: { readonly: boolean }): Database.Database {
  const db = new Database(path, { readonly: options.readonly, fileMustExist: options.readonly });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Reading the schema fails on a file that is not SQLite or whose header is damaged. The page-by-page check
    // reads the whole file, so it runs only while the file is small: start-up never scans a big store, and
    // damage further in a big one is reported when a write meets it.
    db.pragma("schema_version", { simple: true });
    if (existsSync(path) && statSync(path).size <= QUICK_CHECK_MAX_BYTES) {
      const check = db.pragma("quick_check(1)", { simple: true });
      if (check !== "ok") throw new Error(`database disk image is malformed (quick_check: ${String(check)})`);
    }
    if (!options.readonly) {
      db.pragma("journal_mode = WAL");
      // In WAL mode NORMAL is durable across crashes of the process; only a power loss can drop the last rows.
      db.pragma("synchronous = NORMAL");
      migrate(db);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
