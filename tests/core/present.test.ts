import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCore } from "../../src/index.js";
import { PRESENT_PHRASINGS } from "./present-phrasings.js";

/** The day the present-day table was written for: every source counts. */
const TODAY = "2026-12-02";
const core = loadCore({ asOf: TODAY });

describe("answers each present-day phrasing with the expected structured answer", () => {
  it.each(PRESENT_PHRASINGS)("%s", (question, expected) => {
    const answer = core.answer(question);
    const { mentions = [], absent = [], verdict, ...fields } = expected;
    expect(answer).toMatchObject(fields);
    if (verdict !== undefined) expect(Array.isArray(verdict) ? verdict : [verdict]).toContain(answer.verdict);
    for (const word of mentions) expect(answer.text.toLowerCase()).toContain(word.toLowerCase());
    for (const word of absent) expect(answer.text).not.toContain(word);
  });

  it("covers at least 150 present-day phrasings", () => {
    expect(PRESENT_PHRASINGS.length).toBeGreaterThanOrEqual(150);
  });
});

describe("answers for today", () => {
  it("names the deciding source and its date first, and says how the 2014 table differed", () => {
    const answer = core.answer("is jessie ok as a dom0?");
    expect(answer.verdict).toBe("yes");
    expect(answer.headline).toMatch(/current table.*read 28 November 2026/);
    expect(answer.text).toMatch(/The 2014 table .*said/);
    expect(answer.sources.map((source) => source.id)).toEqual(["wiki-current", "wiki-2014"]);
    expect(answer.sources.map((source) => source.verdict)).toEqual(["yes", "unlisted"]);
  });

  it("lets a withdrawal override an open row: SLES 16 is no, though 'All versions since 11' covers it", () => {
    const answer = core.answer("can SLES 16 be a xen host?");
    expect(answer.verdict).toBe("no");
    expect(answer.headline).toMatch(/SUSE's SLES 16 documentation \(24 October 2025\)/);
    expect(answer.sources.find((source) => source.id === "wiki-current")?.verdict).toBe("yes");
  });

  it("calls a row narrowed since 2014 partial, with both facts", () => {
    const answer = core.answer("opensuse 10.3 dom0?");
    expect(answer.verdict).toBe("partial");
    expect(answer.headline).toMatch(/2014 table.*listed.*no longer names it/);
  });

  it("says a release newer than an open row falls under its wording, with the release's date, never 'listed'", () => {
    const answer = core.answer("debian 9 dom0?");
    expect(answer.headline).toMatch(/Debian 9 \(Stretch\) \(released 17 June 2017\) falls under/);
    expect(answer.headline).not.toMatch(/listed/);
  });

  it("answers from the 2014 revision as of 2014-04-18 and from today's sources without a day", () => {
    expect(core.answer("Debian 8 dom0?", { asOf: "2014-04-18" }).verdict).toBe("unlisted");
    expect(core.answer("Debian 8 dom0?").verdict).toBe("yes");
    expect(core.answer("FreeBSD 12 dom0?", { asOf: "2014-04-18" })).toMatchObject({
      product: null,
      verdict: "unlisted",
    });
    expect(core.answer("FreeBSD 12 dom0?")).toMatchObject({ product: "freebsd", verdict: "yes" });
  });

  it("says which Xen releases are supported on the day asked", () => {
    expect(core.answer("is xen 4.17 still supported?", { asOf: "2028-01-01" }).headline).toMatch(
      /out of support/,
    );
    expect(core.answer("is xen 4.17 still supported?").headline).toMatch(/security-supported only/);
  });
});

describe("any question on any day", () => {
  const days = fc
    .date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2030-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10));
  const questions = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom(
      ...PRESENT_PHRASINGS.map(([question]) => question),
      "does CentOS 6.3 work as dom0?",
      "which BSDs can be dom0?",
      "hello",
    ),
  );

  it("cites only sources dated on or before that day, newest first", () => {
    fc.assert(
      fc.property(questions, days, (question, day) => {
        const answer = core.answer(question, { asOf: day });
        expect(answer.asOf).toBe(day);
        for (const source of answer.sources) expect(source.date <= day).toBe(true);
        const dates = answer.sources.map((source) => source.date);
        expect(dates).toEqual([...dates].sort().reverse());
      }),
      { numRuns: 400 },
    );
  });
});
