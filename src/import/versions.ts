/**
 * The grammar of the page's Versions cells. A cell is a list of clauses separated by commas:
 *
 *   cell    := clause ("," clause)*
 *   clause  := item | remark                      a remark ("use …", "via …") only after an item
 *   item    := "All versions" | "All versions since" V | "Full support from" [Name] V "onwards"
 *            | V ["and newer" | "and later" | "onwards"] | V ["LTS"] ["only"] | V ("/" V)+ | "Incomplete"
 *   V       := digits ("." digits)* [".x"]         "5.x" is the release line 5
 *
 * Around an item: a codename in parentheses "(Wheezy)" (kept in the label), a date "(2012-05-02)" or a
 * reference "(see announcement)" (both left out of the label), and footnote marks "[1]". A mark written
 * right after an item, or after a space on any clause but the last, is that item's; marks after a space at
 * the very end of the cell are the whole list's ("15 (Lovelock), 16 (Verne) [1]"). Anything else is refused
 * with a reason: a phrasing the grammar does not know is left for a maintainer, never guessed.
 */
import { squeeze } from "./plain.js";

/** One rule as the cell says it, with its footnote marks ("1") still marks, not note ids. */
export type ReadRule =
  | { kind: "line" | "from"; version: string; label: string; marks: string[] }
  | { kind: "all" | "incomplete"; label: string; marks: string[] };

/** The rules of a Versions cell, or why it cannot be read. */
export type VersionsRead = { ok: true; rules: ReadRule[] } | { ok: false; reason: string };

/** "major": the product numbers each release by its major version alone (Debian since 4.0). */
export interface VersionsOptions {
  scheme?: "major";
}

const MAX_LENGTH = 400;
const V = String.raw`(\d{1,4}(?:\.\d{1,4}){0,3})(?:\.x)?`;
const PATTERNS: readonly [RegExp, ReadRule["kind"]][] = [
  [/^all versions$/i, "all"],
  [new RegExp(`^all versions since ${V}$`, "i"), "from"],
  [new RegExp(`^full support from (?:[A-Za-z][\\w-]* )?${V} onwards$`, "i"), "from"],
  [new RegExp(`^${V} (?:and newer|and later|onwards)$`, "i"), "from"],
  [new RegExp(`^${V}(?: LTS)?(?: only)?$`, "i"), "line"],
  [/^incomplete$/i, "incomplete"],
];
const SLASHED = new RegExp(`^${V}(?: / ${V})+$`);
const REMARK = /^(?:use|using|via) \S/i;
const CODENAME = /^[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REFERENCE = /^see\b/i;

type Clause =
  | { kind: "item"; rule: ReadRule; spacedEnd: string[] }
  | { kind: "remark"; text: string; spacedEnd: string[] };

/** Splits on commas outside parentheses; null when the parentheses do not pair. */
function clausesOf(text: string): string[] | null {
  const clauses: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "(") depth++;
    else if (char === ")" && --depth < 0) return null;
    else if (char === "," && depth === 0) {
      clauses.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) return null;
  clauses.push(text.slice(start).trim());
  return clauses;
}

/** The longest run of leading numbers the versions share ("7.0 / 7.1 / 7.2" → "7"); "" when none. */
function commonLine(versions: readonly string[]): string {
  const parts = versions.map((version) => version.split("."));
  const first = parts[0] ?? [];
  let length = 0;
  while (length < first.length && parts.every((p) => p[length] === first[length])) length++;
  return first.slice(0, length).join(".");
}

function readClause(clause: string, options: VersionsOptions): Clause | string {
  const trailing = /((?:\s*\[\d{1,2}\])+)$/.exec(clause);
  const spaced = trailing !== null && /^\s/.test(trailing[1] ?? "");
  const body = spaced && trailing ? clause.slice(0, trailing.index) : clause;
  const marks = [...body.matchAll(/\[(\d{1,2})\]/g)].map((found) => found[1] ?? "");
  const spacedEnd = spaced && trailing ? [...(trailing[1] ?? "").matchAll(/\d+/g)].map((f) => f[0]) : [];
  let label = body.replace(/\[\d{1,2}\]/g, " ");
  if (/[[\]]/.test(label)) return `"${clause}": brackets that are not a footnote mark like [1]`;
  let refused = "";
  label = label.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => {
    const words = squeeze(inner);
    if (DATE.test(words) || REFERENCE.test(words)) return " ";
    if (!CODENAME.test(words))
      refused ||= `"(${words})" is neither a codename, a date nor a "see …" reference`;
    return whole;
  });
  if (refused) return refused;
  label = squeeze(label);
  const core = squeeze(label.replace(/\([^()]*\)/g, " "));
  if (REMARK.test(core) && marks.length === 0) return { kind: "remark", text: label, spacedEnd };
  let rule: ReadRule | null = null;
  const slashed = SLASHED.exec(core);
  if (slashed) {
    const version = commonLine(core.split(" / ").map((part) => part.replace(/\.x$/, "")));
    if (!version) return `"${core}" names no one release line`;
    rule = { kind: "line", version, label, marks };
  }
  for (const [pattern, kind] of PATTERNS) {
    if (rule) break;
    const found = pattern.exec(core);
    if (!found) continue;
    const version = found[1];
    rule =
      kind === "all" || kind === "incomplete"
        ? { kind, label, marks }
        : version === undefined
          ? null
          : { kind, version, label, marks };
  }
  if (!rule) return `"${squeeze(clause)}" is not a Versions phrasing the importer knows`;
  if (options.scheme === "major" && "version" in rule)
    rule.version = rule.version.split(".")[0] ?? rule.version;
  return { kind: "item", rule, spacedEnd };
}

/** Reads one Versions cell into rules, or refuses it with a reason a maintainer can act on. */
export function readVersions(cell: string, options: VersionsOptions = {}): VersionsRead {
  const text = squeeze(cell);
  if (!text) return { ok: false, reason: "the Versions cell is empty" };
  if (text.length > MAX_LENGTH)
    return { ok: false, reason: `the Versions cell is over ${MAX_LENGTH} characters` };
  const clauses = clausesOf(text);
  if (!clauses) return { ok: false, reason: `"${text}": parentheses that do not pair` };
  const read: Clause[] = [];
  for (const clause of clauses) {
    const one = readClause(clause, options);
    if (typeof one === "string") return { ok: false, reason: one };
    read.push(one);
  }
  const rules: ReadRule[] = [];
  for (const [i, clause] of read.entries()) {
    const last = i === read.length - 1;
    const previous = rules.at(-1);
    if (clause.kind === "remark") {
      if (!previous) return { ok: false, reason: `"${clause.text}" is a remark with no version before it` };
      previous.label += `, ${clause.text}`;
    } else rules.push(clause.rule);
    if (!last) (clause.kind === "item" ? clause.rule : previous)?.marks.push(...clause.spacedEnd);
  }
  const whole = read.at(-1)?.spacedEnd ?? [];
  for (const rule of rules) rule.marks = [...new Set([...rule.marks, ...whole])];
  const alone = rules.find((rule) => rule.kind === "all" || rule.kind === "incomplete");
  if (alone && rules.length > 1)
    return { ok: false, reason: `"${alone.label}" beside other versions in one cell is contradictory` };
  return { ok: true, rules };
}
