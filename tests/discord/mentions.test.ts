import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/index.js";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { type BotUnderTest, startBotUnderTest } from "../support/discord-harness.js";
import { dispatchDirectMessage, dispatchMessage } from "../support/discord-payloads.js";

const core = loadCore();
let harness: BotUnderTest;
beforeAll(async () => {
  harness = await startBotUnderTest(core);
});
afterAll(async () => harness?.close());

function replyTo(messageId: string) {
  return harness.discord.waitForRequest(
    (request) => request.method === "POST" && request.body?.message_reference?.message_id === messageId,
  );
}

function repliesTo(messageId: string) {
  return harness.discord.rest.requests.filter(
    (request) => request.body?.message_reference?.message_id === messageId,
  );
}

describe("mentions", () => {
  it("answers '@dom0bot is ubuntu 12.04 OK?' as a reply to that message, pinging no one", async () => {
    const id = dispatchMessage(harness.discord, `<@${ids.bot}> is ubuntu 12.04 OK?`);
    const request = await replyTo(id);
    expect(request.path).toBe(`/channels/${ids.channel}/messages`);
    expect(request.body.embeds[0].title).toBe(core.answer("is ubuntu 12.04 OK?").headline);
    expect(request.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("ignores channel messages that do not mention it, @everyone included", async () => {
    const plain = dispatchMessage(harness.discord, "is ubuntu 12.04 OK?", { mentions: [] });
    const everyone = dispatchMessage(harness.discord, "@everyone is ubuntu 12.04 OK?", {
      mentions: [],
      mention_everyone: true,
    });
    // A later mention is answered: once its reply is in, the earlier messages have been handled too.
    const barrier = dispatchMessage(harness.discord, `<@${ids.bot}> does CentOS 6.3 work as dom0?`);
    await replyTo(barrier);
    expect(repliesTo(plain)).toEqual([]);
    expect(repliesTo(everyone)).toEqual([]);
  });

  it("ignores other bots, so two bots cannot talk in a loop", async () => {
    const fromBot = dispatchMessage(harness.discord, `<@${ids.bot}> is ubuntu 12.04 OK?`, {
      author: {
        id: "1180000000000000999",
        username: "otherbot",
        discriminator: "1111",
        global_name: null,
        avatar: null,
        bot: true,
        public_flags: 0,
      },
    });
    const barrier = dispatchMessage(harness.discord, `<@${ids.bot}> does CentOS 6.3 work as dom0?`);
    await replyTo(barrier);
    expect(repliesTo(fromBot)).toEqual([]);
  });

  it("answers a bare mention with the help", async () => {
    const id = dispatchMessage(harness.discord, `<@${ids.bot}>`);
    const request = await replyTo(id);
    expect(request.body.embeds[0].title).toMatch(/dom0bot/);
  });

  it("answers a direct message without a mention, in the DM channel", async () => {
    const id = dispatchDirectMessage(harness.discord, "does debian squeeze work as dom0?");
    const request = await replyTo(id);
    expect(request.path).toBe("/channels/1180000000000000250/messages");
    expect(request.body.embeds[0].title).toBe(core.answer("does debian squeeze work as dom0?").headline);
    expect(request.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});
