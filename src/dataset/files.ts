import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DatasetError } from "../errors.js";

/** The data files, in the order they are read. */
export const DATA_FILES = [
  "source.json",
  "products.json",
  "notes.json",
  "unlisted.json",
  "faq.json",
] as const;
export type DataFile = (typeof DATA_FILES)[number];

/** DOM0_DATA_DIR, else data/ at the package root, whether running from src/ (tests) or dist/src/ (built). */
export function defaultDataDir(): string {
  const configured = process.env["DOM0_DATA_DIR"];
  if (configured) return resolve(configured);
  const here = dirname(fileURLToPath(import.meta.url));
  return here.split(/[\\/]/).includes("dist") ? resolve(here, "../../../data") : resolve(here, "../../data");
}

/** A file's name as a maintainer would look for it: relative to the working directory. */
export function shownPath(dir: string, file: string): string {
  const path = join(dir, file);
  return relative(process.cwd(), path) || path;
}

/** Reads every data file as text; a missing file is a DatasetError naming it. */
export function readDataFiles(dir: string): Record<DataFile, string> {
  const texts = {} as Record<DataFile, string>;
  for (const file of DATA_FILES) {
    try {
      texts[file] = readFileSync(join(dir, file), "utf8");
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new DatasetError(shownPath(dir, file), [`cannot be read: ${reason}`], { cause });
    }
  }
  return texts;
}
