import type { z } from "zod";
import { DatasetError } from "../errors.js";
import { PRODUCT_IDS, TOPIC_IDS } from "../types.js";
import { type DataFile, defaultDataDir, readDataFiles, shownPath } from "./files.js";
import {
  type Dataset,
  faqFileSchema,
  notesFileSchema,
  productsFileSchema,
  sourceSchema,
  unlistedFileSchema,
} from "./schema.js";

function formatPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  return out;
}

function parseJson<T>(dir: string, name: DataFile, text: string, schema: z.ZodType<T>): T {
  const shown = shownPath(dir, name);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DatasetError(shown, [`cannot be read as JSON: ${reason}`], { cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new DatasetError(
      shown,
      parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/** Checks what one schema cannot: references between files, duplicates, completeness. */
function crossCheck(data: Dataset): string[] {
  const problems: string[] = [];
  const noteIds = new Set(data.notes.map((note) => note.id));
  const seenAliases = new Map<string, string>();
  const claim = (alias: string, owner: string) => {
    const previous = seenAliases.get(alias);
    if (previous !== undefined && previous !== owner)
      problems.push(`alias "${alias}" names both ${previous} and ${owner}`);
    seenAliases.set(alias, owner);
  };
  for (const [p, product] of data.products.entries()) {
    for (const alias of product.aliases) claim(alias, product.id);
    const rowIds = new Set(product.rows.map((row) => row.id));
    for (const [r, row] of product.rows.entries()) {
      for (const [u, rule] of row.rules.entries()) {
        for (const [n, id] of rule.notes.entries()) {
          if (!noteIds.has(id))
            problems.push(`$.products[${p}].rows[${r}].rules[${u}].notes[${n}]: no note "${id}"`);
        }
      }
    }
    for (const [v, variant] of (product.variants ?? []).entries()) {
      for (const alias of variant.aliases) claim(alias, `${product.id} (${variant.name})`);
      for (const [r, id] of variant.rows.entries()) {
        if (!rowIds.has(id)) problems.push(`$.products[${p}].variants[${v}].rows[${r}]: no row "${id}"`);
      }
    }
    if (product.rows.length === 0 && product.notDom0 === undefined) {
      problems.push(`$.products[${p}]: a product with no rows needs "notDom0"`);
    }
  }
  for (const id of PRODUCT_IDS) {
    if (!data.products.some((product) => product.id === id))
      problems.push(`$.products: product "${id}" is missing`);
  }
  for (const id of TOPIC_IDS) {
    if (!data.faq.some((topic) => topic.id === id))
      problems.push(`faq.json $.topics: topic "${id}" is missing`);
  }
  for (const system of data.unlisted) for (const alias of system.aliases) claim(alias, system.name);
  return problems;
}

/** Validates the data files' texts against the schema and each other. */
export function validateDataset(dir: string, texts: Record<DataFile, string>): Dataset {
  const data: Dataset = {
    source: parseJson(dir, "source.json", texts["source.json"], sourceSchema),
    products: parseJson(dir, "products.json", texts["products.json"], productsFileSchema).products,
    notes: parseJson(dir, "notes.json", texts["notes.json"], notesFileSchema).notes,
    unlisted: parseJson(dir, "unlisted.json", texts["unlisted.json"], unlistedFileSchema).systems,
    faq: parseJson(dir, "faq.json", texts["faq.json"], faqFileSchema).topics,
  };
  const problems = crossCheck(data);
  if (problems.length > 0) throw new DatasetError(shownPath(dir, "products.json"), problems);
  return data;
}

/** Reads and validates every data file once; a bad file throws DatasetError naming file, JSON path and reason. */
export function loadDataset(dir: string = defaultDataDir()): Dataset {
  return validateDataset(dir, readDataFiles(dir));
}
