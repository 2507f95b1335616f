/** Bolt's logger interface on top of the project's pino logger, which scrubs secrets from every line. */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { DestinationStream, Logger as PinoLogger } from "pino";
// Straight from the module, not the common index: that one also loads SQLite for the insights store.
import type { LogLevel as OpsLogLevel } from "../common/config.js";
import { createLogger } from "../common/logger.js";

/** The process logger for the Slack app: the configured level, the app's own secrets scrubbed by value. */
export function createSlackLogger(
  level: OpsLogLevel,
  secrets: readonly string[],
  destination?: DestinationStream,
): PinoLogger {
  return createLogger({
    level,
    bindings: { component: "slack" },
    secrets,
    ...(destination ? { destination } : {}),
  });
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
 * stays the one configured (LOG_LEVEL): Bolt's setLevel calls are ignored.
 */
export function boltLogger(base: PinoLogger): BoltLogger {
  const write = (level: "debug" | "info" | "warn" | "error", args: unknown[]) => {
    if (base.isLevelEnabled(level)) base[level](formatArgs(args));
  };
  return {
    debug: (...args: unknown[]) => write("debug", args),
    info: (...args: unknown[]) => write("info", args),
    warn: (...args: unknown[]) => write("warn", args),
    error: (...args: unknown[]) => write("error", args),
    setLevel: () => {},
    getLevel: () => boltLevel(base.level),
    setName: () => {},
  };
}
