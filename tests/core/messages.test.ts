/**
 * Messages as admins write them (kernel strings, several systems, filtered lists, pasted logs, other
 * languages, fragments), as of today: each with the structured answer it must get, and for a message about
 * several systems, one answer each.
 */
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/index.js";
import { loadCore } from "../../src/index.js";
import { MESSAGE_PHRASINGS, type MessageExpectation } from "./message-phrasings.js";

const TODAY = "2026-12-02";
const core = loadCore({ asOf: TODAY });

function expectAnswer(answer: Answer, expected: MessageExpectation, where: string): void {
  const { mentions = [], absent = [], verdict, answers, ...fields } = expected;
  expect(answer, where).toMatchObject(fields);
  if (verdict !== undefined)
    expect(Array.isArray(verdict) ? verdict : [verdict], where).toContain(answer.verdict);
  for (const word of mentions) expect(answer.text.toLowerCase(), where).toContain(word.toLowerCase());
  for (const word of absent) expect(answer.text, where).not.toContain(word);
  if (answers !== undefined) {
    expect(answer.answers?.length, `${where}: answers`).toBe(answers.length);
    answers.forEach((one, i) => {
      const given = answer.answers?.[i];
      expect(given, `${where}: answer ${i + 1}`).toBeDefined();
      if (given) expectAnswer(given, one, `${where}: answer ${i + 1}`);
    });
  }
}

describe("answers each message as written", () => {
  it.each(MESSAGE_PHRASINGS)("%s", (question, expected) => {
    expectAnswer(core.answer(question), expected, question);
  });

  it("covers at least 250 messages", () => {
    expect(MESSAGE_PHRASINGS.length).toBeGreaterThanOrEqual(250);
  });
});
