import type { Source, XenRelease } from "../dataset/schema.js";
import { compareVersions, parseVersion } from "../version.js";
import { longDate } from "./dates.js";
import { joinWords } from "./names.js";
import type { Composed } from "./support.js";

function status(release: XenRelease, day: string): string {
  if (day < release.released) return `not yet released on ${longDate(day)}`;
  if (day <= release.fullUntil) return "fully supported";
  if (day <= release.securityUntil) return "security-supported only";
  return "out of support";
}

function describe(release: XenRelease, day: string): string {
  return `Xen ${release.version} (released ${longDate(release.released)}): ${status(release, day)} on ${longDate(day)}; full support until ${longDate(release.fullUntil)}, security support until ${longDate(release.securityUntil)}.`;
}

/** Which Xen releases are supported on the day asked, or how one release stands, from the support table. */
export function composeXenSupport(
  source: Source,
  text: readonly string[],
  xen: string | null,
  day: string,
): Composed {
  const releases = [...(source.xenReleases ?? [])].sort((a, b) =>
    compareVersions(parseVersion(a.version), parseVersion(b.version)),
  );
  const asked = xen === null ? undefined : releases.find((release) => release.version === xen);
  const oldest = releases[0];
  if (xen !== null && asked === undefined) {
    const older = oldest && compareVersions(parseVersion(xen), parseVersion(oldest.version)) < 0;
    return {
      verdict: null,
      headline: older
        ? `Xen ${xen} is older than every release in Xen's support table (from ${oldest.version}): it is out of support.`
        : `Xen's support table does not list Xen ${xen}.`,
      reasons: releases.map((release) => describe(release, day)),
      notes: [],
      suggestions: [],
    };
  }
  if (asked) {
    return {
      verdict: null,
      headline: describe(asked, day),
      reasons: [...text],
      notes: [],
      suggestions: [],
    };
  }
  const security = releases.filter((release) => release.released <= day && day <= release.securityUntil);
  const full = security.filter((release) => day <= release.fullUntil);
  const versions = (list: readonly XenRelease[]) => joinWords(list.map((release) => release.version));
  return {
    verdict: null,
    headline: security.length
      ? `On ${longDate(day)}, Xen ${versions(security)} get security fixes${full.length ? `; ${versions(full)} are also fully supported (bug fixes)` : ""}.`
      : `On ${longDate(day)}, no Xen release in the support table is supported.`,
    reasons: [...text, ...releases.map((release) => describe(release, day))],
    notes: [],
    suggestions: [],
  };
}
