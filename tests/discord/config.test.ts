import { describe, expect, it } from "vitest";
import { discordConfigFromEnv } from "../../adapters/discord/config.js";
import { ConfigError } from "../../src/errors.js";

const base = { DISCORD_TOKEN: "token", DISCORD_APPLICATION_ID: "1180000000000000001" };

function failure(env: NodeJS.ProcessEnv): ConfigError {
  try {
    discordConfigFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("discordConfigFromEnv", () => {
  it("reads the token and application id, with no guild, no API URL and one shard by default", () => {
    expect(discordConfigFromEnv(base)).toEqual({
      token: "token",
      applicationId: "1180000000000000001",
      guildId: null,
      apiUrl: null,
      shards: null,
    });
  });

  it.each([
    [{ DISCORD_APPLICATION_ID: base.DISCORD_APPLICATION_ID }, "DISCORD_TOKEN", /Reset Token/],
    [
      { DISCORD_TOKEN: "token", DISCORD_APPLICATION_ID: "  " },
      "DISCORD_APPLICATION_ID",
      /General Information/,
    ],
    [{ ...base, DISCORD_APPLICATION_ID: "my-bot" }, "DISCORD_APPLICATION_ID", /numeric Discord id/],
    [{ ...base, DISCORD_GUILD_ID: "xen users" }, "DISCORD_GUILD_ID", /Copy Server ID/],
    [{ ...base, DISCORD_API_URL: "discord.com/api" }, "DISCORD_API_URL", /http\(s\) URL/],
    [{ ...base, DISCORD_SHARDS: "0" }, "DISCORD_SHARDS", /"auto" or a whole number/],
    [{ ...base, DISCORD_SHARDS: "many" }, "DISCORD_SHARDS", /"auto" or a whole number/],
  ])("stops with a message naming the variable to fix (%#)", (env, variable, how) => {
    const error = failure(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toMatch(how);
  });

  it("takes the optional guild, API URL (trailing slash dropped) and shard count", () => {
    const config = discordConfigFromEnv({
      ...base,
      DISCORD_GUILD_ID: "1180000000000000100",
      DISCORD_API_URL: "http://127.0.0.1:9999/api/",
      DISCORD_SHARDS: "4",
    });
    expect(config).toMatchObject({
      guildId: "1180000000000000100",
      apiUrl: "http://127.0.0.1:9999/api",
      shards: 4,
    });
    expect(discordConfigFromEnv({ ...base, DISCORD_SHARDS: "auto" }).shards).toBe("auto");
  });
});
