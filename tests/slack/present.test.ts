/**
 * The real Bolt app answering for today (every source counts): the deciding source and the 2014 difference in
 * the answer's context, buttons that give the very answer they sit under, and the App Home's table with the
 * 2014 one a click away.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeReplay } from "../../adapters/common/replay.js";
import { loadCore } from "../../src/index.js";
import {
  type AnyBlock,
  blockTexts,
  buttons,
  escaped,
  firstLine,
  type MessageBody,
} from "./support/blocks.js";
import { eventCallback, slackFixture, slashCommandFields } from "./support/fixtures.js";
import { postEvent, postInteraction, postSlashCommand } from "./support/signing.js";
import { type SlackHarness, startSlackHarness } from "./support/slack-harness.js";

const TODAY = "2026-12-02";
const core = loadCore({ asOf: TODAY });
let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ core });
});
afterAll(async () => {
  await h?.stop();
});

async function slash(text: string): Promise<MessageBody> {
  const response = await postSlashCommand(
    h.eventsUrl,
    slashCommandFields(text, { response_url: h.api.responseUrl() }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as MessageBody;
}

function contextText(blocks: readonly AnyBlock[] = []): string {
  return blockTexts(blocks.filter((block) => block.type === "context")).join("\n");
}

/** What a button reads. */
function label(button: ReturnType<typeof buttons>[number] | undefined): string | undefined {
  return typeof button?.text === "string" ? button.text : button?.text?.text;
}

/** A button press as Slack sends it: the share fixture with another action, from a message or the Home tab. */
function press(actionId: string, value: string, extra: Record<string, unknown> = {}) {
  const payload = slackFixture<Record<string, unknown>>("block-actions-share");
  const [action] = payload["actions"] as Record<string, unknown>[];
  return { ...payload, ...extra, actions: [{ ...action, action_id: actionId, value }] };
}

describe("answers for today", () => {
  it("cite the deciding source and its date, and where the 2014 table said otherwise, that too", async () => {
    const expected = core.answer("does SLES 10 work as dom0?");
    expect(expected.verdict).toBe("partial");
    const reply = await slash("does SLES 10 work as dom0?");
    expect(firstLine(reply.blocks)).toContain(escaped(expected.headline));
    const context = contextText(reply.blocks);
    expect(context).toContain(`${escaped(expected.source.title)}>, ${escaped(expected.source.dateText)}`);
    expect(context).toMatch(/Dom0 Kernels for Xen>, 18 April 2014, said yes/);
  });

  it("say nothing of a difference where every source agrees", async () => {
    const reply = await slash("is Debian 6 ok as dom0?");
    expect(contextText(reply.blocks)).not.toMatch(/said|says/);
  });
});

describe("Share in channel, from a real answer", () => {
  it.each(["does Scientific Linux 6.5 work as dom0?", "is SLES 10 ok with xen 4.1?", "centos 6.3?"])(
    "shares the very answer it sits under: %s",
    async (question) => {
      const reply = await slash(question);
      const share = buttons(reply.blocks).find((button) => button.action_id === "dom0:share");
      expect(decodeReplay(share?.value)?.query).toEqual(core.answer(question).query);
      const responseId = `share-${question.length}`;
      const payload = {
        ...press("dom0:share", share?.value ?? ""),
        response_url: h.api.responseUrl(responseId),
      };
      expect((await postInteraction(h.eventsUrl, payload)).status).toBe(200);
      const posts = await h.api.waitFor(() => {
        const mine = h.api.responseUrlPosts.filter((post) => post.id === responseId);
        return mine.length >= 1 && mine;
      });
      const shared = posts[0]?.body as MessageBody;
      expect(firstLine(shared.blocks)).toBe(firstLine(reply.blocks));
      expect(blockTexts(shared.blocks).join(" ")).toContain(escaped(question));
    },
  );
});

describe("App Home", () => {
  it("shows today's table, with the 2014 one a click away and back", async () => {
    await postEvent(h.eventsUrl, eventCallback("event-app-home-opened", { user: "U0TODAY01" }));
    const published = (user: string, count: number) =>
      h.api.waitFor(() => {
        const calls = h.api.callsOf("views.publish").filter((call) => call.args.user_id === user);
        return calls.length >= count && (calls[count - 1]?.args.view as { blocks: AnyBlock[] });
      });
    const today = await published("U0TODAY01", 1);
    const todayText = blockTexts(today.blocks).join("\n");
    expect(todayText).toContain("The table today");
    for (const row of core.table()) expect(todayText).toContain(`*${escaped(row.name)}*`);
    // The current revision's Fedora row, not the 2014 one.
    expect(todayText).toMatch(/\*Fedora\*: Full support from Fedora 16 onwards/);
    const older = buttons(today.blocks).find((button) => button.action_id === "dom0:home-table");
    expect(label(older)).toBe("The table as of 18 April 2014");

    const home = { container: { type: "view", view_id: "V0HOME001" }, user: { id: "U0TODAY01" } };
    await postInteraction(h.eventsUrl, press("dom0:home-table", older?.value ?? "", home));
    const then = await published("U0TODAY01", 2);
    const thenText = blockTexts(then.blocks).join("\n");
    expect(thenText).toContain("The table as of 18 April 2014");
    for (const row of core.table({ asOf: "2014-04-18" }))
      expect(thenText).toContain(`*${escaped(row.name)}*`);
    expect(thenText).not.toMatch(/Full support from Fedora 16 onwards/);
    expect(contextText(then.blocks)).toContain("revision of 18 April 2014");
    const back = buttons(then.blocks).find((button) => button.action_id === "dom0:home-table");
    expect(label(back)).toBe("Today's table");

    await postInteraction(h.eventsUrl, press("dom0:home-table", back?.value ?? "", home));
    const again = await published("U0TODAY01", 3);
    expect(blockTexts(again.blocks).join("\n")).toContain("The table today");
  });

  it("shows today's table for a forged day, never an error", async () => {
    const home = { container: { type: "view", view_id: "V0HOME002" }, user: { id: "U0FORGED1" } };
    await postInteraction(h.eventsUrl, press("dom0:home-table", "<!channel> 1999", home));
    const call = await h.api.waitFor(() =>
      h.api.callsOf("views.publish").find((candidate) => candidate.args.user_id === "U0FORGED1"),
    );
    expect(blockTexts((call.args.view as { blocks: AnyBlock[] }).blocks).join("\n")).toContain(
      "The table today",
    );
  });
});

