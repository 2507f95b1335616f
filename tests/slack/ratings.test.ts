/** The 👍 and 👎 under each answer: pressed in Slack, recorded in a real insights file, read back as the report. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openInsightsReader } from "../../adapters/common/insights.js";
import { parseRatingId, RATING_ID_PREFIX } from "../../adapters/common/rating-id.js";
import { buildReport } from "../../adapters/common/report.js";
import { RATING_LABELS } from "../../adapters/slack/rating-blocks.js";
import { UNREADABLE_RATING_TEXT } from "../../adapters/slack/ratings.js";
import {
  type AnyBlock,
  blockKitProblems,
  blockTexts,
  buttons,
  escaped,
  firstLine,
  type MessageBody,
} from "./support/blocks.js";
import { eventCallback, slackFixture, slashCommandFields } from "./support/fixtures.js";
import { postEvent, postInteraction, postSlashCommand } from "./support/signing.js";
import { type SlackHarness, startSlackHarness } from "./support/slack-harness.js";

const dir = mkdtempSync(join(tmpdir(), "dom0-slack-ratings-"));
const dbPath = join(dir, "insights.db");
let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ env: { INSIGHTS: "1", INSIGHTS_DB: dbPath } });
});
afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function slash(question: string): Promise<MessageBody> {
  const response = await postSlashCommand(h.eventsUrl, slashCommandFields(question));
  return (await response.json()) as MessageBody;
}

const ratingButtons = (blocks: MessageBody["blocks"]) =>
  buttons(blocks).filter((button) => button.action_id?.startsWith(RATING_ID_PREFIX));

async function report() {
  await h.ops.insights.flush();
  const reader = await openInsightsReader(dbPath);
  try {
    return await buildReport(reader);
  } finally {
    await reader.close();
  }
}

/** Presses a button as Slack reports it; resolves with what the app posted to the press's response_url. */
async function press(
  fixture: "block-actions-rating-ephemeral" | "block-actions-rating-message",
  button: { action_id?: string; value?: string },
  message?: { text?: string; blocks?: AnyBlock[] },
): Promise<{ status: number; body: string; posted: Record<string, unknown> }> {
  const payload = slackFixture<{
    response_url: string;
    message?: object;
    actions: Array<Record<string, unknown>>;
  }>(fixture);
  const id = `rate-${Math.random().toString(36).slice(2)}`;
  payload.response_url = h.api.responseUrl(id);
  payload.actions = [{ ...payload.actions[0], action_id: button.action_id, value: button.value }];
  if (message) payload.message = { ...payload.message, ...message };
  const response = await postInteraction(h.eventsUrl, payload);
  const body = await response.text();
  const post = await h.api.waitFor(() => h.api.responseUrlPosts.find((p) => p.id === id));
  return { status: response.status, body, posted: post.body };
}

describe("rating buttons under answers", () => {
  it.each([
    "does CentOS 6.3 work as dom0?",
    "which distros work as dom0?",
    "what is dom0?",
    "does FreeBSD 10 work as dom0?",
  ])("puts 👍 and 👎 carrying the answer under '%s', within Block Kit's rules", async (question) => {
    const reply = await slash(question);
    const answer = h.core.answer(question);
    const [up, down] = ratingButtons(reply.blocks);
    const expected = {
      intent: answer.intent,
      product: answer.product,
      verdict: answer.verdict,
      topic: answer.topic,
    };
    expect(parseRatingId(up?.action_id)).toEqual({ rating: "up", ...expected });
    expect(parseRatingId(down?.action_id)).toEqual({ rating: "down", ...expected });
    expect([up?.text, down?.text]).toEqual([
      expect.objectContaining({ text: "👍 Helpful" }),
      expect.objectContaining({ text: "👎 Not helpful" }),
    ]);
    expect(blockKitProblems(reply.blocks)).toEqual([]);
  });

  it("offers no rating under an answer that could not tell what was asked, nor under the help", async () => {
    expect(ratingButtons((await slash("what's the best pizza in Cambridge?")).blocks)).toEqual([]);
    expect(ratingButtons((await slash("help")).blocks)).toEqual([]);
  });

  it("puts them under a mention's answer too", async () => {
    await postEvent(h.eventsUrl, eventCallback("event-app-mention", { channel: "C0RATEME1" }));
    const post = await h.api.waitFor(() =>
      h.api.callsOf("chat.postMessage").find((call) => call.args.channel === "C0RATEME1"),
    );
    const answer = h.core.answer("is wheezy OK with Xen 3.4?");
    const fields = {
      intent: answer.intent,
      product: answer.product,
      verdict: answer.verdict,
      topic: answer.topic,
    };
    expect(ratingButtons(post.args.blocks).map((button) => parseRatingId(button.action_id))).toEqual([
      { rating: "up", ...fields },
      { rating: "down", ...fields },
    ]);
  });
});

