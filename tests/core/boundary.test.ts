import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../src");
const FORBIDDEN = [
  /from\s+["'][^"']*adapters\//,
  /from\s+["']discord\.js["']/,
  /from\s+["']@slack\//,
  /import\(\s*["'][^"']*adapters\//,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

describe("the core's boundary", () => {
  const files = sourceFiles(SRC);

  it("finds the core's files", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [relative(SRC, file), file]))(
    "src/%s imports nothing from adapters/, discord.js or @slack/*",
    (_name, file) => {
      const text = readFileSync(file as string, "utf8");
      for (const pattern of FORBIDDEN) expect(text).not.toMatch(pattern);
    },
  );

  it("would catch a forbidden import", () => {
    const sample = 'import { Client } from "discord.js";\nimport x from "../adapters/slack/app.js";';
    expect(FORBIDDEN.filter((pattern) => pattern.test(sample)).length).toBe(2);
  });
});
