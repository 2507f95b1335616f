import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/index.js";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { type BotUnderTest, startBotUnderTest, TEST_TOKEN } from "../support/discord-harness.js";
import {
  authoredBy,
  callbackFor,
  commandPayload,
  dispatchInteraction,
  dispatchMessage,
  fromUser,
} from "../support/discord-payloads.js";

const core = loadCore();
const ASKER = "1180000000000000377";
let quiet: BotUnderTest;
let opted: BotUnderTest;
beforeAll(async () => {
  [quiet, opted] = await Promise.all([
    startBotUnderTest(core),
    startBotUnderTest(core, { env: { LOG_QUESTIONS: "1" } }),
  ]);
});
afterAll(async () => Promise.all([quiet?.close(), opted?.close()]));

async function askCommand(harness: BotUnderTest, question: string): Promise<void> {
  const id = dispatchInteraction(
    harness.discord,
    fromUser(commandPayload([{ name: "question", type: 3, value: question }]), ASKER),
  );
  await callbackFor(harness.discord, id);
}

async function askMention(harness: BotUnderTest, question: string): Promise<void> {
  const id = dispatchMessage(harness.discord, `<@${ids.bot}> ${question}`, authoredBy(ASKER));
  await harness.discord.waitForRequest((request) => request.body?.message_reference?.message_id === id);
}

/** The answer lines, once there are `count` (the line follows the reply, so it may trail the fake's record). */
async function answerLines(harness: BotUnderTest, count: number) {
  const lines = () => harness.logs.records().filter((record) => record.event === "answer");
  for (let waited = 0; lines().length < count && waited < 5000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return lines();
}

describe("the answer log line", () => {
  it("logs one line per answered question with intent, verdict, product, latency and platform, and no text or user id", async () => {
    const question = "does CentOS 6.3 work as dom0? my server is fileserver-acme-7";
    await askCommand(quiet, question);
    await askMention(quiet, "is ubuntu 12.04 OK?");
    const lines = await answerLines(quiet, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 30,
      platform: "discord",
      intent: "support",
      verdict: "no",
      product: "centos",
      version: "6.3",
      msg: "answered",
    });
    expect(lines[1]).toMatchObject({
      platform: "discord",
      intent: "support",
      product: "ubuntu",
      version: "12.04",
    });
    for (const line of lines) {
      expect(line.latencyMs).toBeGreaterThan(0);
      expect(line.latencyMs).toBeLessThan(5000);
      expect(line).not.toHaveProperty("question");
      expect(line).not.toHaveProperty("userId");
    }
    const all = quiet.logs.text.join("");
    expect(all).not.toContain("fileserver-acme-7");
    expect(all).not.toContain(ASKER);
    expect(all).not.toContain(TEST_TOKEN);
  });

  it("adds the question and the user id with LOG_QUESTIONS=1, a pasted bot token scrubbed", async () => {
    await askCommand(opted, `does CentOS 6.3 work as dom0? my token is ${TEST_TOKEN}`);
    await askMention(opted, "is ubuntu 12.04 OK?");
    const [command, mention] = await answerLines(opted, 2);
    expect(command).toMatchObject({
      question: "does CentOS 6.3 work as dom0? my token is [Redacted]",
      userId: ASKER,
      verdict: "no",
    });
    expect(mention).toMatchObject({ question: "is ubuntu 12.04 OK?", userId: ASKER });
    expect(opted.logs.text.join("")).not.toContain(TEST_TOKEN);
  });

  it("logs nothing per question for help, which answers no question", async () => {
    const before = (await answerLines(quiet, 0)).length;
    const id = dispatchInteraction(quiet.discord, commandPayload([{ name: "help", type: 5, value: true }]));
    await callbackFor(quiet.discord, id);
    // A question after the help: once its line is in, the help would have logged before it.
    await askCommand(quiet, "what is dom0?");
    const lines = await answerLines(quiet, before + 1);
    expect(lines).toHaveLength(before + 1);
    expect(lines.at(-1)).toMatchObject({ intent: "faq" });
  });
});
