import type { Dataset, Note, Product, Source, UnlistedSystem, Variant } from "../dataset/schema.js";
import { productStatement } from "../decide/findings.js";
import type { Scope } from "../decide/scope.js";
import type { TopicId } from "../types.js";
import type { UnclearReason } from "../understand/intent.js";
import { capital, joinWords, withoutMarks } from "./names.js";
import { sourceName } from "./sources.js";
import type { Composed } from "./support.js";
import { describeVersions, tableLines } from "./support.js";
import { composeXenSupport } from "./xen-support.js";

const TABLE_TITLES = {
  linux: "Linux distributions which have a Xen Project dom0 kernel",
  unix: "Xen Project dom0 support in BSDs and other Unix systems",
} as const;

/** What a composer used, for the answer's citations. */
export interface Cited {
  composed: Composed;
  sources: Source[];
}

export function composeFaq(topic: TopicId, data: Dataset, scope: Scope, xen: string | null): Cited {
  const entry = data.faq.find((candidate) => candidate.id === topic);
  const source = scope.sources.find((candidate) => candidate.id === entry?.source);
  if (!entry || !source) {
    return {
      composed: {
        verdict: null,
        headline: `None of my sources dated on or before ${scope.asOf} covers that topic (${entry?.title ?? topic}).`,
        reasons: [],
        notes: [],
        suggestions: [],
      },
      sources: [],
    };
  }
  if (topic === "xen-support" && source.xenReleases) {
    return { composed: composeXenSupport(source, entry.text, xen, scope.asOf), sources: [source] };
  }
  const [first = "", ...rest] = entry.text;
  return {
    composed: { verdict: null, headline: first, reasons: rest, notes: [], suggestions: [] },
    sources: [source],
  };
}

/** What the documents in scope say yes to for a product, one line per source, newest first. */
function statementLines(scope: Scope, product: Product, prefix = ""): { lines: string[]; sources: Source[] } {
  const lines: string[] = [];
  const sources: Source[] = [];
  for (const on of scope.byProduct.get(product.id) ?? []) {
    const statement = productStatement(on.statements);
    if (statement?.verdict !== "yes") continue;
    const name = sourceName(on.source);
    lines.push(`${prefix ? `${prefix}${name}` : capital(name)}: ${statement.says}`);
    sources.push(on.source);
  }
  return { lines, sources };
}

export function composeList(
  data: Dataset,
  scope: Scope,
  product: Product | null,
  variant: Variant | null,
  table: "linux" | "unix" | null,
): Cited {
  if (product) {
    const on = (scope.byProduct.get(product.id) ?? []).find(
      (candidate) => (candidate.product?.rows.length ?? 0) > 0,
    );
    const rows = (on?.product?.rows ?? []).filter((row) => !variant || variant.rows.includes(row.id));
    const documents = variant ? { lines: [], sources: [] } : statementLines(scope, product);
    if (on && rows.length > 0) {
      const ids = new Set(rows.flatMap((row) => row.rules.flatMap((rule) => rule.notes)));
      const notes = [...ids].flatMap((id): Note[] => {
        const note = on.notes.get(id);
        return note ? [note] : [];
      });
      const tableName = scope.tableViews.length <= 1 ? "the table" : sourceName(on.source);
      return {
        composed: {
          verdict: null,
          headline: `${capital(tableName)} lists these ${product.name} releases as dom0: ${rows.map((row) => describeVersions(row, on.notes)).join("; ")}.`,
          reasons: [...rows.map((row) => `${row.label}: ${withoutMarks(row.versions)}`), ...documents.lines],
          notes,
          suggestions: [],
        },
        sources: [on.source, ...documents.sources],
      };
    }
    if (documents.lines.length > 0) {
      return {
        composed: {
          verdict: null,
          headline: `What my sources say of ${product.name} as a dom0:`,
          reasons: documents.lines,
          notes: [],
          suggestions: [],
        },
        sources: documents.sources,
      };
    }
  }
  const kinds = table === null ? (["linux", "unix"] as const) : [table];
  const reasons: string[] = [];
  const sources: Source[] = [];
  const notes: Note[] = [];
  for (const kind of kinds) {
    const view = scope.tables.get(kind);
    if (!view) continue;
    const only = scope.tableViews.length <= 1;
    reasons.push(`${TABLE_TITLES[kind]}${only ? "" : `, from ${sourceName(view.source)}`}:`);
    reasons.push(...tableLines(view, kind).map((line) => `  ${line}`));
    sources.push(view.source);
    const withRows = new Set(view.products.filter((p) => p.rows.length > 0).map((p) => p.id));
    for (const other of data.products.filter((p) => p.table === kind && !withRows.has(p.id))) {
      const documents = statementLines(scope, other, `  ${other.name}, from `);
      reasons.push(...documents.lines);
      sources.push(...documents.sources);
    }
    const incomplete = view.notes.get("bsd-incomplete");
    if (kind === "unix" && incomplete) notes.push(incomplete);
  }
  if (reasons.length === 0) {
    return {
      composed: {
        verdict: null,
        headline: `None of my sources dated on or before ${scope.asOf} lists dom0 systems.`,
        reasons: [],
        notes: [],
        suggestions: [],
      },
      sources: [],
    };
  }
  return {
    composed: {
      verdict: null,
      headline:
        table === "unix"
          ? "These BSDs and other Unix systems are listed as dom0:"
          : "These systems are listed as dom0, by table:",
      reasons,
      notes,
      suggestions: [],
    },
    sources: [...new Set(sources)],
  };
}

