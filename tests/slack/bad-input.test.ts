/** Hostile and broken input over real HTTP: nothing pings, nothing crashes, nothing secret is logged. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeAnswer, fakeCore } from "../support/fake-core.js";
import { blockTexts, firstLine, type MessageBody, PING_MARKUP } from "./support/blocks.js";
import { eventCallback, slackFixture, slashCommandFields } from "./support/fixtures.js";
import {
  postEvent,
  postInteraction,
  postSigned,
  postSlashCommand,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "./support/signing.js";
import { type SlackHarness, startSlackHarness } from "./support/slack-harness.js";

const PINGS = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U123>",
  "<@U123|boss>",
  "<!subteam^S0123|@admins>",
  "<#C0GENERAL|general>",
];

// Answers that repeat the question and carry markup in every field: what a careless core could produce.
const hostileCore = fakeCore((question) =>
  fakeAnswer({
    question,
    verdict: "yes",
    headline: `Yes <!channel>: ${question}`,
    reasons: [`Because <@U123> & <!here> said so: ${question}`],
    notes: [{ id: "x", text: "<!subteam^S1|@team> Xen >= 4.0 & <b>bold</b>" }],
    suggestions: [`Did you mean <!everyone>?`],
    text: `Yes <!channel>: ${question}`,
  }),
);

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ core: hostileCore, unhandledRequestTimeoutMs: 200 });
});
afterAll(async () => {
  await h?.stop();
});

function assertNoPings(message: MessageBody): void {
  // Button values go back to the app in block_actions and are never displayed, so they may hold raw text.
  const serialized = JSON.stringify(message, (key, value) => (key === "value" ? undefined : value));
  expect(serialized).not.toMatch(PING_MARKUP);
  expect(message).not.toHaveProperty("link_names");
  expect(message).not.toHaveProperty("parse");
}

describe("user text is never echoed as markup", () => {
  it.each(PINGS)("shows %s in a slash command as text, pinging no one", async (ping) => {
    const response = await postSlashCommand(
      h.eventsUrl,
      slashCommandFields(`${ping} does CentOS 6.3 &amp; &lt;b&gt;x&lt;/b&gt; work as dom0?`, {
        response_url: h.api.responseUrl(),
      }),
    );
    const reply = (await response.json()) as MessageBody;
    assertNoPings(reply);
    expect(firstLine(reply.blocks)).toMatch(/^:white_check_mark: \*Yes &lt;!channel&gt;: /);
    expect(blockTexts(reply.blocks).join("\n")).toContain("&amp; &lt;b&gt;x&lt;/b&gt;");
  });

  it("decodes Slack's own &lt;/&gt; escaping before asking, then escapes again when showing", async () => {
    const response = await postSlashCommand(
      h.eventsUrl,
      slashCommandFields("is Xen &gt;= 4.0 &amp; &lt;!here&gt; OK?"),
    );
    const reply = (await response.json()) as MessageBody;
    assertNoPings(reply);
    expect(firstLine(reply.blocks)).toContain("is Xen &gt;= 4.0 &amp; &lt;!here&gt; OK?");
  });

  it("answers a mention full of pings in its thread without pinging", async () => {
    const text = `<@UBOT0DOM0> ${PINGS.join(" ")} is wheezy OK?`;
    await postEvent(h.eventsUrl, eventCallback("event-app-mention", { text, channel: "C0PINGS01" }));
    const post = await h.api.waitFor(() =>
      h.api.callsOf("chat.postMessage").find((c) => c.args.channel === "C0PINGS01"),
    );
    assertNoPings({
      text: post.args.text,
      blocks: post.args.blocks,
    });
  });
});

describe("broken requests get a clean 4xx and the server keeps serving", () => {
  it("answers 400 to a signed body that is not JSON", async () => {
    const response = await postSigned(h.eventsUrl, '{"type": "event_callback", ', {
      contentType: "application/json",
    });
    expect(response.status).toBe(400);
  });

  it("answers 400 to a signed form body that is no Slack payload", async () => {
    const response = await postSigned(h.eventsUrl, "hello=world");
    expect(response.status).toBe(400);
  });

  it("answers 400 to a signed interaction whose payload is not JSON", async () => {
    const response = await postSigned(h.eventsUrl, "payload=%7Bnot-json");
    expect(response.status).toBe(400);
  });

  it("acknowledges a button it did not create with an empty 200, and answers 400 to a shortcut it has none of", async () => {
    const action = {
      ...slackFixture<Record<string, unknown>>("block-actions-share"),
      actions: [
        { action_id: "someone_elses_button", block_id: "b", type: "button", value: "x", action_ts: "1" },
      ],
      response_url: h.api.responseUrl("stray-button"),
    };
    const acked = await postInteraction(h.eventsUrl, action);
    expect(acked.status).toBe(200);
    expect(await acked.text()).toBe("");
    const shortcut = {
      type: "shortcut",
      callback_id: "nope",
      trigger_id: "1.2",
      team: { id: "T0001" },
      user: { id: "U1" },
    };
    expect((await postInteraction(h.eventsUrl, shortcut)).status).toBe(400);
    expect(h.api.responseUrlPosts.filter((post) => post.id === "stray-button")).toEqual([]);
  });

  it("answers 413 to a body over the size limit without reading it all", async () => {
    const huge = `command=%2Fdom0&text=${"a".repeat(2 * 1024 * 1024)}`;
    const response = await postSigned(h.eventsUrl, huge);
    expect(response.status).toBe(413);
  });

  it("answers a huge question within the limit with a message inside Slack's limits", async () => {
    const response = await postSlashCommand(h.eventsUrl, slashCommandFields("x".repeat(100_000)));
    const reply = (await response.json()) as MessageBody;
    expect(reply.blocks?.length).toBeLessThanOrEqual(50);
    for (const text of blockTexts(reply.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    expect(reply.text?.length).toBeLessThanOrEqual(3000);
  });

  it("still answers a slash command after all of that", async () => {
    const response = await postSlashCommand(h.eventsUrl, slashCommandFields("does CentOS 6.3 work as dom0?"));
    expect(response.status).toBe(200);
    expect(firstLine(((await response.json()) as MessageBody).blocks)).toContain("CentOS 6.3");
  });

  it("never logs the signing secret or the bot token, though it logged the rejected requests", async () => {
    await postSlashCommand(h.eventsUrl, slashCommandFields("help"), {
      secret: "wrong-secret-wrong-secret-wrong",
    });
    const log = h.logs.join("");
    expect(log).toMatch(/Failed to verify authenticity/);
    expect(log).not.toContain(TEST_SIGNING_SECRET);
    expect(log).not.toContain(TEST_BOT_TOKEN);
  });
});

describe("one user sending huge hostile mentions", () => {
  it("never holds up other users: their slash commands are answered within Slack's 3 s meanwhile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dom0-freeze-"));
    // Insights on: the normaliser that recorded these unanswerable mentions is what used to freeze.
    const h = await startSlackHarness({ env: { INSIGHTS: "1", INSIGHTS_DB: join(dir, "insights.db") } });
    try {
      const hostile = `${"?".repeat(40_000)}x`;
      const floods = Array.from({ length: 10 }, (_, i) =>
        postEvent(
          h.eventsUrl,
          eventCallback("event-app-mention", {
            channel: `C0FLOOD${i}`,
            user: "U0FLOODER",
            text: `<@UBOT0DOM0> ${hostile}`,
          }),
        ),
      );
      const others = Array.from({ length: 10 }, async (_, i) => {
        const started = performance.now();
        const response = await postSlashCommand(
          h.eventsUrl,
          slashCommandFields("does CentOS 6.3 work as dom0?", {
            user_id: `U0OTHER${i}`,
            response_url: h.api.responseUrl(),
          }),
        );
        expect(response.status).toBe(200);
        return performance.now() - started;
      });
      const waits = await Promise.all(others);
      await Promise.all(floods);
      for (const wait of waits) expect(wait).toBeLessThan(3000);
      await h.api.waitFor(
        () =>
          h.api.callsOf("chat.postMessage").filter((c) => String(c.args.channel).startsWith("C0FLOOD"))
            .length >= 10,
      );
    } finally {
      await h.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
