import { describe, expect, it } from "vitest";
import { createLogger, logAnswer } from "../../adapters/common/logger.js";
import { unlistedAnswer } from "../support/fake-core.js";
import { LineCapture } from "./helpers/capture.js";

const SLACK_BOT_TOKEN = "xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
const SLACK_APP_TOKEN = "xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef0123456789";
const DISCORD_TOKEN = "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs";
const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

function capture(options: Parameters<typeof createLogger>[0] = {}) {
  const out = new LineCapture();
  return { out, logger: createLogger({ destination: out, ...options }) };
}

describe("logAnswer", () => {
  const answer = unlistedAnswer(
    "Does Scientific Linux 6 work as dom0? I'm U0AAA in <#C123>",
    "Scientific Linux",
  );

  it("writes one JSON line with intent, verdict, product, latency and platform", () => {
    const { out, logger } = capture();
    logAnswer(logger, { platform: "slack", answer, latencyMs: 4.56789, userId: "U0AAA" });
    expect(out.lines).toHaveLength(1);
    expect(out.json()[0]).toMatchObject({
      level: 30,
      msg: "answered",
      event: "answer",
      platform: "slack",
      intent: "support",
      verdict: "unlisted",
      product: null,
      latencyMs: 4.57,
    });
  });

  it("leaves out the question text and the user id unless LOG_QUESTIONS is on", () => {
    const { out, logger } = capture();
    logAnswer(logger, {
      platform: "discord",
      answer,
      latencyMs: 1,
      userId: "U0AAA",
      questionText: answer.question,
    });
    const line = out.json()[0] ?? {};
    expect(line).not.toHaveProperty("question");
    expect(line).not.toHaveProperty("userId");
    expect(out.text).not.toContain("Scientific");
    expect(out.text).not.toContain("U0AAA");
  });

  it("includes the question text and the user id when LOG_QUESTIONS is on", () => {
    const { out, logger } = capture();
    logAnswer(
      logger,
      { platform: "discord", answer, latencyMs: 1, userId: "81234", questionText: "  raw text as typed " },
      { logQuestions: true },
    );
    expect(out.json()[0]).toMatchObject({ question: "  raw text as typed ", userId: "81234" });
  });

  it("is silent below the configured level", () => {
    const { out, logger } = capture({ level: "warn" });
    logAnswer(logger, { platform: "terminal", answer, latencyMs: 1 });
    expect(out.lines).toEqual([]);
  });
});

describe("createLogger scrubbing", () => {
  it("redacts secret-named fields at any depth, whatever their case", () => {
    const { out, logger } = capture();
    logger.info(
      {
        token: "plain-value-1",
        config: { botToken: "plain-value-2", signingSecret: "plain-value-3", port: 3000 },
        headers: { Authorization: "Bot plain-value-4", "x-slack-signature": "v0=plain-value-5" },
        list: [{ clientSecret: "plain-value-6" }],
      },
      "starting",
    );
    const line = out.json()[0] ?? {};
    expect(out.text).not.toMatch(/plain-value/);
    expect(line.config).toEqual({ botToken: "[Redacted]", signingSecret: "[Redacted]", port: 3000 });
    expect(line.token).toBe("[Redacted]");
  });

  it("scrubs Slack and Discord token shapes from messages, errors and any field", () => {
    const { out, logger } = capture();
    logger.error(
      { err: new Error(`invalid_auth for ${SLACK_BOT_TOKEN}`), detail: `socket ${SLACK_APP_TOKEN}` },
      `login failed with ${DISCORD_TOKEN}`,
    );
    logger.warn(
      { url: "https://discord.com/api/v10/webhooks/1234567/aW50ZXJhY3Rpb246MTIzNDU2Nzg5" },
      "callback to https://hooks.slack.com/commands/T0001/123/XyZsecretpart failed",
    );
    for (const secret of [
      SLACK_BOT_TOKEN,
      SLACK_APP_TOKEN,
      DISCORD_TOKEN,
      "aW50ZXJhY3Rpb246",
      "XyZsecretpart",
    ]) {
      expect(out.text).not.toContain(secret);
    }
    expect(out.text).toContain("invalid_auth for [Redacted]");
    expect(out.text).toContain("/webhooks/1234567/[Redacted]");
  });

  it("scrubs exact secret values it is given, even in free text", () => {
    const { out, logger } = capture({ secrets: [SIGNING_SECRET, "short"] });
    logger.info(`verifying with ${SIGNING_SECRET}; short words stay`);
    expect(out.text).not.toContain(SIGNING_SECRET);
    expect(out.text).toContain("short words stay");
  });

  it("logs only the first 200 characters of a question with LOG_QUESTIONS on, however long it is", () => {
    const { out, logger } = capture();
    const huge = `${"?".repeat(40_000)}x`;
    logAnswer(
      logger,
      { platform: "discord", answer: unlistedAnswer(huge, "x"), latencyMs: 1, questionText: huge },
      { logQuestions: true },
    );
    expect(out.json()[0]?.["question"]).toBe("?".repeat(200));
    expect(out.lines[0]?.length).toBeLessThan(1000);
  });

  it("scrubs secrets passed as the question text even when LOG_QUESTIONS is on", () => {
    const { out, logger } = capture();
    const answer = unlistedAnswer(`is ${SLACK_BOT_TOKEN} a dom0?`, "xoxb");
    logAnswer(logger, { platform: "slack", answer, latencyMs: 1 }, { logQuestions: true });
    expect(out.text).not.toContain(SLACK_BOT_TOKEN);
    expect(out.json()[0]?.question).toBe("is [Redacted] a dom0?");
  });

  it("writes human-readable lines, still scrubbed, when asked for pretty output", () => {
    const { out, logger } = capture({ pretty: true });
    logger.info({ token: SLACK_BOT_TOKEN, port: 3000 }, `hello ${DISCORD_TOKEN}`);
    expect(out.text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: hello \[Redacted\]$/m);
    expect(out.text).toContain("port: 3000");
    expect(out.text).not.toContain(SLACK_BOT_TOKEN);
    expect(() => JSON.parse(out.lines[0] ?? "")).toThrow();
  });
});
