/** The operations layer as the Discord adapter uses it: the bot's own when none is given, the rate-limit key,
 *  and the answer's log line (and insights record) once the reply is out. */
import { performance } from "node:perf_hooks";
import type { DestinationStream } from "pino";
import type { Answer } from "../../src/types.js";
import { loadOpsConfig } from "../common/config.js";
import { createLogger } from "../common/logger.js";
import { createOps, type Ops } from "../common/ops.js";

/**
 * The operations layer from the environment (`LOG_LEVEL`, `RATE_LIMIT_*`, `INSIGHTS*`), its logger scrubbing the
 * bot token wherever it appears; `destination` sends the log lines elsewhere than stdout (tests).
 */
export function createDiscordOps(
  token: string,
  options: { env?: Readonly<Record<string, string | undefined>>; destination?: DestinationStream } = {},
): Ops {
  const { env, destination } = options;
  if (destination === undefined) return createOps({ env, secrets: [token] });
  const logger = createLogger({ level: loadOpsConfig(env).logLevel, destination, secrets: [token] });
  return createOps({ env, logger });
}

/** One bucket per Discord user, whatever server or DM they ask in. */
export function rateLimitKey(userId: string): string {
  return `discord:${userId}`;
}

/** After the reply went out: the log line and, if the bot could not answer, the insights record. */
export function reportAnswered(
  ops: Ops,
  asked: { answer: Answer; receivedAt: number; userId: string; questionText: string },
): void {
  ops.answered({
    platform: "discord",
    answer: asked.answer,
    latencyMs: performance.now() - asked.receivedAt,
    userId: asked.userId,
    questionText: asked.questionText,
  });
}
