/** The real Bolt app over HTTP on loopback, receiving requests signed like Slack's, answering through a fake Slack. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeReplay } from "../../adapters/common/replay.js";
import { blockTexts, buttons, escaped, firstLine, type MessageBody } from "./support/blocks.js";
import { FAKE_BOT_USER_ID } from "./support/fake-slack-api.js";
import { eventCallback, slackFixture, slashCommandFields } from "./support/fixtures.js";
import { postEvent, postInteraction, postSlashCommand } from "./support/signing.js";
import { type SlackHarness, startSlackHarness } from "./support/slack-harness.js";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function slash(text: string, overrides: Record<string, string> = {}): Promise<MessageBody> {
  const response = await postSlashCommand(
    h.eventsUrl,
    slashCommandFields(text, { response_url: h.api.responseUrl(), ...overrides }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as MessageBody;
}

describe("the /dom0 slash command", () => {
  it("answers privately within Slack's 3 seconds, the verdict line first and the source as context", async () => {
    const question = "does CentOS 6.3 work as dom0?";
    const expected = h.core.answer(question);
    const started = performance.now();
    const reply = await slash(question);
    expect(performance.now() - started).toBeLessThan(3000);

    expect(reply.response_type).toBe("ephemeral");
    expect(firstLine(reply.blocks)).toContain(`*${escaped(expected.headline)}*`);
    const texts = blockTexts(reply.blocks).join("\n");
    for (const reason of expected.reasons) expect(texts).toContain(escaped(reason));
    const context = reply.blocks?.find((block) => block.type === "context");
    expect(blockTexts(context ? [context] : []).join(" ")).toContain(expected.source.url);
    expect(reply.text).toContain(escaped(expected.headline));
  });

  it("puts a Share in channel button under the private answer, carrying the question as understood, then 👍 and 👎", async () => {
    const reply = await slash("is Debian squeeze OK as dom0?");
    const carried = {
      question: "is Debian squeeze OK as dom0?",
      query: { product: "debian", variant: null, version: "6.0", xen: null },
      asOf: "2014-04-18",
    };
    expect(
      buttons(reply.blocks).map((button) => [
        button.action_id?.split(":").slice(0, 3).join(":"),
        decodeReplay(button.value),
      ]),
    ).toEqual([
      ["dom0:share", carried],
      ["dom0:rate:up", carried],
      ["dom0:rate:down", carried],
    ]);
  });

  it("explains itself with example questions for /dom0 help and for an empty /dom0", async () => {
    for (const text of ["help", ""]) {
      const reply = await slash(text);
      expect(reply.response_type).toBe("ephemeral");
      const texts = blockTexts(reply.blocks).join("\n");
      expect(texts).toContain("dom0");
      for (const example of h.core.examples) expect(texts).toContain(escaped(example));
    }
  });

  it("answers a command it does not know politely instead of failing", async () => {
    const reply = await slash("anything", { command: "/xen" });
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toMatch(/only know \/dom0/);
  });

  it("answers 100 concurrent slash commands, each with its own answer", async () => {
    const questions = Array.from({ length: 100 }, (_, i) =>
      i % 2 === 0 ? `does CentOS 6.${i % 10} work as dom0?` : `is Ubuntu ${10 + (i % 5)}.04 OK as dom0?`,
    );
    const replies = await Promise.all(questions.map((question) => slash(question)));
    replies.forEach((reply, i) => {
      const question = questions[i] ?? "";
      expect(firstLine(reply.blocks)).toContain(escaped(h.core.answer(question).headline));
      expect(decodeReplay(buttons(reply.blocks)[0]?.value)?.question).toBe(question);
    });
  });
});

describe("the Share in channel button", () => {
  it("posts the answer for everyone through the response_url and removes the private copy", async () => {
    const responseId = "share-1";
    const payload = slackFixture<{ response_url: string }>("block-actions-share");
    payload.response_url = h.api.responseUrl(responseId);
    const response = await postInteraction(h.eventsUrl, payload);
    expect(response.status).toBe(200);

    const posts = await h.api.waitFor(() => {
      const mine = h.api.responseUrlPosts.filter((post) => post.id === responseId);
      return mine.length >= 2 && mine;
    });
    const shared = posts[0]?.body as MessageBody;
    const expected = h.core.answer("does CentOS 6.3 work as dom0?");
    expect(shared.response_type).toBe("in_channel");
    expect(firstLine(shared.blocks)).toContain(escaped(expected.headline));
    expect(blockTexts(shared.blocks).join(" ")).toContain("does CentOS 6.3 work as dom0?");
    // Everyone may rate the shared answer; nobody needs to share it again.
    expect(buttons(shared.blocks).map((button) => button.action_id)).toEqual([
      "dom0:rate:up:support:centos:no:-",
      "dom0:rate:down:support:centos:no:-",
    ]);
    expect(posts[1]?.body).toEqual({ delete_original: true });
  });
});

describe("the Share in channel button without a response_url", () => {
  it("posts the answer in the channel with chat.postMessage instead", async () => {
    const payload = slackFixture<Record<string, unknown>>("block-actions-share");
    const { response_url: _dropped, ...withoutUrl } = payload;
    const channel = { id: "C0NOURL01", name: "no-url" };
    expect((await postInteraction(h.eventsUrl, { ...withoutUrl, channel })).status).toBe(200);
    const post = await h.api.waitFor(() =>
      h.api.callsOf("chat.postMessage").find((call) => call.args.channel === "C0NOURL01"),
    );
    expect(firstLine(post.args.blocks)).toContain(
      escaped(h.core.answer("does CentOS 6.3 work as dom0?").headline),
    );
    expect(buttons(post.args.blocks).map((button) => button.action_id)).not.toContain("dom0:share");
  });
});

describe("mentions and direct messages", () => {
  it("answers a mention in the thread of the message that mentioned it, without the mention in the question", async () => {
    const body = eventCallback("event-app-mention");
    const { event } = body as { event: { ts: string; channel: string } };
    expect((await postEvent(h.eventsUrl, body)).status).toBe(200);

    const post = await h.api.waitFor(() =>
      h.api.callsOf("chat.postMessage").find((c) => c.args.thread_ts === event.ts),
    );
    expect(post.args.channel).toBe(event.channel);
    expect(post.token).toBe("xoxb-0000000000-0000000000-faketokenfortests");
    const expected = h.core.answer("is wheezy OK with Xen 3.4?");
    expect(firstLine(post.args.blocks)).toContain(escaped(expected.headline));
  });

  it("answers a mention inside a thread in that same thread", async () => {
    const body = eventCallback("event-app-mention", {
      ts: "1515449600.000100",
      thread_ts: "1515449000.000001",
    });
    await postEvent(h.eventsUrl, body);
    const post = await h.api.waitFor(() =>
      h.api.callsOf("chat.postMessage").find((c) => c.args.thread_ts === "1515449000.000001"),
    );
    expect(post.args.channel).toBe("C123ABC456");
  });

  it("answers a direct message in the DM, not in a thread", async () => {
    const body = eventCallback("event-message-im", { channel: "D0DM00001" });
    expect((await postEvent(h.eventsUrl, body)).status).toBe(200);
    const post = await h.api.waitFor(() =>
      h.api.callsOf("chat.postMessage").find((c) => c.args.channel === "D0DM00001"),
    );
    expect(post.args.thread_ts).toBeUndefined();
    const expected = h.core.answer("can I use Ubuntu 12.04 as dom0?");
    expect(firstLine(post.args.blocks)).toContain(escaped(expected.headline));
  });

  it("ignores edits, bot posts and its own messages in DMs", async () => {
    await postEvent(
      h.eventsUrl,
      eventCallback("event-message-im", { channel: "D0EDIT001", subtype: "message_changed" }),
    );
    await postEvent(
      h.eventsUrl,
      eventCallback("event-message-im", { channel: "D0BOT0001", bot_id: "B0OTHER" }),
    );
    await postEvent(
      h.eventsUrl,
      eventCallback("event-message-im", { channel: "D0SELF001", user: FAKE_BOT_USER_ID }),
    );
    // A later DM is answered, so the three before it were processed (and skipped) already.
    await postEvent(h.eventsUrl, eventCallback("event-message-im", { channel: "D0AFTER01" }));
    await h.api.waitFor(() => h.api.callsOf("chat.postMessage").find((c) => c.args.channel === "D0AFTER01"));
    const channels = h.api.callsOf("chat.postMessage").map((c) => c.args.channel);
    expect(channels).not.toContain("D0EDIT001");
    expect(channels).not.toContain("D0BOT0001");
    expect(channels).not.toContain("D0SELF001");
  });
});

describe("App Home", () => {
  it("publishes what the bot does, every row of the table and example questions", async () => {
    await postEvent(h.eventsUrl, eventCallback("event-app-home-opened", { user: "U0HOME001" }));
    const publish = await h.api.waitFor(() =>
      h.api.callsOf("views.publish").find((c) => c.args.user_id === "U0HOME001"),
    );
    const view = publish.args.view as { type: string; blocks: MessageBody["blocks"] };
    expect(view.type).toBe("home");
    const texts = blockTexts(view.blocks).join("\n");
    for (const row of h.core.table())
      expect(texts).toContain(`*${escaped(row.name)}*: ${escaped(row.versions)}`);
    for (const example of h.core.examples) expect(texts).toContain(escaped(example));
    expect(view.blocks?.length).toBeLessThanOrEqual(100);
  });

  it("publishes nothing when the Messages tab is opened", async () => {
    await postEvent(
      h.eventsUrl,
      eventCallback("event-app-home-opened", { user: "U0MSGTAB1", tab: "messages" }),
    );
    await postEvent(h.eventsUrl, eventCallback("event-app-home-opened", { user: "U0HOME002" }));
    await h.api.waitFor(() => h.api.callsOf("views.publish").find((c) => c.args.user_id === "U0HOME002"));
    expect(h.api.callsOf("views.publish").map((c) => c.args.user_id)).not.toContain("U0MSGTAB1");
  });
});

describe("the HTTP endpoint", () => {
  it("answers Slack's url_verification challenge", async () => {
    const response = await postEvent(h.eventsUrl, slackFixture("url-verification"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      challenge: slackFixture<{ challenge: string }>("url-verification").challenge,
    });
  });

  it("answers GET /healthz with 200", async () => {
    const response = await fetch(`${h.baseUrl}/healthz`);
    expect(response.status).toBe(200);
  });

  it("acknowledges event types it does not handle with 200 and does nothing", async () => {
    const before = h.api.calls.length;
    const response = await postEvent(h.eventsUrl, slackFixture("event-reaction-added"));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect(h.api.calls.length).toBe(before);
  });

  it("answers 404 for paths it does not serve", async () => {
    expect((await fetch(`${h.baseUrl}/nope`)).status).toBe(404);
  });
});

describe("requests that are not from Slack", () => {
  it("logs a flood of forged requests as one line, not one per request", async () => {
    const before = h.logs.length;
    const forged = Array.from({ length: 50 }, () =>
      postSlashCommand(h.eventsUrl, slashCommandFields("does CentOS 6.3 work as dom0?"), {
        secret: "not-the-signing-secret-0000000000",
      }),
    );
    for (const response of await Promise.all(forged)) expect(response.status).toBe(401);
    const lines = h.logs.slice(before).filter((line) => /verif|signature/i.test(line));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(2);
  });

  it("rejects a wrong signature with 401 and answers nothing", async () => {
    const before = h.api.calls.length;
    const response = await postSlashCommand(
      h.eventsUrl,
      slashCommandFields("does CentOS 6.3 work as dom0?"),
      {
        secret: "not-the-signing-secret-0000000000",
      },
    );
    expect(response.status).toBe(401);
    expect(await response.text()).toBe("");
    const mention = await postEvent(
      h.eventsUrl,
      eventCallback("event-app-mention", { channel: "C0FORGED1" }),
      {
        secret: "not-the-signing-secret-0000000000",
      },
    );
    expect(mention.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.api.calls.length).toBe(before);
  });

  it("rejects a correctly signed request older than five minutes with 401", async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await postSlashCommand(
      h.eventsUrl,
      slashCommandFields("does CentOS 6.3 work as dom0?"),
      {
        timestamp: sixMinutesAgo,
      },
    );
    expect(response.status).toBe(401);
    expect(await response.text()).toBe("");
  });

  it("still accepts a request signed four minutes ago", async () => {
    const fourMinutesAgo = Math.floor(Date.now() / 1000) - 4 * 60;
    const response = await postSlashCommand(h.eventsUrl, slashCommandFields("help"), {
      timestamp: fourMinutesAgo,
    });
    expect(response.status).toBe(200);
  });

  it("rejects a request without signature headers with 401", async () => {
    const response = await fetch(h.eventsUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "command=%2Fdom0&text=help",
    });
    expect(response.status).toBe(401);
  });
});
