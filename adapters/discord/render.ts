import type { APIEmbed } from "discord.js";
import type { Answer, SourceRef, TableRow, Verdict } from "../../src/types.js";
import {
  DISCORD_EMBED_DESCRIPTION_LIMIT,
  DISCORD_EMBED_FOOTER_LIMIT,
  DISCORD_EMBED_TITLE_LIMIT,
  DISCORD_EMBED_TOTAL_LIMIT,
} from "./limits.js";
import { neutralizeMentions, safeText, truncate } from "./safe-text.js";

/** Embed colours: one per verdict, and a neutral one for FAQ, list and unclear answers. */
export const VERDICT_COLOURS: Record<Verdict | "neutral", number> = {
  yes: 0x2ecc71,
  no: 0xe74c3c,
  partial: 0xf1c40f,
  unlisted: 0x95a5a6,
  neutral: 0x5865f2,
};

/** The colour an answer's embed gets. */
export function colourOf(answer: Answer): number {
  return answer.intent === "support" && answer.verdict
    ? VERDICT_COLOURS[answer.verdict]
    : VERDICT_COLOURS.neutral;
}

/** The source as a Markdown link; the title is ours (the dataset's), so only brackets need care. */
export function sourceLink(source: SourceRef): string {
  const label = `${source.title}, revision of ${source.revision}`.replace(/[[\]]/g, "");
  return `Source: [${label}](${source.url})`;
}

/** Joins sections into a description that always keeps the source line, cutting the body if it must. */
function describe(sections: string[], source: SourceRef): string {
  const tail = `\n\n${sourceLink(source)}`;
  const body = neutralizeMentions(sections.filter((section) => section.length > 0).join("\n\n"));
  return `${truncate(body, DISCORD_EMBED_DESCRIPTION_LIMIT - tail.length)}${tail}`;
}

function bullets(heading: string, lines: readonly string[]): string {
  if (lines.length === 0) return "";
  return `**${heading}**\n${lines.map((line) => `• ${line}`).join("\n")}`;
}

/** An answer as a Discord embed: the verdict line as the title, then reasons, notes, suggestions and the source link. */
export function renderDiscordEmbed(answer: Answer): APIEmbed {
  return {
    title: safeText(answer.headline, DISCORD_EMBED_TITLE_LIMIT),
    color: colourOf(answer),
    description: describe(
      [
        answer.reasons.join("\n"),
        bullets(
          "Notes",
          answer.notes.map((note) => note.text),
        ),
        bullets("Did you mean", answer.suggestions),
      ],
      answer.source,
    ),
  };
}

/** The "Why?" view: everything behind the verdict, notes in full. */
export function renderWhyEmbed(answer: Answer): APIEmbed {
  return {
    title: safeText(`Why: ${answer.headline}`, DISCORD_EMBED_TITLE_LIMIT),
    color: colourOf(answer),
    description: describe(
      [
        bullets("Reasons", answer.reasons),
        bullets(
          "Notes",
          answer.notes.map((note) => `${note.text} (${note.id})`),
        ),
      ],
      answer.source,
    ),
  };
}

/** The whole support table, one line a row, split over embeds so no message passes Discord's total limit. */
export function renderTableEmbeds(rows: readonly TableRow[], source: SourceRef): APIEmbed[] {
  const lines = rows.map((row) => {
    const marks = row.notes.length > 0 ? ` (${row.notes.map((note) => note.id).join(", ")})` : "";
    return `**${row.name}**: ${row.versions}${marks}`;
  });
  const embeds: APIEmbed[] = [];
  let current: string[] = [];
  const budget = Math.floor((DISCORD_EMBED_TOTAL_LIMIT - 400) / 2);
  const flush = () => {
    if (current.length > 0) embeds.push({ color: VERDICT_COLOURS.neutral, description: current.join("\n") });
    current = [];
  };
  for (const line of lines) {
    if ([...current, line].join("\n").length > budget) flush();
    current.push(truncate(neutralizeMentions(line), budget));
  }
  flush();
  const first = embeds[0] ?? { color: VERDICT_COLOURS.neutral, description: "The table is empty." };
  embeds[0] = { ...first, title: "Dom0 support: the whole table" };
  const last = embeds[embeds.length - 1] ?? first;
  last.description = `${last.description ?? ""}\n\n${sourceLink(source)}`;
  return embeds.slice(0, 2);
}

/** What the bot does, with examples. */
export function renderHelpEmbed(examples: readonly string[], source: SourceRef): APIEmbed {
  const usage = [
    "Ask whether an operating system can be the Xen **dom0** (the privileged first domain).",
    "• `/dom0 question:` a question in your own words",
    "• `/dom0 os:` and `version:` pick from the list as you type",
    "• `private:True` shows the answer to you alone",
    "• mention me in a channel, or send me a direct message",
  ].join("\n");
  return {
    title: "dom0bot: can my OS be the Xen dom0?",
    color: VERDICT_COLOURS.neutral,
    description: describe([usage, bullets("Examples", examples.slice(0, 8))], source),
    footer: {
      text: truncate(
        "Answers come from the Xen wiki's dom0 kernel table; it does not cover guests (domU).",
        DISCORD_EMBED_FOOTER_LIMIT,
      ),
    },
  };
}
