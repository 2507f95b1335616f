import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMIT_REPLY } from "../../adapters/common/rate-limit.js";
import { EPHEMERAL_FLAG } from "../../adapters/discord/limits.js";
import { loadCore } from "../../src/index.js";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { type BotUnderTest, startBotUnderTest } from "../support/discord-harness.js";
import {
  authoredBy,
  autocompletePayload,
  buttonPayload,
  callbackFor,
  commandPayload,
  dispatchInteraction,
  dispatchMessage,
  fromUser,
} from "../support/discord-payloads.js";

const core = loadCore();
const BURST = 3;
const question = "does CentOS 6.3 work as dom0?";
let harness: BotUnderTest;
beforeAll(async () => {
  // One question back every 20 s: nothing refills while a test runs.
  harness = await startBotUnderTest(core, {
    env: { RATE_LIMIT_BURST: String(BURST), RATE_LIMIT_PER_MINUTE: "3" },
  });
});
afterAll(async () => harness?.close());

function repliesTo(messageId: string) {
  return harness.discord.rest.requests.filter(
    (request) => request.body?.message_reference?.message_id === messageId,
  );
}

function replyTo(messageId: string) {
  return harness.discord.waitForRequest(
    (request) => request.body?.message_reference?.message_id === messageId,
  );
}

async function mention(userId: string) {
  const id = dispatchMessage(harness.discord, `<@${ids.bot}> ${question}`, authoredBy(userId));
  return { id, reply: await replyTo(id) };
}

async function command(userId: string) {
  const id = dispatchInteraction(
    harness.discord,
    fromUser(commandPayload([{ name: "question", type: 3, value: question }]), userId),
  );
  return (await callbackFor(harness.discord, id)).body;
}

describe("rate limit on mentions", () => {
  it("answers a burst, then replies once, politely and in plain text, then stays silent", async () => {
    const user = "1180000000000000311";
    for (let asked = 0; asked < BURST; asked += 1) {
      const { reply } = await mention(user);
      expect(reply.body.embeds[0].title).toBe(core.answer(question).headline);
    }
    const { reply: told } = await mention(user);
    expect(told.body.content).toBe(RATE_LIMIT_REPLY);
    expect(told.body.embeds ?? []).toEqual([]);
    expect(told.body.allowed_mentions).toEqual({ parse: [], replied_user: false });

    const ignored = [
      dispatchMessage(harness.discord, `<@${ids.bot}> ${question}`, authoredBy(user)),
      dispatchMessage(harness.discord, `<@${ids.bot}> still there?`, authoredBy(user)),
    ];
    // Another user is not held back by the first; once their answer is in, the ignored messages were handled.
    const { reply: other } = await mention("1180000000000000312");
    expect(other.body.embeds[0].title).toBe(core.answer(question).headline);
    for (const id of ignored) expect(repliesTo(id)).toEqual([]);
    expect(harness.errors).toEqual([]);
  });
});

describe("rate limit on /dom0", () => {
  it("answers a burst, then gives a short private notice each time instead of an answer or an error", async () => {
    const user = "1180000000000000321";
    for (let asked = 0; asked < BURST; asked += 1) {
      const body = await command(user);
      expect(body.data.embeds[0].title).toBe(core.answer(question).headline);
      expect((body.data.flags ?? 0) & EPHEMERAL_FLAG).toBe(0);
    }
    for (let past = 0; past < 2; past += 1) {
      const body = await command(user);
      expect(body.type).toBe(4);
      expect(body.data.embeds[0].description).toBe(RATE_LIMIT_REPLY);
      expect(body.data.embeds[0].title).toBeUndefined();
      expect(body.data.components ?? []).toEqual([]);
      expect(body.data.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
    }
  });

  it("shares one bucket between a user's slash commands and mentions", async () => {
    const user = "1180000000000000331";
    for (let asked = 0; asked < BURST; asked += 1) await command(user);
    const { reply } = await mention(user);
    expect(reply.body.content).toBe(RATE_LIMIT_REPLY);
  });

  it("still serves autocomplete and buttons to a user past the limit", async () => {
    const user = "1180000000000000341";
    for (let asked = 0; asked <= BURST; asked += 1) await command(user);
    expect((await command(user)).data.embeds[0].description).toBe(RATE_LIMIT_REPLY);
    const typed = dispatchInteraction(
      harness.discord,
      fromUser(autocompletePayload([{ name: "os", type: 3, value: "cent", focused: true }]), user),
    );
    const choices = (await callbackFor(harness.discord, typed)).body.data.choices;
    expect(choices.map((choice: { value: string }) => choice.value)).toContain("centos");
    const pressed = dispatchInteraction(harness.discord, fromUser(buttonPayload("dom0:table"), user));
    const table = (await callbackFor(harness.discord, pressed)).body;
    expect(table.data.embeds[0].title).toMatch(/whole table/);
  });
});
