import type { Product, Release } from "../dataset/schema.js";
import { inLine, isLineOf, parseVersion } from "../version.js";

const releaseLookups = new WeakMap<Product, Map<string, Release | null>>();
const MAX_REMEMBERED_VERSIONS = 1000;

/** The catalogue release a version falls in ("7.4" in Debian 7), or the first release of a line ("6" -> 6.0). */
export function releaseOf(product: Product, version: string | null): Release | null {
  if (version === null) return null;
  let known = releaseLookups.get(product);
  if (known === undefined) {
    known = new Map();
    releaseLookups.set(product, known);
  }
  let release = known.get(version);
  if (release === undefined) {
    release = findRelease(product, version);
    if (known.size >= MAX_REMEMBERED_VERSIONS) known.clear();
    known.set(version, release);
  }
  return release;
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
