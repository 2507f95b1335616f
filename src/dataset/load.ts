import type { z } from "zod";
import { DatasetError } from "../errors.js";
import { PRODUCT_IDS, TOPIC_IDS } from "../types.js";
import { assembleDataset } from "./assemble.js";
import { type DataTexts, defaultDataDir, readDataFiles, SOURCES_DIR, shownPath } from "./files.js";
import {
  type Dataset,
  faqFileSchema,
  productsFileSchema,
  releasesFileSchema,
  type Source,
  sourceSchema,
  unlistedFileSchema,
} from "./schema.js";

function formatPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  return out;
}

function parseJson<T>(dir: string, name: string, text: string, schema: z.ZodType<T>): T {
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

/** One problem, with the file it is in. */
type Problem = [file: string, message: string];

/** A source's rows and notes; its file is named after its id (checked when it is read). */
function checkSource(source: Source, products: ReadonlySet<string>, problems: Problem[]) {
  const file = `${SOURCES_DIR}/${source.id}.json`;
  const noteIds = new Set((source.notes ?? []).map((note) => note.id));
  for (const [r, row] of (source.rows ?? []).entries()) {
    if (!products.has(row.product))
      problems.push([file, `$.rows[${r}].product: no product "${row.product}"`]);
    for (const [u, rule] of row.rules.entries()) {
      for (const [n, id] of rule.notes.entries()) {
        if (!noteIds.has(id))
          problems.push([file, `$.rows[${r}].rules[${u}].notes[${n}]: no note "${id}" in this source`]);
      }
    }
  }
}

/** Checks what one schema cannot: references between files, duplicates, completeness. */
function crossCheck(data: Dataset): Problem[] {
  const problems: Problem[] = [];
  const seenAliases = new Map<string, string>();
  const claim = (file: string, alias: string, owner: string) => {
    const previous = seenAliases.get(alias);
    if (previous !== undefined && previous !== owner)
      problems.push([file, `alias "${alias}" names both ${previous} and ${owner}`]);
    seenAliases.set(alias, owner);
  };
  const productIds = new Set(data.products.map((product) => product.id));
  const rowIds = new Set(data.sources.flatMap((source) => (source.rows ?? []).map((row) => row.id)));
  const sourceIds = new Set(data.sources.map((source) => source.id));
  for (const [p, product] of data.products.entries()) {
    for (const alias of product.aliases) claim("products.json", alias, product.id);
    for (const [v, variant] of (product.variants ?? []).entries()) {
      for (const alias of variant.aliases) claim("products.json", alias, `${product.id} (${variant.name})`);
      for (const [r, id] of variant.rows.entries()) {
        if (!rowIds.has(id))
          problems.push([
            "products.json",
            `$.products[${p}].variants[${v}].rows[${r}]: no row "${id}" in any source`,
          ]);
      }
    }
    for (const [a, shared] of (product.ambiguous?.aliases ?? []).entries()) {
      if (!product.aliases.includes(shared))
        problems.push([
          "products.json",
          `$.products[${p}].ambiguous.aliases[${a}]: "${shared}" is not one of this product's aliases`,
        ]);
    }
    if (product.ambiguous && product.ambiguous.also === product.id)
      problems.push(["products.json", `$.products[${p}].ambiguous.also: the product itself`]);
    for (const release of product.releases) {
      for (const name of [release.codename, ...(release.aliases ?? [])]) {
        if (name) claim("releases.json", name.toLowerCase(), `${product.id} ${release.version}`);
      }
    }
  }
  for (const id of PRODUCT_IDS) {
    if (!productIds.has(id)) problems.push(["products.json", `$.products: product "${id}" is missing`]);
  }
  for (const source of data.sources) checkSource(source, productIds, problems);
  for (const id of TOPIC_IDS) {
    if (!data.faq.some((topic) => topic.id === id))
      problems.push(["faq.json", `$.topics: topic "${id}" is missing`]);
  }
  for (const [t, topic] of data.faq.entries()) {
    if (!sourceIds.has(topic.source))
      problems.push(["faq.json", `$.topics[${t}].source: no source "${topic.source}"`]);
  }
  for (const [s, system] of data.unlisted.entries()) {
    for (const alias of system.aliases) claim("unlisted.json", alias, system.name);
    for (const [f, fact] of (system.facts ?? []).entries()) {
      if (!sourceIds.has(fact.source))
        problems.push(["unlisted.json", `$.systems[${s}].facts[${f}].source: no source "${fact.source}"`]);
    }
  }
  return problems;
}

/** Validates the data files' texts against the schema and each other. */
export function validateDataset(dir: string, texts: DataTexts): Dataset {
  const text = (name: string) => texts.get(name) ?? "";
  const products = parseJson(dir, "products.json", text("products.json"), productsFileSchema).products;
  const releases = parseJson(dir, "releases.json", text("releases.json"), releasesFileSchema).releases;
  const problems: Problem[] = [];
  const sources = [...texts.keys()]
    .filter((name) => name.startsWith(`${SOURCES_DIR}/`))
    .map((name) => {
      const source = parseJson(dir, name, text(name), sourceSchema);
      if (`${SOURCES_DIR}/${source.id}.json` !== name)
        problems.push([name, `$.id: "${source.id}" must match its file name`]);
      return source;
    });
  const data = assembleDataset({
    products,
    releases,
    sources,
    unlisted: parseJson(dir, "unlisted.json", text("unlisted.json"), unlistedFileSchema).systems,
    faq: parseJson(dir, "faq.json", text("faq.json"), faqFileSchema).topics,
  });
  problems.push(...crossCheck(data));
  for (const key of Object.keys(releases)) {
    if (key !== "xen" && !data.products.some((product) => product.id === key))
      problems.push(["releases.json", `$.releases.${key}: no product "${key}"`]);
  }
  const first = problems[0];
  if (first) {
    const inFile = problems.filter(([file]) => file === first[0]).map(([, message]) => message);
    throw new DatasetError(shownPath(dir, first[0]), inFile);
  }
  return data;
}

/** Reads and validates every data file once; a bad file throws DatasetError naming file, JSON path and reason. */
export function loadDataset(dir: string = defaultDataDir()): Dataset {
  return validateDataset(dir, readDataFiles(dir));
}
