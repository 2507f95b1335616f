import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/index.js";
import type { Dom0Core } from "../../src/types.js";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { type BotUnderTest, startBotUnderTest } from "../support/discord-harness.js";
import {
  callbackFor,
  commandPayload,
  dispatchInteraction,
  dispatchMessage,
} from "../support/discord-payloads.js";

const realCore = loadCore();
/** The real core never echoes the question; this one does, in every field the bot renders, so the adapter's own
 *  defence is what the tests see. */
const core: Dom0Core = {
  ...realCore,
  answer: (question) => {
    const answer = realCore.answer(question);
    return {
      ...answer,
      headline: `You asked: ${question}`,
      reasons: [...answer.reasons, question],
      notes: [...answer.notes, { id: "echo", text: question }],
      suggestions: [question],
    };
  },
};
let harness: BotUnderTest;
beforeAll(async () => {
  harness = await startBotUnderTest(core);
});
afterAll(async () => harness?.close());

const HOSTILE = [
  "@everyone does CentOS 6.3 work as dom0?",
  "@here is <@&1180000000000000500> ok as dom0",
  "does <@1180000000000000300> 6.3 work as dom0? @everyone",
  "<@!1180000000000000300> <#1180000000000000200> </dom0:1180000000000000400> debian",
];
const RENDERABLE = /@everyone|@here|<@[!&]?\d+>|<#\d+>|<\/\w+:\d+>/;

/** Whatever the bot sent must not be able to ping: no renderable mention anywhere, and mentions disabled. */
function expectHarmless(body: { data?: unknown; allowed_mentions?: unknown }) {
  const message = (body.data ?? body) as { allowed_mentions?: unknown };
  expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(JSON.stringify(body)).not.toMatch(RENDERABLE);
}

describe("questions that try to ping", () => {
  it.each(HOSTILE)("a slash command question cannot ping: %s", async (question) => {
    const id = dispatchInteraction(
      harness.discord,
      commandPayload([{ name: "question", type: 3, value: question }]),
    );
    expectHarmless((await callbackFor(harness.discord, id)).body);
  });

  it.each(HOSTILE)("an os option cannot ping: %s", async (os) => {
    const id = dispatchInteraction(harness.discord, commandPayload([{ name: "os", type: 3, value: os }]));
    expectHarmless((await callbackFor(harness.discord, id)).body);
  });

  it.each(HOSTILE)("a mention cannot ping: %s", async (text) => {
    const id = dispatchMessage(harness.discord, `<@${ids.bot}> ${text}`, {
      mention_everyone: text.includes("@everyone"),
    });
    const request = await harness.discord.waitForRequest((r) => r.body?.message_reference?.message_id === id);
    expect(request.body.message_reference.message_id).toBe(id);
    const { message_reference: _reference, ...sent } = request.body;
    expectHarmless(sent);
  });
});
