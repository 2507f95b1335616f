import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openInsightsReader } from "../../adapters/common/insights.js";
import { parseRatingId, RATING_ID_PREFIX } from "../../adapters/common/rating-id.js";
import { buildReport } from "../../adapters/common/report.js";
import { RATED_BUTTON_ID } from "../../adapters/discord/components.js";
import {
  DISCORD_ACTION_ROWS_PER_MESSAGE,
  DISCORD_BUTTONS_PER_ROW,
  EPHEMERAL_FLAG,
} from "../../adapters/discord/limits.js";
import { UNREADABLE_RATING_TEXT } from "../../adapters/discord/ratings.js";
import { loadCore } from "../../src/index.js";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { type BotUnderTest, startBotUnderTest } from "../support/discord-harness.js";
import {
  buttonPayload,
  callbackFor,
  commandPayload,
  dispatchInteraction,
  dispatchMessage,
  type OptionPayload,
} from "../support/discord-payloads.js";

interface Button {
  type: number;
  custom_id: string;
  label?: string;
  emoji?: { name: string };
  disabled?: boolean;
}
interface Row {
  type: number;
  components: Button[];
}

const core = loadCore();
const dir = mkdtempSync(join(tmpdir(), "dom0-discord-ratings-"));
const dbPath = join(dir, "insights.db");
let harness: BotUnderTest;
beforeAll(async () => {
  harness = await startBotUnderTest(core, { env: { INSIGHTS: "1", INSIGHTS_DB: dbPath } });
});
afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Asks with /dom0 (private if asked) and returns what the bot sent: embeds, components, flags. */
async function ask(question: string, privately = false) {
  const options: OptionPayload[] = [{ name: "question", type: 3, value: question }];
  if (privately) options.push({ name: "private", type: 5, value: true });
  const id = dispatchInteraction(harness.discord, commandPayload(options));
  return (await callbackFor(harness.discord, id)).body.data;
}

/** Presses a button under a message the bot sent, as Discord reports that message back. */
async function press(customId: string, sent: { embeds?: unknown; components?: unknown; flags?: number }) {
  const id = dispatchInteraction(
    harness.discord,
    buttonPayload(customId, {
      embeds: sent.embeds ?? [],
      components: sent.components ?? [],
      flags: sent.flags ?? 0,
    }),
  );
  return (await callbackFor(harness.discord, id)).body;
}

const ratingButtons = (rows: Row[]) =>
  rows.flatMap((row) => row.components).filter((button) => button.custom_id.startsWith(RATING_ID_PREFIX));

async function report() {
  await harness.ops.insights.flush();
  const reader = await openInsightsReader(dbPath);
  try {
    return await buildReport(reader);
  } finally {
    await reader.close();
  }
}

describe("rating buttons", () => {
  it.each([
    "does CentOS 6.3 work as dom0?",
    "which distros work as dom0?",
    "what is dom0?",
    "what's the best pizza in Cambridge?",
  ])(
    "puts a thumbs-up and a thumbs-down carrying the answer under '%s', within Discord's 5 × 5",
    async (question) => {
      const sent = await ask(question);
      const rows: Row[] = sent.components;
      const answer = core.answer(question);
      const [up, down] = ratingButtons(rows);
      expect([up?.emoji?.name, down?.emoji?.name]).toEqual(["👍", "👎"]);
      const expected = {
        intent: answer.intent,
        product: answer.product,
        verdict: answer.verdict,
        topic: answer.topic,
      };
      expect(parseRatingId(up?.custom_id)).toEqual({ rating: "up", ...expected });
      expect(parseRatingId(down?.custom_id)).toEqual({ rating: "down", ...expected });
      expect(rows.length).toBeLessThanOrEqual(DISCORD_ACTION_ROWS_PER_MESSAGE);
      for (const row of rows) expect(row.components.length).toBeLessThanOrEqual(DISCORD_BUTTONS_PER_ROW);
    },
  );

  it("rates a mention's answer too", async () => {
    const id = dispatchMessage(harness.discord, `<@${ids.bot}> is ubuntu 12.04 OK?`);
    const reply = await harness.discord.waitForRequest(
      (request) => request.body?.message_reference?.message_id === id,
    );
    expect(ratingButtons(reply.body.components).map((button) => button.label)).toEqual([
      "Helpful",
      "Not helpful",
    ]);
  });

  it("records a thumbs-down in the insights file and swaps the rating row for a disabled thanks, keeping Why? and the table", async () => {
    const before = (await report()).ratings.find(
      (row) => row.intent === "support" && row.product === "centos",
    );
    const sent = await ask("does CentOS 6.3 work as dom0?");
    const [, down] = ratingButtons(sent.components);
    const body = await press(down?.custom_id ?? "", sent);
    expect(body.type).toBe(7); // UPDATE_MESSAGE: the answer itself changes, nothing new is posted
    expect(body.data.embeds).toBeUndefined(); // so the answer's embed stays as it was
    const rows: Row[] = body.data.components;
    expect(rows[0]?.components.map((button) => button.label)).toEqual(["Why?", "Show the whole table"]);
    expect(ratingButtons(rows)).toEqual([]);
    expect(rows[1]?.components).toEqual([
      expect.objectContaining({
        custom_id: RATED_BUTTON_ID,
        disabled: true,
        label: "Thanks: rated not helpful",
      }),
    ]);
    const after = (await report()).ratings.find(
      (row) => row.intent === "support" && row.product === "centos",
    );
    expect(after).toMatchObject({ up: before?.up ?? 0, down: (before?.down ?? 0) + 1 });
  });

  it("records a thumbs-up under a private answer, and the report shows it beside the unlisted question", async () => {
    const question = "does FreeBSD 10 work as dom0?";
    const sent = await ask(question, true);
    expect(sent.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
    const [up] = ratingButtons(sent.components);
    const body = await press(up?.custom_id ?? "", sent);
    expect(body.type).toBe(7);
    expect(body.data.components.at(-1).components[0].label).toBe("Thanks: rated helpful");
    const built = await report();
    expect(built.ratings).toContainEqual(
      expect.objectContaining({ intent: "support", product: null, up: 1, down: 0, share: 1 }),
    );
    expect(built.unanswered).toContainEqual(
      expect.objectContaining({ question: "does freebsd 10 work as dom0", kind: "unlisted" }),
    );
  });

  it.each([
    "dom0:rate:sideways:support:centos:no:-",
    "dom0:rate:up:support:centos:no:-:<@&1180000000000000500>",
    "dom0:rate:up:support:windows:no:-",
    "dom0:rate:",
  ])(
    "answers a forged or garbled rating id (%s) privately and politely, recording nothing",
    async (customId) => {
      const before = (await report()).ratings;
      const body = await press(customId, { components: [] });
      expect(body.type).toBe(4);
      expect(body.data.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
      expect(body.data.embeds[0].description).toBe(UNREADABLE_RATING_TEXT);
      expect((await report()).ratings).toEqual(before);
    },
  );
});