/** A system no source in scope names as a product: say so, and what the sources say nearby. */
export function composeUnlisted(system: UnlistedSystem | null, data: Dataset, scope: Scope): Cited {
  const who = system ? system.name : "That system";
  const facts = (system?.facts ?? []).flatMap((fact) => {
    const source = scope.sources.find((candidate) => candidate.id === fact.source);
    return source ? [{ source, line: `${capital(sourceName(source))}: ${fact.says}` }] : [];
  });
  const views = [...new Set(scope.tables.values())];
  const listed = data.products
    .filter((product) => product.table !== null && (scope.byProduct.get(product.id) ?? []).length > 0)
    .map((product) => product.name);
  const only = scope.sources.length <= 1;
  const tables = views.map((view) => sourceName(view.source));
  const headline = only
    ? `Not in the table: ${who} is not listed in the wiki's dom0 tables (as of ${views[0]?.source.asOf ?? scope.asOf}), so the table does not say it works as dom0.`
    : `Not listed: none of my sources names ${who} as a dom0 system, so I cannot say it works as one.`;
  return {
    composed: {
      verdict: "unlisted",
      headline,
      reasons: [
        ...(system?.remark ? [system.remark] : []),
        ...facts.map((fact) => fact.line),
        ...(listed.length > 0 ? [`My sources cover: ${listed.join(", ")}.`] : []),
        ...(only
          ? ["The BSD and other Unix list was marked incomplete on the page."]
          : tables.length
            ? [`Tables consulted: ${joinWords(tables)}.`]
            : []),
      ],
      notes: [],
      suggestions: [],
    },
    sources: [...views.map((view) => view.source), ...facts.map((fact) => fact.source)],
  };
}

/** Who the bot is, naming the tables it answers from on the day asked. */
export function introduction(scope: Scope): string {
  const tables = scope.tableViews.map((view) => `"${view.source.title}" (${view.source.dateText})`);
  const documents =
    scope.sources.length > scope.tableViews.length
      ? ", its FAQ and the distributions' own documents"
      : " and its FAQ";
  return `I answer whether a system can be the Xen Project dom0 (the host), from the Xen wiki's table ${joinWords(tables)}${documents}, each cited with its date.`;
}

export function composeUnclear(
  reason: UnclearReason,
  suggestions: readonly string[],
  examples: readonly string[],
  scope: Scope,
): Composed {
  const INTRODUCTION = introduction(scope);
  const headlines: Record<UnclearReason, string> = {
    empty: "Ask me whether a system can be the Xen dom0, for example: does CentOS 6.3 work as dom0?",
    greeting: INTRODUCTION,
    "near-miss": `I am not sure which system you mean. Did you mean ${suggestions.join(" or ")}?`,
    "no-system": "I could not tell which system or topic you are asking about.",
    fragment:
      "Which system do you mean? I have no earlier question here to go on: ask with its name, for example: does CentOS 6.5 work as dom0?",
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
