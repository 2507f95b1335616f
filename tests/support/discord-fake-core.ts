import type { Answer, Dom0Core, ProductChoice, ReleaseChoice, TableRow } from "../../src/types.js";

/** A tiny stand-in for the core, for tests that need answers of an exact shape (giant notes, every verdict). */
export function fakeCore(overrides: Partial<Answer> = {}): Dom0Core {
  const source = {
    title: "Dom0 Kernels for Xen",
    revision: "2014-04-18",
    url: "https://wiki.xenproject.org/wiki/Dom0_Kernels_for_Xen",
  };
  const products: ProductChoice[] = [
    { id: "centos", name: "CentOS" },
    { id: "ubuntu", name: "Ubuntu" },
  ];
  const releases: ReleaseChoice[] = [{ version: "12.04", codename: "Precise Pangolin", verdict: "yes" }];
  const rows: TableRow[] = [
    { table: "linux", product: "centos", name: "CentOS", versions: "6.4 and later", notes: [] },
  ];
  return {
    answer: (question) => ({
      question,
      intent: "support",
      product: "centos",
      version: "6.3",
      xen: null,
      verdict: "no",
      topic: null,
      text: "No.",
      headline: "No: CentOS 6.3 is not a dom0; 6.4 is the first release that is.",
      reasons: ["The table lists CentOS from 6.4."],
      notes: [{ id: "xen4", text: "Needs Xen 4.0 or later." }],
      suggestions: [],
      productName: "CentOS",
      source,
      ...overrides,
    }),
    suggestProducts: (_query, limit = 25) => products.slice(0, limit),
    releasesOf: () => releases,
    table: () => rows,
    source,
    examples: ["does CentOS 6.3 work as dom0?"],
  };
}
