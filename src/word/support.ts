import type { Note, Row } from "../dataset/schema.js";
import { type ConditionCheck, covers, type Listing, type SupportOutcome } from "../decide/rules.js";
import type { ProductRows as Product, TableView } from "../decide/scope.js";
import { Memo } from "../memo.js";
import type { Verdict } from "../types.js";
import { parseVersion } from "../version.js";
import { capital, describeRow, describeVersion, joinWords, withoutMarks } from "./names.js";

/** The parts of an answer before it is turned into text. */
export interface Composed {
  verdict: Verdict | null;
  headline: string;
  reasons: string[];
  notes: Note[];
  suggestions: string[];
}

export interface SupportQuery {
  product: Product;
  /** The name as asked: "Scientific Linux" for a RHEL clone, else the product's name. */
  name: string;
  remark: string | undefined;
  version: string | null;
  xen: string | null;
}

/** How the answer names the table and dates the release asked about. */
export interface TableWording {
  /** "the table" when it is the only source, else "the wiki's current table (read ...)". */
  table: string;
  /** The release date of the version asked about, in words ("25 April 2015"), or null. */
  released: string | null;
  /** True when that release came out on or before the table's date: it existed and was left out. */
  existed: boolean;
}

const ruleNotes = new WeakMap<Listing["rule"], Note[]>();

/** The notes of the listings, each once, in order; a single rule's notes are looked up once and kept. */
function notesOf(listings: readonly Listing[], notes: ReadonlyMap<string, Note>): Note[] {
  const only = listings.length === 1 ? listings[0] : undefined;
  const known = only && ruleNotes.get(only.rule);
  if (known) return known;
  const ids = new Set(listings.flatMap(({ rule }) => rule.notes));
  const found = [...ids].flatMap((id) => notes.get(id) ?? []);
  if (only) ruleNotes.set(only.rule, found);
  return found;
}

function labels(listings: readonly Listing[]): string {
  return joinWords(listings.map(({ rule }) => rule.label));
}

/** What each row says; for the mainline kernel, which has no table row, what the page's text says instead. */
function rowsOfTable(listings: readonly Listing[], product: Product, table: string): string[] {
  const rows = [...new Set(listings.map(({ row }) => row))];
  return rows.map((row) =>
    product.table === null && row.decision ? row.decision : `${capital(table)} lists ${describeRow(row)}.`,
  );
}

/** A row the page marks "Incomplete" (Illumos). */
function incompleteHeadline(name: string, label: string): string {
  return `Partly: ${name} is listed as "${label}": dom0 support exists but is not complete or verified.`;
}

/** The Xen condition, when the question named a Xen version (otherwise the headline and note say it). */
function conditionReasons(checks: readonly ConditionCheck[], xen: string | null): string[] {
  const first = checks[0];
  if (!first || xen === null) return [];
  return [`Condition: this dom0 kernel requires Xen >= ${first.xenMin}; you named Xen ${xen}.`];
}

