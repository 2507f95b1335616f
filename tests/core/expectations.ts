/**
 * The expected structured answers the phrasing tables are written in (present-day and messages): one shape and
 * one set of helpers, so a table reads as what each question must get.
 */
import type { Intent, ProductId, TopicId, Verdict } from "../../src/index.js";

export interface Expectation {
  intent: Intent;
  product?: ProductId | null;
  version?: string | null;
  xen?: string | null;
  /** One verdict, or the verdicts that are all defensible. */
  verdict?: Verdict | null | Verdict[];
  topic?: TopicId | null;
  /** Each must appear in the answer's text (case-insensitive). */
  mentions?: string[];
  /** None may appear in the answer's text (case-sensitive). */
  absent?: string[];
  /** When the message names several systems (or one name has two readings): one expectation per answer, in order. */
  answers?: Expectation[];
}
export type Case = [question: string, expected: Expectation];

/** A support answer. `undefined` product or version: not asserted; `null`: asserted to be null. */
export const support = (
  product: ProductId | null | undefined,
  version: string | null | undefined,
  verdict: Verdict | Verdict[],
  mentions?: string[],
): Expectation => ({
  intent: "support",
  ...(product !== undefined ? { product } : {}),
  ...(version !== undefined ? { version } : {}),
  verdict,
  ...(mentions ? { mentions } : {}),
});
export const yes = (product: ProductId, version?: string | null, mentions?: string[]): Expectation =>
  support(product, version, "yes", mentions);
export const no = (
  product: ProductId | undefined,
  version?: string | null,
  mentions?: string[],
): Expectation => support(product, version, "no", mentions);
export const partial = (product: ProductId, version?: string | null, mentions?: string[]): Expectation =>
  support(product, version, "partial", mentions);
/** "yes" by an open row's wording, "partial" also defensible (end of life, revision date unknown, ...). */
export const yesOrPartial = (product: ProductId, version?: string | null, mentions?: string[]): Expectation =>
  support(product, version, ["yes", "partial"], mentions);
/** No source names the system: no product id. */
export const unlisted = (mentions?: string[]): Expectation => support(null, undefined, "unlisted", mentions);
/** Facts exist in present-day.md but the system has no product id: never "no". */
export const nearby = (mentions?: string[]): Expectation =>
  support(null, undefined, ["yes", "partial", "unlisted"], mentions);
export const faq = (topic: TopicId, mentions?: string[]): Expectation => ({
  intent: "faq",
  topic,
  verdict: null,
  ...(mentions ? { mentions } : {}),
});
export const list = (
  product: ProductId | null | undefined,
  mentions: string[],
  absent?: string[],
): Expectation => ({
  intent: "list",
  ...(product !== undefined ? { product } : {}),
  verdict: null,
  mentions,
  ...(absent ? { absent } : {}),
});
