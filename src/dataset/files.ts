import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DatasetError } from "../errors.js";

/** The catalogue's files, in the order they are read; every `sources/*.json` is one dated source. */
export const CATALOGUE_FILES = ["products.json", "releases.json", "unlisted.json", "faq.json"] as const;
export const SOURCES_DIR = "sources";

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

/** The data files' texts by their path under the data directory ("sources/wiki-2014.json"), sorted. */
export type DataTexts = ReadonlyMap<string, string>;

function read(dir: string, file: string): string {
  try {
    return readFileSync(join(dir, file), "utf8");
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DatasetError(shownPath(dir, file), [`cannot be read: ${reason}`], { cause });
  }
}

/** Reads every data file as text; a missing file or sources folder is a DatasetError naming it. */
export function readDataFiles(dir: string): DataTexts {
  const texts = new Map<string, string>();
  for (const file of CATALOGUE_FILES) texts.set(file, read(dir, file));
  let names: string[];
  try {
    names = readdirSync(join(dir, SOURCES_DIR)).filter((name) => name.endsWith(".json"));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DatasetError(shownPath(dir, SOURCES_DIR), [`cannot be read: ${reason}`], { cause });
  }
  if (names.length === 0) throw new DatasetError(shownPath(dir, SOURCES_DIR), ["holds no source (*.json)"]);
  for (const name of names.sort()) texts.set(`${SOURCES_DIR}/${name}`, read(dir, `${SOURCES_DIR}/${name}`));
  return texts;
}
