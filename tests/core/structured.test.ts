/**
 * One way in, structured: buttons, options and autocomplete carry the question as the core understood it
 * (`answer.query`), never English to be re-read. Asking that structured question must give the very answer
 * it came from, for every phrasing we have, on the day each set is written for.
 */
import { describe, expect, it } from "vitest";
import type { Answer, Dom0Core } from "../../src/index.js";
import { createCore, loadDataset, variantKey } from "../../src/index.js";
import { PHRASINGS } from "./phrasings.js";
import { PRESENT_PHRASINGS } from "./present-phrasings.js";

const data = loadDataset();
const THEN = "2014-04-18";
const NOW = "2026-12-02";

/** What a person sees of an answer; the line pointing at other systems the words named is the words' own. */
function seen(answer: Answer) {
  return {
    intent: answer.intent,
    product: answer.product,
    productName: answer.productName,
    version: answer.version,
    xen: answer.xen,
    verdict: answer.verdict,
    headline: answer.headline,
    reasons: answer.reasons.filter((reason) => !reason.startsWith("You also named")),
    notes: answer.notes,
    source: answer.source,
    sources: answer.sources,
    asOf: answer.asOf,
    query: answer.query,
  };
}

function expectSameAgain(core: Dom0Core, question: string, asOf: string): boolean {
  const first = core.answer(question, { asOf });
  if (first.query === null) return false;
  // The day travels with the button: answered on another day, the replay must still be the first answer.
  const again = core.ask({ ...first.query, asOf: first.asOf }, { asOf: "2030-01-01" });
  expect(seen(again), question).toEqual(seen(first));
  return true;
}

describe("core.ask(answer.query) gives the answer it came from", () => {
  const core = createCore(data);

  it("for every 2014 phrasing, as of the 2014 page", () => {
    const replayed = PHRASINGS.filter(([question]) => expectSameAgain(core, question, THEN));
    // Most of the phrasings are support questions; a silent filter would prove nothing.
    expect(replayed.length).toBeGreaterThan(120);
  });

  it("for every present-day phrasing, as of today", () => {
    const replayed = PRESENT_PHRASINGS.filter(([question]) => expectSameAgain(core, question, NOW));
    expect(replayed.length).toBeGreaterThan(150);
  });

  it("keeps the variant: Scientific Linux 6.5 is not re-asked as CentOS 6.5", () => {
    const first = core.answer("does Scientific Linux 6.5 work as dom0?", { asOf: THEN });
    expect(first.query).toEqual({
      product: "centos",
      variant: "Scientific Linux",
      version: "6.5",
      xen: null,
    });
    const byKey = core.ask({
      product: "centos",
      variant: variantKey("Scientific Linux"),
      version: "6.5",
      asOf: THEN,
    });
    expect(byKey.headline).toBe(first.headline);
    expect(byKey.productName).toBe("Scientific Linux");
    expect(core.ask({ product: "centos", version: "6.5", asOf: THEN }).productName).toBe("CentOS");
  });

  it("keeps the Xen version: Debian squeeze with Xen 3.4 stays a no", () => {
    const first = core.answer("is Debian squeeze OK with Xen 3.4?", { asOf: THEN });
    expect(first.verdict).toBe("no");
    expect(first.query).toEqual({ product: "debian", variant: null, version: "6.0", xen: "3.4" });
    expect(core.ask(first.query ?? { product: "debian" }, { asOf: THEN }).verdict).toBe("no");
  });

  it("has no structured form for what is not about one catalogued system", () => {
    for (const question of [
      "pvops or xenlinux?",
      "which Ubuntu versions work?",
      "is Proxmox ok as dom0?",
      "",
    ]) {
      expect(core.answer(question, { asOf: NOW }).query, question).toBeNull();
    }
  });

  it("answers a malformed structured question (forged button, old data) plainly, never throwing", () => {
    const forged = [
      { product: "gentoo" },
      { product: "debian", version: "<@&1180000000000000500>" },
      { product: "debian", version: "6".repeat(10_000), xen: "x" },
      { product: "centos", variant: "No Such Clone", version: "6.5" },
      { product: "debian", asOf: "yesterday" },
    ] as unknown as Parameters<Dom0Core["ask"]>[0][];
    for (const question of forged) {
      const answer = core.ask(question, { asOf: THEN });
      expect(answer.text).not.toContain("<@&");
      expect(answer.text.length).toBeLessThan(5000);
    }
    expect(core.ask(forged[0] as Parameters<Dom0Core["ask"]>[0]).intent).toBe("unclear");
    // An unknown variant falls back to the product itself, named as such.
    expect(core.ask(forged[3] as Parameters<Dom0Core["ask"]>[0], { asOf: THEN }).productName).toBe("CentOS");
  });
});

describe("caches belong to one core", () => {
  it("a second core over other data never sees the first one's names", () => {
    const first = createCore(data, { asOf: THEN });
    expect(first.answer("does Debian 6.0 work as dom0?").headline).toContain("Debian 6.0 (Squeeze)");
    const renamed = structuredClone(data);
    for (const product of renamed.products) {
      for (const release of product.releases)
        if (release.codename === "Squeeze") release.codename = "Quetzal";
    }
    const second = createCore(renamed, { asOf: THEN });
    expect(second.answer("does Debian 6.0 work as dom0?").headline).toContain("Debian 6.0 (Quetzal)");
    expect(second.answer("is debian quetzal ok as dom0?").version).toBe("6.0");
    expect(first.answer("is debian quetzal ok as dom0?").version).toBeNull();
    expect(first.answer("does Debian 6.0 work as dom0?").headline).toContain("Debian 6.0 (Squeeze)");
  });
});
