import type { KernelReader, KernelString } from "./kernels.js";
import { translate } from "./languages.js";
import type { Lexicon, Mention } from "./lexicon.js";
import { normalizeText, type Token, tokenize } from "./text.js";

/** What a question names: systems, a version, a Xen version, and the words that decide its intent. */
export interface ParsedQuestion {
  normalized: string;
  tokens: Token[];
  words: ReadonlySet<string>;
  mentions: Mention[];
  /** Close-but-not-close-enough names, for "did you mean ...?". */
  nearMisses: string[];
  /** The version of the named system, as written ("12.04"), or null. */
  version: string | null;
  /** The Xen version named ("3.4"), or null. */
  xen: string | null;
  /** Every system the message asks about, in order, each with its own version: "rhel 5 and 6" is two. */
  subjects: Subject[];
  /** Kernel strings read as distribution releases ("2.6.32-5-xen-amd64": Debian 6.0). */
  kernels: KernelString[];
  /** The language the question was asked in when not English ("German"), else null. */
  language: string | null;
}

/** One system a message asks about, with the version written for it. */
export interface Subject {
  mention: Mention;
  version: string | null;
}

/** Words that join several releases of one system: "5 and 6", "5, 6 or 7", "12.04 vs 14.04". */
const JOINERS = new Set(["and", "or", "vs", "versus", "und", "oder", "et", "ou", "y", "o", "e", "и", "или"]);
/** At most this many systems are answered from one message. */
export const MAX_SUBJECTS = 5;

// Words that may stand between "Xen" and its version: "Xen 4.1", "Xen hypervisor version 4.1", "xen >= 4.0".
const XEN_FILLERS = new Set(["project", "hypervisor", "version", "v", "ver"]);
// Words that may stand between a system and its version: "Debian version 7", "Ubuntu release 12.04".
const VERSION_FILLERS = new Set(["version", "release", "v", "ver", "server", "linux", "lts"]);

/** Finds the Xen version ("Xen 3.4") and returns the index of its number token, or -1. */
function findXen(tokens: readonly Token[], taken: ReadonlySet<number>): number {
  for (let i = 0; i < tokens.length; i++) {
    // "Citrix Hypervisor 8.2" names a product, not Xen.
    if (taken.has(i)) continue;
    // "Xen 3.4", and "hypervisor 3.4" (Xen is the only hypervisor this page is about).
    const word = tokens[i]?.text;
    if (word !== "xen" && word !== "hypervisor") continue;
    let j = i + 1;
    while (j < tokens.length && XEN_FILLERS.has(tokens[j]?.text ?? "")) j++;
    // "Xen 4.1", "xen3.4", "Xen 4"; not a host name's number ("xen01").
    if (tokens[j]?.kind === "number" && XEN_VERSION.test(tokens[j]?.text ?? "")) return j;
  }
  return -1;
}

/** "4.9.12", "2.6.32": a Linux kernel version, three parts; Xen's have two in questions ("4.17"). */
const BARE_KERNEL = /^[2-6]\.\d{1,2}\.\d{1,3}$/;
const XEN_VERSION = /^(?:[1-9]\d?\.\d+(?:\.\d+)*|[34])$/;

/** A year ("in 2026"): no release of any system here is numbered like one without a dot. */
const YEAR = /^(?:19[89]\d|20[0-4]\d)$/;

/** A number that is not a version: 64 in "64-bit", 86 in "x86", 2 in "SP2", a year. */
function isNoise(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]?.text;
  const after = tokens[i + 1]?.text;
  return (
    YEAR.test(tokens[i]?.text ?? "") ||
    before === "x" ||
    before === "sp" ||
    before === "i" ||
    after === "bit" ||
    after === "bits" ||
    after === "gb"
  );
}

function pickVersion(
  tokens: readonly Token[],
  taken: ReadonlySet<number>,
  subject: Mention | undefined,
): number {
  const usable = (i: number) => tokens[i]?.kind === "number" && !taken.has(i) && !isNoise(tokens, i);
  if (subject) {
    let j = subject.end;
    while (j < tokens.length && VERSION_FILLERS.has(tokens[j]?.text ?? "")) j++;
    if (usable(j)) return j;
    if (usable(subject.start - 1)) return subject.start - 1;
    // A codename ("squeeze") is the version itself: a number elsewhere belongs to something else.
    if (subject.entity.kind === "release") return -1;
  }
  for (let i = 0; i < tokens.length; i++) if (usable(i)) return i;
  return -1;
}

