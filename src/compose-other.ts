import type { Composed } from "./compose-support.js";
import { describeVersions, tableLines } from "./compose-support.js";
import type { Dataset, Note, Product, UnlistedSystem } from "./dataset/schema.js";
import type { UnclearReason } from "./intent.js";
import { withoutMarks } from "./names.js";
import type { TopicId } from "./types.js";

const TABLE_TITLES = {
  linux: "Linux distributions which have a Xen Project dom0 kernel",
  unix: "Xen Project dom0 support in BSDs and other Unix systems",
} as const;

export function composeFaq(topic: TopicId, data: Dataset): Composed {
  const entry = data.faq.find((candidate) => candidate.id === topic);
  const [first = "", ...rest] = entry?.text ?? [];
  return { verdict: null, headline: first, reasons: rest, notes: [], suggestions: [] };
}

export function composeList(
  data: Dataset,
  notes: ReadonlyMap<string, Note>,
  product: Product | null,
  variantRows: readonly string[] | null,
  table: "linux" | "unix" | null,
): Composed {
  if (product && product.rows.length > 0) {
    const rows = variantRows ? product.rows.filter((row) => variantRows.includes(row.id)) : product.rows;
    const ids = new Set(rows.flatMap((row) => row.rules.flatMap((rule) => rule.notes)));
    return {
      verdict: null,
      headline: `The table lists these ${product.name} releases as dom0: ${rows.map((row) => describeVersions(row, notes)).join("; ")}.`,
      reasons: rows.map((row) => `${row.label}: ${withoutMarks(row.versions)}`),
      notes: [...ids].flatMap((id) => notes.get(id) ?? []),
      suggestions: [],
    };
  }
  const tables = table === null ? (["linux", "unix"] as const) : [table];
  const reasons = tables.flatMap((name) => [
    `${TABLE_TITLES[name]}:`,
    ...tableLines(data, name).map((line) => `  ${line}`),
  ]);
  const unixNote = notes.get("bsd-incomplete");
  return {
    verdict: null,
    headline:
      table === "unix"
        ? "These BSDs and other Unix systems are listed as dom0:"
        : "These systems are listed as dom0, by table:",
    reasons,
    notes: tables.includes("unix") && unixNote ? [unixNote] : [],
    suggestions: [],
  };
}

export function composeUnlisted(system: UnlistedSystem | null, data: Dataset): Composed {
  const who = system ? system.name : "That system";
  const listed = data.products.filter((product) => product.table !== null).map((product) => product.name);
  return {
    verdict: "unlisted",
    headline: `Not in the table: ${who} is not listed in the wiki's dom0 tables (as of ${data.source.asOf}), so the table does not say it works as dom0.`,
    reasons: [
      ...(system?.remark ? [system.remark] : []),
      `The tables list: ${listed.join(", ")}.`,
      "The BSD and other Unix list was marked incomplete on the page.",
    ],
    notes: [],
    suggestions: [],
  };
}

const INTRODUCTION =
  'I answer whether a system can be the Xen Project dom0 (the host), from the Xen wiki\'s table "Dom0 Kernels for Xen" as of April 2014 and its FAQ.';

export function composeUnclear(
  reason: UnclearReason,
  suggestions: readonly string[],
  examples: readonly string[],
): Composed {
  const headlines: Record<UnclearReason, string> = {
    empty: "Ask me whether a system can be the Xen dom0, for example: does CentOS 6.3 work as dom0?",
    greeting: INTRODUCTION,
    "near-miss": `I am not sure which system you mean. Did you mean ${suggestions.join(" or ")}?`,
    "no-system": "I could not tell which system or topic you are asking about.",
  };
  const headline = headlines[reason];
  return {
    verdict: null,
    headline,
    reasons: ["Try one of these:", ...examples.slice(0, 4).map((example) => `  ${example}`)],
    notes: [],
    suggestions: [...suggestions],
  };
}
