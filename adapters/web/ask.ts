/** One question asked over the web, by the API or the page: the shared rate limit, the core, the shared log. */
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import type { Answer, Dom0Core } from "../../src/types.js";
import { today } from "../../src/word/dates.js";
import { createAnswerMemo } from "../common/answer-memo.js";
import type { Ops } from "../common/ops.js";

/** The hono environment: node's request and response when served by node (absent in `app.request()`). */
export type WebEnv = { Bindings: Partial<HttpBindings> };

/** The address the request came from, as the socket says (headers such as X-Forwarded-For can be forged). */
export function clientAddress(c: Context<WebEnv>, trustedProxies = 0): string {
  const socket = c.env?.incoming?.socket.remoteAddress ?? "unknown";
  if (trustedProxies === 0) return socket;
  // Each proxy appends the address it was reached from: with N proxies of ours in front, the client is the N-th
  // from the right. Anything left of that was written by the client itself, and is not trusted.
  const forwarded = c.req.header("x-forwarded-for")?.slice(-1000) ?? "";
  const hops = forwarded
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  return hops.length >= trustedProxies ? (hops[hops.length - trustedProxies] as string) : socket;
}

/** An answer with its JSON (what the API sends), or a refusal naming how many seconds to wait. */
export type Asked = { ok: true; answer: Answer; json: string } | { ok: false; retryAfterSeconds: number };

export type WebAsker = (c: Context<WebEnv>, question: string, asOf: string | undefined) => Asked;

/**
 * Answers for one client address at a time: past its burst (`ops.admit("web:<address>")`) a refusal with
 * the wait until a question is regained; otherwise `core.answer` (remembered per question and day), logged as
 * the chat platforms' answers are.
 */
export function createWebAsker(
  core: Dom0Core,
  ops: Ops,
  now: () => string = () => today(),
  trustedProxies = 0,
): WebAsker {
  const retryAfterSeconds = Math.max(1, Math.ceil(1 / ops.config.rateLimit.refillPerSecond));
  // The chat platforms' answer memo (per question and day), and each remembered answer's JSON made once.
  const answerOf = createAnswerMemo(core, { now });
  const jsonOf = new WeakMap<Answer, string>();
  return (c, question, asOf) => {
    const receivedAt = performance.now();
    if (ops.admit(`web:${clientAddress(c, trustedProxies)}`) !== "ok")
      return { ok: false, retryAfterSeconds };
    const answer = answerOf(question, asOf === undefined ? {} : { asOf });
    let json = jsonOf.get(answer);
    if (json === undefined) {
      json = JSON.stringify(answer);
      jsonOf.set(answer, json);
    }
    ops.answered({
      platform: "web",
      answer,
      latencyMs: performance.now() - receivedAt,
      questionText: question,
    });
    return { ok: true, answer, json };
  };
}
