/** The adapter contract every adapter runs, here through the real Slack app: signed /dom0 over loopback. */
import { afterAll, beforeAll } from "vitest";
import { describeAdapterContract } from "../contract/adapter-contract.js";
import { blockTexts, type MessageBody, PING_MARKUP } from "./support/blocks.js";
import { slashCommandFields } from "./support/fixtures.js";
import { postSlashCommand } from "./support/signing.js";
import { type SlackHarness, startSlackHarness } from "./support/slack-harness.js";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.stop();
});

const EMOJI: Record<string, string> = {
  ":white_check_mark:": "✅",
  ":x:": "❌",
  ":warning:": "⚠️",
  ":grey_question:": "❔",
};

/** The mrkdwn as Slack shows it: emoji drawn, links as "label (url)", entities decoded. */
function asDisplayed(mrkdwn: string): string {
  return mrkdwn
    .replace(/:[a-z_]+:/g, (code) => EMOJI[code] ?? code)
    .replace(/<([^<>|]+)\|([^<>]+)>/g, "$2 ($1)")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

describeAdapterContract(
  "Slack",
  async (question) => {
    const response = await postSlashCommand(h.eventsUrl, slashCommandFields(question));
    const reply = (await response.json()) as MessageBody;
    // Button values return to the app and are never displayed.
    const shown = JSON.stringify(reply, (key, value) => (key === "value" ? undefined : value));
    return {
      text: blockTexts(reply.blocks).map(asDisplayed).join("\n"),
      canPing: PING_MARKUP.test(shown) || "link_names" in reply || "parse" in reply,
    };
  },
  [/@everyone/, /@here/, /@channel/, /<!channel>/, /<!here>/, /<@U0123ABCD>/],
);
