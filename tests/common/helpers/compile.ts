/** Child processes cannot import TypeScript: transpile the ops modules (and the core files they import) into a
 *  temp dir that resolves the repo's node_modules, and hand fixtures that dir. */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

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

const SOURCES = [
  ...readdirSync(join(REPO, "adapters/common"))
    .filter((file) => file.endsWith(".ts"))
    .map((file) => `adapters/common/${file}`),
  "src/errors.ts",
  "src/types.ts",
];

/** Returns a temp dir holding adapters/common/*.js and src/{errors,types}.js as ES modules. */
export function compileOpsModules(): string {
  const out = makeTemp("dom0-ops-js-");
  writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module" }));
  symlinkSync(join(REPO, "node_modules"), join(out, "node_modules"), "dir");
  for (const source of SOURCES) {
    const { outputText } = ts.transpileModule(readFileSync(join(REPO, source), "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
        esModuleInterop: true,
      },
      fileName: source,
    });
    const target = join(out, source.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return out;
}

/** A fresh temp dir for one test's files. */
export function tempDir(prefix = "dom0-ops-"): string {
  return makeTemp(prefix);
}
