/** Bolt's logger interface on top of the operations logger, which scrubs secrets from every line. */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../common/logger.js";

/** The Slack app's lines: the operations logger's, tagged `component: "slack"` (scrubbing is inherited). */
export function slackLogger(base: Logger): Logger {
  return base.child({ component: "slack" });
}

/** Bolt knows four levels; pino's others fold into the nearest. */
export function boltLevel(level: string): LogLevel {
  if (level === "trace" || level === "debug") return LogLevel.DEBUG;
  if (level === "info") return LogLevel.INFO;
  if (level === "warn") return LogLevel.WARN;
  return LogLevel.ERROR;
}

function formatArgs(args: unknown[]): string {
  return args
    .map((arg) =>
      arg instanceof Error ? `${arg.name}: ${arg.message}` : typeof arg === "string" ? arg : String(arg),
    )
    .join(" ");
}

/**
 * Wraps pino as the Logger that Bolt, its Web API client and the Socket Mode client log through. The level
 * stays the one configured (LOG_LEVEL): Bolt's setLevel calls are ignored. Their debug lines quote request
 * and response bodies (questions, answers, user ids), so they are kept only when `logQuestions`
 * (`LOG_QUESTIONS=1`) allows those in the log.
 */
export function boltLogger(base: Logger, options: { logQuestions: boolean }): BoltLogger {
  const level = boltLevel(base.level);
  // Bolt and the Web API client ask for the level before building a debug line: no line, no cost.
  const effective = level === LogLevel.DEBUG && !options.logQuestions ? LogLevel.INFO : level;
  const write = (lineLevel: "debug" | "info" | "warn" | "error", args: unknown[]) => {
    if (lineLevel === "debug" && effective !== LogLevel.DEBUG) return;
    if (base.isLevelEnabled(lineLevel)) base[lineLevel](formatArgs(args));
  };
  return {
    debug: (...args: unknown[]) => write("debug", args),
    info: (...args: unknown[]) => write("info", args),
    warn: (...args: unknown[]) => write("warn", args),
    error: (...args: unknown[]) => write("error", args),
    setLevel: () => {},
    getLevel: () => effective,
    setName: () => {},
  };
}
