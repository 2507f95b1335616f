import type { Product, UnlistedSystem } from "../dataset/schema.js";
import type { TopicId } from "../types.js";
import { type ParsedQuestion, subjectOf } from "./parse.js";
import { MAX_QUESTION_CHARS, SHORT_WORDS, VOCABULARY } from "./text.js";

type Variant = NonNullable<Product["variants"]>[number];

/** What the question asks, decided from its words: the shape the answer takes. */
export type Resolution =
  | { intent: "faq"; topic: TopicId; product: Product | null }
  | {
      intent: "list";
      product: Product | null;
      variant: Variant | null;
      table: "linux" | "unix" | null;
      /** The condition the list is filtered by; null: the whole list. */
      filter: ListFilter | null;
    }
  | {
      intent: "support";
      product: Product;
      variant: Variant | null;
      /** Set when a codename named the release ("squeeze"). */
      codenameVersion: string | null;
    }
  | { intent: "unlisted"; system: UnlistedSystem | null }
  | { intent: "unclear"; reason: UnclearReason; suggestions: string[] };

/** What a list question keeps: "which ... can't", "besides NetBSD", "the newest", "before 12.04", "needs Xen 4.0". */
export interface ListFilter {
  /** "can't", "don't work", "unsupported": the releases or systems that do not work. */
  negative: boolean;
  /** "the newest ... that works", "the oldest ...". */
  pick: "newest" | "oldest" | null;
  /** Ubuntu's long-term support releases. */
  lts: boolean;
  /** "before 12.04", "after wheezy" (versions of the product asked about). */
  before: string | null;
  after: string | null;
  /** "works with Xen 3.4": the releases that work with that Xen. */
  withXen: string | null;
  /** "needs Xen 4.0" (or, with `negative`, "doesn't need"). */
  needsXen: string | null;
  /** "besides NetBSD", "except OpenBSD", "other than Linux". */
  excluding: Product[];
  /** "incomplete support": the rows marked incomplete. */
  incomplete: boolean;
  /** "dropped", "no longer listed": releases an older source listed and a newer one no longer names. */
  dropped: boolean;
  /** Only the BSDs ("which bsd ..."). */
  bsdOnly: boolean;
}

/** A filter that keeps everything, to set one condition on. */
export function noFilter(): ListFilter {
  return {
    negative: false,
    pick: null,
    lts: false,
    before: null,
    after: null,
    withXen: null,
    needsXen: null,
    excluding: [],
    incomplete: false,
    bsdOnly: false,
    dropped: false,
  };
}

const NEGATIVE =
  /\b(?:can ?'?t|cannot|can not|don'?t|doesn'?t|do not|does not|isn'?t|aren'?t|won'?t|not|unsupported|no longer|too old|obsolete)\b/;
/** "dropped from the list", "removed", "no longer listed": the releases a newer source stopped naming. */
const DROPPED = /\b(?:dropped|removed|delisted|no longer (?:listed|named|supported)|taken off|anymore)\b/;
const EXCLUDING = /\b(?:besides|except|apart from|other than|excluding|aside from|but not)\b/;
const SUPERLATIVE = /\b(newest|latest|most recent|highest|oldest|earliest|first)\b/;
const RANGE =
  /\b(before|older than|prior to|until|up to|after|newer than|later than|since|from)\s+(?:\w+\s+)?$/;

