import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InsightsStore, normaliseQuestion, openInsights } from "../../adapters/common/insights.js";
import { createLogger } from "../../adapters/common/logger.js";
import { buildReport, renderReportText } from "../../adapters/common/report.js";
import { fakeAnswer, unclearAnswer, unlistedAnswer } from "../support/fake-core.js";
import { LineCapture } from "./helpers/capture.js";
import { compiledModulesDir, removeTempDirs, tempDir } from "./helpers/files.js";

afterAll(removeTempDirs);

function open(path: string, options: { userIds?: boolean; enabled?: boolean } = {}) {
  const out = new LineCapture();
  const store = openInsights(
    { enabled: options.enabled ?? true, path, userIds: options.userIds ?? false },
    createLogger({ destination: out }),
  );
  return { store, out };
}

/** A row of either table, as the tests read it back. */
interface StoredRow {
  platform: string;
  question?: string;
  kind?: string;
  product_name?: string | null;
  rating?: number;
  intent?: string;
  product?: string | null;
  verdict?: string | null;
  topic?: string | null;
  user_id: string | null;
}

function rows(path: string, table: "misses" | "ratings"): StoredRow[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as StoredRow[];
  } finally {
    db.close();
  }
}

describe("normaliseQuestion", () => {
  it("lowercases, collapses whitespace, drops trailing punctuation and caps the length so alike questions group", async () => {
    expect(normaliseQuestion("  Does   FreeBSD\n work as DOM0?? ")).toBe("does freebsd work as dom0");
    expect(normaliseQuestion(`a${" b".repeat(500)}`)).toHaveLength(200);
  });
});