/** The system a question is about: a named distribution beats the generic "linux"/"kernel". */
export function subjectOf(mentions: readonly Mention[]): Mention | undefined {
  const specific = mentions.find(
    (mention) =>
      !(mention.entity.kind === "product" && mention.entity.generic) && mention.entity.kind !== "release",
  );
  return specific ?? mentions.find((mention) => mention.entity.kind === "release") ?? mentions[0];
}

/**
 * The systems a message asks about, each with its version: the number after a name (or just before it), a
 * codename's own release, and more numbers joined to it ("rhel 5 and 6"). The generic "linux"/"kernel" counts
 * only when no distribution is named.
 */
function subjectsOf(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  taken: ReadonlySet<number>,
): Subject[] {
  const usable = (i: number, claimed: ReadonlySet<number>) =>
    tokens[i]?.kind === "number" && !taken.has(i) && !claimed.has(i) && !isNoise(tokens, i);
  const specific = mentions.filter(
    (mention) => !(mention.entity.kind === "product" && mention.entity.generic),
  );
  const named = specific.length > 0 ? specific : mentions.slice(0, 1);
  const claimed = new Set<number>();
  const subjects: Subject[] = [];
  for (const mention of named) {
    if (mention.entity.kind === "release") {
      subjects.push({ mention, version: mention.entity.release.version });
      continue;
    }
    let j = mention.end;
    while (j < tokens.length && VERSION_FILLERS.has(tokens[j]?.text ?? "")) j++;
    let at = usable(j, claimed) ? j : usable(mention.start - 1, claimed) ? mention.start - 1 : -1;
    subjects.push({ mention, version: at >= 0 ? (tokens[at]?.text ?? null) : null });
    if (at < 0) continue;
    claimed.add(at);
    // "5 and 6", "5, 6 or 7": more releases of the same system, until another name or word comes.
    while (at >= mention.end) {
      let next = at + 1;
      if (JOINERS.has(tokens[next]?.text ?? "")) next++;
      if (!usable(next, claimed) || mentions.some((other) => other.start === next)) break;
      claimed.add(next);
      subjects.push({ mention, version: tokens[next]?.text ?? null });
      at = next;
    }
  }
  // "debian squeeze", "ubuntu precise 12.04": a name without a version beside a release of it is that release.
  const productOf = (subject: Subject) =>
    subject.mention.entity.kind === "unlisted" ? null : subject.mention.entity.product;
  const kept = subjects.filter(
    (subject) =>
      subject.version !== null ||
      !subjects.some((other) => other.version !== null && productOf(other) === productOf(subject)),
  );
  return kept.slice(0, MAX_SUBJECTS * 2);
}

export function parseQuestion(raw: string, lexicon: Lexicon, kernels?: KernelReader): ParsedQuestion {
  const translated = translate(normalizeText(raw));
  const read = kernels ? kernels.read(translated.text) : { text: translated.text, kernels: [] };
  const normalized = read.text;
  const tokens = tokenize(normalized);
  const { mentions, nearMisses } = lexicon.findMentions(tokens);

  const taken = new Set<number>();
  for (const mention of mentions) for (let i = mention.start; i < mention.end; i++) taken.add(i);

  const xenIndex = findXen(tokens, taken);
  if (xenIndex >= 0) taken.add(xenIndex);
  // A kernel version and nothing else named ("4.9.12 as dom0"): the mainline kernel.
  const kernel = mentions.length === 0 ? lexicon.lookup("linux") : undefined;
  const bare = kernel ? tokens.findIndex((token, i) => i !== xenIndex && BARE_KERNEL.test(token.text)) : -1;
  if (kernel && bare >= 0) mentions.push({ entity: kernel, start: bare, end: bare, fuzzy: false });
  const versionIndex = pickVersion(tokens, taken, subjectOf(mentions));
  return {
    normalized,
    tokens,
    words: new Set(tokens.map((token) => token.text)),
    mentions,
    nearMisses: nearMisses.map((miss) => miss.key),
    version: versionIndex >= 0 ? (tokens[versionIndex]?.text ?? null) : null,
    xen: xenIndex >= 0 ? (tokens[xenIndex]?.text ?? null) : null,
    subjects: subjectsOf(tokens, mentions, taken),
    language: translated.language,
    kernels: read.kernels,
  };
}
