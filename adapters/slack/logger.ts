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

/** The same line (numbers aside) is written at most once in this window; the others are counted. */
export const REPEAT_WINDOW_MS = 10_000;
const MAX_KEYS = 1000;

/**
 * Decides whether a line goes out: null to drop it (a repeat inside the window), else how many repeats were
 * dropped since the last one written.
 */
function repeatLimiter(windowMs: number, now: () => number): (line: string) => number | null {
  const seen = new Map<string, { at: number; dropped: number }>();
  return (line) => {
    const key = line.slice(0, 200).replace(/\d+/g, "#");
    const time = now();
    const last = seen.get(key);
    if (last && time - last.at < windowMs) {
      last.dropped += 1;
      return null;
    }
    if (seen.size >= MAX_KEYS) seen.clear();
    seen.set(key, { at: time, dropped: 0 });
    return last?.dropped ?? 0;
  };
}

/**
 * Wraps pino as the Logger that Bolt, its Web API client and the Socket Mode client log through. The level
 * stays the one configured (LOG_LEVEL): Bolt's setLevel calls are ignored. Their debug lines quote request
 * and response bodies (questions, answers, user ids), so they are kept only when `logQuestions`
 * (`LOG_QUESTIONS=1`) allows those in the log.
 */
export function boltLogger(
  base: Logger,
  options: { logQuestions: boolean; repeatWindowMs?: number; now?: () => number },
): BoltLogger {
  const level = boltLevel(base.level);
  // Bolt and the Web API client ask for the level before building a debug line: no line, no cost.
  const effective = level === LogLevel.DEBUG && !options.logQuestions ? LogLevel.INFO : level;
  const repeats = repeatLimiter(options.repeatWindowMs ?? REPEAT_WINDOW_MS, options.now ?? Date.now);
  const write = (lineLevel: "debug" | "info" | "warn" | "error", args: unknown[]) => {
    if (lineLevel === "debug" && effective !== LogLevel.DEBUG) return;
    if (!base.isLevelEnabled(lineLevel)) return;
    const line = formatArgs(args);
    // A flood of forged requests (or any one failure repeated) is one line per window, with a count.
    const suppressed = lineLevel === "debug" ? 0 : repeats(line);
    if (suppressed === null) return;
    if (suppressed > 0) base[lineLevel]({ suppressed }, line);
    else base[lineLevel](line);
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
