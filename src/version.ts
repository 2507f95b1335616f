/** Versions as number lists: "12.04" -> [12, 4], "2.6.37" -> [2, 6, 37]. */
export type VersionParts = readonly number[];

const parsed = new Map<string, VersionParts>();
const MAX_REMEMBERED = 10_000;

/** Parses "12.04" into [12, 4]; the dataset's few hundred versions are parsed once and remembered. */
export function parseVersion(text: string): VersionParts {
  let parts = parsed.get(text);
  if (parts === undefined) {
    parts = Object.freeze(text.split(".").map((part) => Number.parseInt(part, 10)));
    if (parsed.size >= MAX_REMEMBERED) parsed.clear();
    parsed.set(text, parts);
  }
  return parts;
}

/** Compares component by component; a missing component counts as 0 ("7" equals "7.0"). */
export function compareVersions(a: VersionParts, b: VersionParts): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** True when `version` lies in the release line `prefix`: 7.4 is in 7, 12.04.3 is in 12.04. */
export function inLine(version: VersionParts, prefix: VersionParts): boolean {
  if (version.length < prefix.length) return false;
  return prefix.every((part, i) => version[i] === part);
}

/** True when `version` names a whole line that contains `release`: "6" contains 6.4, "12" contains 12.04. */
export function isLineOf(version: VersionParts, release: VersionParts): boolean {
  return version.length < release.length && inLine(release, version);
}
