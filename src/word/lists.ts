/** Lists with a condition in words: the headline says the condition and the entries; a line each follows. */
import type { Product } from "../dataset/schema.js";
import type { ListEntry, RowEntry } from "../decide/lists.js";
import type { ListFilter } from "../understand/intent.js";
import { longDate } from "./dates.js";
import { describeVersion, joinWords } from "./names.js";
import type { Composed } from "./support.js";

const VERDICT_WORDS = { yes: "works", no: "does not work", partial: "partly", unlisted: "not said" } as const;

function entryName(entry: ListEntry, withProduct: boolean): string {
  if (entry.release === null) return entry.product.name;
  const release = describeVersion(entry.product, entry.release.version);
  return withProduct ? `${entry.product.name} ${release}` : release;
}

/** "that do not work as a dom0", "that need Xen >= 4.0", "before 12.04 that work as a dom0 with Xen 3.4". */
function condition(filter: ListFilter, product: Product | null): string {
  const parts: string[] = [];
  if (filter.before !== null && product) parts.push(`before ${describeVersion(product, filter.before)}`);
  if (filter.after !== null && product) parts.push(`after ${describeVersion(product, filter.after)}`);
  if (filter.needsXen !== null) {
    parts.push(
      filter.negative
        ? `that work as a dom0 without needing Xen >= ${filter.needsXen}`
        : `that need Xen >= ${filter.needsXen} as a dom0`,
    );
  } else if (filter.dropped) {
    parts.push(
      filter.negative
        ? "that an older source listed and a newer one no longer names, or that do not work as a dom0"
        : "that an older source listed as a dom0 and a newer one no longer names",
    );
  } else {
    parts.push(filter.negative ? "that do not work as a dom0" : "that work as a dom0");
  }
  if (filter.withXen !== null) parts.push(`with Xen ${filter.withXen}`);
  return parts.join(" ");
}

/** A product's releases, filtered: the newest or oldest that works, or every one that meets the condition. */
export function composeReleaseList(
  product: Product,
  entries: readonly ListEntry[],
  filter: ListFilter,
  asOf: string,
  rows: readonly string[] = [],
): Composed {
  const day = longDate(asOf);
  const kind = filter.lts ? `${product.name} LTS releases` : `${product.name} releases`;
  const lines = entries.map((entry) => `${entryName(entry, true)}: ${VERDICT_WORDS[entry.verdict]}`);
  const base = { verdict: null, notes: [], suggestions: [] };
  const tail = `Each release is decided as a question about it alone would be (as of ${day}); ask about one for its reasons and sources.`;
  if (filter.pick !== null) {
    const [only] = entries;
    return {
      ...base,
      headline: only
        ? `The ${filter.pick} ${product.name} release my sources say works as a dom0 is ${entryName(only, false)}.`
        : `None of the ${kind} out by ${day} works as a dom0 by my sources.`,
      reasons: [...rows, tail],
    };
  }
  return {
    ...base,
    headline:
      entries.length > 0
        ? `${kind} ${condition(filter, product)}, by my sources as of ${day}: ${joinWords(entries.map((entry) => entryName(entry, false)))}.`
        : `No ${kind} out by ${day} ${condition(filter, product).replace(/^that /, "")}, by my sources.`,
    reasons: [...lines, ...rows, tail],
  };
}

/** Systems, filtered: "Besides NetBSD, these BSDs work as a dom0: FreeBSD, ...". */
export function composeSystemList(entries: readonly ListEntry[], filter: ListFilter, asOf: string): Composed {
  const day = longDate(asOf);
  const besides =
    filter.excluding.length > 0 ? `Besides ${joinWords(filter.excluding.map((p) => p.name))}, ` : "";
  const kind = filter.bsdOnly ? "BSDs" : "systems";
  const names = entries.map(
    (entry) => `${entry.product.name}${entry.verdict === "partial" ? " (partly)" : ""}`,
  );
  return {
    verdict: null,
    headline:
      entries.length > 0
        ? `${besides}${besides ? "these" : "These"} ${kind} ${condition(filter, null)}, by my sources as of ${day}: ${joinWords(names)}.`
        : `${besides}${besides ? "no" : "No"} ${kind} ${condition(filter, null).replace(/^that /, "")}, by my sources as of ${day}.`,
    reasons: [
      ...entries.map((entry) => `${entry.product.name}: ${VERDICT_WORDS[entry.verdict]}`),
      "Ask about one of them for its reasons and sources.",
    ],
    notes: [],
    suggestions: [],
  };
}

/** Rows by their rules: those needing a Xen version, or marked incomplete. */
export function composeRowList(rows: readonly RowEntry[], filter: ListFilter): Composed {
  const what = filter.incomplete ? "marked incomplete" : `that need Xen >= ${filter.needsXen}`;
  return {
    verdict: null,
    headline:
      rows.length > 0
        ? `The table rows ${what}: ${rows.map((row) => `${row.label}: ${joinWords(row.rules)}`).join("; ")}.`
        : `No table row ${what}.`,
    reasons: rows.map((row) => `${row.label}: ${joinWords(row.rules)}`),
    notes: [],
    suggestions: [],
  };
}
