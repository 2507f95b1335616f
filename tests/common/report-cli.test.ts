import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openInsights } from "../../adapters/common/insights.js";
import { createLogger } from "../../adapters/common/logger.js";
import type { InsightsReport } from "../../adapters/common/report.js";
import { runReport } from "../../adapters/terminal/report.js";
import { unclearAnswer, unlistedAnswer } from "../support/fake-core.js";
import { LineCapture } from "./helpers/capture.js";
import { removeTempDirs, tempDir } from "./helpers/files.js";

afterAll(removeTempDirs);

async function report(argv: string[]): Promise<{ code: number; output: string }> {
  const out = new PassThrough();
  let output = "";
  out.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await runReport(argv, out);
  return { code, output };
}

describe("dom0 report", () => {
  let db: string;
  beforeAll(async () => {
    db = join(tempDir(), "insights.db");
    const store = openInsights(
      { enabled: true, path: db, userIds: false },
      createLogger({ destination: new LineCapture() }),
    );
    for (let i = 0; i < 3; i += 1)
      store.recordAnswer({ platform: "slack", answer: unlistedAnswer("Is FreeBSD OK?", "FreeBSD") });
    store.recordAnswer({ platform: "discord", answer: unclearAnswer("Xen on a Raspberry Pi") });
    store.recordRating({
      platform: "slack",
      rating: "up",
      intent: "support",
      product: "debian",
      verdict: "yes",
    });
    store.recordRating({
      platform: "discord",
      rating: "down",
      intent: "support",
      product: "debian",
      verdict: "yes",
    });
    await store.close();
  });

  it("prints the unanswered questions, most asked first, then products and ratings as text", async () => {
    const { code, output } = await report(["--db", db]);
    expect(code).toBe(0);
    expect(output).toContain(`dom0bot insights from ${db}`);
    expect(output).toMatch(/^\s+3\s+unlisted\s+is freebsd ok$/m);
    expect(output).toMatch(/^\s+1\s+unclear\s+xen on a raspberry pi$/m);
    expect(output.indexOf("is freebsd ok")).toBeLessThan(output.indexOf("xen on a raspberry pi"));
    expect(output).toMatch(/^\s+support debian\s+1 up\s+1 down\s+50%$/m);
  });

  it("prints one JSON object with --json, honouring --limit", async () => {
    const { code, output } = await report(["--json", "--db", db, "--limit", "1"]);
    expect(code).toBe(0);
    const parsed = JSON.parse(output) as InsightsReport;
    expect(parsed.database).toBe(db);
    expect(parsed.unanswered).toEqual([
      { question: "is freebsd ok", kind: "unlisted", count: 3, lastAsked: expect.any(String) },
    ]);
    expect(parsed.unlistedProducts).toEqual([{ name: "freebsd", count: 3 }]);
    expect(parsed.ratings).toEqual([{ intent: "support", product: "debian", up: 1, down: 1, share: 0.5 }]);
  });

  it("names the path when there is no database yet, and creates none", async () => {
    const missing = join(tempDir(), "none.db");
    const { code, output } = await report(["--db", missing]);
    expect(code).toBe(1);
    expect(output).toContain(`No insights database at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });

  it("names the path and the reason for a corrupt database", async () => {
    const corrupt = join(tempDir(), "corrupt.db");
    writeFileSync(corrupt, "this is not sqlite at all, just text ".repeat(100));
    const { code, output } = await report(["--db", corrupt]);
    expect(code).toBe(1);
    expect(output).toContain(`Cannot read the insights database ${corrupt}`);
    expect(output).toMatch(/not a database|corrupt/i);
  });

  it.each([[["--limit", "0"]], [["--limit", "many"]], [["--colour"]], [["extra"]]])(
    "rejects bad arguments %j with usage and exit code 2",
    async (argv) => {
      const { code, output } = await report(["--db", db, ...argv]);
      expect(code).toBe(2);
      expect(output).toContain("Usage: dom0 report");
    },
  );
});
