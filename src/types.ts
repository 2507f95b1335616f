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
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export type Intent = "support" | "list" | "faq" | "unclear";
/** yes: listed, every condition met; no: listed product, not this version or a condition fails;
 *  partial: listed with a reservation; unlisted: the product is not in the table at all. */
export type Verdict = "yes" | "no" | "partial" | "unlisted";

/** Where an answer comes from: the wiki page, as of its revision. */
export interface SourceRef {
  title: string;
  revision: string;
  url: string;
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
  source: SourceRef;
}

/** One row of the support table as adapters show it (App Home, "show the whole table"). */
export interface TableRow {
  table: "linux" | "unix";
  product: ProductId;
  name: string;
  versions: string;
  notes: AnswerNote[];
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
  answer(question: string): Answer;
  /** Products for an autocomplete box, best first, misspellings included; all products for an empty query. */
  suggestProducts(query: string, limit?: number): ProductChoice[];
  /** The known releases of a product, newest first, with what the table says of each. */
  releasesOf(product: ProductId): ReleaseChoice[];
  /** Every row of both tables, in the page's order. */
  table(): TableRow[];
  /** The page every answer cites. */
  readonly source: SourceRef;
  /** Example questions for help texts. */
  readonly examples: readonly string[];
}
