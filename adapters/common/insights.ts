/**
 * The insights store: unclear answers, unlisted products and ratings. One SQLite file (WAL) by default; a
 * PostgreSQL database when INSIGHTS_DB is a postgres:// URL, so several replicas share one report.
 */
import { existsSync } from "node:fs";
import { Dom0Error } from "../../src/errors.js";
import type { Answer, Intent, ProductId, TopicId, Verdict } from "../../src/types.js";
import { isPostgresUrl, type OpsConfig } from "./config.js";
import { explainOpenFailure, openDatabase } from "./insights-db.js";
import { postgresReader, postgresStore, redactedUrl } from "./insights-pg.js";
import type { InsightRecord } from "./insights-queue.js";
import { sqliteReadOnly, sqliteStore } from "./insights-sqlite.js";
import type { Logger, Platform } from "./logger.js";
import { scrubSecrets } from "./redact.js";

/** Longest question kept, after normalising. */
export const INSIGHTS_QUESTION_LIMIT = 200;
/** What normaliseQuestion reads of a question: enough to keep INSIGHTS_QUESTION_LIMIT after collapsing. */
const NORMALISE_INPUT_LIMIT = 1000;
/** INSIGHTS_RETENTION_DAYS and INSIGHTS_MAX_ROWS when not set. */
export const INSIGHTS_RETENTION_DEFAULTS = { days: 180, maxRows: 100_000 } as const;

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
  /** The file, or the database URL without its password. */
  readonly path: string | null;
  unanswered(limit: number): Promise<UnansweredRow[]>;
  unlistedProducts(limit: number): Promise<UnlistedProductRow[]>;
  ratings(): Promise<RatingRow[]>;
  close(): Promise<void>;
}

/** Recording never throws: a failure is logged and the answer goes out regardless. */
export interface InsightsStore extends InsightsReader {
  /** False when off (`INSIGHTS=0`) or when the store could not be opened at start-up. */
  readonly enabled: boolean;
  /** Resolves once the store can record (true) or is known not to (false, reason logged). Never rejects. */
  ready(): Promise<boolean>;
  /** Queues the answer if the bot could not answer it (intent unclear, or verdict unlisted). */
  recordAnswer(event: { platform: Platform; answer: Answer; userId?: string }): void;
  /** Queues a rating. */
  recordRating(event: RatingEvent): void;
  /** Writes what is queued now (queued records are written within 200 ms anyway, and on close). */
  flush(): Promise<void>;
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
    ready: () => Promise.resolve(false),
    recordAnswer() {},
    recordRating() {},
    flush: () => Promise.resolve(),
    unanswered: () => Promise.resolve([]),
    unlistedProducts: () => Promise.resolve([]),
    ratings: () => Promise.resolve([]),
    close: () => Promise.resolve(),
  };
}

/** Turns a backend that stores records into the store the adapters call: events become records here. */
function recording(
  backend: Omit<InsightsStore, "recordAnswer" | "recordRating" | "ready"> & {
    push(record: InsightRecord): void;
    ready?: () => Promise<boolean>;
  },
  userIds: boolean,
): InsightsStore {
  const { push, ...rest } = backend;
  return {
    ...rest,
    get enabled() {
      return backend.enabled;
    },
    ready: backend.ready ?? (() => Promise.resolve(true)),
    recordAnswer({ platform, answer, userId }) {
      const kind =
        answer.intent === "unclear" ? "unclear" : answer.verdict === "unlisted" ? "unlisted" : null;
      if (kind === null) return;
      push({
        table: "misses",
        at: Date.now(),
        platform,
        kind,
        question: normaliseQuestion(answer.question),
        productName: kind === "unlisted" ? answer.productName : null,
        userId: userIds ? (userId ?? null) : null,
      });
    },
    recordRating(event) {
      push({
        table: "ratings",
        at: Date.now(),
        platform: event.platform,
        rating: event.rating === "up" ? 1 : -1,
        intent: event.intent,
        product: event.product,
        verdict: event.verdict,
        topic: event.topic ?? null,
        userId: userIds ? (event.userId ?? null) : null,
      });
    },
  };
}

/** Opens the store for the bot. Never throws: a store that cannot be used is logged (where and why) and
 *  recording is off for this run while answering goes on. A PostgreSQL store connects in the background:
 *  await `ready()` to know. */
export function openInsights(config: OpsConfig["insights"], logger: Logger): InsightsStore {
  if (!config.enabled) {
    logger.info("insights: off (INSIGHTS=0)");
    return disabledStore();
  }
  const retention = {
    days: config.retentionDays ?? INSIGHTS_RETENTION_DEFAULTS.days,
    maxRows: config.maxRows ?? INSIGHTS_RETENTION_DEFAULTS.maxRows,
  };
  if (isPostgresUrl(config.path))
    return recording(postgresStore(config.path, logger, retention), config.userIds);
  try {
    const db = openDatabase(config.path, { readonly: false });
    const store = recording(sqliteStore(db, config.path, logger, retention), config.userIds);
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

/** Opens an existing store read-only for `dom0 report`; throws Dom0Error (E_INSIGHTS) naming where and why. */
export async function openInsightsReader(path: string): Promise<InsightsReader> {
  if (isPostgresUrl(path)) {
    try {
      return await postgresReader(path);
    } catch (error) {
      throw new Dom0Error(
        "E_INSIGHTS",
        `Cannot read the insights database ${redactedUrl(path)}: ${(error as Error).message ?? String(error)}`,
        { cause: error },
      );
    }
  }
  if (!existsSync(path)) {
    throw new Dom0Error(
      "E_INSIGHTS",
      `No insights database at ${path} (the bot creates it when it first records).`,
    );
  }
  try {
    return sqliteReadOnly(openDatabase(path, { readonly: true }), path);
  } catch (error) {
    throw new Dom0Error(
      "E_INSIGHTS",
      `Cannot read the insights database ${path}: ${explainOpenFailure(path, error)}`,
      { cause: error },
    );
  }
}
