/** A Dom0Core whose answers the test chooses: for rendering edge cases the real data never produces. */
import type { Answer, Dom0Core, TableRow } from "../../../src/index.js";

export const FAKE_SOURCE = {
  title: "Dom0 Kernels for Xen",
  revision: "2014-04-18",
  url: "https://wiki.xenproject.org/wiki/Dom0_Kernels_for_Xen",
};

/** An answer with every field filled, overridable. */
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
    reasons: ["The table lists CentOS 6.4 and later (with the Xen4CentOS kernel)."],
    notes: [{ id: "xen4centos", text: "Needs the Xen4CentOS packages." }],
    suggestions: [],
    productName: "CentOS",
    source: FAKE_SOURCE,
    ...overrides,
  };
}

/** A core answering every question with `answerFor(question)`. */
export function fakeCore(
  answerFor: (question: string) => Answer = (q) => fakeAnswer({ question: q }),
): Dom0Core {
  const rows: TableRow[] = [
    { table: "linux", product: "centos", name: "CentOS", versions: "6.4 and later", notes: [] },
    { table: "unix", product: "netbsd", name: "NetBSD", versions: "5.0 and later", notes: [] },
  ];
  return {
    answer: answerFor,
    suggestProducts: () => [],
    releasesOf: () => [],
    table: () => rows,
    source: FAKE_SOURCE,
    examples: ["does CentOS 6.3 work as dom0?", "which Ubuntu releases work as dom0?"],
  };
}
