/**
 * The hand decisions of data/sources/wiki-*.json that no grammar of the page could derive, keyed by row id
 * and written out here so that the importer applies them openly (each is listed in its summary) instead of
 * pretending the page says them. A cell decision is pinned to the exact Versions cell it was made for: when
 * the page changes that cell, the decision no longer applies and the grammar reads the new cell alone.
 */
import type { Rule } from "../dataset/schema.js";
import type { VersionsOptions } from "./versions.js";

/** How a row numbers its releases, by row id. */
export const VERSION_SCHEMES: Readonly<Record<string, VersionsOptions["scheme"]>> = {
  // wiki-*.json "debian" decision: every Debian release since 4.0 is one major number, so "4.0 (Etch)" and
  // "7.0 / 7.1 / 7.2 (Wheezy)" are the release lines 4 and 7, and a point release such as 7.4 is answered
  // as the release it belongs to.
  debian: "major",
};

/** A decision about one row's Versions cell as the page words it. */
export interface CellDecision {
  row: string;
  versions: string;
  why: string;
  /** Marks the page prints on the cell that the data does not attach. */
  dropMarks?: string[];
  /** Notes (by id, without a mark on the page) the data adds to every rule of the row. */
  addNotes?: string[];
  /** The rules in place of the grammar's, when the cell says more than a phrasing of versions. */
  rules?: Rule[];
}

/** The cell decisions, each pinned to the Versions cell as the page words it. */
export const CELL_DECISIONS: readonly CellDecision[] = [
  {
    row: "fedora",
    versions: "15 (Lovelock)[4], 16 (Verne), 17 (Beefy Miracle) [1]",
    why: "mark [4] ('Based on Ubuntu 12.04 and 12.10 resp.') is misplaced on Fedora 15: not attached",
    dropMarks: ["4"],
  },
  {
    row: "centos-6.4",
    versions: "6.4 and newer (see announcement)",
    why: "the link to the CentOS announcement is kept as the note centos-announcement",
    addNotes: ["centos-announcement"],
  },
  {
    row: "xenserver",
    versions:
      "All versions, but open source from XenServer 6.2. Before that XCP was available as an open source subset of XenServer.",
    why: "the remark on open source is the note xenserver-open-source, not a limit on versions",
    rules: [{ kind: "all", label: "All versions", notes: ["xenserver-open-source"] }],
  },
  {
    row: "xenserver",
    versions: "All versions, but open source from XenServer 6.2. Before that XCP",
    why: "the remark on open source is the note current-xenserver-open-source, not a limit on versions",
    rules: [{ kind: "all", label: "All versions", notes: ["current-xenserver-open-source"] }],
  },
];

/**
 * Rows of the data that are not rows of the page's tables, carried over unchanged from the source compared
 * with. "mainline": Linux itself, from the page's guidance and its FAQ (pv_ops dom0 upstream since 2.6.37).
 */
export const CARRIED_ROWS: readonly string[] = ["mainline"];

/** The cell decision for a row's Versions cell, if one was made for exactly this wording. */
export function cellDecision(row: string, versions: string): CellDecision | undefined {
  return CELL_DECISIONS.find((decision) => decision.row === row && decision.versions === versions);
}
