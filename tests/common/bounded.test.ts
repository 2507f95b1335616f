/**
 * One user must never freeze the bot: every piece of user text is cut before a pattern runs on it. These are
 * the inputs that used to cost seconds (a long run of "?" before a letter); each must now be handled at once.
 * Not a timing test of speed: a bound of 200 ms per call is a hundred times what it takes, and far below the
 * second the unbounded code took.
 */
import { describe, expect, it } from "vitest";
import { normaliseQuestion } from "../../adapters/common/insights.js";
import { questionFromSlackText } from "../../adapters/slack/mrkdwn.js";
import { loadCore } from "../../src/index.js";

const hostile = [
  `${"?".repeat(40_000)}x`,
  `${"!".repeat(100_000)}.`,
  `${" ".repeat(200_000)}a`,
  `${"<@".repeat(50_000)}x`,
  `${"a-".repeat(100_000)}1`,
  `${"1.".repeat(100_000)}x`,
];

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

describe("hostile input is bounded before any pattern runs", () => {
  const core = loadCore();
  it.each(hostile.map((text, i) => [i, text] as const))(
    "input %i: insights, Slack text and the core",
    (_i, text) => {
      expect(timed(() => normaliseQuestion(text))).toBeLessThan(200);
      expect(normaliseQuestion(text).length).toBeLessThanOrEqual(200);
      expect(timed(() => questionFromSlackText(text))).toBeLessThan(200);
      expect(timed(() => core.answer(text))).toBeLessThan(200);
    },
  );
});
