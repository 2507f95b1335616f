/** Structured logs: pino, JSON lines (or pretty in a terminal), with secrets scrubbed from every line. */
import { hostname } from "node:os";
import { type DestinationStream, type Logger, pino } from "pino";
import pinoPretty from "pino-pretty";
import type { Answer } from "../../src/types.js";
import type { ChatPlatformName } from "../platforms.js";
import type { LogLevel } from "./config.js";
import { REDACTED, redactSecretFields, scrubJsonLine } from "./redact.js";

export type { Logger } from "pino";

/** Where an answer was asked. */
export type Platform = ChatPlatformName | "terminal" | "web";

export interface LoggerOptions {
  /** From `OpsConfig.logLevel` (`LOG_LEVEL`); default info. */
  level?: LogLevel;
  /** Where lines go; default stdout. */
  destination?: DestinationStream;
  /** Human-readable lines; default: when no destination is given and stdout is a terminal. */
  pretty?: boolean;
  /** Fields on every line, e.g. `{ component: "slack" }`. */
  bindings?: Record<string, unknown>;
  /** Exact secret values to scrub wherever they appear (e.g. the Slack signing secret, which has no shape). */
  secrets?: readonly string[];
}

/** Creates the process's logger: every line has secret-named fields and token-shaped values scrubbed. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const pretty = options.pretty ?? (options.destination === undefined && process.stdout.isTTY === true);
  // Asynchronous stdout keeps a log line off the answer's time; pino flushes it synchronously on exit.
  const target = options.destination ?? bufferedStdout();
  // prettyFactory formats each line synchronously: nothing is left in a pipe when shutdown exits.
  const destination = pretty ? prettyLines(target, options.destination === undefined) : target;
  // Short values would scrub ordinary words; real tokens and secrets are far longer.
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 8);
  return pino(
    {
      level: options.level ?? "info",
      base: { pid: process.pid, hostname: hostname(), ...options.bindings },
      formatters: { log: (fields) => redactSecretFields(fields) as Record<string, unknown> },
      hooks: { streamWrite: (line) => scrubKnownSecrets(scrubJsonLine(line), secrets) },
    },
    destination,
  );
}

/** Lines are gathered up to this many bytes, or this long, before a write: a write per line costs more than
 *  the answer it logs (measured by bench/ops.ts), and a second is soon enough for `tail -f`. */
const LOG_BUFFER_BYTES = 4096;
const LOG_FLUSH_MS = 1000;

function bufferedStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES });
  setInterval(() => stream.flush(), LOG_FLUSH_MS).unref();
  return stream;
}

function prettyLines(target: DestinationStream, colorize: boolean): DestinationStream {
  const format = pinoPretty.prettyFactory({
    colorize,
    translateTime: "SYS:HH:MM:ss.l",
    ignore: "pid,hostname",
  });
  return { write: (line: string) => target.write(format(line)) };
}

function scrubKnownSecrets(line: string, secrets: readonly string[]): string {
  let scrubbed = line;
  for (const secret of secrets) {
    if (scrubbed.includes(secret)) scrubbed = scrubbed.split(secret).join(REDACTED);
  }
  return scrubbed;
}

/** With LOG_QUESTIONS=1, at most this much of a question is logged: enough to read it, never a flood. */
export const LOGGED_QUESTION_CHARS = 200;

/** One answered question, as an adapter knows it. */
export interface AnswerEvent {
  platform: Platform;
  answer: Answer;
  /** From receiving the question to the reply sent (or handed to the platform). */
  latencyMs: number;
  userId?: string;
  /** The question as typed; logged only when `logQuestions` is on. */
  questionText?: string;
}

/** Logs one line per answered question: intent, verdict, product, latency, platform; text and user id only
 *  when `logQuestions` (`LOG_QUESTIONS=1`) is on. */
export function logAnswer(
  logger: Logger,
  event: AnswerEvent,
  options: { logQuestions?: boolean } = {},
): void {
  const { answer } = event;
  const opted = options.logQuestions === true;
  const line = {
    event: "answer",
    platform: event.platform,
    intent: answer.intent,
    verdict: answer.verdict,
    product: answer.product,
    version: answer.version,
    xen: answer.xen,
    topic: answer.topic,
    latencyMs: Math.round(event.latencyMs * 100) / 100,
    // Undefined fields are left out of the JSON line.
    question: opted ? (event.questionText ?? answer.question).slice(0, LOGGED_QUESTION_CHARS) : undefined,
    userId: opted ? event.userId : undefined,
  };
  logger.info(line, "answered");
}