describe("pressing a rating button", () => {
  it("records a 👎 on a private answer and redraws it with a thanks in place of the rating buttons", async () => {
    const question = "does CentOS 6.3 work as dom0?";
    const before = (await report()).ratings.find(
      (row) => row.intent === "support" && row.product === "centos",
    );
    const [, down] = ratingButtons((await slash(question)).blocks);
    const { status, body, posted } = await press("block-actions-rating-ephemeral", down ?? {});
    expect(status).toBe(200);
    expect(body).toBe("");

    const redrawn = posted as MessageBody & { replace_original?: boolean };
    expect(redrawn.replace_original).toBe(true);
    expect(firstLine(redrawn.blocks)).toContain(escaped(h.core.answer(question).headline));
    expect(ratingButtons(redrawn.blocks)).toEqual([]);
    expect(buttons(redrawn.blocks).map((button) => button.action_id)).toEqual(["dom0:share"]);
    expect(blockTexts(redrawn.blocks)).toContain(RATING_LABELS.down.thanks);
    expect(blockKitProblems(redrawn.blocks)).toEqual([]);

    const after = (await report()).ratings.find(
      (row) => row.intent === "support" && row.product === "centos",
    );
    expect(after).toMatchObject({ up: before?.up ?? 0, down: (before?.down ?? 0) + 1 });
  });

  it("records a 👍 on a mention's answer and swaps only its rating buttons for the thanks", async () => {
    await postEvent(h.eventsUrl, eventCallback("event-app-mention", { channel: "C0RATEME2" }));
    const sent = await h.api.waitFor(() =>
      h.api.callsOf("chat.postMessage").find((call) => call.args.channel === "C0RATEME2"),
    );
    const [up] = ratingButtons(sent.args.blocks);
    const message = { text: sent.args.text ?? "", blocks: sent.args.blocks ?? [] };
    const { posted } = await press("block-actions-rating-message", up ?? {}, message);

    const updated = posted as MessageBody & { replace_original?: boolean };
    expect(updated.replace_original).toBe(true);
    expect(updated.text).toBe(message.text);
    // Everything above the buttons is as it was; the buttons' row became the thanks line.
    const withoutButtons = message.blocks.filter((block) => block.type !== "actions");
    expect(updated.blocks?.slice(0, -1)).toEqual(withoutButtons);
    expect(blockTexts(updated.blocks?.slice(-1))).toEqual([RATING_LABELS.up.thanks]);
    expect(buttons(updated.blocks)).toEqual([]);

    const answer = h.core.answer("is wheezy OK with Xen 3.4?");
    const row = (await report()).ratings.find(
      (r) => r.intent === answer.intent && r.product === answer.product,
    );
    expect(row).toMatchObject({ up: 1, down: 0, share: 1 });
  });

  it("shows a rated unlisted question in the report beside the question it could not answer", async () => {
    const question = "does FreeBSD 10 work as dom0?";
    const [up] = ratingButtons((await slash(question)).blocks);
    await press("block-actions-rating-ephemeral", up ?? {});
    const built = await report();
    expect(built.ratings).toContainEqual(
      expect.objectContaining({ intent: "support", product: null, up: 1 }),
    );
    expect(built.unanswered).toContainEqual(
      expect.objectContaining({ question: "does freebsd 10 work as dom0", kind: "unlisted" }),
    );
  });

  it.each([
    "dom0:rate:sideways:support:centos:no:-",
    "dom0:rate:up:support:centos:no:-:<!channel>",
    "dom0:rate:up:support:windows:no:-",
    "dom0:rate:",
    `dom0:rate:up:${"x".repeat(300)}`,
  ])(
    "answers a forged or garbled rating id (%s) with a clean 200 and a private note, recording nothing",
    async (actionId) => {
      const before = (await report()).ratings;
      const { status, body, posted } = await press("block-actions-rating-ephemeral", {
        action_id: actionId,
        value: "does CentOS 6.3 work as dom0?",
      });
      expect(status).toBe(200);
      expect(body).toBe("");
      expect(posted).toEqual({
        response_type: "ephemeral",
        replace_original: false,
        text: UNREADABLE_RATING_TEXT,
      });
      expect((await report()).ratings).toEqual(before);
    },
  );
});
