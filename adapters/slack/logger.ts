/** Bolt's logger interface on top of the project's pino logger, which scrubs secrets from every line. */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { DestinationStream, Logger as PinoLogger } from "pino";
import { createLogger, type LogLevel as OpsLogLevel } from "../common/index.js";

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
  return {
    debug: (...args: unknown[]) => base.debug(formatArgs(args)),
    info: (...args: unknown[]) => base.info(formatArgs(args)),
    warn: (...args: unknown[]) => base.warn(formatArgs(args)),
    error: (...args: unknown[]) => base.error(formatArgs(args)),
    setLevel: () => {},
    getLevel: () => boltLevel(base.level),
    setName: () => {},
  };
}
