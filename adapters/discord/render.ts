import type { APIEmbed } from "discord.js";
import type { Answer, Dom0Core, SourceRef, TableRow, Verdict } from "../../src/types.js";
import { dayText, differenceWords, differingSources, isSeveral, lineVerdict } from "../common/sources.js";
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
  // Several systems: no one verdict colours the whole answer.
  if (isSeveral(answer)) return VERDICT_COLOURS.neutral;
  return answer.intent === "support" && answer.verdict
    ? VERDICT_COLOURS[answer.verdict]
    : VERDICT_COLOURS.neutral;
}

const VERDICT_MARKS: Record<Verdict, string> = { yes: "✅", no: "❌", partial: "⚠️", unlisted: "❔" };

/** Each system's line of a several-systems answer, marked with its own verdict. */
function marked(answer: Answer): string[] {
  return answer.reasons.map((reason) => {
    const verdict = lineVerdict(answer, reason);
    return verdict ? `${VERDICT_MARKS[verdict]} ${reason}` : reason;
  });
}

/** A source as a Markdown link; the title is ours (the dataset's), so only brackets need care. */
function link(title: string, date: string, url: string): string {
  return `[${`${title}, ${date}`.replace(/[[\]]/g, "")}](${url})`;
}

/** "Source: [Dom0 Kernels for Xen, read 28 November 2026](url)". */
export function sourceLink(source: SourceRef): string {
  return `Source: ${link(source.title, source.dateText, source.url)}`;
}

/** The deciding source, then one short line per source that gave another verdict ("said no"). */
function sourceLines(answer: Answer): string {
  const differing = differingSources(answer).map(
    (finding) =>
      `${link(finding.title, dayText(finding.date), finding.url)} ${differenceWords(finding, answer)}`,
  );
  return [sourceLink(answer.source), ...differing].join("\n");
}

/** Joins sections into a description that always keeps the source lines, cutting the body if it must. */
function describe(sections: string[], sources: string): string {
  const tail = `\n\n${sources}`;
  const body = neutralizeMentions(sections.filter((section) => section.length > 0).join("\n\n"));
  return `${truncate(body, DISCORD_EMBED_DESCRIPTION_LIMIT - tail.length)}${tail}`;
}

function bullets(heading: string, lines: readonly string[]): string {
  if (lines.length === 0) return "";
  return `**${heading}**\n${lines.map((line) => `• ${line}`).join("\n")}`;
}

/**
 * The verdict line leads: as the title when it fits one, else as the bold first line of the description
 * (a long FAQ answer would otherwise be cut mid-sentence).
 */
function withHeadline(headline: string, sections: string[]): { title?: string; sections: string[] } {
  const safe = neutralizeMentions(headline);
  return safe.length <= DISCORD_EMBED_TITLE_LIMIT
    ? { title: safe, sections }
    : { sections: [`**${safe}**`, ...sections] };
}

/** An answer as a Discord embed: the verdict line first, then reasons, notes, suggestions and the source link. */
export function renderDiscordEmbed(answer: Answer): APIEmbed {
  const { title, sections } = withHeadline(answer.headline, [
    marked(answer).join("\n"),
    bullets(
      "Notes",
      answer.notes.map((note) => note.text),
    ),
    bullets("Did you mean", answer.suggestions),
  ]);
  return {
    ...(title ? { title } : {}),
    color: colourOf(answer),
    description: describe(sections, sourceLines(answer)),
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
      sourceLines(answer),
    ),
  };
}

/** Joins lines up to `limit` characters; what does not fit becomes one "…and N more" line. */
function fitLines(lines: readonly string[], limit: number, more: (count: number) => string): string {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const tail = index < lines.length - 1 ? more(lines.length - index - 1).length + 1 : 0;
    if (length + line.length + 1 + tail > limit) {
      kept.push(more(lines.length - index));
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join("\n");
}

/**
 * The whole support table (today's, or the one in force on `asOf`): its rows, then the notes they refer to,
 * then its sources; within one message's limits.
 */
export function renderTableEmbeds(
  rows: readonly TableRow[],
  fallback: SourceRef,
  asOf: string | null = null,
): APIEmbed[] {
  const title =
    asOf === null ? "Dom0 support: the whole table" : `Dom0 support: the table as of ${dayText(asOf)}`;
  const tableName = { linux: "Linux", unix: "Other systems" } as const;
  const lines = rows.map((row) =>
    neutralizeMentions(`**${row.name}** (${tableName[row.table]}): ${row.versions}`),
  );
  const notes = new Map(rows.flatMap((row) => row.notes.map((note) => [note.id, note.text] as const)));
  const noteLines = [...notes].map(([id, text]) => neutralizeMentions(`\`${id}\` ${text}`));
  const sources = [
    ...new Map(rows.flatMap((row) => (row.source ? [[row.source.id, row.source]] : []))).values(),
  ];
  const link = (sources.length > 0 ? sources : [fallback]).map(sourceLink).join("\n");
  const rowsText = fitLines(
    lines,
    DISCORD_EMBED_DESCRIPTION_LIMIT,
    (count) => `…and ${count} more rows: see the source`,
  );
  const room =
    Math.min(
      DISCORD_EMBED_DESCRIPTION_LIMIT,
      DISCORD_EMBED_TOTAL_LIMIT - title.length - rowsText.length - 20,
    ) -
    link.length -
    2;
  const notesText = fitLines(noteLines, Math.max(0, room), (count) => `…and ${count} more notes`);
  return [
    { title, color: VERDICT_COLOURS.neutral, description: rowsText || "The table is empty." },
    { title: "Notes", color: VERDICT_COLOURS.neutral, description: `${notesText}\n\n${link}`.trim() },
  ];
}

/** What the bot does, with examples. */
export function renderHelpEmbed(core: Pick<Dom0Core, "examples" | "source" | "about">): APIEmbed {
  const { examples, source, about } = core;
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
    description: describe([usage, bullets("Examples", examples.slice(0, 8))], sourceLink(source)),
    footer: { text: truncate(`${about} It does not cover guests (domU).`, DISCORD_EMBED_FOOTER_LIMIT) },
  };
}
