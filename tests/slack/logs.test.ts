/** The log lines a maintainer reads: one per answered question, with no secret, and no text or user id unless asked. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createSlackApp } from "../../adapters/slack/index.js";
import { FakeSlackApi } from "./support/fake-slack-api.js";
import { eventCallback, slackFixture, slashCommandFields } from "./support/fixtures.js";
import {
  postEvent,
  postInteraction,
  postSlashCommand,
  TEST_APP_TOKEN,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "./support/signing.js";
import { realCore, type SlackHarness, startSlackHarness, testConfig } from "./support/slack-harness.js";

const ASKER = "U0ASKER77";
const PRIVATE_WORDS = "my server is fileserver-acme-7";
let quiet: SlackHarness;
let opted: SlackHarness;
beforeAll(async () => {
  [quiet, opted] = await Promise.all([
    startSlackHarness({ env: { LOG_LEVEL: "debug" } }),
    startSlackHarness({ env: { LOG_LEVEL: "info", LOG_QUESTIONS: "1" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([quiet?.stop(), opted?.stop()]);
});

async function askCommand(h: SlackHarness, question: string): Promise<void> {
  const response = await postSlashCommand(h.eventsUrl, slashCommandFields(question, { user_id: ASKER }));
  expect(response.status).toBe(200);
}

async function askMention(h: SlackHarness, question: string, channel: string): Promise<void> {
  await postEvent(
    h.eventsUrl,
    eventCallback("event-app-mention", { user: ASKER, channel, text: `<@UBOT0DOM0> ${question}` }),
  );
  await h.api.waitFor(() => h.api.callsOf("chat.postMessage").find((call) => call.args.channel === channel));
}

/** The answer lines once there are `count` (each follows its reply, so it may trail what the fake recorded). */
async function answerLines(h: SlackHarness, count: number): Promise<Array<Record<string, unknown>>> {
  const lines = () => h.records().filter((record) => record["event"] === "answer");
  for (let waited = 0; lines().length < count && waited < 3000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return lines();
}

describe("the answer log line", () => {
  it("logs one line per answered question with intent, verdict, product, latency and platform, and no text or user id (even at debug)", async () => {
    await askCommand(quiet, `does CentOS 6.3 work as dom0? ${PRIVATE_WORDS}`);
    await askMention(quiet, `is ubuntu 12.04 OK? ${PRIVATE_WORDS}`, "C0LOGS001");
    const lines = await answerLines(quiet, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 30,
      event: "answer",
      platform: "slack",
      intent: "support",
      verdict: "no",
      product: "centos",
      version: "6.3",
      msg: "answered",
    });
    expect(lines[1]).toMatchObject({
      platform: "slack",
      intent: "support",
      product: "ubuntu",
      version: "12.04",
    });
    for (const line of lines) {
      expect(line["latencyMs"]).toBeGreaterThan(0);
      expect(line["latencyMs"]).toBeLessThan(3000);
      expect(line).not.toHaveProperty("question");
      expect(line).not.toHaveProperty("userId");
    }
    const all = quiet.logs.join("");
    expect(all).not.toContain("fileserver-acme-7");
    expect(all).not.toContain(ASKER);
    expect(all).not.toContain(TEST_SIGNING_SECRET);
    expect(all).not.toContain(TEST_BOT_TOKEN);
  });

  it("adds the question and the user id with LOG_QUESTIONS=1, a pasted token or signing secret scrubbed", async () => {
    await askCommand(
      opted,
      `does CentOS 6.3 work as dom0? token ${TEST_BOT_TOKEN} secret ${TEST_SIGNING_SECRET}`,
    );
    await askMention(opted, "is ubuntu 12.04 OK?", "C0LOGS002");
    const [command, mention] = await answerLines(opted, 2);
    expect(command).toMatchObject({
      question: "does CentOS 6.3 work as dom0? token [Redacted] secret [Redacted]",
      userId: ASKER,
      verdict: "no",
    });
    expect(mention).toMatchObject({ question: "is ubuntu 12.04 OK?", userId: ASKER });
    const all = opted.logs.join("");
    expect(all).not.toContain(TEST_BOT_TOKEN);
    expect(all).not.toContain(TEST_SIGNING_SECRET);
  });

  it("logs no answer line for the help, which answers no question", async () => {
    const before = (await answerLines(quiet, 0)).length;
    await askCommand(quiet, "help");
    await askCommand(quiet, "what is dom0?");
    const lines = await answerLines(quiet, before + 1);
    expect(lines).toHaveLength(before + 1);
    expect(lines.at(-1)).toMatchObject({ intent: "faq" });
  });

  it("logs a rating with what was rated and not who rated it", async () => {
    const payload = slackFixture<{ response_url: string }>("block-actions-rating-ephemeral");
    payload.response_url = quiet.api.responseUrl("logs-rating");
    await postInteraction(quiet.eventsUrl, payload);
    await quiet.api.waitFor(() => quiet.api.responseUrlPosts.find((post) => post.id === "logs-rating"));
    const rating = quiet.records().find((record) => record["event"] === "rating");
    expect(rating).toMatchObject({ platform: "slack", rating: "down", intent: "support", product: "centos" });
    expect(JSON.stringify(rating)).not.toContain("U2147483697");
  });
});

describe("the app's own operations layer (no ops given)", () => {
  let api: FakeSlackApi | undefined;
  afterEach(async () => {
    vi.unstubAllEnvs();
    await api?.stop();
  });

  it("scrubs the signing secret and the tokens, which it knows from its config, from every line", async () => {
    vi.stubEnv("INSIGHTS", "0");
    vi.stubEnv("LOG_QUESTIONS", "1");
    vi.stubEnv("LOG_LEVEL", "debug");
    api = new FakeSlackApi();
    await api.start();
    const lines: string[] = [];
    const app = createSlackApp(
      { ...testConfig(api, false), appToken: null },
      { core: realCore(), logDestination: { write: (line: string) => void lines.push(line) } },
    );
    await app.start();
    try {
      const question = `is ubuntu 12.04 OK? ${TEST_SIGNING_SECRET} ${TEST_APP_TOKEN}`;
      await postSlashCommand(`http://127.0.0.1:${app.port()}/slack/events`, slashCommandFields(question));
    } finally {
      await app.stop();
    }
    const answer = lines.map((line) => JSON.parse(line)).find((record) => record.event === "answer");
    expect(answer.question).toBe("is ubuntu 12.04 OK? [Redacted] [Redacted]");
    expect(lines.join("")).not.toContain(TEST_SIGNING_SECRET);
  });
});

describe("Bolt's repeated lines", () => {
  it("are written once per window, the next one saying how many were dropped", async () => {
    const { createLogger } = await import("../../adapters/common/logger.js");
    const { boltLogger } = await import("../../adapters/slack/logger.js");
    const lines: string[] = [];
    const base = createLogger({
      level: "info",
      destination: { write: (line: string) => void lines.push(line) },
    });
    let now = 0;
    const bolt = boltLogger(base, { logQuestions: false, repeatWindowMs: 1000, now: () => now });
    for (let i = 0; i < 30; i++) bolt.warn(`Failed to verify request ${i}`);
    bolt.warn("another line");
    expect(lines).toHaveLength(2);
    now = 1500;
    bolt.warn("Failed to verify request 31");
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[2] ?? "{}")).toMatchObject({
      suppressed: 29,
      msg: "Failed to verify request 31",
    });
  });
});
