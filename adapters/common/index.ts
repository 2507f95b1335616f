export type { LogLevel, OpsConfig } from "./config.js";
export { DEFAULT_INSIGHTS_DB, LOG_LEVELS, loadOpsConfig } from "./config.js";
export type {
  InsightsReader,
  InsightsStore,
  RatingEvent,
  RatingRow,
  UnansweredRow,
  UnlistedProductRow,
} from "./insights.js";
export { INSIGHTS_QUESTION_LIMIT, normaliseQuestion, openInsights, openInsightsReader } from "./insights.js";
export type { AnswerEvent, Logger, LoggerOptions, Platform } from "./logger.js";
export { createLogger, logAnswer } from "./logger.js";
export type { Ops } from "./ops.js";
export { createOps } from "./ops.js";
export type { RateDecision, RateLimiter, RateLimiterOptions } from "./rate-limit.js";
export { createRateLimiter, RATE_LIMIT_REPLY } from "./rate-limit.js";
export type { RatingPayload } from "./rating-id.js";
export { DISCORD_CUSTOM_ID_LIMIT, parseRatingId, RATING_ID_PREFIX, ratingId } from "./rating-id.js";
export { isSecretKey, REDACTED, scrubSecrets } from "./redact.js";
export type { InsightsReport, RatingSummary } from "./report.js";
export { buildReport, renderReportText } from "./report.js";
export type { GuardOptions, InFlight, ShutdownHandle, ShutdownOptions } from "./shutdown.js";
export {
  APOLOGY_TEXT,
  createInFlight,
  guardAnswer,
  installGracefulShutdown,
  installProcessErrorLogging,
  SHUTDOWN_TIMEOUT_MS,
} from "./shutdown.js";
