import { ConfigError } from "../../src/errors.js";
import type { Dom0Core } from "../../src/types.js";
import type { Ops } from "../common/ops.js";

/** What the Discord bot needs to run; each field names the environment variable that fills it. */
export interface DiscordConfig {
  /** DISCORD_TOKEN: the bot token (Developer Portal → your application → Bot → Reset Token). */
  token: string;
  /** DISCORD_APPLICATION_ID: the application's id (Developer Portal → General Information). */
  applicationId: string;
  /** DISCORD_GUILD_ID (optional): register commands in this one server (instant) instead of globally. */
  guildId: string | null;
  /** DISCORD_API_URL (optional): REST base, default Discord's own; the gateway address comes from its GET /v10/gateway/bot. */
  apiUrl: string | null;
  /** DISCORD_SHARDS (optional): `auto` or a shard count, for the sharding entry; null runs one process, one shard. */
  shards: "auto" | number | null;
  /** Not from the environment: how long start() waits for READY before failing (default 30 s). */
  readyTimeoutMs?: number;
  /** Not from the environment: an already loaded core to share (tests, several adapters in one process). */
  core?: Dom0Core;
  /**
   * Not from the environment: the process's operations layer (logs, rate limit, insights), shared by every adapter;
   * its logger should scrub this token (`createOps({ secrets: [token] })`). Without it the bot creates its own from
   * the environment and closes it in stop().
   */
  ops?: Ops;
}

const DEVELOPER_PORTAL = "https://discord.com/developers/applications";
const SNOWFLAKE = /^\d{17,20}$/;

function required(env: NodeJS.ProcessEnv, name: string, how: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(name, `${name} is not set: ${how}`);
  return value;
}

function optional(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function snowflake(name: string, value: string, how: string): string {
  if (!SNOWFLAKE.test(value))
    throw new ConfigError(name, `${name} must be a numeric Discord id (got "${value}"): ${how}`);
  return value;
}

function parseShards(value: string | null): DiscordConfig["shards"] {
  if (value === null) return null;
  if (value === "auto") return "auto";
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new ConfigError(
      "DISCORD_SHARDS",
      `DISCORD_SHARDS must be "auto" or a whole number of shards ≥ 1 (got "${value}")`,
    );
  }
  return count;
}

function parseApiUrl(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http(s)");
  } catch {
    throw new ConfigError(
      "DISCORD_API_URL",
      `DISCORD_API_URL must be an http(s) URL such as https://discord.com/api (got "${value}")`,
    );
  }
  return value.replace(/\/+$/, "");
}

/** Reads the Discord settings from the environment; throws ConfigError naming the variable and where to get it. */
export function discordConfigFromEnv(env: NodeJS.ProcessEnv): DiscordConfig {
  const token = required(
    env,
    "DISCORD_TOKEN",
    `copy the bot token from ${DEVELOPER_PORTAL} → your application → Bot → Reset Token`,
  );
  const appHow = `copy the Application ID from ${DEVELOPER_PORTAL} → your application → General Information`;
  const applicationId = snowflake(
    "DISCORD_APPLICATION_ID",
    required(env, "DISCORD_APPLICATION_ID", appHow),
    appHow,
  );
  const guildRaw = optional(env, "DISCORD_GUILD_ID");
  const guildHow =
    "enable Developer Mode in Discord (Settings → Advanced), then right-click the server → Copy Server ID";
  return {
    token,
    applicationId,
    guildId: guildRaw === null ? null : snowflake("DISCORD_GUILD_ID", guildRaw, guildHow),
    apiUrl: parseApiUrl(optional(env, "DISCORD_API_URL")),
    shards: parseShards(optional(env, "DISCORD_SHARDS")),
  };
}
