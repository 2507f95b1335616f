/** The per-user rate limit through the real app: a burst is answered, then one polite private reply, then silence. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMIT_REPLY } from "../../adapters/common/rate-limit.js";
import { escaped, firstLine, type MessageBody } from "./support/blocks.js";
import { eventCallback, slashCommandFields } from "./support/fixtures.js";
import { postEvent, postSlashCommand } from "./support/signing.js";
import { realCore, type SlackHarness, startSlackHarness } from "./support/slack-harness.js";

const BURST = 3;
const QUESTION = "does CentOS 6.3 work as dom0?";
let h: SlackHarness;
beforeAll(async () => {
  // One question back a second: nothing refills within a burst, and a test can wait for one.
  h = await startSlackHarness({ env: { RATE_LIMIT_BURST: String(BURST), RATE_LIMIT_PER_MINUTE: "60" } });
});
afterAll(async () => {
  await h?.stop();
});

/** `/dom0 text` from `user`: the HTTP status and the raw body Slack would show (empty shows nothing). */
async function slash(user: string, text = QUESTION): Promise<{ status: number; body: string }> {
  const response = await postSlashCommand(h.eventsUrl, slashCommandFields(text, { user_id: user }));
  return { status: response.status, body: await response.text() };
}

const headline = escaped(realCore().answer(QUESTION).headline);

describe("the rate limit on /dom0", () => {
  it("answers a burst, then replies once, privately and politely, then stays silent", async () => {
    for (let i = 0; i < BURST; i += 1) {
      const answered = await slash("U0SLASH01");
      expect(answered.status).toBe(200);
      expect(firstLine((JSON.parse(answered.body) as MessageBody).blocks)).toContain(headline);
    }
    const told = await slash("U0SLASH01");
    expect(told.status).toBe(200);
    expect(JSON.parse(told.body)).toEqual({ response_type: "ephemeral", text: RATE_LIMIT_REPLY });
    for (let i = 0; i < 3; i += 1) {
      // An empty 200 is Slack's way of showing nothing: no error, no message.
      expect(await slash("U0SLASH01")).toEqual({ status: 200, body: "" });
    }
  });

  it("still answers other users, and counts the limited user's help like any question (no help flood)", async () => {
    const other = await slash("U0SLASH02");
    expect(firstLine((JSON.parse(other.body) as MessageBody).blocks)).toContain(headline);
    expect(await slash("U0SLASH01", "help")).toEqual({ status: 200, body: "" });
    const help = await slash("U0SLASH02", "help");
    expect(help.body).toContain("/dom0");
  });

  it("answers again once the bucket has refilled", async () => {
    for (let i = 0; i <= BURST; i += 1) await slash("U0REFILL1");
    expect((await slash("U0REFILL1")).body).toBe("");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = await slash("U0REFILL1");
    expect(firstLine((JSON.parse(again.body) as MessageBody).blocks)).toContain(headline);
  });
});

/** A mention by `user` in `channel`; resolves once Slack has its 200 (the answer follows it). */
async function mention(user: string, channel: string, ts: string): Promise<void> {
  const body = eventCallback("event-app-mention", { user, channel, ts });
  expect((await postEvent(h.eventsUrl, body)).status).toBe(200);
}

/** Posts one more mention from someone else and waits for its answer: everything sent before has been handled. */
async function settle(marker: string): Promise<void> {
  await mention("U0MARKER1", marker, "1515449999.000001");
  await h.api.waitFor(() => h.api.callsOf("chat.postMessage").find((call) => call.args.channel === marker));
}

describe("the rate limit on mentions and direct messages", () => {
  it("answers a burst of mentions, tells the asker once with an ephemeral in the thread, then posts nothing", async () => {
    const channel = "C0LIMIT01";
    for (let i = 0; i < BURST + 3; i += 1) await mention("U0MENTION", channel, `1515449600.00000${i}`);
    await settle("C0MARKER1");

    const posts = h.api.callsOf("chat.postMessage").filter((call) => call.args.channel === channel);
    expect(posts).toHaveLength(BURST);
    const wheezy = escaped(realCore().answer("is wheezy OK with Xen 3.4?").headline);
    for (const post of posts) expect(firstLine(post.args.blocks)).toContain(wheezy);
    const ephemerals = h.api.callsOf("chat.postEphemeral").filter((call) => call.args.channel === channel);
    expect(ephemerals).toHaveLength(1);
    expect(ephemerals[0]?.args).toMatchObject({
      user: "U0MENTION",
      text: RATE_LIMIT_REPLY,
      thread_ts: `1515449600.00000${BURST}`,
    });
  });

  it("shares one bucket between a user's slash commands and mentions", async () => {
    for (let i = 0; i <= BURST; i += 1) await slash("U0BOTHWAYS");
    await mention("U0BOTHWAYS", "C0BOTHWAY", "1515449700.000001");
    await settle("C0MARKER2");
    expect(h.api.calls.filter((call) => call.args.channel === "C0BOTHWAY")).toEqual([]);
  });

  it("tells a direct message's sender once in the DM, then answers nothing", async () => {
    const channel = "D0LIMIT01";
    for (let i = 0; i < BURST + 2; i += 1) {
      const body = eventCallback("event-message-im", {
        user: "U0DMLIMIT",
        channel,
        ts: `1355517600.00000${i}`,
      });
      await postEvent(h.eventsUrl, body);
    }
    await settle("C0MARKER3");
    const posts = h.api.callsOf("chat.postMessage").filter((call) => call.args.channel === channel);
    expect(posts.map((post) => post.args.text)).toEqual([
      ...Array.from({ length: BURST }, () =>
        expect.stringContaining(escaped(realCore().answer("can I use Ubuntu 12.04 as dom0?").headline)),
      ),
      RATE_LIMIT_REPLY,
    ]);
    expect(h.api.callsOf("chat.postEphemeral").filter((call) => call.args.channel === channel)).toEqual([]);
  });
});

describe("a Slack 429 in one channel", () => {
  it("delays that channel's answer by its Retry-After, while another channel's answer goes out at once", async () => {
    const h = await startSlackHarness();
    try {
      h.api.rateLimit("chat.postMessage", "C0LIMITED", 1, 1);
      const started = performance.now();
      await postEvent(h.eventsUrl, eventCallback("event-app-mention", { channel: "C0LIMITED" }));
      await postEvent(h.eventsUrl, eventCallback("event-app-mention", { channel: "C0FREE001" }));
      const answered = (channel: string) =>
        h.api.waitFor(() => {
          const calls = h.api.callsOf("chat.postMessage").filter((call) => call.args.channel === channel);
          return calls.length > 0 && calls;
        });
      await answered("C0FREE001");
      const freeAt = performance.now() - started;
      const limited = await h.api.waitFor(() => {
        const calls = h.api.callsOf("chat.postMessage").filter((call) => call.args.channel === "C0LIMITED");
        return calls.length >= 2 && calls;
      });
      const limitedAt = performance.now() - started;
      // The limited channel was asked twice (429, then the answer after 1 s); the other was not held up by it.
      expect(limited).toHaveLength(2);
      // Not held by the other channel's 1 s wait (a paused client would have held it that long).
      expect(freeAt).toBeLessThan(limitedAt - 500);
      expect(limitedAt).toBeGreaterThanOrEqual(900);
      expect(h.logs.join("\n")).not.toMatch(/a Slack listener failed|answer failed/);
    } finally {
      await h.stop();
    }
  });
});
