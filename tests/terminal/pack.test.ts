/**
 * `npm pack` yields a package that works: dist/, data/, bin/, the README and the LICENSE, no tests; unpacked into
 * an empty folder (its dependencies beside it, as an install puts them), `dom0 ask` answers.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "dom0-pack-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pack(): { filename: string; files: string[] } {
  // --ignore-scripts: dist/ is already built (the test setup builds it); prepare would build it again.
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const out = execFileSync(npm, ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const [packed] = JSON.parse(out.slice(out.indexOf("["))) as {
    filename: string;
    files: { path: string }[];
  }[];
  if (!packed) throw new Error(`npm pack printed no package:\n${out}`);
  return { filename: packed.filename, files: packed.files.map((file) => file.path) };
}

describe("npm pack", () => {
  const packed = pack();

  it("holds what runs and what an admin reads, and no tests", () => {
    for (const path of [
      "bin/dom0.js",
      "dist/adapters/terminal/run.js",
      "dist/adapters/main.js",
      "dist/src/core.js",
      "data/products.json",
      "data/sources/wiki-2014.json",
      "README.md",
      "LICENSE",
      ".env.example",
      "deploy/dom0bot.service",
    ]) {
      expect(packed.files, path).toContain(path);
    }
    expect(packed.files.filter((path) => /^(tests|bench|dist\/tests|dist\/bench|src)\//.test(path))).toEqual(
      [],
    );
  });

  it("unpacked into an empty folder, answers with dom0 ask", () => {
    const into = join(dir, "installed");
    execFileSync("mkdir", ["-p", into]);
    execFileSync("tar", ["xzf", join(dir, packed.filename), "-C", into]);
    // What npm install would put beside it: the dependencies (no network here).
    symlinkSync(join(ROOT, "node_modules"), join(into, "package/node_modules"), "dir");
    const result = spawnSync(
      process.execPath,
      [join(into, "package/bin/dom0.js"), "ask", "--json", "does CentOS 6.3 work as dom0?"],
      {
        cwd: into,
        encoding: "utf8",
        env: { PATH: process.env["PATH"] ?? "", DOM0_AS_OF: "2014-04-18" },
        timeout: 30_000,
      },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ product: "centos", version: "6.3", verdict: "no" });
  });
});
