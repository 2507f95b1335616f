/** The insights store: unclear answers, unlisted products and ratings, in one SQLite file (WAL). */
import { existsSync } from "node:fs";
import type Database from "better-sqlite3";
import { Dom0Error } from "../../src/errors.js";
import type { Answer, Intent, ProductId, TopicId, Verdict } from "../../src/types.js";
import type { OpsConfig } from "./config.js";
import { enforceRetention, explainOpenFailure, openDatabase } from "./insights-db.js";
import type { Logger, Platform } from "./logger.js";
import { scrubSecrets } from "./redact.js";

/** Longest question kept, after normalising. */
export const INSIGHTS_QUESTION_LIMIT = 200;
/** What normaliseQuestion reads of a question: enough to keep INSIGHTS_QUESTION_LIMIT after collapsing. */
const NORMALISE_INPUT_LIMIT = 1000;
/** INSIGHTS_RETENTION_DAYS and INSIGHTS_MAX_ROWS when not set. */
export const INSIGHTS_RETENTION_DEFAULTS = { days: 180, maxRows: 100_000 } as const;
const RETENTION_EVERY_MS = 60 * 60_000;
/** Records are written in batches, one transaction each: a commit per answer would cost more than the answer. */
const FLUSH_AFTER_MS = 200;
const FLUSH_AT_ROWS = 200;

/** A thumbs-up or thumbs-down on one answer, with what that answer was. */
export interface RatingEvent {
  platform: Platform;
  rating: "up" | "down";
  intent: Intent;
  product: ProductId | null;
  verdict: Verdict | null;
  topic?: TopicId | null;
  userId?: string;
}

export interface UnansweredRow {
  question: string;
  kind: "unclear" | "unlisted";
  count: number;
  /** ISO time of the latest ask. */
  lastAsked: string;
}
export interface UnlistedProductRow {
  name: string;
  count: number;
}
export interface RatingRow {
  intent: Intent;
  product: ProductId | null;
  up: number;
  down: number;
}

/** What `buildReport` reads. */
export interface InsightsReader {
  readonly path: string | null;
  unanswered(limit: number): UnansweredRow[];
  unlistedProducts(limit: number): UnlistedProductRow[];
  ratings(): RatingRow[];
  close(): void;
}

/** Recording never throws: a failure is logged and the answer goes out regardless. */
export interface InsightsStore extends InsightsReader {
  /** False when off (`INSIGHTS=0`) or when the file could not be opened at start-up. */
  readonly enabled: boolean;
  /** Queues the answer if the bot could not answer it (intent unclear, or verdict unlisted). */
  recordAnswer(event: { platform: Platform; answer: Answer; userId?: string }): void;
  /** Queues a rating. */
  recordRating(event: RatingEvent): void;
  /** Writes what is queued now (queued records are written within 200 ms anyway, and on close). */
  flush(): void;
}

/** Lowercase, whitespace collapsed, trailing ?!. dropped, tokens scrubbed, capped: so alike questions group. */
export function normaliseQuestion(text: string): string {
  // Cut before any pattern runs: "????…?x" of any length costs no more than this many characters.
  return scrubSecrets(text.slice(0, NORMALISE_INPUT_LIMIT))
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s?!.]+$/, "")
    .slice(0, INSIGHTS_QUESTION_LIMIT);
}

function disabledStore(): InsightsStore {
  return {
    enabled: false,
    path: null,
    recordAnswer() {},
    recordRating() {},
    flush() {},
    unanswered: () => [],
    unlistedProducts: () => [],
    ratings: () => [],
    close() {},
  };
}

