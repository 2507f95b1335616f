/**
 * A core whose answers a test chooses, for what the real data never produces (giant notes, every verdict, a
 * core that throws). Tests of behaviour people see use the real core (`loadCore()`).
 */
import type { Answer, Dom0Core, ProductChoice, ReleaseChoice, TableRow } from "../../src/types.js";

export const FAKE_SOURCE = {
  id: "wiki-2014",
  title: "Dom0 Kernels for Xen",
  site: "Xen Project wiki",
  revision: "2014-04-18",
  dateText: "revision of 18 April 2014",
  url: "https://wiki.xenproject.org/wiki/Dom0_Kernels_for_Xen",
};

/** An answer with every field filled, as the core would give it, with the fields a test cares about overridden. */
export function fakeAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: "does CentOS 6.3 work as dom0?",
    intent: "support",
    product: "centos",
    version: "6.3",
    xen: null,
    verdict: "no",
    topic: null,
    text: "No: CentOS 6.3 cannot be the dom0; CentOS 6.4 and later can.\nThe table lists CentOS 6.4 and later.",
    headline: "No: CentOS 6.3 cannot be the dom0; CentOS 6.4 and later can.",
    reasons: ["The table lists CentOS 6.4 and later."],
    notes: [{ id: "xen4", text: "Needs Xen 4.0 or later." }],
    suggestions: [],
    productName: "CentOS",
    source: FAKE_SOURCE,
    sources: [
      {
        id: FAKE_SOURCE.id,
        title: FAKE_SOURCE.title,
        url: FAKE_SOURCE.url,
        date: FAKE_SOURCE.revision,
        verdict: "no",
        says: "Its row lists CentOS 6.4 and later.",
      },
    ],
    asOf: "2014-04-18",
    query: { product: "centos", variant: null, version: "6.3", xen: null },
    ...overrides,
  };
}

/** An answer the bot could not give: the question was unclear. */
export const unclearAnswer = (question: string): Answer =>
  fakeAnswer({ question, intent: "unclear", product: null, version: null, verdict: null, productName: null });

/** An answer about a system the table never names. */
export const unlistedAnswer = (question: string, productName: string): Answer =>
  fakeAnswer({ question, intent: "support", product: null, verdict: "unlisted", productName });

/** A core answering every question with `answerFor(question)`, with one table row, two products, one release. */
export function fakeCore(
  answerFor: (question: string) => Answer = (q) => fakeAnswer({ question: q }),
): Dom0Core {
  const products: ProductChoice[] = [
    { id: "centos", name: "CentOS" },
    { id: "ubuntu", name: "Ubuntu" },
  ];
  const releases: ReleaseChoice[] = [{ version: "12.04", codename: "Precise Pangolin", verdict: "yes" }];
  const rows: TableRow[] = [
    { table: "linux", product: "centos", name: "CentOS", versions: "6.4 and later", notes: [] },
  ];
  return {
    answer: answerFor,
    ask: (query) =>
      answerFor(
        `${query.product}${query.version ? ` ${query.version}` : ""}${query.xen ? ` with Xen ${query.xen}` : ""}`,
      ),
    suggestProducts: (_query, limit = 25) => products.slice(0, limit),
    releasesOf: () => releases,
    table: () => rows,
    tables: () => [FAKE_SOURCE],
    source: FAKE_SOURCE,
    about: "I answer whether a system can be the Xen Project dom0, from a fake table.",
    examples: ["does CentOS 6.3 work as dom0?", "which Ubuntu releases work as dom0?"],
  };
}