describe("the insights store", () => {
  let store: InsightsStore;
  let path: string;

  beforeAll(() => {
    path = join(tempDir(), "insights.db");
    store = open(path).store;
  });
  afterAll(() => store.close());

  it("records unclear answers and unlisted products, not answers the table settled", async () => {
    store.recordAnswer({ platform: "slack", answer: unclearAnswer("What about   PIZZA?"), userId: "U1" });
    store.recordAnswer({
      platform: "discord",
      answer: unlistedAnswer("Is FreeBSD 10 ok as dom0?", "FreeBSD"),
    });
    store.recordAnswer({ platform: "slack", answer: fakeAnswer() });
    store.recordAnswer({
      platform: "slack",
      answer: fakeAnswer({ intent: "faq", verdict: null, topic: "what-is-dom0" }),
    });
    await store.flush();
    const misses = rows(path, "misses");
    expect(misses.map((row) => [row.platform, row.kind, row.question, row.product_name])).toEqual([
      ["slack", "unclear", "what about pizza", null],
      ["discord", "unlisted", "is freebsd 10 ok as dom0", "FreeBSD"],
    ]);
    expect(misses.every((row) => row.user_id === null)).toBe(true);
  });

  it("records ratings with intent, product, verdict and platform, without user ids", async () => {
    store.recordRating({
      platform: "slack",
      rating: "up",
      intent: "support",
      product: "centos",
      verdict: "no",
      userId: "U1",
    });
    store.recordRating({
      platform: "discord",
      rating: "down",
      intent: "faq",
      product: null,
      verdict: null,
      topic: "mini-os",
    });
    await store.flush();
    expect(
      rows(path, "ratings").map((row) => [
        row.platform,
        row.rating,
        row.intent,
        row.product,
        row.verdict,
        row.topic,
        row.user_id,
      ]),
    ).toEqual([
      ["slack", 1, "support", "centos", "no", null, null],
      ["discord", -1, "faq", null, null, "mini-os", null],
    ]);
  });

  it("uses WAL so that several processes can write one file", async () => {
    const db = new Database(path, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("writes queued records within a fraction of a second, without a flush", async () => {
    const timedPath = join(tempDir(), "timed.db");
    const timed = open(timedPath).store;
    timed.recordAnswer({ platform: "terminal", answer: unclearAnswer("queued") });
    expect(rows(timedPath, "misses")).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(rows(timedPath, "misses").map((row) => row.question)).toEqual(["queued"]);
    await timed.close();
  });

  it("stores user ids only when the operator opts in", async () => {
    const optedPath = join(tempDir(), "opted.db");
    const opted = open(optedPath, { userIds: true }).store;
    opted.recordAnswer({ platform: "slack", answer: unclearAnswer("hm"), userId: "U42" });
    opted.recordRating({
      platform: "discord",
      rating: "up",
      intent: "list",
      product: null,
      verdict: null,
      userId: "9001",
    });
    await opted.close();
    expect(rows(optedPath, "misses")[0]?.user_id).toBe("U42");
    expect(rows(optedPath, "ratings")[0]?.user_id).toBe("9001");
  });

  it("keeps what it recorded across a restart", async () => {
    const restartPath = join(tempDir(), "restart.db");
    const first = open(restartPath).store;
    first.recordAnswer({ platform: "slack", answer: unclearAnswer("before restart") });
    await first.close();
    const second = open(restartPath).store;
    second.recordAnswer({ platform: "slack", answer: unclearAnswer("Before restart") });
    expect((await buildReport(second)).unanswered).toMatchObject([{ question: "before restart", count: 2 }]);
    await second.close();
  });

  it("creates no file and records nothing when turned off (INSIGHTS=0)", async () => {
    const offPath = join(tempDir(), "off.db");
    const { store: off, out } = open(offPath, { enabled: false });
    off.recordAnswer({ platform: "slack", answer: unclearAnswer("x") });
    expect(off.enabled).toBe(false);
    expect(existsSync(offPath)).toBe(false);
    expect(out.text).toContain("insights: off");
  });
});

describe("buildReport", () => {
  it("groups unanswered questions, most frequent first, with unlisted product names and ratings per intent and product", async () => {
    const { store } = open(join(tempDir(), "report.db"));
    const ask = (answer: ReturnType<typeof unclearAnswer>, times: number) => {
      for (let i = 0; i < times; i += 1) store.recordAnswer({ platform: "slack", answer });
    };
    ask(unclearAnswer("what is xen"), 1);
    ask(unlistedAnswer("Does FreeBSD work?", "FreeBSD"), 2);
    ask(unlistedAnswer("does  freebsd work", "freebsd"), 1);
    ask(unlistedAnswer("Gentoo as dom0?", "Gentoo"), 1);
    ask(unclearAnswer("how do I pass through a GPU"), 4);
    const rate = (rating: "up" | "down", product: "centos" | "debian", times: number) => {
      for (let i = 0; i < times; i += 1) {
        store.recordRating({ platform: "discord", rating, intent: "support", product, verdict: "yes" });
      }
    };
    rate("up", "centos", 3);
    rate("down", "centos", 1);
    rate("down", "debian", 2);
    store.recordRating({ platform: "slack", rating: "up", intent: "faq", product: null, verdict: null });

    const report = await buildReport(store, { now: new Date("2024-01-01T00:00:00Z") });
    expect(report.unanswered.map(({ question, kind, count }) => [count, kind, question])).toEqual([
      [4, "unclear", "how do i pass through a gpu"],
      [3, "unlisted", "does freebsd work"],
      [1, "unlisted", "gentoo as dom0"],
      [1, "unclear", "what is xen"],
    ]);
    expect(report.unlistedProducts).toEqual([
      { name: "freebsd", count: 3 },
      { name: "gentoo", count: 1 },
    ]);
    expect(report.ratings).toEqual([
      { intent: "support", product: "centos", up: 3, down: 1, share: 0.75 },
      { intent: "support", product: "debian", up: 0, down: 2, share: 0 },
      { intent: "faq", product: null, up: 1, down: 0, share: 1 },
    ]);
    expect((await buildReport(store, { limit: 2 })).unanswered).toHaveLength(2);

    const text = renderReportText(report);
    expect(text).toMatch(/^\s+4\s+unclear\s+how do i pass through a gpu$/m);
    expect(text).toMatch(/^\s+3\s+freebsd$/m);
    expect(text).toMatch(/^\s+support centos\s+3 up\s+1 down\s+75%$/m);
    expect(text.indexOf("how do i pass")).toBeLessThan(text.indexOf("does freebsd work"));
    await store.close();
  });
});

describe("a database it cannot use", () => {
  it("reports a corrupt file at start-up with its path and reason, and answering goes on without recording", async () => {
    const path = join(tempDir(), "corrupt.db");
    writeFileSync(path, `SQLite format 3\u0000${"garbage ".repeat(1000)}`);
    const { store, out } = open(path);
    expect(store.enabled).toBe(false);
    const line = out.json().find((entry) => entry.level === 50);
    expect(line?.path).toBe(path);
    expect(String(line?.reason)).toMatch(/corrupt|not a database|malformed/i);
    expect(String(line?.msg)).toContain("answering continues");
    expect(() =>
      store.recordAnswer({ platform: "slack", answer: unclearAnswer("still answering") }),
    ).not.toThrow();
    expect(() =>
      store.recordRating({ platform: "slack", rating: "up", intent: "faq", product: null, verdict: null }),
    ).not.toThrow();
  });

  it("reports a page-level corruption that only a check finds", async () => {
    const path = join(tempDir(), "damaged.db");
    const { store: healthy } = open(path);
    for (let i = 0; i < 2000; i += 1) {
      healthy.recordAnswer({ platform: "slack", answer: unclearAnswer(`question ${i} ${"x".repeat(100)}`) });
    }
    await healthy.close();
    // Overwrite the middle of the file (past the header and schema page) with noise.
    const fd = openSync(path, "r+");
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 10);
    closeSync(fd);
    const { store, out } = open(path);
    expect(store.enabled).toBe(false);
    const line = out.json().find((entry) => entry.level === 50);
    expect(line?.path).toBe(path);
    expect(line?.reason).toMatch(/^the file is corrupt or not SQLite/);
  });

  it("reports a path whose directory does not exist, naming the directory", async () => {
    const dir = join(tempDir(), "missing-dir");
    const { store, out } = open(join(dir, "insights.db"));
    expect(store.enabled).toBe(false);
    expect(out.json().find((entry) => entry.level === 50)?.reason).toBe(
      `the directory ${dir} does not exist`,
    );
  });

  it("reports a path under a regular file (unwritable however the process runs)", async () => {
    const file = join(tempDir(), "a-file");
    writeFileSync(file, "");
    const { store, out } = open(join(file, "insights.db"));
    expect(store.enabled).toBe(false);
    expect(out.json().find((entry) => entry.level === 50)?.reason).toBe(`${file} is not a directory`);
  });

  it("keeps answering when the file goes bad after start-up, logging the lost batch", async () => {
    const path = join(tempDir(), "later.db");
    const { store, out } = open(path);
    const saboteur = new Database(path);
    saboteur.exec("DROP TABLE misses");
    await saboteur.close();
    expect(() =>
      store.recordAnswer({ platform: "slack", answer: unclearAnswer("after the drop") }),
    ).not.toThrow();
    await expect(store.flush()).resolves.toBeUndefined();
    const warning = out.json().find((entry) => entry.level === 40);
    expect(warning).toMatchObject({
      msg: "insights: could not record a batch; answering goes on",
      path,
      lost: 1,
    });
    expect(JSON.stringify(warning)).toContain("no such table: misses");
    await store.close();
  });
});

describe("two processes writing one file", () => {
  let modules: string;
  beforeAll(() => {
    modules = compiledModulesDir();
  });

  function writer(db: string, count: number, name: string, goFile: string) {
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, "fixtures/insights-writer.mjs"), modules, db, String(count), name, goFile],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const ready = new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
      child.on("exit", (code) => resolve({ code, stderr })),
    );
    return { ready, exited };
  }

  it("loses no rows when both write at the same time", async () => {
    const dir = tempDir();
    const db = join(dir, "shared.db");
    const goFile = join(dir, "go");
    const alpha = writer(db, 2000, "alpha", goFile);
    const beta = writer(db, 2000, "beta", goFile);
    await Promise.all([alpha.ready, beta.ready]);
    writeFileSync(goFile, "");
    expect(await alpha.exited).toEqual({ code: 0, stderr: "" });
    expect(await beta.exited).toEqual({ code: 0, stderr: "" });
    const misses = rows(db, "misses");
    expect(misses).toHaveLength(4000);
    expect(misses.filter((row) => String(row.question).startsWith("alpha"))).toHaveLength(2000);
    expect(rows(db, "ratings")).toHaveLength(80);
    // The writers' transactions interleaved rather than ran one after the other.
    const firstBeta = misses.findIndex((row) => String(row.question).startsWith("beta"));
    const lastAlpha = misses.findLastIndex((row) => String(row.question).startsWith("alpha"));
    const firstAlpha = misses.findIndex((row) => String(row.question).startsWith("alpha"));
    const lastBeta = misses.findLastIndex((row) => String(row.question).startsWith("beta"));
    expect(firstBeta < lastAlpha && firstAlpha < lastBeta).toBe(true);
  }, 30_000);
});

