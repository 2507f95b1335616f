import type { Product, Release } from "../dataset/schema.js";
import { Memo } from "../memo.js";
import { inLine, isLineOf, parseVersion } from "../version.js";

/** Versions asked about per product: a few hundred at most in practice, a thousand remembered. */
const releaseLookups = new Memo<Product, string, Release | null>(
  (product, version) => findRelease(product, version),
  1000,
);

/** The catalogue release a version falls in ("7.4" in Debian 7), or the first release of a line ("6" -> 6.0). */
export function releaseOf(product: Product, version: string | null): Release | null {
  return version === null ? null : releaseLookups.get(product, version);
}

function findRelease(product: Product, version: string): Release | null {
  const parts = parseVersion(version);
  const containing = product.releases
    .filter((release) => inLine(parts, parseVersion(release.version)))
    .sort((a, b) => parseVersion(b.version).length - parseVersion(a.version).length)[0];
  if (containing) return containing;
  const within = product.releases
    .filter((release) => isLineOf(parts, parseVersion(release.version)))
    .sort((a, b) => (a.released ?? "").localeCompare(b.released ?? ""));
  return within[0] ?? null;
}
