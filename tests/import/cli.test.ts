import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sourceSchema } from "../../src/dataset/schema.js";

const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/dom0.js");
const FIXTURES = join(ROOT, "tests/fixtures/wiki");
const TMP = mkdtempSync(join(tmpdir(), "dom0-import-cli-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function dom0(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
}
const fixture = (name: string) => join(FIXTURES, name);

/** A fresh copy of data/ to write into. */
function dataCopy(name: string): string {
  const dir = join(TMP, name);
  cpSync(join(ROOT, "data"), dir, { recursive: true });
  return dir;
}

describe("dom0 import-wiki", () => {
  it("reads the current page (saved HTML) and says it matches the data, exit 0", () => {
    const result = dom0(["import-wiki", fixture("current.html")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Compared with wiki-current");
    expect(result.stdout).toContain("No differences: the page says what wiki-current says (14 rows).");
    expect(result.stderr).toBe("");
  });

  it("prints a changed page's rows added, removed, changed and unreadable", () => {
    const result = dom0(["import-wiki", fixture("current.changed.wiki")]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines).toContain("Rows added (1):");
    expect(lines.some((line) => line.startsWith("  + qubes Qubes OS") && line.includes("from 4.0"))).toBe(
      true,
    );
    expect(lines).toContain('  - mageia Mageia: "All versions"');
    expect(lines.some((line) => line.startsWith("  ~ fedora Fedora: versions, rules changed"))).toBe(true);
    expect(lines).toContain(
      '  ? opensuse OpenSUSE: "maybe 12, see talk page": "maybe 12" is not a Versions phrasing the importer knows',
    );
  });

  it("prints the differences as one JSON object with --json, against the source named", () => {
    const result = dom0([
      "import-wiki",
      "--json",
      "--against",
      "wiki-2014",
      fixture("2014-04-18.lines.wiki"),
    ]);
    expect(result.status).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(diff).toMatchObject({
      against: { id: "wiki-2014" },
      added: [],
      removed: [],
      changed: [],
      written: null,
    });
    expect(diff.carried).toEqual(["mainline"]);
    expect(diff.notes.changed.map((note: { id: string }) => note.id)).toEqual(["unix-1", "unix-2", "unix-5"]);
  });

  it("stores a new dated source with --write --date that validates, and the bot answers from it", () => {
    const data = dataCopy("write");
    const page = join(TMP, "fedora-18.wiki");
    const text = readFileSync(fixture("current.inline.wiki"), "utf8");
    writeFileSync(page, text.replace("Fedora 16 onwards", "Fedora 18 onwards"));
    const env = { DOM0_DATA_DIR: data };
    const result = dom0(["import-wiki", page, "--write", "--date", "2026-12-01"], env);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Wrote .*sources\/wiki-2026-12-01\.json\./);
    const written = JSON.parse(readFileSync(join(data, "sources/wiki-2026-12-01.json"), "utf8"));
    expect(sourceSchema.safeParse(written).success).toBe(true);
    expect(written).toMatchObject({ id: "wiki-2026-12-01", date: "2026-12-01", file: "fedora-18.wiki" });

    expect(dom0(["check-data"], env)).toMatchObject({
      status: 0,
      stdout: expect.stringContaining("is valid"),
    });
    const ask = (asOf: string) =>
      JSON.parse(dom0(["ask", "--json", "--as-of", asOf, "can fedora 17 be dom0?"], env).stdout);
    expect(ask("2026-11-30").verdict).toBe("yes");
    const after = ask("2026-12-01");
    expect(after.verdict).not.toBe("yes");
    expect(after.text).toContain("Fedora 18");

    const again = dom0(["import-wiki", page, "--write", "--date", "2026-12-01"], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^dom0 import-wiki: not written: .*already exists/);
  });

  it("refuses --write while a cell cannot be read: one line on stderr, exit 1, nothing written", () => {
    const data = dataCopy("refused");
    const result = dom0(["import-wiki", fixture("current.changed.wiki"), "--write", "--date", "2026-12-01"], {
      DOM0_DATA_DIR: data,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      'dom0 import-wiki: not written: 1 row(s) could not be read (OpenSUSE: "maybe 12, see talk page")',
    ]);
    expect(readdirSync(join(data, "sources")).filter((name) => name.startsWith("wiki-"))).toEqual([
      "wiki-2014.json",
      "wiki-current.json",
    ]);
  });

  it.each<[string[], string]>([
    [[], "name the FILE"],
    [["a.wiki", "b.wiki"], "one FILE only"],
    [["--write", "x.wiki"], "--write needs --date"],
    [["--date", "2026-12-01", "x.wiki"], "--date goes with --write"],
    [["--write", "--date", "2026-13-01", "x.wiki"], "--date must be a day"],
    [["--frobnicate", "x.wiki"], "--frobnicate"],
  ])("refuses bad arguments %j with exit 2", (args, message) => {
    const result = dom0(["import-wiki", ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Usage: dom0 import-wiki");
  });

  it("refuses an --against source that has no table", () => {
    const result = dom0(["import-wiki", "--against", "nope", fixture("current.inline.wiki")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--against: no source "nope"');
  });

  it.each<[string, Buffer | null, string]>([
    ["missing.wiki", null, "no such file"],
    [
      "binary.png",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      "a binary file",
    ],
    ["latin1.wiki", Buffer.from("{|\n! Versions\n|-\n| caf\xe9\n|}", "latin1"), "not UTF-8 text"],
    ["huge.wiki", Buffer.alloc(5 * 1024 * 1024 + 1, "a"), "over the 5 MB"],
    [
      "words.wiki",
      Buffer.from("Dom0 Kernels for Xen\n\nNo table here.\n"),
      'no wiki table with a "Versions" column',
    ],
  ])("refuses %s with one clear line and exit 1", (name, bytes, message) => {
    const path = join(TMP, name);
    if (bytes) writeFileSync(path, bytes);
    const result = dom0(["import-wiki", path]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`dom0 import-wiki: ${path}: `);
    expect(lines[0]).toContain(message);
  });
});
