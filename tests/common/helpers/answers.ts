import type { Answer } from "../../../src/types.js";

const SOURCE = {
  title: "Dom0 Kernels for Xen",
  revision: "2014-04-18",
  url: "https://wiki.xenproject.org/wiki/Dom0_Kernels_for_Xen",
};

/** An answer as the core would give it, with the fields a test cares about overridden. */
export function makeAnswer(fields: Partial<Answer> = {}): Answer {
  return {
    question: "does centos 6.3 work as dom0?",
    intent: "support",
    product: "centos",
    version: "6.3",
    xen: null,
    verdict: "no",
    topic: null,
    text: "No: CentOS 6.3 is not listed; 6.4 is the first supported release.",
    headline: "No: CentOS 6.3 is not listed",
    reasons: [],
    notes: [],
    suggestions: [],
    productName: "CentOS",
    source: SOURCE,
    ...fields,
  };
}

export const unclear = (question: string): Answer =>
  makeAnswer({ question, intent: "unclear", product: null, version: null, verdict: null, productName: null });

export const unlisted = (question: string, productName: string): Answer =>
  makeAnswer({ question, intent: "support", product: null, verdict: "unlisted", productName });
