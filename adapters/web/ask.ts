/** One question asked over the web, by the API or the page: the shared rate limit, the core, the shared log. */
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import { LRUCache } from "lru-cache";
import type { Answer, Dom0Core } from "../../src/types.js";
import { today } from "../../src/word/dates.js";
import type { Ops } from "../common/ops.js";

/** The hono environment: node's request and response when served by node (absent in `app.request()`). */
export type WebEnv = { Bindings: Partial<HttpBindings> };

/** The address the request came from, as the socket says (headers such as X-Forwarded-For can be forged). */
export function clientAddress(c: Context<WebEnv>): string {
  return c.env?.incoming?.socket.remoteAddress ?? "unknown";
}

/** An answer with its JSON (what the API sends), or a refusal naming how many seconds to wait. */
export type Asked = { ok: true; answer: Answer; json: string } | { ok: false; retryAfterSeconds: number };

export type WebAsker = (c: Context<WebEnv>, question: string, asOf: string | undefined) => Asked;

/**
 * Answers remembered: the same question on the same day has the same answer, and the questions people ask
 * repeat. Answering costs more than the rest of a request; the bound keeps memory to a few MB (a question is at
 * most 2,000 characters, an answer's JSON a few KB).
 */
export const ANSWER_CACHE_ENTRIES = 1000;

/**
 * Answers for one client address at a time: past its burst (`ops.admit("web:<address>")`) a refusal with
 * the wait until a question is regained; otherwise `core.answer` (remembered per question and day), logged as
 * the chat platforms' answers are.
 */
export function createWebAsker(core: Dom0Core, ops: Ops, now: () => string = () => today()): WebAsker {
  const retryAfterSeconds = Math.max(1, Math.ceil(1 / ops.config.rateLimit.refillPerSecond));
  const cache = new LRUCache<string, { answer: Answer; json: string }>({ max: ANSWER_CACHE_ENTRIES });
  return (c, question, asOf) => {
    const receivedAt = performance.now();
    if (ops.admit(`web:${clientAddress(c)}`) !== "ok") return { ok: false, retryAfterSeconds };
    // Without a day the core answers for today: the key changes at midnight, as the answer may.
    const key = `${asOf ?? `today ${now()}`}\n${question}`;
    let known = cache.get(key);
    if (known === undefined) {
      const answer = asOf === undefined ? core.answer(question) : core.answer(question, { asOf });
      known = { answer, json: JSON.stringify(answer) };
      cache.set(key, known);
    }
    ops.answered({
      platform: "web",
      answer: known.answer,
      latencyMs: performance.now() - receivedAt,
      questionText: question,
    });
    return { ok: true, ...known };
  };
}