/** The filter a list question asks for, if any. */
function listFilter(q: ParsedQuestion): ListFilter | null {
  const n = q.normalized;
  const superlative = SUPERLATIVE.exec(n)?.[1];
  const pick = superlative
    ? /oldest|earliest|first/.test(superlative)
      ? ("oldest" as const)
      : ("newest" as const)
    : null;
  // "besides NetBSD": the systems named after the word are left out.
  const excludingAt = n.search(EXCLUDING);
  const tail = excludingAt < 0 ? "" : n.slice(excludingAt);
  const excluding = q.mentions.flatMap((mention) => {
    if (excludingAt < 0 || mention.entity.kind === "unlisted") return [];
    const key = q.tokens
      .slice(mention.start, mention.end)
      .map((token) => token.text)
      .join(" ");
    return tail.includes(key) ? [mention.entity.product] : [];
  });
  const needs = /\b(?:need|needs|needed|require|requires|required|requiring)\b/.test(n) && q.xen !== null;
  let before: string | null = null;
  let after: string | null = null;
  if (q.version !== null) {
    const at = n.indexOf(q.version);
    const range = at > 0 ? RANGE.exec(n.slice(0, at)) : null;
    if (range?.[1]) {
      if (/before|older|prior|until|up to/.test(range[1])) before = q.version;
      else after = q.version;
    }
  }
  const codename = q.mentions.find((mention) => mention.entity.kind === "release");
  if (codename?.entity.kind === "release" && before === null && after === null) {
    const at = q.tokens
      .slice(0, codename.start)
      .map((token) => token.text)
      .join(" ");
    const range = RANGE.exec(`${at} `);
    if (range?.[1]) {
      if (/before|older|prior|until|up to/.test(range[1])) before = codename.entity.release.version;
      else after = codename.entity.release.version;
    }
  }
  const filter: ListFilter = {
    negative: NEGATIVE.test(n),
    pick,
    lts: has(q, "lts"),
    before,
    after,
    withXen: needs ? null : q.xen,
    needsXen: needs ? q.xen : null,
    excluding,
    incomplete: has(q, "incomplete", "partial", "partially"),
    bsdOnly: has(q, "bsd", "bsds"),
    dropped: DROPPED.test(n),
  };
  const any =
    filter.negative ||
    filter.pick !== null ||
    filter.lts ||
    before !== null ||
    after !== null ||
    filter.withXen !== null ||
    filter.needsXen !== null ||
    excluding.length > 0 ||
    filter.incomplete ||
    filter.dropped;
  return any ? filter : null;
}

/** How a follow-up starts: "and with Xen 3.4?", "what about 6.5?", "ok and wheezy?", "the same for SLES?". */
const FOLLOW_UP =
  /^\W*(?:(?:and|ok|okay|so|but|also|hmm|then)\b\W*)*(?:what about|how about|and|same for|the same for|what of|with|for|on|also)\b/;

const FRAGMENT_FILLERS = new Set(["xen", "with", "then", "ok", "okay", "and", "version", "hypervisor", "so"]);

/**
 * A follow-up fragment: it continues an earlier question (names no system, or only a system, and carries a
 * version, a Xen version or "the same"), so it needs the conversation's last question to be answered.
 */
export function isFragment(q: ParsedQuestion): boolean {
  if (q.tokens.length === 0 || q.tokens.length > 12) return false;
  const opens = FOLLOW_UP.test(q.normalized);
  const named = q.mentions.length > 0;
  if (named) return opens;
  // "6.5?", "xen 3.4?", "with xen 4.1 then": a number and nothing else that says what it is about.
  // "is that the newest?": about the release just answered.
  if (/\b(?:that|it|this)\b.*\b(?:newest|latest|most recent)\b/.test(q.normalized)) return true;
  const bare = q.tokens.every((token) => token.kind === "number" || FRAGMENT_FILLERS.has(token.text));
  return opens || ((q.version !== null || q.xen !== null) && bare);
}

/** Why a question got no answer: nothing asked, a greeting or a plea for help, a near-miss name, or no system. */
export type UnclearReason = "empty" | "greeting" | "no-system" | "near-miss" | "fragment";

const GREETING_WORDS = ["hi", "hello", "hey", "help", "thanks", "thank", "morning", "evening", "howdy", "yo"];

const has = (q: ParsedQuestion, ...words: string[]) => words.some((word) => q.words.has(word));

const GUEST_WORDS = ["domu", "guest", "guests", "hvm", "vm", "vms", "virtual"];
const HOST_WORDS = ["dom0", "host", "hypervisor"];
const PVOPS_WORDS = ["pvops", "pv_ops", "pv-ops", "xenlinux", "xen-linux", "paravirt_ops"];
const MAINLINE_WORDS = ["vanilla", "mainline", "upstream", "stock"];
const LIST_WORDS = ["which", "what", "list", "show", "all", "name", "enumerate"];
const PLURAL_TARGETS = [
  "versions",
  "releases",
  "distros",
  "distributions",
  "systems",
  "oses",
  "bsds",
  "unixes",
  "flavors",
  "flavours",
  "options",
  "table",
  "platforms",
  "kernels",
  "clones",
];
const SUPPORT_CUES = [
  "dom0",
  "host",
  "work",
  "works",
  "run",
  "runs",
  "support",
  "supported",
  "supports",
  "use",
  "ok",
  "okay",
];
/** Words after which a capitalised unknown word is the system asked about: "Does Foobar work as dom0?". */
const SUBJECT_SLOTS = new Set([
  "does",
  "do",
  "can",
  "is",
  "will",
  "would",
  "could",
  "should",
  "use",
  "using",
  "about",
  "run",
  "running",
]);

