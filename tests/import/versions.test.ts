import { describe, expect, it } from "vitest";
import { type ReadRule, readVersions } from "../../src/import/index.js";

const line = (version: string, label: string, marks: string[] = []): ReadRule => ({
  kind: "line",
  version,
  label,
  marks,
});
const from = (version: string, label: string, marks: string[] = []): ReadRule => ({
  kind: "from",
  version,
  label,
  marks,
});

/** Each phrasing of the page (2014 and today) beside the rules it must read as. */
const READS: [string, ReadRule[]][] = [
  ["5.x", [line("5", "5.x")]],
  ["5.x only", [line("5", "5.x only")]],
  ["2009.06 [3]", [line("2009.06", "2009.06", ["3"])]],
  ["6.4 and newer", [from("6.4", "6.4 and newer")]],
  ["2.6.37 and later", [from("2.6.37", "2.6.37 and later")]],
  ["All versions", [{ kind: "all", label: "All versions", marks: [] }]],
  ["All versions since 11", [from("11", "All versions since 11")]],
  ["All versions since 11.10 [1]", [from("11.10", "All versions since 11.10", ["1"])]],
  ["Full support from Fedora 16 onwards", [from("16", "Full support from Fedora 16 onwards")]],
  ["7 (Wheezy)[1] and newer", [from("7", "7 (Wheezy) and newer", ["1"])]],
  ["Incomplete [4]", [{ kind: "incomplete", label: "Incomplete", marks: ["4"] }]],
  ["2.4.x[2]", [line("2.4", "2.4.x", ["2"])]],
  ["2.4.x (2012-05-02)[2] and newer", [from("2.4", "2.4.x and newer", ["2"])]],
  ["6.4 and newer (see announcement)", [from("6.4", "6.4 and newer")]],
  ["6.4 and newer, use Xen4CentOS (see announcement)", [from("6.4", "6.4 and newer, use Xen4CentOS")]],
  [
    "All versions since 1.3, via the meta-virtualization layer for ARM and x86",
    [from("1.3", "All versions since 1.3, via the meta-virtualization layer for ARM and x86")],
  ],
  ["7.0 / 7.1 / 7.2 (Wheezy)[1]", [line("7", "7.0 / 7.1 / 7.2 (Wheezy)", ["1"])]],
  [
    "4.0 (Etch), 5.0 (Lenny), 6.0 (Squeeze)[1]",
    [line("4.0", "4.0 (Etch)"), line("5.0", "5.0 (Lenny)"), line("6.0", "6.0 (Squeeze)", ["1"])],
  ],
  // A mark after a space at the very end is the whole list's; one right after an item is that item's.
  [
    "15 (Lovelock)[4], 16 (Verne), 17 (Beefy Miracle) [1]",
    [
      line("15", "15 (Lovelock)", ["4", "1"]),
      line("16", "16 (Verne)", ["1"]),
      line("17", "17 (Beefy Miracle)", ["1"]),
    ],
  ],
  ["11.10 [1], 12.04 LTS [1]", [line("11.10", "11.10", ["1"]), line("12.04", "12.04 LTS", ["1"])]],
  ["5.1, 6 [1] [2] [5]", [line("5.1", "5.1", ["1", "2", "5"]), line("6", "6", ["1", "2", "5"])]],
  ["10.x, 11.x", [line("10", "10.x"), line("11", "11.x")]],
];

/** Phrasings the grammar must refuse, each with words its reason must carry. */
const REFUSALS: [string, RegExp][] = [
  ["maybe 6", /"maybe 6" is not a Versions phrasing/],
  ["see talk page", /"see talk page" is not a Versions phrasing/],
  ["", /empty/],
  ["   ", /empty/],
  ["5.x, maybe 6", /"maybe 6"/],
  ["5.x (maybe)", /"\(maybe\)" is neither a codename, a date nor a "see …" reference/],
  ["6 and older", /"6 and older"/],
  ["All versions, 5.x", /contradictory/],
  ["7.0 / 8.0", /names no one release line/],
  ["5.x [a]", /brackets/],
  ["7 (Wheezy", /parentheses/],
  ["use Xen4CentOS", /no version before it/],
  ["All versions, but open source from XenServer 6.2. Before that XCP", /"but open source from XenServer/],
  ["{{Yes}}", /"\{\{Yes\}\}"/],
  [`${"5.x, ".repeat(100)}6.x`, /over 400 characters/],
];

describe("the Versions grammar", () => {
  it.each(READS)("reads %j", (cell, rules) => {
    expect(readVersions(cell)).toEqual({ ok: true, rules });
  });

  it.each(REFUSALS)("refuses %j, saying why", (cell, reason) => {
    const read = readVersions(cell);
    expect(read.ok).toBe(false);
    expect(read.ok ? "" : read.reason).toMatch(reason);
  });

  it("reads a release named by its major number as that line when the row says so (Debian)", () => {
    expect(readVersions("4.0 (Etch), 7.0 / 7.1 / 7.2 (Wheezy)[1]", { scheme: "major" })).toEqual({
      ok: true,
      rules: [line("4", "4.0 (Etch)"), line("7", "7.0 / 7.1 / 7.2 (Wheezy)", ["1"])],
    });
    expect(readVersions("7 (Wheezy)[1] and newer", { scheme: "major" })).toEqual({
      ok: true,
      rules: [from("7", "7 (Wheezy) and newer", ["1"])],
    });
  });

  it("reads spacing and no-break spaces as the page shows them", () => {
    expect(readVersions(" 10.x,\u00a011.x ")).toEqual({
      ok: true,
      rules: [line("10", "10.x"), line("11", "11.x")],
    });
  });
});
