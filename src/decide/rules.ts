import type { Note, Row, Rule, Variant } from "../dataset/schema.js";
import { Memo } from "../memo.js";
import type { Verdict } from "../types.js";
import { compareVersions, inLine, isLineOf, parseVersion, type VersionParts } from "../version.js";
import type { ProductRows as Product } from "./scope.js";

/** One row rule with the row it belongs to. */
export interface Listing {
  row: Row;
  rule: Rule;
}

/** A condition from a note (Xen >= 4.0) and whether the question's Xen version meets it. */
export interface ConditionCheck {
  note: Note;
  xenMin: string;
  /** true: met, false: fails, null: the question named no Xen version. */
  met: boolean | null;
}

/** What the table says of one product (and version): expected outcomes as data, never exceptions. */
export type SupportOutcome =
  | { kind: "not-dom0"; reason: string }
  | { kind: "listed"; listing: Listing; conditions: ConditionCheck[] }
  | { kind: "product"; listings: Listing[]; failing: Listing[]; conditions: ConditionCheck[] }
  | { kind: "line"; covered: string[]; uncovered: string[]; listings: Listing[] }
  | { kind: "older"; first: Listing; listings: Listing[] }
  | { kind: "between"; listings: Listing[] }
  | { kind: "newer"; listings: Listing[] };

/** The rules that answer for a product, or for a variant (only its rows); built once per source and product. */
const listingsOf = new Memo<Product, Variant | null, Listing[]>((product, variant) => {
  const rows = variant ? product.rows.filter((row) => variant.rows.includes(row.id)) : product.rows;
  return rows.flatMap((row) => row.rules.map((rule) => ({ row, rule })));
});

/** True when the rule lists this version. */
export function covers(rule: Rule, version: VersionParts): boolean {
  switch (rule.kind) {
    case "line":
      return inLine(version, parseVersion(rule.version));
    case "from":
      return compareVersions(version, parseVersion(rule.version)) >= 0;
    case "all":
    case "incomplete":
      return true;
  }
}

function checkConditions(
  rule: Rule,
  notes: ReadonlyMap<string, Note>,
  xen: VersionParts | null,
): ConditionCheck[] {
  const checks: ConditionCheck[] = [];
  for (const id of rule.notes) {
    const note = notes.get(id);
    if (!note?.condition) continue;
    const met = xen === null ? null : compareVersions(xen, parseVersion(note.condition.xenMin)) >= 0;
    checks.push({ note, xenMin: note.condition.xenMin, met });
  }
  return checks;
}

const failsAny = (checks: readonly ConditionCheck[]) => checks.some((check) => check.met === false);

/** Applies the table's rules for one product to a version (or none) and a Xen version (or none). */
export function resolveSupport(
  product: Product,
  variant: Variant | null,
  version: VersionParts | null,
  xen: VersionParts | null,
  notes: ReadonlyMap<string, Note>,
): SupportOutcome {
  if (product.notDom0 !== undefined) return { kind: "not-dom0", reason: product.notDom0 };
  const listings = listingsOf.get(product, variant);

  if (version === null) {
    const failing = listings.filter(({ rule }) => failsAny(checkConditions(rule, notes, xen)));
    const conditions = listings.flatMap(({ rule }) => checkConditions(rule, notes, xen));
    return { kind: "product", listings, failing, conditions };
  }

  const direct = listings.find(({ rule }) => covers(rule, version));
  if (direct)
    return { kind: "listed", listing: direct, conditions: checkConditions(direct.rule, notes, xen) };

  // A whole line asked ("CentOS 6", "Ubuntu 12"): judge each known release in it.
  const members = product.releases
    .map((release) => release.version)
    .filter((v) => isLineOf(version, parseVersion(v)));
  const covered = members.filter((member) => listings.some(({ rule }) => covers(rule, parseVersion(member))));
  if (covered.length > 0) {
    const uncovered = members.filter((member) => !covered.includes(member));
    return { kind: "line", covered, uncovered, listings };
  }

  const ranked = listings
    .filter(({ rule }) => rule.kind === "line" || rule.kind === "from")
    .sort((a, b) => compareVersions(parseVersion(versionOf(a.rule)), parseVersion(versionOf(b.rule))));
  const first = ranked[0];
  if (first && compareVersions(version, parseVersion(versionOf(first.rule))) < 0) {
    return { kind: "older", first, listings };
  }
  const last = ranked.at(-1);
  const openEnded = listings.some(({ rule }) => rule.kind !== "line");
  const beyondLast = last !== undefined && compareVersions(version, parseVersion(versionOf(last.rule))) > 0;
  return !openEnded && beyondLast ? { kind: "newer", listings } : { kind: "between", listings };
}

function versionOf(rule: Rule): string {
  return rule.kind === "line" || rule.kind === "from" ? rule.version : "0";
}

/**
 * The verdict a table's rules give: listed and every Xen condition met is yes; an "Incomplete" row, or a line
 * only partly covered, is partial; a version outside the rows is no, unless it came out after the table was
 * written (`existed` false), when the table cannot have spoken of it.
 */
export function verdictOf(outcome: SupportOutcome, existed: boolean): Verdict {
  switch (outcome.kind) {
    case "not-dom0":
    case "older":
    case "between":
      return "no";
    case "listed":
      if (outcome.conditions.some((check) => check.met === false)) return "no";
      return outcome.listing.rule.kind === "incomplete" ? "partial" : "yes";
    case "product": {
      const working = outcome.listings.filter((listing) => !outcome.failing.includes(listing));
      if (working.length === 0) return "no";
      return working.every(({ rule }) => rule.kind === "incomplete") ? "partial" : "yes";
    }
    case "line":
      return outcome.uncovered.length === 0 ? "yes" : "partial";
    case "newer":
      return existed ? "no" : "unlisted";
  }
}