/** Turns what the table says into a verdict and the reasons behind it. */
export function composeSupport(
  query: SupportQuery,
  outcome: SupportOutcome,
  view: Pick<TableView, "source" | "notes">,
  wording: TableWording = { table: "the table", released: null, existed: false },
): Composed {
  const { product, name, version, xen } = query;
  const notes = view.notes;
  const table = wording.table;
  const asked = version === null ? name : `${name} ${describeVersion(product, version)}`;
  const asOf = `${capital(table)} reflects the wiki as of ${view.source.asOf ?? view.source.dateText}.`;
  const extra = query.remark ? [query.remark] : [];
  const lists = product.table === null ? "the page names" : `${table} lists`;
  const rowsOf = (listings: readonly Listing[], of: Product) => rowsOfTable(listings, of, table);

  switch (outcome.kind) {
    case "not-dom0":
      return {
        suggestions: [],
        verdict: "no",
        headline: `No: ${name} is not a dom0 operating system.`,
        reasons: [outcome.reason],
        notes: [],
      };

    case "listed": {
      const { listing, conditions } = outcome;
      const reasons = rowsOf([listing], product).concat(extra, conditionReasons(conditions, xen));
      // Why a point release counts as its release ("7.4 is Wheezy"), when the row does not print it.
      if (
        listing.row.decision &&
        product.table !== null &&
        version !== null &&
        !listing.rule.label.includes(version)
      ) {
        reasons.push(listing.row.decision);
      }
      if (listing.rule.kind === "from" || listing.rule.kind === "all") reasons.push(asOf);
      const listingNotes = notesOf([listing], notes);
      if (conditions.some((check) => check.met === false)) {
        const min = conditions[0]?.xenMin ?? "4.0";
        return {
          suggestions: [],
          verdict: "no",
          headline: `No: ${asked} ${product.table === null ? "has dom0 support by the page's text" : `is covered by ${table}`}, but its dom0 kernel requires Xen >= ${min}, and you named Xen ${xen}.`,
          reasons,
          notes: listingNotes,
        };
      }
      if (listing.rule.kind === "incomplete") {
        return {
          suggestions: [],
          verdict: "partial",
          headline: incompleteHeadline(name, listing.rule.label),
          reasons,
          notes: listingNotes,
        };
      }
      const pending = conditions.find((check) => check.met === null);
      const lead = pending ? `Yes, with Xen >= ${pending.xenMin}` : "Yes";
      const exact = version !== null && describeVersion(product, version) === listing.rule.label;
      const open = listing.rule.kind === "from" || listing.rule.kind === "all";
      const released = wording.released ? ` (released ${wording.released})` : "";
      const headline = exact
        ? `${lead}: ${table} lists ${asked} as a dom0.`
        : product.table === null
          ? `${lead}: ${asked} has dom0 support by the page's text (${listing.rule.label}).`
          : open && version !== null
            ? `${lead}: ${asked}${released} falls under ${table}'s row "${listing.row.label}": "${listing.rule.label}".`
            : open
              ? `${lead}: ${table} lists ${asked} as a dom0 (${listing.rule.label}).`
              : `${lead}: ${asked} is listed as a dom0, under "${listing.rule.label}".`;
      return { suggestions: [], verdict: "yes", headline, reasons, notes: listingNotes };
    }

    case "product": {
      const { listings, failing } = outcome;
      const working = listings.filter((listing) => !failing.includes(listing));
      const reasons = rowsOf(listings, product).concat(extra);
      const allNotes = notesOf(listings, notes);
      if (working.length === 0) {
        const min = outcome.conditions[0]?.xenMin ?? "4.0";
        return {
          suggestions: [],
          verdict: "no",
          headline: `No: every ${name} release the table lists needs Xen >= ${min}, and you named Xen ${xen}.`,
          reasons,
          notes: allNotes,
        };
      }
      if (working.every(({ rule }) => rule.kind === "incomplete")) {
        return {
          suggestions: [],
          verdict: "partial",
          headline: incompleteHeadline(name, labels(working)),
          reasons,
          notes: allNotes,
        };
      }
      const needing = working.filter(({ rule }) => rule.notes.some((id) => notes.get(id)?.condition));
      if (failing.length > 0)
        reasons.push(`With Xen ${xen}, not ${labels(failing)}: those need a newer Xen.`);
      else if (needing.length > 0)
        reasons.push(`Condition: ${labels(needing)} need Xen >= ${outcome.conditions[0]?.xenMin ?? "4.0"}.`);
      const everyVersion = working.every(({ rule }) => rule.kind === "all");
      if (!everyVersion) reasons.push("Ask with a version for a precise answer.");
      return {
        suggestions: [],
        verdict: "yes",
        headline: everyVersion
          ? `Yes: ${lists} ${name} as dom0, all versions.`
          : `Yes: ${lists} ${name} ${labels(working)} as dom0.`,
        reasons,
        notes: allNotes,
      };
    }

    case "line": {
      const { covered, uncovered, listings } = outcome;
      const reasons = rowsOf(listings, product).concat(extra);
      const covering = listings.filter(({ rule }) =>
        covered.some((member) => covers(rule, parseVersion(member))),
      );
      if (uncovered.length === 0) {
        return {
          suggestions: [],
          verdict: "yes",
          headline: `Yes: ${table} covers every ${asked} release as a dom0 (${joinWords(covered)}).`,
          reasons,
          notes: notesOf(listings, notes),
        };
      }
      return {
        suggestions: [],
        verdict: "partial",
        headline: `Partly: of ${asked}, ${lists} only ${labels(covering)} as dom0, not ${joinWords(uncovered)}.`,
        reasons,
        notes: notesOf(listings, notes),
      };
    }

    case "older":
      return {
        suggestions: [],
        verdict: "no",
        headline: `No: ${asked} is older than the first ${name} release ${lists}, ${outcome.first.rule.label}.`,
        reasons: [
          ...rowsOf(outcome.listings, product),
          ...extra,
          ...(outcome.first.row.belowRange ? [outcome.first.row.belowRange] : []),
        ],
        notes: [],
      };

    case "between":
      return {
        suggestions: [],
        verdict: "no",
        headline: `No: ${product.table === null ? "the page does not name" : `${table} does not list`} ${asked} as a dom0; for ${name} it lists ${labels(outcome.listings)}.`,
        reasons: [...rowsOf(outcome.listings, product), ...extra],
        notes: [],
      };

    case "newer":
      if (wording.existed) {
        return {
          suggestions: [],
          verdict: "no",
          headline: `No: ${table} does not list ${asked} as a dom0, though it was released${wording.released ? ` on ${wording.released}` : ""}, before ${table} was written; for ${name} it lists ${labels(outcome.listings)}.`,
          reasons: [...rowsOf(outcome.listings, product), ...extra, asOf],
          notes: [],
        };
      }
      return {
        suggestions: [],
        verdict: "unlisted",
        headline: `Not in ${table}: ${asked}${wording.released ? ` (released ${wording.released})` : ""} is newer than the ${name} releases ${table} lists (${labels(outcome.listings)}), and ${table} reflects the wiki as of ${view.source.asOf ?? view.source.dateText}.`,
        reasons: [
          ...rowsOf(outcome.listings, product),
          ...extra,
          "The table says nothing either way about later releases; check the distribution's own documentation.",
        ],
        notes: [],
      };
  }
}

/** Every row of a table source as one line each, for lists and unknown systems; built once per source and table. */
const tableLinesOf = new Memo<TableView, "linux" | "unix" | null, string[]>((view, table) =>
  view.products
    .filter((product) => product.table !== null && (table === null || product.table === table))
    .flatMap((product) => product.rows.map((row) => `${row.label}: ${describeVersions(row, view.notes)}`)),
);

export function tableLines(view: TableView, table: "linux" | "unix" | null): string[] {
  return tableLinesOf.get(view, table);
}

/** A row's versions in plain words, each with its Xen condition: "6.0 (Squeeze), needs Xen >= 4.0". */
export function describeVersions(row: Row, notes: ReadonlyMap<string, Note>): string {
  if (row.rules.some((rule) => rule.kind === "all" || rule.kind === "incomplete"))
    return withoutMarks(row.versions);
  return row.rules
    .map((rule) => {
      const condition = rule.notes.map((id) => notes.get(id)?.condition).find((found) => found !== undefined);
      return condition ? `${rule.label} (needs Xen >= ${condition.xenMin})` : rule.label;
    })
    .join(", ");
}
