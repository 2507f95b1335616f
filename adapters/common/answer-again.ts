/** A question to ask again as it was first understood, without zod: the flow and the terminal load this. */
import type { Answer, Dom0Core, StructuredQuestion } from "../../src/types.js";

export interface Replay {
  /** The words as asked, to show ("Asked: ..."), and to answer from when nothing structured was understood. */
  question: string;
  query: StructuredQuestion | null;
  /** The day the answer was given for (YYYY-MM-DD). */
  asOf: string | null;
}

/** The answer a replay stands for: the structured question when there is one, else the words, on its day. */
export function answerAgain(core: Pick<Dom0Core, "answer" | "ask">, replay: Replay): Answer {
  const options = replay.asOf ? { asOf: replay.asOf } : {};
  if (replay.query) return { ...core.ask(replay.query, options), question: replay.question };
  return core.answer(replay.question, options);
}
