import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APOLOGY_TEXT } from "../../adapters/common/shutdown.js";
import { EPHEMERAL_FLAG } from "../../adapters/discord/limits.js";
import { loadCore } from "../../src/index.js";
import type { Dom0Core } from "../../src/types.js";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { type BotUnderTest, startBotUnderTest, TEST_TOKEN } from "../support/discord-harness.js";
import {
  callbackFor,
  commandPayload,
  dispatchInteraction,
  dispatchMessage,
} from "../support/discord-payloads.js";

const realCore = loadCore();
/** Throws on any question naming "explode", as a bug in the core would on some input. */
const core: Dom0Core = {
  ...realCore,
  answer: (question) => {
    if (question.includes("explode")) throw new Error("the core broke on this question");
    return realCore.answer(question);
  },
};
const question = "does CentOS 6.3 work as dom0?";
let harness: BotUnderTest;
beforeAll(async () => {
  // No onError hook: failures go where production sends them, the operations logger.
  harness = await startBotUnderTest(core, { collectErrors: false });
});
afterAll(async () => harness?.close());

async function command(text: string) {
  const id = dispatchInteraction(
    harness.discord,
    commandPayload([{ name: "question", type: 3, value: text }]),
  );
  return (await callbackFor(harness.discord, id)).body;
}

async function mention(text: string) {
  const id = dispatchMessage(harness.discord, `<@${ids.bot}> ${text}`);
  return (
    await harness.discord.waitForRequest((request) => request.body?.message_reference?.message_id === id)
  ).body;
}

async function errorLines(count: number) {
  const lines = () => harness.logs.records().filter((record) => record.level === 50);
  for (let waited = 0; lines().length < count && waited < 5000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return lines();
}

describe("a failure inside one answer", () => {
  it("gives a /dom0 asker the private apology, logs the error through the ops logger, and answers the next", async () => {
    const before = (await errorLines(0)).length;
    const apology = await command("does explode 1.0 work as dom0?");
    expect(apology.data.embeds[0].description).toBe(APOLOGY_TEXT);
    expect(apology.data.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
    const [line] = (await errorLines(before + 1)).slice(before);
    expect(line).toMatchObject({
      where: "interaction",
      platform: "discord",
      err: { message: "the core broke on this question" },
    });
    expect((await command(question)).data.embeds[0].title).toBe(realCore.answer(question).headline);
  });

  it("replies to a mention with the apology and answers the next mention", async () => {
    const before = (await errorLines(0)).length;
    const apology = await mention("will it explode?");
    expect(apology.embeds[0].description).toBe(APOLOGY_TEXT);
    expect(apology.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const [line] = (await errorLines(before + 1)).slice(before);
    expect(line).toMatchObject({ where: "message", err: { message: "the core broke on this question" } });
    expect((await mention(question)).embeds[0].title).toBe(realCore.answer(question).headline);
  });

  it("logs a callback Discord refuses (an expired interaction) without its token, and keeps answering", async () => {
    const before = (await errorLines(0)).length;
    // Dispatched without registering its token with the REST fake: the callback gets 404 Unknown interaction.
    const id = "1200000000000099901";
    const token = "aW50ZXJhY3Rpb246MTIwMDAwMDAwMDAwMDA5OTkwMTpzZWNyZXQ";
    harness.discord.gateway.dispatch("INTERACTION_CREATE", {
      ...commandPayload([{ name: "question", type: 3, value: question }]),
      id,
      token,
    });
    // The answer fails, then so does the apology (same dead interaction): two lines.
    const lines = (await errorLines(before + 2)).slice(before);
    expect(lines.map((line) => line.where)).toEqual(["interaction", "apology"]);
    expect(lines[0].err).toMatchObject({ code: 10062, status: 404 });
    expect(lines[0].err.url).toContain(`/interactions/${id}/[Redacted]`);
    const all = harness.logs.text.join("");
    expect(all).not.toContain(token);
    expect(all).not.toContain(TEST_TOKEN);
    expect((await command(question)).data.embeds[0].title).toBe(realCore.answer(question).headline);
  });
});
