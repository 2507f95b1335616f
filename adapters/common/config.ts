/** The operations settings, read once from the environment at start-up. */
import { resolve } from "node:path";
import { z } from "zod";
import { ConfigError } from "../../src/errors.js";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The insights database's file name under the working directory when `INSIGHTS_DB` is not set. */
export const DEFAULT_INSIGHTS_DB = "dom0bot-insights.db";

const flag = z.stringbool({ truthy: ["1", "true", "yes", "on"], falsy: ["0", "false", "no", "off"] });

const opsEnvSchema = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  LOG_QUESTIONS: flag.default(false),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(100_000).default(10),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().positive().max(1_000_000).default(10),
  INSIGHTS: flag.default(true),
  INSIGHTS_DB: z.string().min(1).default(DEFAULT_INSIGHTS_DB),
  INSIGHTS_USER_IDS: flag.default(false),
  INSIGHTS_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(180),
  INSIGHTS_MAX_ROWS: z.coerce.number().int().min(100).max(100_000_000).default(100_000),
});

const HINTS: Record<keyof z.infer<typeof opsEnvSchema>, string> = {
  LOG_LEVEL: `one of ${LOG_LEVELS.join(", ")}`,
  LOG_QUESTIONS: "1 to log question texts and user ids, 0 (the default) not to",
  RATE_LIMIT_BURST: "a whole number of questions, at least 1 (default 10)",
  RATE_LIMIT_PER_MINUTE: "questions a user regains per minute, more than 0 (default 10)",
  INSIGHTS: "0 to turn the insights database off, 1 (the default) to keep it on",
  INSIGHTS_DB: "a file path for the insights database, or a postgres:// URL",
  INSIGHTS_USER_IDS: "1 to store user ids with insights, 0 (the default) not to",
  INSIGHTS_RETENTION_DAYS: "whole days to keep insights rows, 1 to 36500 (default 180)",
  INSIGHTS_MAX_ROWS: "the most rows kept per insights table, at least 100 (default 100000)",
};

/** Operations settings; each field names the environment variable that fills it. */
export interface OpsConfig {
  /** `LOG_LEVEL` (default info). */
  logLevel: LogLevel;
  /** `LOG_QUESTIONS=1`: log question texts and user ids (default off). */
  logQuestions: boolean;
  rateLimit: {
    /** `RATE_LIMIT_BURST`: questions a user may ask in a burst (default 10). */
    capacity: number;
    /** `RATE_LIMIT_PER_MINUTE` / 60: questions regained per second (default 1 every 6 s). */
    refillPerSecond: number;
  };
  insights: {
    /** `INSIGHTS=0` turns recording off (default on). */
    enabled: boolean;
    /** `INSIGHTS_DB`: a SQLite file resolved against the working directory (default ./dom0bot-insights.db),
     *  or a `postgres://` URL, kept as written. */
    path: string;
    /** `INSIGHTS_USER_IDS=1`: store user ids (default off). */
    userIds: boolean;
    /** `INSIGHTS_RETENTION_DAYS`: rows older than this are deleted (default 180). */
    retentionDays?: number;
    /** `INSIGHTS_MAX_ROWS`: at most this many rows per table, the oldest deleted first (default 100,000). */
    maxRows?: number;
  };
}

/** Reads the operations variables; an empty variable counts as unset. Throws ConfigError naming the variable. */
export function loadOpsConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): OpsConfig {
  const input: Record<string, string> = {};
  for (const key of Object.keys(HINTS)) {
    const value = env[key]?.trim();
    if (value) input[key] = key === "LOG_LEVEL" ? value.toLowerCase() : value;
  }
  const parsed = opsEnvSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment") as keyof typeof HINTS;
    throw new ConfigError(
      variable,
      `${variable}=${JSON.stringify(input[variable] ?? "")} is not valid: expected ${HINTS[variable]}.`,
    );
  }
  const vars = parsed.data;
  return {
    logLevel: vars.LOG_LEVEL,
    logQuestions: vars.LOG_QUESTIONS,
    rateLimit: { capacity: vars.RATE_LIMIT_BURST, refillPerSecond: vars.RATE_LIMIT_PER_MINUTE / 60 },
    insights: {
      enabled: vars.INSIGHTS,
      // A postgres:// URL is the shared PostgreSQL store; anything else is a SQLite file under the working dir.
      path: isPostgresUrl(vars.INSIGHTS_DB) ? vars.INSIGHTS_DB : resolve(cwd, vars.INSIGHTS_DB),
      userIds: vars.INSIGHTS_USER_IDS,
      retentionDays: vars.INSIGHTS_RETENTION_DAYS,
      maxRows: vars.INSIGHTS_MAX_ROWS,
    },
  };
}

/** True for a PostgreSQL connection URL (`postgres://` or `postgresql://`). */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}
