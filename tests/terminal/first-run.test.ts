import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const DOM0 = join(ROOT, "bin/dom0.js");
const TRACER = join(ROOT, "tests/fixtures/terminal/trace-imports.mjs");
const CACHE = join(ROOT, "node_modules/.cache/dom0bot");
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "dom0-first-run-"));
// A data folder of its own: its validated-bytes marker is its own, whatever other tests do meanwhile.
const data = join(dir, "data");
cpSync(join(ROOT, "data"), data, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One `dom0 ask --json`, with whether it loaded zod (validated the data) and what it answered. */
async function ask(question: string) {
  const trace = join(dir, `trace-${Math.random().toString(36).slice(2)}`);
  writeFileSync(trace, "");
  const { stdout } = await run(process.execPath, ["--import", TRACER, DOM0, "ask", "--json", question], {
    env: {
      PATH: process.env["PATH"] ?? "",
      DOM0_DATA_DIR: data,
      TRACE_FILE: trace,
      DOM0_AS_OF: "2014-04-18",
    },
  });
  const loaded = readFileSync(trace, "utf8");
  return { answer: JSON.parse(stdout), validated: /\/node_modules\/zod\//.test(loaded) };
}

/** The marker that says this data folder's bytes passed validation (src/dataset/cached.ts names it so). */
const marker = join(
  CACHE,
  `validated-${createHash("sha256").update(resolve(data)).digest("hex").slice(0, 16)}`,
);

describe("dom0 on first use and after", () => {
  it("validates new data once, then answers from the validated bytes without loading zod", async () => {
    const first = await ask("does CentOS 6.3 work as dom0?");
    expect(first.validated).toBe(true);
    expect(first.answer).toMatchObject({ product: "centos", version: "6.3", verdict: "no" });
    const second = await ask("does CentOS 6.3 work as dom0?");
    expect(second.validated).toBe(false);
    expect(second.answer).toEqual(first.answer);
  });

  it("recovers from an interrupted first run: a damaged marker and a stray half-written one are not trusted", async () => {
    await ask("is Debian squeeze OK with Xen 3.4?");
    expect(existsSync(marker)).toBe(true);
    // Damage the marker (as a crash mid-write would, had it not been written aside and renamed into place) and
    // leave a half-written one beside it.
    writeFileSync(marker, "half a finger");
    writeFileSync(`${marker}.99999.tmp`, "half");
    const after = await ask("is Debian squeeze OK with Xen 3.4?");
    expect(after.validated).toBe(true);
    expect(after.answer).toMatchObject({ product: "debian", version: "6.0", xen: "3.4", verdict: "no" });
    expect((await ask("is Debian squeeze OK with Xen 3.4?")).validated).toBe(false);
    rmSync(`${marker}.99999.tmp`, { force: true });
  });

  it("validates again when a data file changes, and a bad change stops with the file, the field and the reason", async () => {
    expect((await ask("does CentOS 6.3 work as dom0?")).validated).toBe(false);
    const products = join(data, "products.json");
    const good = readFileSync(products, "utf8");
    writeFileSync(products, good.replace('"id": "centos"', '"id": "cent os"'));
    const failed = await run(process.execPath, [DOM0, "ask", "does CentOS 6.3 work as dom0?"], {
      env: { PATH: process.env["PATH"] ?? "", DOM0_DATA_DIR: data },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/products\.json[\s\S]*\$\.products\[\d+\]\.id: Invalid option/);
    // The bad bytes never replaced the marker: the good bytes, put back, are the ones that passed.
    writeFileSync(products, good);
    const restored = await ask("does CentOS 6.3 work as dom0?");
    expect(restored.validated).toBe(false);
    expect(restored.answer).toMatchObject({ product: "centos", verdict: "no" });
  });
});
