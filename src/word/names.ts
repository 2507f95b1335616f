import type { Product, Row } from "../dataset/schema.js";
import { Memo } from "../memo.js";
import { inLine, isLineOf, parseVersion } from "../version.js";

/** Per product's release list (shared by its table views, and never by another dataset's core). */
const described = new Memo<Product["releases"], string, string>(
  (releases, version) => findDescription(releases, version),
  1000,
);

/** "6.0 (Squeeze)" when the release has a codename, else the version as asked. */
export function describeVersion(product: Product, version: string): string {
  return described.get(product.releases, version);
}

function findDescription(releases: Product["releases"], version: string): string {
  const parts = parseVersion(version);
  const containing = releases.find((candidate) => inLine(parts, parseVersion(candidate.version)));
  // "Debian 6" is one release (6.0, Squeeze); "Ubuntu 12" is two, so it gets no codename.
  const within = releases.filter((candidate) => isLineOf(parts, parseVersion(candidate.version)));
  const release = containing ?? (within.length === 1 ? within[0] : undefined);
  return release?.codename ? `${version} (${release.codename})` : version;
}

/** A Versions cell without its footnote marks: "6.0 (Squeeze)[1]" -> "6.0 (Squeeze)". */
export function withoutMarks(text: string): string {
  return text
    .replace(/\s*\[\d+\]/g, "")
    .replace(/\s+,/g, ",")
    .trim();
}

/** "the 2014 table" -> "The 2014 table": a sentence may start with a source's name. */
export function capital(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Joins phrases as a person would: "a", "a and b", "a, b and c". */
export function joinWords(items: readonly string[], last = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1)}`;
}

const rowDescriptions = new WeakMap<Row, string>();

/** 'the row "Ubuntu": 11.10, 12.04 LTS', built once per row. */
export function describeRow(row: Row): string {
  let description = rowDescriptions.get(row);
  if (description === undefined) {
    description = `the row "${row.label}": ${withoutMarks(row.versions)}`;
    rowDescriptions.set(row, description);
  }
  return description;
}
