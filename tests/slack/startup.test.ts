/** Start-up against Slack: a token Slack rejects stops it with a message naming the variable. */
import { afterEach, describe, expect, it } from "vitest";
import { createSlackApp, type SlackApp } from "../../adapters/slack/index.js";
import { ConfigError } from "../../src/index.js";
import { fakeCore } from "../support/fake-core.js";
import { FakeSlackApi } from "./support/fake-slack-api.js";
import { testConfig, testOps } from "./support/slack-harness.js";

let api: FakeSlackApi | undefined;
afterEach(async () => {
  await api?.stop();
});

async function startAgainst(
  replies: { authTest?: Record<string, unknown>; connectionsOpen?: Record<string, unknown> },
  socketMode: boolean,
): Promise<{ error: unknown; app: SlackApp }> {
  api = new FakeSlackApi();
  await api.start();
  if (replies.authTest) api.authTestReply = replies.authTest;
  if (replies.connectionsOpen) api.connectionsOpenReply = replies.connectionsOpen;
  const config = testConfig(api, socketMode);
  const ops = testOps(config, []);
  const app = createSlackApp(config, { core: fakeCore(), ops });
  try {
    await app.start();
    return { error: undefined, app };
  } catch (error) {
    return { error, app };
  } finally {
    await app.stop();
    await ops.close();
  }
}

describe("start-up", () => {
  it("stops with a ConfigError naming SLACK_BOT_TOKEN when Slack answers invalid_auth, once, binding no port", async () => {
    const { error, app } = await startAgainst({ authTest: { ok: false, error: "invalid_auth" } }, false);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe("SLACK_BOT_TOKEN");
    expect((error as ConfigError).message).toMatch(/invalid_auth.*OAuth & Permissions/);
    expect((error as ConfigError).message).not.toContain("faketokenfortests");
    expect(api?.callsOf("auth.test")).toHaveLength(1);
    expect(app.port()).toBeNull();
  });

  it("stops with a ConfigError naming SLACK_APP_TOKEN when Socket Mode's connection is refused", async () => {
    const { error } = await startAgainst({ connectionsOpen: { ok: false, error: "invalid_auth" } }, true);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe("SLACK_APP_TOKEN");
    expect((error as ConfigError).message).toMatch(/App-Level Tokens/);
  });

  it("passes other failures through unchanged", async () => {
    const { error } = await startAgainst({ authTest: { ok: false, error: "internal_error" } }, false);
    expect(error).not.toBeInstanceOf(ConfigError);
    expect(String(error)).toMatch(/internal_error/);
  });
});
