/** The types that cross the core's boundary: what adapters send in and get back. */

export const PRODUCT_IDS = [
  "alpine",
  "centos",
  "debian",
  "fedora",
  "mageia",
  "ubuntu",
  "opensuse",
  "oracle-vm",
  "rhel",
  "sles",
  "xenserver",
  "netbsd",
  "opensolaris",
  "illumos",
  "linux",
  "mini-os",
  "xcp-ng",
  "openembedded",
  "freebsd",
  "openbsd",
  "qubes",
] as const;
export type ProductId = (typeof PRODUCT_IDS)[number];

export const TOPIC_IDS = [
  "what-is-dom0",
  "choosing-kernel",
  "domu-kernel",
  "domu-support",
  "mainline-linux",
  "pvops-vs-xenlinux",
  "mini-os",
  "kernel-features",
  "xen-support",
  "pvh-dom0",
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export type Intent = "support" | "list" | "faq" | "unclear";
/** yes: listed, every condition met; no: listed product, not this version or a condition fails;
 *  partial: listed with a reservation; unlisted: the product is not in the table at all. */
export type Verdict = "yes" | "no" | "partial" | "unlisted";

/** Where an answer comes from: a dated source. */
export interface SourceRef {
  id: string;
  title: string;
  /** The site or publisher: "Xen Project wiki", "FreeBSD documentation". */
  site: string;
  /** Its date (YYYY-MM-DD): the revision or publication date, or the day it was read. */
  revision: string;
  /** The date as cited: "revision of 18 April 2014 (18:55, by Rcpavlicek)", "read 28 November 2026". */
  dateText: string;
  url: string;
}

/** One source an answer consulted, with what it alone says (the contract's `sources` entries). */
export interface SourceFinding {
  id: string;
  title: string;
  url: string;
  date: string;
  /** That source's own verdict; `unlisted` when it says nothing either way about the release. */
  verdict: Verdict | null;
  /** What it states about it, in a sentence. */
  says: string;
}

/** A footnote or condition that applies to an answer. */
export interface AnswerNote {
  id: string;
  text: string;
}

/** The structured answer every adapter renders. The first eight fields are the contract's JSON. */
export interface Answer {
  question: string;
  intent: Intent;
  product: ProductId | null;
  version: string | null;
  xen: string | null;
  verdict: Verdict | null;
  topic: TopicId | null;
  /** The whole answer as plain text: headline, reasons, notes, source. */
  text: string;
  /** The one-line verdict a person reads first. */
  headline: string;
  /** Why: the row, the rule, the conditions. */
  reasons: string[];
  /** Footnotes and conditions that apply. */
  notes: AnswerNote[];
  /** "Did you mean ...?" candidates when a name was close but not close enough, or example questions. */
  suggestions: string[];
  /** The product's display name as the question named it (e.g. "Scientific Linux"), or null. */
  productName: string | null;
  /** The deciding source (for a list or topic: the one it stands on). */
  source: SourceRef;
  /** Every source consulted, newest first, each with its own verdict. */
  sources: SourceFinding[];
  /** The day the answer was given for (YYYY-MM-DD): sources dated after it were left out. */
  asOf: string;
  /** The question as understood, for buttons and options to ask again without English (support answers). */
  query: StructuredQuestion | null;
  /** When the question names several systems: one answer each, the first also at the top level. */
  answers?: Answer[];
}

/**
 * A question already understood: what a button, a slash command's options or an autocomplete pick carry, so
 * that nothing is re-asked in English. `core.ask(answer.query)` gives the answer `answer` came with.
 */
export interface StructuredQuestion {
  product: ProductId;
  /** A variant's name ("Scientific Linux") or its key (`variantKey`: "scientific-linux"); null: the product itself. */
  variant?: string | null;
  version?: string | null;
  xen?: string | null;
  /** The day to answer for (YYYY-MM-DD), ahead of the call's; default: the call's, else the core's, else today. */
  asOf?: string | null;
}

/** Options of one answer. */
export interface AnswerOptions {
  /** Answer from the sources dated on or before this day (YYYY-MM-DD); default: the core's, else today. */
  asOf?: string;
  /**
   * The conversation's last question as understood (`contextOf(previous answer)`), for a follow-up fragment
   * ("what about 6.5?"). The core keeps no state: the adapter passes it in. Without it a fragment is unclear.
   */
  context?: StructuredQuestion | null;
}

/** One row of the support table as adapters show it (App Home, "show the whole table"). */
export interface TableRow {
  table: "linux" | "unix";
  product: ProductId;
  name: string;
  versions: string;
  notes: AnswerNote[];
  /** The table source the row comes from. */
  source?: SourceRef;
}

/** One release of a product, for autocomplete. */
export interface ReleaseChoice {
  version: string;
  codename: string | null;
  /** What the table says of it. */
  verdict: Verdict;
}

/** A product the question box can suggest. */
export interface ProductChoice {
  id: ProductId;
  name: string;
}

/** What the core offers adapters. Stateless after loading: safe to share across requests and shards. */
export interface Dom0Core {
  /** Turns any text (empty, huge, hostile) into an answer; never throws. */
  answer(question: string, options?: AnswerOptions): Answer;
  /** Answers a question already understood (see StructuredQuestion); never throws. */
  ask(question: StructuredQuestion, options?: AnswerOptions): Answer;
  /** Products for an autocomplete box, best first, misspellings included; all products for an empty query. */
  suggestProducts(query: string, limit?: number): ProductChoice[];
  /** The known releases of a product, newest first, with what the table says of each. */
  releasesOf(product: ProductId): ReleaseChoice[];
  /** Every row of both tables of the newest table source on the day asked, in the page's order. */
  table(options?: AnswerOptions): TableRow[];
  /** The table sources in scope on the day asked, newest first: `table({ asOf: ref.revision })` shows each. */
  tables(options?: AnswerOptions): SourceRef[];
  /** The newest table source in scope today (the wiki page's newest revision). */
  readonly source: SourceRef;
  /** Who the bot is and what it answers from, naming the tables in scope and their dates, for help texts. */
  readonly about: string;
  /** Example questions for help texts. */
  readonly examples: readonly string[];
}
