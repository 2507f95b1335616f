/** Opening the insights SQLite file: WAL, busy timeout, a quick integrity check, the schema. */
import { existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

/** How long a writer waits for another process's lock before giving up on one batch. */
const BUSY_TIMEOUT_MS = 5000;
const SCHEMA = `
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
);`;

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
    const check = db.pragma("quick_check(1)", { simple: true });
    if (check !== "ok") throw new Error(`database disk image is malformed (quick_check: ${String(check)})`);
    if (!options.readonly) {
      db.pragma("journal_mode = WAL");
      // In WAL mode NORMAL is durable across crashes of the process; only a power loss can drop the last rows.
      db.pragma("synchronous = NORMAL");
      db.exec(SCHEMA);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
