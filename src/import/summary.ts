/** An import's differences as text a maintainer reads in a terminal. */
import type { Row, Rule } from "../dataset/schema.js";
import type { ImportDiff } from "./diff.js";
import { isSame } from "./diff.js";

/** One rule in words: `from 6.4 "6.4 and newer" [linux-1]`. */
export function ruleText(rule: Rule): string {
  const version = rule.kind === "line" || rule.kind === "from" ? ` ${rule.version}` : "";
  const notes = rule.notes.length ? ` [${rule.notes.join(", ")}]` : "";
  return `${rule.kind}${version} "${rule.label}"${notes}`;
}

function rulesText(row: Row): string {
  return row.rules.map(ruleText).join("; ");
}

function section(lines: string[], title: string, items: string[]): void {
  if (!items.length) return;
  lines.push(`${title} (${items.length}):`, ...items.map((item) => `  ${item}`));
}

/** The summary printed by `dom0 import-wiki`: what the page changes against the data, then what it left. */
export function formatSummary(diff: ImportDiff): string {
  const lines = [
    `Compared with ${diff.against.id} (${diff.against.dateText}): the ${diff.tables.join(" and ")} table${
      diff.tables.length > 1 ? "s" : ""
    }.`,
  ];
  if (diff.notCompared.length)
    lines.push(`Not compared: the ${diff.notCompared.join(" and ")} rows (the page has no such table).`);
  section(
    lines,
    "Rows added",
    diff.added.map(
      (row) => `+ ${row.id} ${row.label} (product ${row.product}): "${row.versions}" -> ${rulesText(row)}`,
    ),
  );
  section(
    lines,
    "Rows removed",
    diff.removed.map((row) => `- ${row.id} ${row.label}: "${row.versions}"`),
  );
  section(
    lines,
    "Rows changed",
    diff.changed.map(({ id, fields, before, after }) =>
      [
        `~ ${id} ${after.label}: ${fields.join(", ")} changed`,
        `      data: ${before.product} ${before.label}: "${before.versions}" -> ${rulesText(before)}`,
        `      page: ${after.product} ${after.label}: "${after.versions}" -> ${rulesText(after)}`,
      ].join("\n"),
    ),
  );
  section(
    lines,
    "Could not read, left for a maintainer",
    diff.unreadable.map((row) => `? ${row.id ?? "(no id)"} ${row.label}: "${row.versions}": ${row.reason}`),
  );
  section(
    lines,
    "Footnotes added",
    diff.notes.added.map((note) => `+ ${note.id} [${note.mark}] ${note.text}`),
  );
  section(
    lines,
    "Footnotes removed",
    diff.notes.removed.map((note) => `- ${note.id} [${note.mark}] ${note.text}`),
  );
  section(
    lines,
    "Footnotes reworded",
    diff.notes.changed.map((note) => `~ ${note.id}: data "${note.before}"\n      page "${note.after}"`),
  );
  section(
    lines,
    "Hand decisions applied, from src/import/decisions.ts",
    diff.decisions.map((decision) => `${decision.row}: ${decision.why}`),
  );
  if (diff.carried.length)
    lines.push(`Carried over from the data (not rows of the page): ${diff.carried.join(", ")}.`);
  lines.push(
    isSame(diff)
      ? `No differences: the page says what ${diff.against.id} says (${diff.unchanged.length} rows).`
      : `Unchanged: ${diff.unchanged.length} rows.`,
  );
  return `${lines.join("\n")}\n`;
}
