/**
 * What a button carries to give its answer again exactly as the first time: the question as the core understood
 * it (product, variant, version, Xen) and the day it was answered for. Nothing is re-asked in English, so a
 * "Why?" or a "Share" can never show another verdict than the answer it sits under.
 */
import { z } from "zod";
import type { Answer } from "../../src/types.js";
import { PRODUCT_IDS } from "../../src/types.js";
import type { Replay } from "./answer-again.js";

export { answerAgain, type Replay } from "./answer-again.js";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELD = z.string().max(100).nullable().optional();

const REPLAY = z.object({
  q: z.string().max(4000),
  a: z.string().regex(DAY).nullable().optional(),
  s: z
    .object({ product: z.enum(PRODUCT_IDS), variant: FIELD, version: FIELD, xen: FIELD })
    .nullable()
    .optional(),
});

export function replayOf(answer: Answer): Replay {
  return { question: answer.question, query: answer.query, asOf: answer.asOf };
}

/** The replay as a button value of at most `limit` characters: the question is shortened, never the rest. */
export function encodeReplay(replay: Replay, limit: number): string {
  const fixed = { a: replay.asOf, s: replay.query };
  const room = limit - JSON.stringify({ q: "", ...fixed }).length;
  let question = replay.question.slice(0, Math.max(0, room));
  // JSON escapes can make the text longer than its characters: cut until it fits.
  while (question.length > 0 && JSON.stringify({ q: question, ...fixed }).length > limit) {
    question = question.slice(0, Math.floor(question.length * 0.9));
  }
  return JSON.stringify({ q: question, ...fixed });
}

/**
 * Reads a button value back. A value that is not ours (forged, or from a version that carried the bare question)
 * is taken as the question's words, which is what such buttons meant.
 */
export function decodeReplay(value: unknown): Replay | null {
  if (typeof value !== "string" || value.length > 4000) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { question: value, query: null, asOf: null };
  }
  const replay = REPLAY.safeParse(parsed);
  if (!replay.success)
    return typeof parsed === "string" ? null : { question: value, query: null, asOf: null };
  return { question: replay.data.q, query: replay.data.s ?? null, asOf: replay.data.a ?? null };
}
