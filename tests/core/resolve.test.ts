import { describe, expect, it } from "vitest";
import { loadCore } from "../../src/index.js";
import { PHRASINGS } from "./phrasings.js";

const core = loadCore();

describe("answers each phrasing with the expected structured answer", () => {
  it.each(PHRASINGS)("%s", (question, expected) => {
    const answer = core.answer(question);
    const { mentions = [], absent = [], ...fields } = expected;
    expect(answer).toMatchObject(fields);
    for (const word of mentions) expect(answer.text.toLowerCase()).toContain(word.toLowerCase());
    for (const word of absent) expect(answer.text).not.toContain(word);
  });

  it("covers at least 150 phrasings", () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(150);
  });
});

describe("every answer", () => {
  it.each(PHRASINGS.map(([question]) => [question]))(
    "leads with a verdict line and names its source: %s",
    (question) => {
      const answer = core.answer(question);
      expect(answer.text.split("\n")[0]).toBe(answer.headline);
      expect(answer.headline.length).toBeGreaterThan(10);
      expect(answer.text).toContain("https://wiki.xenproject.org/wiki/Dom0_Kernels_for_Xen");
      expect(answer.text).toContain("18 April 2014");
      expect(answer.question).toBe(question);
    },
  );

  it("never says a bare yes: a yes comes with the row it stands on", () => {
    for (const [question] of PHRASINGS) {
      const answer = core.answer(question);
      if (answer.verdict === "yes")
        expect(answer.reasons.some((reason) => reason.includes("row"))).toBe(true);
    }
  });
});