function askedTopic(q: ParsedQuestion, raw: string): TopicId | null {
  const n = q.normalized;
  const guest = has(q, ...GUEST_WORDS) || /\bvirtual machines?\b/.test(n);
  const aboutKernel = has(q, "kernel", "kernels");
  if (
    guest &&
    aboutKernel &&
    /upgrad|version|compatib|backward|older|newer|compile|own|differ|same|match/.test(n)
  ) {
    return "domu-kernel";
  }
  if (guest && !has(q, ...HOST_WORDS)) return "domu-support";
  if (has(q, "feature", "features", "xenkernelfeatures")) return "kernel-features";
  if (has(q, ...PVOPS_WORDS) || /\bpv ops\b/.test(n)) return "pvops-vs-xenlinux";
  if (has(q, "stubdom", "stubdomain") || /\bstub ?domains?\b/.test(n)) return "mini-os";
  if (
    /\bwhat(?:'s| is| are| does)? (?:an? |the )?dom0\b(?! (?:support|work))/.test(n) &&
    !raw.includes("?dom0")
  ) {
    return "what-is-dom0";
  }
  if (/\b(?:explain|define|meaning of|definition of)\b.*\bdom0\b|\bdom0 mean/.test(n)) return "what-is-dom0";
  if (/^\W*(?:is|are) (?:the )?dom0s? (?:the |a )?(?:host|privileged|control domain|first domain)/.test(n)) {
    return "what-is-dom0";
  }
  const aboutSystems = has(q, "distributions", "distros", "systems", "oses", "bsds", "unixes", "platforms");
  const choosing = /\b(?:which|what|best|better|recommend\w*|choos\w*|pick|should i use|compile|build|own)\b/;
  if (aboutKernel && /\b(?:since|minimum|earliest|oldest|first) (?:\w+ )?(?:kernel|linux|version)/.test(n)) {
    return "mainline-linux";
  }
  if (aboutKernel && !aboutSystems && choosing.test(n)) {
    return "choosing-kernel";
  }
  if (has(q, ...MAINLINE_WORDS) || /\bkernel ?org\b/.test(n)) return "mainline-linux";
  return null;
}

/**
 * "how do I enable CONFIG_XEN_DOM0?", "which kernel version first had dom0 support": how to build a dom0
 * kernel, and since when Linux has one, are the mainline kernel's topic (the page points to its kernel configs
 * there), when no distribution is named.
 */
function kernelHowTo(q: ParsedQuestion): TopicId | null {
  const n = q.normalized;
  if (
    /\bconfig_xen|\.config\b|\bkernel (?:config\w*|options|flags|settings)\b|\bconfig (?:options|flags)\b/.test(
      n,
    )
  ) {
    return "mainline-linux";
  }
  // "how do i make a kernel that boots as dom0"; not "should I compile my own dom0 kernel?" (choosing one).
  const how =
    /\b(?:enable|configure)\b.{0,30}\bkernel\b|\bhow (?:do i|to|can i|would i|do you) (?:build|compile|make|configure|enable)\b/;
  if (how.test(n) && has(q, "dom0", "boots", "boot")) return "mainline-linux";
  if (/\b(?:menuconfig|nconfig|xconfig|kconfig|make (?:menu|old|def)config)\b/.test(n))
    return "mainline-linux";
  const kernel = has(q, "kernel", "kernels", "linux", "upstream", "vanilla", "mainline");
  if (kernel && /\b(?:first|added|land|landed|introduced|merged|mainlined|since when|when did)\b/.test(n))
    return "mainline-linux";
  // "which linux kernels can be dom0": the kernel's own versions, not a choice between kernels.
  if (has(q, "kernels") && /\b(?:can|could) (?:be|run as) (?:a )?dom0\b/.test(n)) return "mainline-linux";
  return null;
}

/** A capitalised word in the subject slot that the dataset does not know: a system the table never names. */
function unknownSubject(q: ParsedQuestion, raw: string): boolean {
  if (!has(q, ...SUPPORT_CUES)) return false;
  const words = raw.slice(0, MAX_QUESTION_CHARS).match(/[A-Za-z][\w!+.-]*/g) ?? [];
  return words.some((word, i) => {
    const lower = word.toLowerCase().replace(/[.!]+$/, "");
    if (!/^[A-Z]/.test(word) || SHORT_WORDS.has(lower) || VOCABULARY.has(lower) || lower.startsWith("dom"))
      return false;
    // First word: only as the whole subject ("Foobar dom0?", "Foobar 3 as dom0"), not a verb ("Recommend a ...").
    if (i === 0) return /^\W*[A-Za-z][\w!+.-]*\W+(?:\d|dom ?0|as\b|for\b|on\b|with\b)/i.test(raw);
    return SUBJECT_SLOTS.has((words[i - 1] ?? "").toLowerCase());
  });
}

/** Words that ask which releases or systems: "which", "what", "best", "oldest", "list", ... */
const WHICH_WORDS = [
  ...LIST_WORDS,
  "best",
  "recommend",
  "recommended",
  "minimum",
  "oldest",
  "newest",
  "latest",
  "earliest",
];
/** What such a question asks for, in the singular: "which CentOS version", "what OS", "best distro". */
const SINGULAR_TARGETS = [
  "version",
  "release",
  "distro",
  "distribution",
  "os",
  "system",
  "platform",
  "bsd",
  "unix",
];

/**
 * "Which Debian versions ...", "what OS should I use for dom0", "BSD dom0?": the answer is rows of the table.
 * Not when a release is named ("what version of Debian is wheezy") or the version asked for is Xen's.
 */
function asksForList(
  q: ParsedQuestion,
  hasVersion: boolean,
  namesNothing: boolean,
  filter: ListFilter | null,
): boolean {
  const ranged = filter !== null && (filter.before !== null || filter.after !== null);
  if ((hasVersion || q.mentions.some((mention) => mention.entity.kind === "release")) && !ranged)
    return false;
  if (namesNothing && has(q, "bsd", "bsds", "unixes")) return true;
  // "what about the 32-bit version" is a follow-up fragment, not a list; "what about Ubuntu releases" is one.
  // "what about the 32-bit one?": a fragment that names nothing is not a list of everything.
  if (
    /^\W*(?:and |ok |so |but )?what about\b/.test(q.normalized) &&
    q.mentions.length === 0 &&
    !has(q, ...PLURAL_TARGETS)
  ) {
    return false;
  }
  const whatAbout =
    /\bwhat about\b/.test(q.normalized) && (q.mentions.length > 0 || has(q, ...PLURAL_TARGETS));
  const asksWhich = has(q, ...WHICH_WORDS) || whatAbout;
  const target = has(q, ...PLURAL_TARGETS, ...SINGULAR_TARGETS) || has(q, "list", "all");
  if (/\bxen (?:version|release)s?\b/.test(q.normalized) && filter?.needsXen == null) return false;
  if (asksWhich && target) return true;
  if (filter === null) return false;
  // "ubuntu LTS releases usable as xen host", "debian releases that work with xen 3.x": plural releases of a
  // named system, with a condition.
  if (q.mentions.length > 0 && has(q, ...PLURAL_TARGETS)) return true;
  // "the newest Ubuntu that works", "everything that needs Xen 4.0", "which os besides linux", "before 12.04".
  return (
    (filter.pick !== null && q.mentions.length > 0) ||
    (filter.needsXen !== null && (asksWhich || has(q, "everything", "anything", "distros", "systems"))) ||
    (filter.excluding.length > 0 && asksWhich) ||
    (ranged && (asksWhich || has(q, "versions", "releases")))
  );
}

/** Words that make "Xen releases" or a bare 4.x a question about support periods. */
const STRONG_LIFECYCLE_WORDS = [
  "latest",
  "newest",
  "current",
  "released",
  "still",
  "security",
  "eol",
  "maintained",
  "lifecycle",
  "fixes",
  "patches",
  "until",
  "xsa",
  "xsas",
];
/** Beside a named Xen version ("Xen 4.16 supported?") looser words are enough. */
const LIFECYCLE_WORDS = [...STRONG_LIFECYCLE_WORDS, "release", "supported", "support", "life"];

/** "is Xen 4.16 still supported?", "until when is 4.17 supported", "which xen releases get security fixes". */
function asksXenSupport(q: ParsedQuestion): boolean {
  if (q.xen !== null) return has(q, ...LIFECYCLE_WORDS) || /\bend of life\b/.test(q.normalized);
  const xenReleases =
    /\bxen (?:versions?|releases?|branch(?:es)?)\b|\bxen\b.*\b(?:versions?|releases?)\b/.test(q.normalized);
  if (xenReleases)
    return has(q, ...STRONG_LIFECYCLE_WORDS, "supported") || /\bend of life\b/.test(q.normalized);
  const bareXenNumber = q.version !== null && /^[34]\.\d+$/.test(q.version);
  return (
    bareXenNumber && (has(q, ...STRONG_LIFECYCLE_WORDS, "supported") || /\bend of life\b/.test(q.normalized))
  );
}

export function classify(q: ParsedQuestion, raw: string): Resolution {
  if (q.tokens.length === 0) return { intent: "unclear", reason: "empty", suggestions: [] };
  const subject = subjectOf(q.mentions);
  const product = subject && subject.entity.kind !== "unlisted" ? subject.entity.product : null;
  const hasVersion = q.version !== null;

  const generic = subject?.entity.kind === "product" && subject.entity.generic;
  if (subject === undefined || generic) {
    if (has(q, "pvh")) return { intent: "faq", topic: "pvh-dom0", product: null };
    if (asksXenSupport(q)) return { intent: "faq", topic: "xen-support", product: null };
  }
  const topic = (product === null || generic ? kernelHowTo(q) : null) ?? askedTopic(q, raw);
  const specificSupport = product !== null && product.id !== "linux" && hasVersion;
  if (topic === "mini-os" || (product?.id === "mini-os" && !/\b(?:as|be|a) dom0\b|work/.test(q.normalized))) {
    return { intent: "faq", topic: "mini-os", product };
  }
  // "vanilla kernel 2.6.32 as dom0?" asks about one kernel version; "pvops or xenlinux on Debian 7?" about one
  // release: both are support questions, not the FAQ.
  const oneKernel = topic === "mainline-linux" && product?.id === "linux" && hasVersion;
  const oneRelease = specificSupport && (topic === "pvops-vs-xenlinux" || topic === "choosing-kernel");
  if (topic && !oneKernel && !oneRelease) return { intent: "faq", topic, product: generic ? null : product };

  const filter = listFilter(q);
  if (asksForList(q, hasVersion, subject === undefined, filter)) {
    const excluded = new Set(filter?.excluding ?? []);
    // "besides NetBSD": the list is of the others, not of NetBSD.
    const kept = subjectOf(
      q.mentions.filter(
        (mention) => mention.entity.kind === "unlisted" || !excluded.has(mention.entity.product),
      ),
    );
    const listed = kept && kept.entity.kind !== "unlisted" ? kept.entity.product : null;
    const keptGeneric = kept?.entity.kind === "product" && kept.entity.generic;
    const variant = kept?.entity.kind === "product" ? kept.entity.variant : null;
    const linuxExcluded = [...excluded].some((candidate) => candidate.id === "linux");
    // "Which Linux distributions ...": "linux" names the first table, not the mainline kernel; "which linux
    // kernels" asks about the kernel itself.
    const kernels = keptGeneric && has(q, "kernel", "kernels") && !has(q, "distributions", "distros");
    const table =
      has(q, "bsd", "bsds", "unix", "unixes") || linuxExcluded
        ? "unix"
        : keptGeneric && !kernels
          ? "linux"
          : null;
    const product = kernels ? listed : keptGeneric ? null : listed;
    return { intent: "list", product, variant, table, filter };
  }

  if (subject?.entity.kind === "unlisted") return { intent: "unlisted", system: subject.entity.system };
  if (subject && product) {
    const variant = subject.entity.kind === "product" ? subject.entity.variant : null;
    // A codename of this product ("squeeze", "precise") names the release when no number does.
    const named = q.mentions.find(
      (mention) => mention.entity.kind === "release" && mention.entity.product.id === product.id,
    );
    const codenameVersion = named?.entity.kind === "release" ? named.entity.release.version : null;
    return { intent: "support", product, variant, codenameVersion };
  }
  if (q.nearMisses.length > 0) return { intent: "unclear", reason: "near-miss", suggestions: q.nearMisses };
  if (unknownSubject(q, raw)) return { intent: "unlisted", system: null };
  const greeting = has(q, ...GREETING_WORDS) || /\bwhat (?:can|do) you\b|\bwho are you\b/.test(q.normalized);
  return { intent: "unclear", reason: greeting ? "greeting" : "no-system", suggestions: [] };
}
