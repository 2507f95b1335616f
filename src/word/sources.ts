import type { Source } from "../dataset/schema.js";
import type { Decision, Finding } from "../decide/findings.js";
import type { SourceFinding, SourceRef, Verdict } from "../types.js";
import { capital } from "./names.js";
import { type Composed, composeSupport } from "./support.js";

export function sourceRef(source: Source): SourceRef {
  return {
    id: source.id,
    title: source.title,
    site: source.site,
    revision: source.date,
    dateText: source.dateText,
    url: source.url,
  };
}

const sourceNames = new WeakMap<Source, string>();

/** The name an answer gives a source in a sentence: "the wiki's current table (read 28 November 2026)". */
export function sourceName(source: Source): string {
  let name = sourceNames.get(source);
  if (name === undefined) {
    // The time and author a wiki revision adds in parentheses are for the list of sources, not a sentence.
    name = `${source.short} (${source.dateText.replace(/\s*\([^()]*\)$/, "")})`;
    sourceNames.set(source, name);
  }
  return name;
}

/** A `sources` entry for a source the answer stands on without a per-release verdict (a list, a topic). */
export function citedSource(source: Source, verdict: Verdict | null, says: string): SourceFinding {
  return { id: source.id, title: source.title, url: source.url, date: source.date, verdict, says };
}

/** The contract's `sources` entries, newest first. */
export function sourceFindings(findings: readonly Finding[]): SourceFinding[] {
  return findings.map((finding) =>
    citedSource(finding.on.source, finding.verdict, finding.says || "It says nothing about this release."),
  );
}

/** The question as the wording names it. */
export interface Asked {
  /** The name as asked: "Scientific Linux" for a RHEL clone, else the product's name. */
  name: string;
  remark: string | undefined;
  version: string | null;
  xen: string | null;
  /** The release date of the version asked about, in words, or null. */
  released: string | null;
  /** True when only one table source is in scope: it is then simply "the table". */
  oneTable: boolean;
}

/** The whole answer as one table source alone would give it; null for a document's statements. */
export function composeFinding(finding: Finding, asked: Asked): Composed | null {
  const table = finding.table;
  if (table === null) return null;
  return composeSupport(
    {
      product: table.product,
      name: asked.name,
      remark: asked.remark,
      version: asked.version,
      xen: asked.xen,
    },
    table.outcome,
    finding.on,
    {
      table: asked.oneTable ? "the table" : finding.on.source.short,
      released: asked.released,
      existed: table.existed,
    },
  );
}

const LEADS: Record<Verdict, string> = { yes: "Yes", no: "No", partial: "Partly", unlisted: "Not listed" };

/** One line that says where an older or other source differs from the answer's verdict. */
function differenceLine(finding: Finding, deciding: Finding, asked: Asked, title: string): string {
  const name = capital(sourceName(finding.on.source));
  const tense = finding.on.source.date < deciding.on.source.date ? "said" : "says";
  const composed = composeFinding(finding, asked);
  if (composed) return `${name} ${tense}: ${composed.headline}`;
  return `${name} ${tense} of ${title}: ${finding.says}`;
}

/**
 * The answer across sources: today's verdict first, naming the deciding source and its date; where another
 * source said something else, that too; then the reasons and the facts the sources add.
 */
export function composeAcross(
  decision: Decision,
  findings: readonly Finding[],
  asked: Asked,
  title: string,
): Composed {
  const { deciding, narrowedFrom } = decision;
  const facts = [...new Set(findings.flatMap((finding) => finding.facts.map((fact) => fact.says)))];
  if (deciding === null) {
    const latest = findings.find((finding) => finding.table);
    const base = latest && composeFinding(latest, asked);
    return {
      verdict: "unlisted",
      headline: base?.headline ?? `Not listed: no source I have says whether ${title} works as a dom0.`,
      reasons: [...(base?.reasons ?? []), ...facts],
      notes: base?.notes ?? [],
      suggestions: [],
    };
  }
  let headline: string;
  let reasons: string[];
  const decided = composeFinding(deciding, asked);
  const notes = decided?.notes ?? [];
  if (narrowedFrom) {
    const older = composeFinding(narrowedFrom, asked);
    headline = `Partly: ${sourceName(narrowedFrom.on.source)} listed ${title}, but ${sourceName(deciding.on.source)} no longer names it. ${deciding.says}`;
    reasons = [
      ...(older ? [`${capital(narrowedFrom.on.source.short)} said: ${older.headline}`] : []),
      ...(decided?.reasons ?? []),
    ];
  } else if (decided) {
    headline = `${decided.headline.replace(/\.$/, "")} (${deciding.on.source.dateText}).`;
    reasons = [...decided.reasons];
  } else {
    headline = `${LEADS[decision.verdict]}, according to ${sourceName(deciding.on.source)}: ${deciding.says}`;
    reasons = [];
  }
  const differing = findings.filter(
    (finding) =>
      finding !== deciding &&
      finding !== narrowedFrom &&
      (finding.verdict !== decision.verdict || finding.strength === "silent") &&
      (finding.table !== null || finding.strength !== "silent"),
  );
  const agreeing = findings.filter(
    (finding) =>
      finding !== deciding && !differing.includes(finding) && finding !== narrowedFrom && finding.says !== "",
  );
  for (const finding of differing) reasons.push(differenceLine(finding, deciding, asked, title));
  for (const finding of agreeing) reasons.push(`${capital(sourceName(finding.on.source))}: ${finding.says}`);
  reasons.push(...facts);
  return { verdict: decision.verdict, headline, reasons, notes, suggestions: [] };
}
