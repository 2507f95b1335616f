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

describe("follow-ups", () => {
  /** The id of the message the bot created in reply to `messageId`. */
  async function answerTo(messageId: string): Promise<string> {
    await replyTo(messageId);
    const created = harness.discord.rest.created.find(
      (message) => message.message_reference?.message_id === messageId,
    );
    expect(created).toBeDefined();
    return created.id as string;
  }

  it("answers a reply to its answer against that answer's question, even without a mention", async () => {
    const asked = dispatchMessage(harness.discord, `<@${ids.bot}> does CentOS 6.3 work as dom0?`);
    const answer = await answerTo(asked);
    const followUp = dispatchMessage(harness.discord, "what about 6.5?", {
      mentions: [],
      message_reference: { type: 0, channel_id: ids.channel, message_id: answer },
    });
    const request = await replyTo(followUp);
    const expected = core.answer("what about 6.5?", {
      context: { product: "centos", variant: null, version: "6.3", xen: null },
    });
    expect(expected.version).toBe("6.5");
    expect(request.body.embeds[0].title).toBe(expected.headline);

    // A chain goes on: a reply to the second answer continues from CentOS 6.5.
    const second = await answerTo(followUp);
    const third = dispatchMessage(harness.discord, `<@${ids.bot}> and with xen 3.4?`, {
      message_reference: { type: 0, channel_id: ids.channel, message_id: second },
    });
    const last = await replyTo(third);
    expect(last.body.embeds[0].title).toBe(
      core.answer("and with xen 3.4?", { context: { product: "centos", version: "6.5" } }).headline,
    );
  });

  it("asks for the system by name when a fragment continues nothing, and ignores a bare 'thanks' in a chain", async () => {
    const lone = dispatchMessage(harness.discord, `<@${ids.bot}> what about 6.5?`);
    const request = await replyTo(lone);
    expect(request.body.embeds[0].title ?? request.body.embeds[0].description).toMatch(
      /Which system do you mean/,
    );

    const asked = dispatchMessage(harness.discord, `<@${ids.bot}> is debian 7 ok as dom0?`);
    const answer = await answerTo(asked);
    const thanks = dispatchMessage(harness.discord, "thanks!", {
      mentions: [],
      message_reference: { type: 0, channel_id: ids.channel, message_id: answer },
    });
    const barrier = dispatchMessage(harness.discord, `<@${ids.bot}> does CentOS 6.3 work as dom0?`);
    await replyTo(barrier);
    expect(repliesTo(thanks)).toEqual([]);
  });

  it("keeps a DM's conversation: the next message continues the last question", async () => {
    const first = dispatchDirectMessage(harness.discord, "is ubuntu 12.04 ok as dom0?");
    await replyTo(first);
    const next = dispatchDirectMessage(harness.discord, "and 11.10?");
    const request = await replyTo(next);
    expect(request.body.embeds[0].title).toBe(
      core.answer("and 11.10?", { context: { product: "ubuntu", version: "12.04" } }).headline,
    );
  });
});