describe("follow-ups", () => {
  const posts = (channel: string, count: number) =>
    h.api.waitFor(() => {
      const mine = h.api.callsOf("chat.postMessage").filter((call) => call.args.channel === channel);
      return mine.length >= count && mine;
    });
  const mention = (channel: string, ts: string, text: string, threadTs?: string) =>
    postEvent(
      h.eventsUrl,
      eventCallback("event-app-mention", {
        channel,
        ts,
        text: `<@UBOT0DOM0> ${text}`,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        event_ts: ts,
      }),
    );

  it("in a thread, a follow-up mention continues the thread's last question", async () => {
    await mention("C0FOLLOW1", "1700000000.000100", "is wheezy OK with Xen 3.4?");
    await posts("C0FOLLOW1", 1);
    await mention("C0FOLLOW1", "1700000000.000200", "and with xen 4.1?", "1700000000.000100");
    const [first, second] = await posts("C0FOLLOW1", 2);
    expect(first?.args.thread_ts).toBe("1700000000.000100");
    expect(second?.args.thread_ts).toBe("1700000000.000100");
    const expected = core.answer("and with xen 4.1?", {
      context: { product: "debian", version: "7", xen: "3.4" },
    });
    expect([expected.product, expected.version, expected.xen, expected.verdict]).toEqual([
      "debian",
      "7",
      "4.1",
      "yes",
    ]);
    expect(firstLine(second?.args.blocks as AnyBlock[])).toContain(escaped(expected.headline));
  });

  it("never carries one thread's question into another", async () => {
    await mention("C0FOLLOW2", "1700000001.000100", "what about 6.5?");
    const [answer] = await posts("C0FOLLOW2", 1);
    expect(firstLine(answer?.args.blocks as AnyBlock[])).toMatch(/Which system do you mean/);
  });

  it("in a DM, the next message continues the last question", async () => {
    const dm = (text: string, ts: string) =>
      postEvent(
        h.eventsUrl,
        eventCallback("event-message-im", { channel: "D0FOLLOW1", text, ts, event_ts: ts }),
      );
    await dm("is ubuntu 12.04 ok as dom0?", "1700000002.000100");
    await posts("D0FOLLOW1", 1);
    await dm("and 11.10?", "1700000002.000200");
    const [, second] = await posts("D0FOLLOW1", 2);
    const expected = core.answer("and 11.10?", { context: { product: "ubuntu", version: "12.04" } });
    expect([expected.product, expected.version]).toEqual(["ubuntu", "11.10"]);
    expect(firstLine(second?.args.blocks as AnyBlock[])).toContain(escaped(expected.headline));
  });
});

describe("events Slack sends twice", () => {
  it("answers a retried or replayed event once", async () => {
    const body = eventCallback("event-app-mention", { channel: "C0RETRY01", ts: "1700000003.000100" });
    await postEvent(h.eventsUrl, body);
    await postEvent(h.eventsUrl, body, {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    await postEvent(h.eventsUrl, body);
    // A later event in another channel is answered: by then the three copies have been handled.
    await postEvent(h.eventsUrl, eventCallback("event-app-mention", { channel: "C0RETRY02" }));
    await h.api.waitFor(() =>
      h.api.callsOf("chat.postMessage").find((call) => call.args.channel === "C0RETRY02"),
    );
    expect(
      h.api.callsOf("chat.postMessage").filter((call) => call.args.channel === "C0RETRY01"),
    ).toHaveLength(1);
  });

  it("ignores another bot's mention, and its own", async () => {
    await postEvent(
      h.eventsUrl,
      eventCallback("event-app-mention", { channel: "C0BOTS001", bot_id: "B0OTHER01" }),
    );
    await postEvent(
      h.eventsUrl,
      eventCallback("event-app-mention", { channel: "C0BOTS002", user: "UBOT0DOM0" }),
    );
    await postEvent(h.eventsUrl, eventCallback("event-app-mention", { channel: "C0BOTS003" }));
    await h.api.waitFor(() =>
      h.api.callsOf("chat.postMessage").find((call) => call.args.channel === "C0BOTS003"),
    );
    const channels = h.api.callsOf("chat.postMessage").map((call) => call.args.channel);
    expect(channels).not.toContain("C0BOTS001");
    expect(channels).not.toContain("C0BOTS002");
  });
});
