import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openInsights } from "../../adapters/common/insights.js";
import { migratePostgres, PG_MIGRATIONS } from "../../adapters/common/insights-pg.js";
import { createLogger } from "../../adapters/common/logger.js";
import { runReport } from "../../adapters/terminal/report.js";
import { unclearAnswer, unlistedAnswer } from "../support/fake-core.js";
import { postgresSkipReason, startPostgres, type TestPostgres } from "../support/postgres.js";
import { LineCapture } from "./helpers/capture.js";

const skip = postgresSkipReason();

function replica(url: string, options: { days?: number; maxRows?: number } = {}) {
  const out = new LineCapture();
  const store = openInsights(
    { enabled: true, path: url, userIds: false, retentionDays: options.days, maxRows: options.maxRows },
    createLogger({ destination: out }),
  );
  return { store, out };
}

async function report(url: string): Promise<{ code: number; text: string }> {
  const out = new LineCapture();
  const code = await runReport(["--db", url, "--json"], out);
  return { code, text: out.text };
}

describe.skipIf(skip !== null)(`the insights store in PostgreSQL${skip ? ` (skipped: ${skip})` : ""}`, () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(() => server?.stop());

  it("lets two replicas write one store, so the report counts both replicas' questions and ratings", async () => {
    const [a, b] = [replica(server.url), replica(server.url)];
    // Both start together: the migration runs once, under a lock, and both can record.
    expect(await Promise.all([a.store.ready(), b.store.ready()])).toEqual([true, true]);
    a.store.recordAnswer({ platform: "slack", answer: unlistedAnswer("Does FreeBSD work?", "FreeBSD") });
    b.store.recordAnswer({ platform: "discord", answer: unlistedAnswer("does freebsd work", "freebsd") });
    b.store.recordAnswer({ platform: "discord", answer: unclearAnswer("Xen on a Raspberry Pi?") });
    a.store.recordRating({
      platform: "slack",
      rating: "up",
      intent: "support",
      product: "debian",
      verdict: "yes",
    });
    b.store.recordRating({
      platform: "discord",
      rating: "down",
      intent: "support",
      product: "debian",
      verdict: "yes",
    });
    await Promise.all([a.store.close(), b.store.close()]);

    const { code, text } = await report(server.url);
    expect(code).toBe(0);
    const built = JSON.parse(text);
    expect(built.unanswered).toMatchObject([
      { question: "does freebsd work", kind: "unlisted", count: 2 },
      { question: "xen on a raspberry pi", kind: "unclear", count: 1 },
    ]);
    expect(built.unlistedProducts).toEqual([{ name: "freebsd", count: 2 }]);
    expect(built.ratings).toEqual([{ intent: "support", product: "debian", up: 1, down: 1, share: 0.5 }]);
    // The report names the database without its password.
    expect(built.database).toContain(`127.0.0.1:${server.port}/insights`);
    expect(text).not.toContain(server.password);
  });

  it("never logs the database password", async () => {
    const { store, out } = replica(server.url);
    await store.ready();
    await store.close();
    expect(out.text).toContain("insights: recording to PostgreSQL");
    expect(out.text).not.toContain(server.password);
  });

  it("migrates a database from an older schema version, keeping its rows", async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 1 });
    try {
      const before = await pool.query("SELECT COUNT(*)::int AS n FROM misses");
      // A later release adds a migration: the database goes from version 1 to 2, and no row is lost.
      const version = await migratePostgres(pool, [
        ...PG_MIGRATIONS,
        "ALTER TABLE misses ADD COLUMN note TEXT",
      ]);
      expect(version).toBe(2);
      const after = await pool.query("SELECT COUNT(*)::int AS n, COUNT(note)::int AS notes FROM misses");
      expect(after.rows[0]).toEqual({ n: before.rows[0].n, notes: 0 });
      expect((await pool.query("SELECT version FROM dom0bot_schema")).rows).toEqual([{ version: 2 }]);
      // A replica of the older release still starts against the newer schema.
      const { store } = replica(server.url);
      expect(await store.ready()).toBe(true);
      await store.close();
    } finally {
      await pool.end();
    }
  });

  it("removes rows older than the retention and all but the newest rows past the cap, at start-up", async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 1 });
    try {
      await pool.query("TRUNCATE misses, ratings");
      const old = Date.now() - 200 * 86_400_000;
      await pool.query(
        `INSERT INTO misses (at, platform, kind, question) SELECT $1, 'slack', 'unclear', 'old ' || n
         FROM generate_series(1, 5) AS n`,
        [old],
      );
      await pool.query(
        `INSERT INTO misses (at, platform, kind, question) SELECT $1, 'slack', 'unclear', 'new ' || n
         FROM generate_series(1, 150) AS n`,
        [Date.now()],
      );
      const { store, out } = replica(server.url, { days: 180, maxRows: 100 });
      expect(await store.ready()).toBe(true);
      await store.close();
      const left = await pool.query("SELECT MIN(question) AS first, COUNT(*)::int AS n FROM misses");
      expect(left.rows[0].n).toBe(100);
      expect(
        (await pool.query("SELECT COUNT(*)::int AS n FROM misses WHERE question LIKE 'old %'")).rows[0].n,
      ).toBe(0);
      expect(out.text).toContain('"removed":55');
    } finally {
      await pool.end();
    }
  });

  it("reports an unreachable database once at start-up, without its password, and records nothing after", async () => {
    const url = `postgres://dom0:${server.password}@127.0.0.1:1/insights`;
    const { store, out } = replica(url);
    expect(await store.ready()).toBe(false);
    expect(store.enabled).toBe(false);
    store.recordAnswer({ platform: "slack", answer: unclearAnswer("still answered") });
    await store.close();
    const errors = out.json().filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(String(errors[0]?.msg)).toMatch(
      /cannot use postgres:\/\/dom0:\*\*\*@127\.0\.0\.1:1\/insights.*Recording is off/,
    );
    expect(out.text).not.toContain(server.password);
  });

  it("refuses to report from a database the bot never wrote, saying so", async () => {
    const url = server.url.replace(/\/insights$/, "/postgres");
    const { code, text } = await report(url);
    expect(code).toBe(1);
    expect(text).toMatch(/Cannot read the insights database .*no insights tables yet/);
    expect(text).not.toContain(server.password);
  });

  // Last: it stops the server.
  it("keeps answering when the database goes away at run time, warning once rather than per batch", async () => {
    const { store, out } = replica(server.url);
    expect(await store.ready()).toBe(true);
    await server.stop();
    for (let i = 0; i < 5; i++) {
      store.recordAnswer({ platform: "slack", answer: unclearAnswer(`lost ${i}`) });
      await store.flush();
    }
    await store.close();
    const warnings = out
      .json()
      .filter((line) => line.msg === "insights: could not record a batch; answering goes on");
    expect(warnings).toHaveLength(1);
    expect(out.text).not.toContain(server.password);
  }, 30_000);
});
