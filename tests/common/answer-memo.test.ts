import { describe, expect, it } from "vitest";
import { createAnswerMemo } from "../../adapters/common/answer-memo.js";
import type { Answer, AnswerOptions } from "../../src/types.js";
import { fakeAnswer } from "../support/fake-core.js";

function countingCore() {
  const calls: { question: string; options?: AnswerOptions }[] = [];
  return {
    calls,
    answer(question: string, options?: AnswerOptions): Answer {
      calls.push({ question, options });
      return fakeAnswer({ question, asOf: options?.asOf ?? "2026-12-02" });
    },
  };
}

describe("the answer memo", () => {
  it("answers a repeated question from memory, but asks again on another day, with another context, or when full", () => {
    const core = countingCore();
    let day = "2026-12-02";
    const ask = createAnswerMemo(core, { max: 2, now: () => day });
    const first = ask("does CentOS 6.3 work as dom0?");
    expect(ask("does CentOS 6.3 work as dom0?")).toBe(first);
    expect(core.calls).toHaveLength(1);
    // A follow-up fragment means another thing in another conversation.
    ask("does CentOS 6.3 work as dom0?", { context: { product: "debian", version: "7" } });
    expect(core.calls).toHaveLength(2);
    // Midnight: today's answer may differ from yesterday's.
    day = "2026-12-03";
    ask("does CentOS 6.3 work as dom0?");
    expect(core.calls).toHaveLength(3);
    // An explicit day is its own key, whatever today is.
    ask("does CentOS 6.3 work as dom0?", { asOf: "2014-04-18" });
    ask("does CentOS 6.3 work as dom0?", { asOf: "2014-04-18" });
    expect(core.calls).toHaveLength(4);
    // Bounded: the oldest entry is forgotten first.
    ask("is Debian squeeze OK with Xen 3.4?");
    ask("does CentOS 6.3 work as dom0?", { asOf: "2014-04-18" });
    expect(core.calls).toHaveLength(5);
    day = "2026-12-02";
    ask("does CentOS 6.3 work as dom0?");
    expect(core.calls).toHaveLength(6);
  });
});
