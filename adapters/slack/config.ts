/** The Slack app's settings and where each comes from: environment variables, checked at start-up. */
import { ConfigError } from "../../src/errors.js";
import { LOG_LEVELS, type LogLevel } from "../common/config.js";

/** Everything the Slack app needs to run; each field names the environment variable that fills it. */
export interface SlackConfig {
  /** `SLACK_SIGNING_SECRET`: verifies that every HTTP request comes from Slack. */
  signingSecret: string;
  /** `SLACK_BOT_TOKEN` (`xoxb-...`): the Web API token for posting answers and publishing App Home. */
  botToken: string;
  /** `SLACK_APP_TOKEN` (`xapp-...`, scope `connections:write`): when set, Socket Mode instead of HTTP. */
  appToken: string | null;
  /** `SLACK_API_URL`: base URL of the Web API, ending in `/`; null means Slack's own `https://slack.com/api/`. */
  apiUrl: string | null;
  /** `PORT` (default 3000): HTTP port for `POST /slack/events` and `GET /healthz` (health only in Socket Mode). */
  port: number;
  /** `HOST` (default all interfaces): the address the HTTP server binds, e.g. `127.0.0.1`. */
  host: string | null;
  /** `LOG_LEVEL` (default `info`): one of pino's levels, `trace` to `fatal`, or `silent`. */
  logLevel: LogLevel;
}
const DEFAULT_PORT = 3000;

const APP_PAGE = "https://api.slack.com/apps → your app";

function required(env: NodeJS.ProcessEnv, name: string, where: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(name, `${name} is not set. ${where}`);
  return value;
}

function optional(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function checkPrefix(name: string, value: string, prefix: string, where: string): string {
  if (!value.startsWith(prefix)) {
    throw new ConfigError(name, `${name} should start with "${prefix}" but does not. ${where}`);
  }
  return value;
}

function parsePort(raw: string | null): number {
  if (raw === null) return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new ConfigError("PORT", `PORT must be a whole number from 0 to 65535, not "${raw}".`);
  }
  return port;
}

function parseApiUrl(raw: string | null): string | null {
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      "SLACK_API_URL",
      `SLACK_API_URL must be a URL like https://slack.com/api/, not "${raw}".`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError("SLACK_API_URL", `SLACK_API_URL must be an http(s) URL, not "${raw}".`);
  }
  // The Web API client appends the method name ("chat.postMessage") to this base.
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function parseLogLevel(raw: string | null): LogLevel {
  if (raw === null) return "info";
  const level = raw.toLowerCase();
  const known = LOG_LEVELS.find((candidate) => candidate === level);
  if (known === undefined) {
    throw new ConfigError("LOG_LEVEL", `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, not "${raw}".`);
  }
  return known;
}

/**
 * Reads the Slack settings from the environment. Throws a ConfigError naming the missing or malformed
 * variable and where to find its value; never puts a secret's value in the message.
 */
export function slackConfigFromEnv(env: NodeJS.ProcessEnv): SlackConfig {
  const secretWhere = `Find it at ${APP_PAGE} → Basic Information → App Credentials → Signing Secret.`;
  const botWhere = `Install the app to your workspace, then copy it from ${APP_PAGE} → OAuth & Permissions → Bot User OAuth Token.`;
  const appWhere = `Create one at ${APP_PAGE} → Basic Information → App-Level Tokens, with the connections:write scope (or unset SLACK_APP_TOKEN to use HTTP).`;
  const appToken = optional(env, "SLACK_APP_TOKEN");
  return {
    signingSecret: required(env, "SLACK_SIGNING_SECRET", secretWhere),
    botToken: checkPrefix("SLACK_BOT_TOKEN", required(env, "SLACK_BOT_TOKEN", botWhere), "xoxb-", botWhere),
    appToken: appToken === null ? null : checkPrefix("SLACK_APP_TOKEN", appToken, "xapp-", appWhere),
    apiUrl: parseApiUrl(optional(env, "SLACK_API_URL")),
    port: parsePort(optional(env, "PORT")),
    host: optional(env, "HOST"),
    logLevel: parseLogLevel(optional(env, "LOG_LEVEL")),
  };
}
