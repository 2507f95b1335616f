import type { Release, Statement, StatementMatch, Variant } from "../dataset/schema.js";
import { Memo } from "../memo.js";
import type { Verdict } from "../types.js";
import { compareVersions, inLine, parseVersion, type VersionParts } from "../version.js";
import { resolveSupport, type SupportOutcome, verdictOf } from "./rules.js";
import type { ProductRows, SourceOnProduct } from "./scope.js";

/**
 * How a source speaks of a release: it names it (a closed row, an older-than-first release, a document's
 * statement), covers it only by open wording ("and newer", "All versions"), left it out though it existed,
 * or is silent (it came out later, or the source says nothing of it).
 */
export type Strength = "named" | "open" | "absent" | "silent";

/** What one source alone says of the release (or product) asked about. */
export interface Finding {
  on: SourceOnProduct;
  verdict: Verdict;
  strength: Strength;
  /** One sentence: what it states about it. */
  says: string;
  /** What a table source's rules give for it (table sources), for the wording to explain. */
  table: TableFinding | null;
  /** The statement that decided it (document sources). */
  statement: Statement | null;
  /** Facts worth saying that decide nothing (end of life, security support). */
  facts: Statement[];
}

/** A table source's outcome and what the wording needs besides it. */
export interface TableFinding {
  product: ProductRows;
  outcome: SupportOutcome;
  /** True when the release asked about came out on or before the table's date (left out, not newer). */
  existed: boolean;
}

export interface ReleaseQuery {
  variant: Variant | null;
  name: string;
  version: string | null;
  xen: string | null;
  /** The catalogue release the version falls in, if known. */
  release: Release | null;
}

function matches(match: StatementMatch, version: VersionParts): boolean {
  switch (match.kind) {
    case "all":
      return true;
    case "line":
      return inLine(version, parseVersion(match.version));
    case "from":
      return compareVersions(version, parseVersion(match.version)) >= 0;
    case "before":
      return compareVersions(version, parseVersion(match.version)) < 0;
  }
}

/** The statement that speaks for the whole product: an "all" statement, else the widest "from" that says yes. */
export function productStatement(statements: readonly Statement[]): Statement | null {
  const all = statements.find((statement) => statement.match.kind === "all" && statement.verdict !== null);
  if (all) return all;
  const from = statements
    .filter((statement) => statement.match.kind === "from" && statement.verdict === "yes")
    .sort((a, b) =>
      compareVersions(
        parseVersion("version" in a.match ? a.match.version : "0"),
        parseVersion("version" in b.match ? b.match.version : "0"),
      ),
    );
  return from[0] ?? null;
}

function fromStatements(on: SourceOnProduct, query: ReleaseQuery): Finding {
  // A document about a distribution does not speak for its clones (Xen4CentOS is not Rocky Linux).
  const statements = query.variant ? [] : on.statements;
  const version = query.version === null ? null : parseVersion(query.version);
  const matching =
    version === null ? [] : statements.filter((statement) => matches(statement.match, version));
  const deciding =
    version === null
      ? productStatement(statements)
      : (matching.find((statement) => statement.verdict !== null) ?? null);
  const facts = matching.filter((statement) => statement.verdict === null);
  if (deciding === null || deciding.verdict === null) {
    return { on, verdict: "unlisted", strength: "silent", says: "", table: null, statement: null, facts };
  }
  return {
    on,
    verdict: deciding.verdict,
    strength: "named",
    says: deciding.says,
    table: null,
    statement: deciding,
    facts,
  };
}

const NO_FACTS: Statement[] = [];
/** What a table source's rows for the product (or variant) list, in a sentence; null when it has none. */
const rowSayings = new Memo<ProductRows, Variant | null, string | null>((product, variant) => {
  const rows = product.rows.filter((row) => !variant || variant.rows.includes(row.id));
  return rows.length
    ? rows.map((row) => `Its row "${row.label}" lists ${row.versions.replace(/\s*\[\d+\]/g, "")}.`).join(" ")
    : null;
});

function fromTable(on: SourceOnProduct, product: ProductRows, query: ReleaseQuery): Finding {
  const version = query.version === null ? null : parseVersion(query.version);
  const outcome = resolveSupport(
    product,
    query.variant,
    version,
    query.xen === null ? null : parseVersion(query.xen),
    on.notes,
  );
  const existed = query.release?.released !== undefined && query.release.released <= on.source.date;
  const says = rowSayings.get(product, query.variant);
  const table = { product, outcome, existed };
  const finding = (verdict: Verdict, strength: Strength): Finding => ({
    on,
    verdict,
    strength,
    says: says ?? `It has no row for ${query.name}.`,
    table,
    statement: null,
    facts: NO_FACTS,
  });
  if (says === null) return finding("unlisted", "silent");
  const verdict = verdictOf(outcome, existed);
  switch (outcome.kind) {
    case "listed": {
      const open = outcome.listing.rule.kind === "from" || outcome.listing.rule.kind === "all";
      return finding(verdict, open && version !== null ? "open" : "named");
    }
    case "newer":
      return finding(verdict, existed ? "absent" : "silent");
    default:
      return finding(verdict, "named");
  }
}

/** What one source says of the release asked about, or of the product when no version is asked. */
export function findingOf(on: SourceOnProduct, query: ReleaseQuery): Finding {
  if (on.product && on.product.rows.length > 0) return fromTable(on, on.product, query);
  return fromStatements(on, query);
}

const RANK: Record<Strength, number> = { named: 0, open: 1, absent: 2, silent: 3 };

/** The decision across sources: its verdict, the source that decides it, and a row narrowed later. */
export interface Decision {
  verdict: Verdict;
  deciding: Finding | null;
  /** Set when an older revision of the same document listed the release and the newer one no longer does. */
  narrowedFrom: Finding | null;
}

/**
 * A source that names the release beats one that covers it only by open wording (a withdrawal overrides an
 * "All versions since 11"), which beats one that merely left it out; among equals the newest wins. The source
 * named as deciding is the newest one that agrees with the verdict.
 */
export function decide(findings: readonly Finding[]): Decision {
  const speaking = findings.filter((finding) => finding.strength !== "silent");
  const best = [...speaking].sort(
    (a, b) => RANK[a.strength] - RANK[b.strength] || b.on.source.date.localeCompare(a.on.source.date),
  )[0];
  if (!best) return { verdict: "unlisted", deciding: null, narrowedFrom: null };
  const document = best.on.source.document;
  const narrowedFrom =
    best.verdict === "no" && document !== undefined
      ? (speaking.find(
          (finding) =>
            finding !== best &&
            finding.on.source.document === document &&
            finding.on.source.date < best.on.source.date &&
            finding.verdict === "yes" &&
            finding.strength === "named",
        ) ?? null)
      : null;
  if (narrowedFrom) return { verdict: "partial", deciding: best, narrowedFrom };
  const deciding =
    best.strength === "named" && best.verdict !== "yes"
      ? best
      : (speaking
          .filter((finding) => finding.verdict === best.verdict && finding.strength !== "absent")
          .sort((a, b) => b.on.source.date.localeCompare(a.on.source.date))[0] ?? best);
  return { verdict: best.verdict, deciding, narrowedFrom: null };
}
