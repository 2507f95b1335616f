/** Start-up configuration: every missing or malformed variable is named, with where to get its value. */
import { describe, expect, it } from "vitest";
import { slackConfigFromEnv } from "../../adapters/slack/index.js";
import { ConfigError } from "../../src/index.js";
import { TEST_APP_TOKEN, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "./support/signing.js";

const BASE = { SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_BOT_TOKEN: TEST_BOT_TOKEN };

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    slackConfigFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("slackConfigFromEnv", () => {
  it("reads HTTP mode with defaults: port 3000, Slack's own API, info logs", () => {
    expect(slackConfigFromEnv(BASE)).toEqual({
      signingSecret: TEST_SIGNING_SECRET,
      botToken: TEST_BOT_TOKEN,
      appToken: null,
      apiUrl: null,
      port: 3000,
      host: null,
      logLevel: "info",
    });
  });

  it("reads Socket Mode, SLACK_API_URL (adding the trailing slash), PORT, HOST and LOG_LEVEL", () => {
    const config = slackConfigFromEnv({
      ...BASE,
      SLACK_APP_TOKEN: TEST_APP_TOKEN,
      SLACK_API_URL: "http://127.0.0.1:9999/api",
      PORT: "8080",
      HOST: "127.0.0.1",
      LOG_LEVEL: "WARN",
    });
    expect(config).toMatchObject({
      appToken: TEST_APP_TOKEN,
      apiUrl: "http://127.0.0.1:9999/api/",
      port: 8080,
    });
    expect(config.logLevel).toBe("warn");
  });

  it.each([
    [{ SLACK_BOT_TOKEN: TEST_BOT_TOKEN }, "SLACK_SIGNING_SECRET", /Basic Information → App Credentials/],
    [{ SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET }, "SLACK_BOT_TOKEN", /OAuth & Permissions/],
    [{ ...BASE, SLACK_BOT_TOKEN: "   " }, "SLACK_BOT_TOKEN", /is not set/],
    [{ ...BASE, SLACK_BOT_TOKEN: "xoxp-user-token-0000" }, "SLACK_BOT_TOKEN", /should start with "xoxb-"/],
    [{ ...BASE, SLACK_APP_TOKEN: "xoxb-wrong-kind-000" }, "SLACK_APP_TOKEN", /connections:write/],
    [{ ...BASE, SLACK_API_URL: "not a url" }, "SLACK_API_URL", /must be a URL/],
    [{ ...BASE, SLACK_API_URL: "ftp://example.org/api/" }, "SLACK_API_URL", /http\(s\)/],
    [{ ...BASE, PORT: "80a" }, "PORT", /whole number/],
    [{ ...BASE, PORT: "70000" }, "PORT", /0 to 65535/],
    [{ ...BASE, LOG_LEVEL: "loud" }, "LOG_LEVEL", /one of/],
  ])("stops on %j naming %s and how to fix it", (env, variable, message) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toMatch(message);
  });

  it("never puts a secret's value in the error message", () => {
    const error = configError({ ...BASE, SLACK_BOT_TOKEN: "xoxp-secret-user-token-123456" });
    expect(error.message).not.toContain("secret-user-token");
  });
});
