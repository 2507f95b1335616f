import type { Product, Row } from "./dataset/schema.js";
import { inLine, parseVersion } from "./version.js";

/** "6.0 (Squeeze)" when the release has a codename, else the version as asked. */
export function describeVersion(product: Product, version: string): string {
  const parts = parseVersion(version);
  const release = product.releases.find((candidate) => {
    const releaseParts = parseVersion(candidate.version);
    return inLine(parts, releaseParts) || inLine(releaseParts, parts);
  });
  return release?.codename ? `${version} (${release.codename})` : version;
}

/** A Versions cell without its footnote marks: "6.0 (Squeeze)[1]" -> "6.0 (Squeeze)". */
export function withoutMarks(text: string): string {
  return text
    .replace(/\s*\[\d+\]/g, "")
    .replace(/\s+,/g, ",")
    .trim();
}

/** Joins phrases as a person would: "a", "a and b", "a, b and c". */
export function joinWords(items: readonly string[], last = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1)}`;
}

/** "the row \"Ubuntu\" (11.10, 12.04 LTS)". */
export function describeRow(row: Row): string {
  return `the row "${row.label}": ${withoutMarks(row.versions)}`;
}