describe("the store stays bounded and migrates", () => {
  it("migrates a file from before schema versions, keeping its rows", async () => {
    const { default: Database } = await import("better-sqlite3");
    const { MIGRATIONS } = await import("../../adapters/common/insights-db.js");
    const path = join(tempDir(), "old.db");
    const old = new Database(path);
    // The first released schema, as such a file has it: tables, no user_version, no index by time.
    old.exec(MIGRATIONS[0] as string);
    old
      .prepare("INSERT INTO misses (at, platform, kind, question) VALUES (?, 'slack', 'unclear', 'old one')")
      .run(Date.now());
    expect(old.pragma("user_version", { simple: true })).toBe(0);
    old.close();

    const { store } = open(path);
    expect(store.enabled).toBe(true);
    expect((await store.unanswered(10)).map((row) => row.question)).toEqual(["old one"]);
    await store.close();
    const after = new Database(path, { readonly: true });
    expect(after.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    const indexes = after.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as {
      name: string;
    }[];
    expect(indexes.map((index) => index.name)).toEqual(
      expect.arrayContaining(["misses_by_at", "ratings_by_at"]),
    );
    after.close();
  });

  it("removes rows older than the retention and all but the newest rows past the cap, at start-up", async () => {
    const { default: Database } = await import("better-sqlite3");
    const { enforceRetention, migrate } = await import("../../adapters/common/insights-db.js");
    const path = join(tempDir(), "full.db");
    const db = new Database(path);
    migrate(db);
    const day = 86_400_000;
    const now = Date.now();
    const insert = db.prepare(
      "INSERT INTO misses (at, platform, kind, question) VALUES (?, 'slack', 'unclear', ?)",
    );
    db.transaction(() => {
      for (let i = 0; i < 50; i++) insert.run(now - 400 * day, `ancient ${i}`);
      for (let i = 0; i < 300; i++) insert.run(now - i * 1000, `recent ${i}`);
    })();
    expect(enforceRetention(db, { days: 180, maxRows: 200 }, now)).toBe(150);
    const left = db.prepare("SELECT question FROM misses").all() as { question: string }[];
    expect(left).toHaveLength(200);
    expect(left.some((row) => row.question.startsWith("ancient"))).toBe(false);
    // The newest are kept: the last 200 inserted.
    expect(left.map((row) => row.question)).toContain("recent 299");
    expect(left.map((row) => row.question)).not.toContain("recent 99");
    db.close();
  });
});
