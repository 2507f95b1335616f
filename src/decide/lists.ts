/**
 * Lists with a condition: which releases of a product (or which systems) the sources say work, or do not, in a
 * range, with a Xen version, the newest or oldest. The verdicts come from the same decision as a single
 * question's (passed in), so a list never disagrees with asking about one of its entries.
 */
import type { Product, Release } from "../dataset/schema.js";
import type { Verdict } from "../types.js";
import type { ListFilter } from "../understand/intent.js";
import { compareVersions, parseVersion } from "../version.js";
import type { Scope } from "./scope.js";

/** One release, or one system, as the list decides it. */
export interface ListEntry {
  product: Product;
  release: Release | null;
  verdict: Verdict;
}

/** A release's or system's verdict on the day, with a Xen version or none. */
export type VerdictOf = (product: Product, version: string | null, xen: string | null) => Verdict;

/** Just below a Xen version: "4.0" -> "3.99", to ask whether a release works without it. */
function below(xen: string): string {
  const [major = 0, minor = 0] = parseVersion(xen);
  return minor > 0 ? `${major}.${minor - 1}.99` : `${major - 1}.99`;
}

/** The releases out by `asOf`, oldest first. */
function releasedBy(product: Product, asOf: string): Release[] {
  return product.releases
    .filter((release) => release.released !== undefined && release.released <= asOf)
    .sort((a, b) => compareVersions(parseVersion(a.version), parseVersion(b.version)));
}

/** The releases of one product the filter keeps, each with its verdict. */
export function filterReleases(
  product: Product,
  filter: ListFilter,
  asOf: string,
  verdictOf: VerdictOf,
): ListEntry[] {
  const inRange = releasedBy(product, asOf).filter((release) => {
    const parts = parseVersion(release.version);
    if (filter.before !== null && compareVersions(parts, parseVersion(filter.before)) >= 0) return false;
    if (filter.after !== null && compareVersions(parts, parseVersion(filter.after)) <= 0) return false;
    return !filter.lts || release.lts === true;
  });
  const entries = inRange.flatMap((release): ListEntry[] => {
    const verdict = verdictOf(product, release.version, filter.withXen);
    if (filter.needsXen !== null) {
      if (verdict !== "yes") return [];
      const without = verdictOf(product, release.version, below(filter.needsXen));
      const needs = without === "no";
      return needs !== filter.negative ? [{ product, release, verdict }] : [];
    }
    const keep = filter.dropped
      ? verdict === "partial" || (filter.negative && verdict === "no")
      : filter.negative
        ? verdict === "no"
        : verdict === "yes" || verdict === "partial";
    return keep ? [{ product, release, verdict }] : [];
  });
  if (filter.pick === "newest") return entries.filter((entry) => entry.verdict === "yes").slice(-1);
  if (filter.pick === "oldest") return entries.filter((entry) => entry.verdict === "yes").slice(0, 1);
  return entries;
}

/** The systems the filter keeps (no product named): every product of the tables, less the ones excluded. */
export function filterSystems(
  products: readonly Product[],
  filter: ListFilter,
  table: "linux" | "unix" | null,
  verdictOf: VerdictOf,
): ListEntry[] {
  const excluded = new Set(filter.excluding.map((product) => product.id));
  return products
    .filter(
      (product) =>
        product.table !== null &&
        product.notDom0 === undefined &&
        (table === null || product.table === table) &&
        !excluded.has(product.id) &&
        (!filter.bsdOnly || /bsd/i.test(product.name)),
    )
    .flatMap((product): ListEntry[] => {
      const verdict = verdictOf(product, null, filter.withXen);
      const keep = filter.negative ? verdict === "no" : verdict === "yes" || verdict === "partial";
      return keep ? [{ product, release: null, verdict }] : [];
    });
}

/** One row of a table source, by the rules the filter keeps: "Debian: 6.0 (Squeeze), 7 (Wheezy)". */
export interface RowEntry {
  product: Product;
  label: string;
  rules: string[];
}

/** Rows whose rules need a Xen version ("needs Xen >= 4.0") or are marked incomplete, in the newest tables. */
export function filterRows(scope: Scope, filter: ListFilter): RowEntry[] {
  const views = [...new Set(scope.tables.values())];
  return views.flatMap((view) =>
    view.products.flatMap((product) =>
      product.rows.flatMap((row): RowEntry[] => {
        const rules = row.rules.filter((rule) =>
          filter.incomplete
            ? rule.kind === "incomplete"
            : rule.notes.some((id) => view.notes.get(id)?.condition?.xenMin === filter.needsXen),
        );
        return rules.length > 0
          ? [{ product, label: row.label, rules: rules.map((rule) => rule.label) }]
          : [];
      }),
    ),
  );
}
