import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openInsightsReader } from "../../adapters/common/insights.js";
import { createLogger } from "../../adapters/common/logger.js";
import { createOps } from "../../adapters/common/ops.js";
import { ratingId } from "../../adapters/common/rating-id.js";
import { buildReport } from "../../adapters/common/report.js";
import { fakeAnswer, unlistedAnswer } from "../support/fake-core.js";
import { LineCapture } from "./helpers/capture.js";
import { removeTempDirs, tempDir } from "./helpers/files.js";

afterAll(removeTempDirs);

function ops(env: Record<string, string> = {}) {
  const db = join(tempDir(), "insights.db");
  const out = new LineCapture();
  return {
    db,
    out,
    ops: createOps({ env: { INSIGHTS_DB: db, ...env }, logger: createLogger({ destination: out }) }),
  };
}

describe("createOps: what an adapter calls", () => {
  it("logs and records an answer the bot could not give, without text or user id by default", async () => {
    const { db, out, ops: operations } = ops();
    const answer = unlistedAnswer("Does FreeBSD work as dom0?", "FreeBSD");
    operations.answered({
      platform: "discord",
      answer,
      latencyMs: 2,
      userId: "81234",
      questionText: answer.question,
    });
    operations.answered({ platform: "discord", answer: fakeAnswer(), latencyMs: 1 });
    await operations.close();
    const answerLines = out.json().filter((line) => line.msg === "answered");
    expect(answerLines).toHaveLength(2);
    expect(answerLines[0]).toMatchObject({ platform: "discord", intent: "support", verdict: "unlisted" });
    expect(out.text).not.toContain("81234");
    expect(out.text).not.toContain("FreeBSD work");
    const reader = await openInsightsReader(db);
    expect((await buildReport(reader)).unanswered).toMatchObject([
      { question: "does freebsd work as dom0", count: 1 },
    ]);
    await reader.close();
  });

  it("logs question text and user id when LOG_QUESTIONS=1", async () => {
    const { out, ops: operations } = ops({ LOG_QUESTIONS: "1" });
    operations.answered({
      platform: "slack",
      answer: fakeAnswer(),
      latencyMs: 1,
      userId: "U9",
      questionText: "q?",
    });
    await operations.close();
    expect(out.json().find((line) => line.msg === "answered")).toMatchObject({
      question: "q?",
      userId: "U9",
    });
  });

  it("records a rating from a button id and ignores ids that are not ratings", async () => {
    const { db, ops: operations } = ops();
    const id = ratingId("up", fakeAnswer({ product: "debian", verdict: "yes" }));
    expect(operations.rated("slack", id, "U1")).toBe(true);
    expect(operations.rated("slack", "dom0_share")).toBe(false);
    expect(operations.rated("discord", "dom0:rate:up:support:gentoo:yes:-")).toBe(false);
    await operations.close();
    const reader = await openInsightsReader(db);
    expect((await buildReport(reader)).ratings).toEqual([
      { intent: "support", product: "debian", up: 1, down: 0, share: 1 },
    ]);
    await reader.close();
  });

  it("limits each user by RATE_LIMIT_BURST", async () => {
    const { ops: operations } = ops({ RATE_LIMIT_BURST: "2" });
    expect([1, 2, 3, 4].map(() => operations.admit("slack:T1:U1"))).toEqual([
      "ok",
      "ok",
      "limited-first",
      "limited",
    ]);
    expect(operations.admit("slack:T1:U2")).toBe("ok");
    await operations.close();
  });
});
