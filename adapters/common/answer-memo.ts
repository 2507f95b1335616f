/**
 * Answers remembered per question, conversation context and day: the same question on the same day has the same
 * answer, and the questions people ask in chat repeat ("does CentOS 6.3 work as dom0?"). Answering costs more
 * than the rest of a chat request; the bound keeps memory to a few MB (a question is at most 2,000 characters).
 */
import { LRUCache } from "lru-cache";
import type { Answer, AnswerOptions, Dom0Core, StructuredQuestion } from "../../src/types.js";
import { today } from "../../src/word/dates.js";

export const ANSWER_MEMO_ENTRIES = 1000;

function contextKey(context: StructuredQuestion | null | undefined): string {
  if (!context) return "";
  return [
    context.product,
    context.variant ?? "",
    context.version ?? "",
    context.xen ?? "",
    context.asOf ?? "",
  ].join("|");
}

/** `core.answer`, remembered; without `asOf` the key holds today's date, so it changes at midnight as answers may. */
export function createAnswerMemo(
  core: Pick<Dom0Core, "answer">,
  options: { max?: number; now?: () => string } = {},
): (question: string, answerOptions?: AnswerOptions) => Answer {
  const now = options.now ?? (() => today());
  const memo = new LRUCache<string, Answer>({ max: options.max ?? ANSWER_MEMO_ENTRIES });
  return (question, answerOptions = {}) => {
    const key = `${answerOptions.asOf ?? `today ${now()}`}\n${contextKey(answerOptions.context)}\n${question}`;
    let answer = memo.get(key);
    if (answer === undefined) {
      answer = core.answer(question, answerOptions);
      memo.set(key, answer);
    }
    return answer;
  };
}
