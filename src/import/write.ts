/** An import stored as a new dated source in data/sources/, validated as every data file is before it is written. */
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { readDataFiles, SOURCES_DIR, shownPath } from "../dataset/files.js";
import { validateDataset } from "../dataset/load.js";
import { type Source, sourceSchema } from "../dataset/schema.js";
import { DatasetError } from "../errors.js";
import type { Imported } from "./rows.js";

/** The file written, or why not (the field and the reason). */
export type WriteResult = { ok: true; path: string; source: Source } | { ok: false; reason: string };

const MONTHS = "January February March April May June July August September October November December".split(
  " ",
);

/** "2026-12-01" → "1 December 2026". */
function inWords(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** The new source: the page's rows and notes, titled and cited as the compared revision, dated as read. */
export function buildSource(imported: Imported, base: Source, date: string, file: string): Source {
  const words = inWords(date);
  return {
    id: `wiki-${date}`,
    title: base.title,
    site: base.site,
    short: "the wiki's table",
    url: base.url,
    date,
    dated: "read",
    dateText: `read ${words}`,
    asOf: `its revision read ${words}`,
    ...(base.document ? { document: base.document } : {}),
    file: basename(file),
    tables: imported.tables,
    rows: imported.rows,
    notes: imported.notes,
  };
}

/** JSON laid out as the data files are (biome's style): objects open, short lists of words on one line. */
export function formatJson(value: unknown, indent = "", key = ""): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((item) => typeof item !== "object" || item === null)) {
      const flat = `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
      if (indent.length + key.length + flat.length + 4 <= 110) return flat;
    }
    return `[\n${value.map((item) => inner + formatJson(item, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return "{}";
    const body = entries.map(([k, item]) => `${inner}${JSON.stringify(k)}: ${formatJson(item, inner, k)}`);
    return `{\n${body.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("");
}

/** Validates the source (schema, then the whole data with it) and writes it; refuses a file already there. */
export function writeSource(dir: string, source: Source): WriteResult {
  const name = `${SOURCES_DIR}/${source.id}.json`;
  const shown = shownPath(dir, name);
  const parsed = sourceSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${shown}: $${pathOf(issue?.path ?? [])}: ${issue?.message ?? "invalid"}` };
  }
  if (existsSync(join(dir, name))) return { ok: false, reason: `${shown} already exists; remove it first` };
  const text = `${formatJson(parsed.data)}\n`;
  try {
    const texts = new Map(readDataFiles(dir));
    texts.set(name, text);
    validateDataset(dir, texts);
  } catch (error) {
    if (error instanceof DatasetError)
      return { ok: false, reason: `${error.file}: ${error.issues[0] ?? "invalid"}` };
    throw error;
  }
  const partial = join(dir, `${name}.${process.pid}.tmp`);
  try {
    writeFileSync(partial, text, { flag: "wx" });
    renameSync(partial, join(dir, name));
  } catch (error) {
    rmSync(partial, { force: true });
    return {
      ok: false,
      reason: `${shown} cannot be written: ${error instanceof Error ? error.message : error}`,
    };
  }
  return { ok: true, path: shown, source: parsed.data };
}
