/** The operations layer as the Discord adapter uses it: the bot's own when none is given, and the rate-limit key
 *  (the answer's log line is written by the shared question flow). */
import type { DestinationStream } from "pino";
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
