/** Child processes cannot import TypeScript: they load the compiled modules that tests/global-setup.ts builds
 *  into dist/ before any test runs, and write their files in temp dirs removed after each test file. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Every temp dir made here, for removeTempDirs: tests leave nothing behind in /tmp. */
const made = new Set<string>();

/** Removes the temp dirs made so far; each test file calls it in afterAll. */
export function removeTempDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}

function makeTemp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** The folder holding adapters/common/*.js and src/*.js as ES modules, for child-process fixtures. */
export function compiledModulesDir(): string {
  return join(REPO, "dist");
}

/** A fresh temp dir for one test's files. */
export function tempDir(prefix = "dom0-ops-"): string {
  return makeTemp(prefix);
}
