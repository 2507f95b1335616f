/** The operations layer as the Slack app uses it: its own when none is given, and the rate-limit key. */
import type { DestinationStream } from "pino";
import { loadOpsConfig } from "../common/config.js";
import { createLogger } from "../common/logger.js";
import { createOps, type Ops } from "../common/ops.js";
import type { SlackConfig } from "./config.js";

/** The app's secrets: none has a shape the logger could recognise for sure (the signing secret has none). */
export function slackSecrets(config: SlackConfig): string[] {
  return [config.signingSecret, config.botToken, config.appToken ?? ""].filter((secret) => secret !== "");
}

/**
 * The operations layer from the environment (`LOG_LEVEL`, `LOG_QUESTIONS`, `RATE_LIMIT_*`, `INSIGHTS*`), its
 * logger scrubbing this app's secrets by value; `destination` sends the log lines elsewhere than stdout.
 */
export function createSlackOps(config: SlackConfig, destination?: DestinationStream): Ops {
  const secrets = slackSecrets(config);
  if (destination === undefined) return createOps({ secrets });
  return createOps({ logger: createLogger({ level: loadOpsConfig().logLevel, destination, secrets }) });
}

/** One bucket per user per workspace: `slack:T123:U456`. */
export function rateLimitKey(teamId: string | undefined, userId: string): string {
  return `slack:${teamId ?? "-"}:${userId}`;
}
