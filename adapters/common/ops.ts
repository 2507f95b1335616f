/** The operations layer in one object: create it once per process and hand it to every adapter. */
import { loadOpsConfig, type OpsConfig } from "./config.js";
import { type InsightsStore, openInsights } from "./insights.js";
import { type AnswerEvent, createLogger, type Logger, logAnswer, type Platform } from "./logger.js";
import { createRateLimiter, type RateDecision, type RateLimiter } from "./rate-limit.js";
import { parseRatingId } from "./rating-id.js";

export interface Ops {
  readonly config: OpsConfig;
  readonly logger: Logger;
  readonly limiter: RateLimiter;
  readonly insights: InsightsStore;
  /** The rate limit for one user; key it by platform and user (`slack:T1:U1`, `discord:81234`). */
  admit(key: string): RateDecision;
  /** After a reply went out: the log line, and the insights record if the bot could not answer. */
  answered(event: AnswerEvent): void;
  /** Records a rating button press; false (and nothing recorded) if `buttonId` is not a rating id. */
  rated(platform: Platform, buttonId: unknown, userId?: string): boolean;
  /** Writes queued insights and closes the database: pass it as a shutdown cleanup (after the stops). */
  close(): Promise<void>;
}

/** Reads the operations variables (throws ConfigError), creates the logger unless given, opens the store. */
export function createOps(
  options: {
    env?: Readonly<Record<string, string | undefined>>;
    logger?: Logger;
    secrets?: readonly string[];
  } = {},
): Ops {
  const config = loadOpsConfig(options.env);
  const logger = options.logger ?? createLogger({ level: config.logLevel, secrets: options.secrets });
  const limiter = createRateLimiter(config.rateLimit);
  const insights = openInsights(config.insights, logger);
  return {
    config,
    logger,
    limiter,
    insights,
    admit: (key) => limiter.take(key),
    answered(event) {
      logAnswer(logger, event, { logQuestions: config.logQuestions });
      insights.recordAnswer(event);
    },
    rated(platform, buttonId, userId) {
      const rating = parseRatingId(buttonId);
      if (rating === null) return false;
      insights.recordRating({ platform, userId, ...rating });
      logger.info({ event: "rating", platform, ...rating }, "rated");
      return true;
    },
    async close() {
      await insights.close();
    },
  };
}