/** The read and write statements over an open database, prepared once. */
function storeOver(
  db: Database.Database,
  path: string,
  logger: Logger | null,
  userIds: boolean,
  retention?: { days: number; maxRows: number },
): InsightsStore {
  // The writer keeps the store bounded: at start-up, then every hour while it runs.
  let retentionTimer: NodeJS.Timeout | undefined;
  if (retention) {
    const trim = () => {
      try {
        const removed = enforceRetention(db, retention);
        if (removed > 0) logger?.info({ removed, ...retention }, "insights: old rows removed");
      } catch (error) {
        logger?.warn({ err: String(error) }, "insights: could not remove old rows");
      }
    };
    trim();
    retentionTimer = setInterval(trim, RETENTION_EVERY_MS);
    retentionTimer.unref();
  }
  const insertMiss = db.prepare(
    "INSERT INTO misses (at, platform, kind, question, product_name, user_id) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const insertRating = db.prepare(
    "INSERT INTO ratings (at, platform, rating, intent, product, verdict, topic, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
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

  let queue: Array<() => unknown> = [];
  let timer: NodeJS.Timeout | null = null;
  const writeBatch = db.transaction((batch: Array<() => unknown>) => {
    for (const write of batch) write();
  });

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    try {
      writeBatch(batch);
    } catch (error) {
      logger?.warn(
        { err: error, path, lost: batch.length },
        "insights: could not record a batch; answering goes on",
      );
    }
  }

  function enqueue(write: () => unknown): void {
    queue.push(write);
    if (queue.length >= FLUSH_AT_ROWS) flush();
    // Unref'd: a pending flush never holds the process open; close() writes what is left.
    else timer ??= setTimeout(flush, FLUSH_AFTER_MS).unref();
  }

  return {
    enabled: true,
    path,
    recordAnswer({ platform, answer, userId }) {
      const kind =
        answer.intent === "unclear" ? "unclear" : answer.verdict === "unlisted" ? "unlisted" : null;
      if (kind === null) return;
      const at = Date.now();
      enqueue(() =>
        insertMiss.run(
          at,
          platform,
          kind,
          normaliseQuestion(answer.question),
          kind === "unlisted" ? answer.productName : null,
          userIds ? (userId ?? null) : null,
        ),
      );
    },
    recordRating(event) {
      const at = Date.now();
      enqueue(() =>
        insertRating.run(
          at,
          event.platform,
          event.rating === "up" ? 1 : -1,
          event.intent,
          event.product,
          event.verdict,
          event.topic ?? null,
          userIds ? (event.userId ?? null) : null,
        ),
      );
    },
    // Reads flush first, so that a report sees this process's own queued records.
    unanswered(limit) {
      flush();
      return selectUnanswered
        .all(limit)
        .map(({ last, ...row }) => ({ ...row, lastAsked: new Date(last).toISOString() }));
    },
    unlistedProducts(limit) {
      flush();
      return selectUnlisted.all(limit);
    },
    ratings() {
      flush();
      return selectRatings.all();
    },
    flush,
    close() {
      clearInterval(retentionTimer);
      flush();
      db.close();
    },
  };
}

/** Opens the store for the bot. Never throws: a file that cannot be used is logged (path and reason) and
 *  recording is off for this run while answering goes on. */
export function openInsights(config: OpsConfig["insights"], logger: Logger): InsightsStore {
  if (!config.enabled) {
    logger.info("insights: off (INSIGHTS=0)");
    return disabledStore();
  }
  try {
    const store = storeOver(
      openDatabase(config.path, { readonly: false }),
      config.path,
      logger,
      config.userIds,
      {
        days: config.retentionDays ?? INSIGHTS_RETENTION_DEFAULTS.days,
        maxRows: config.maxRows ?? INSIGHTS_RETENTION_DEFAULTS.maxRows,
      },
    );
    logger.info({ path: config.path, userIds: config.userIds }, "insights: recording");
    return store;
  } catch (error) {
    logger.error(
      { path: config.path, reason: explainOpenFailure(config.path, error) },
      `insights: cannot use ${config.path}: ${explainOpenFailure(config.path, error)}. Recording is off; answering continues`,
    );
    return disabledStore();
  }
}

/** Opens an existing store read-only for `dom0 report`; throws Dom0Error (E_INSIGHTS) naming path and reason. */
export function openInsightsReader(path: string): InsightsReader {
  if (!existsSync(path)) {
    throw new Dom0Error(
      "E_INSIGHTS",
      `No insights database at ${path} (the bot creates it when it first records).`,
    );
  }
  try {
    return storeOver(openDatabase(path, { readonly: true }), path, null, false);
  } catch (error) {
    throw new Dom0Error(
      "E_INSIGHTS",
      `Cannot read the insights database ${path}: ${explainOpenFailure(path, error)}`,
      {
        cause: error,
      },
    );
  }
}
