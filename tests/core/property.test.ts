import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCore, PRODUCT_IDS, TOPIC_IDS } from "../../src/index.js";

const core = loadCore();
const INTENTS = ["support", "list", "faq", "unclear"];
const VERDICTS = [null, "yes", "no", "partial", "unlisted"];

/** Strings people (and bots, and attackers) send: any text, words from the domain, markup and mentions. */
const questions = fc.oneof(
  fc.string({ maxLength: 10_000, unit: "binary" }),
  fc.string({ maxLength: 300, unit: "grapheme" }),
  fc
    .array(
      fc.constantFrom(
        "debian",
        "squeeze",
        "centos",
        "6.3",
        "7",
        "xen",
        "3.4",
        "dom0",
        "domu",
        "ubuntu",
        "12.04",
        "which",
        "kernel",
        "linux",
        "2.6.37",
        "<!channel>",
        "@everyone",
        "<@U123>",
        "**",
        "```",
        "pvops",
        "mini-os",
        "netbsd",
        "what",
        "is",
        "list",
        "?",
        "freebsd",
        "x86",
        "64-bit",
        "sp2",
        "lts",
        "0",
        "99999999999999999999",
      ),
      { maxLength: 40 },
    )
    .map((words) => words.join(" ")),
);

describe("any text", () => {
  it("gets a valid answer object and never throws (strings up to 10,000 characters)", () => {
    fc.assert(
      fc.property(questions, (question) => {
        const answer = core.answer(question);
        expect(answer.question).toBe(question);
        expect(INTENTS).toContain(answer.intent);
        expect(VERDICTS).toContain(answer.verdict);
        expect(answer.product === null || PRODUCT_IDS.includes(answer.product)).toBe(true);
        expect(answer.topic === null || TOPIC_IDS.includes(answer.topic)).toBe(true);
        expect(answer.intent === "support").toBe(answer.verdict !== null);
        expect(answer.intent === "faq").toBe(answer.topic !== null);
        expect(answer.text.startsWith(answer.headline)).toBe(true);
        expect(answer.text).toContain(core.source.url);
        // The answer text is built from the dataset only: user markup never comes back.
        for (const markup of ["<!channel>", "@everyone", "<@U123>"]) {
          if (question.includes(markup)) expect(answer.text).not.toContain(markup);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("answers a 1 MB question in well under a second, from its first 2,000 characters", () => {
    const huge = `does centos 6.5 work as dom0? ${"a".repeat(1_000_000)}`;
    const started = performance.now();
    const answer = core.answer(huge);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(answer).toMatchObject({ intent: "support", product: "centos", verdict: "yes" });
  });

  it("answers non-string input (from untyped JavaScript callers) as unclear", () => {
    const answer = core.answer(undefined as unknown as string);
    expect(answer.intent).toBe("unclear");
  });
});
