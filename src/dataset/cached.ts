import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { assembleDataset } from "./assemble.js";
import { defaultDataDir, readDataFiles, SOURCES_DIR } from "./files.js";
import type { Dataset } from "./schema.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGE_ROOT = HERE.split(/[\\/]/).includes("dist")
  ? resolve(HERE, "../../..")
  : resolve(HERE, "../..");
const CACHE_DIR = join(PACKAGE_ROOT, "node_modules/.cache/dom0bot");

/** The schema's own source is part of the fingerprint, so a changed schema validates again. */
function schemaText(): string {
  let text = "";
  for (const name of ["schema.js", "schema.ts", "load.js", "load.ts"]) {
    const path = join(HERE, name);
    if (existsSync(path)) text += readFileSync(path, "utf8");
  }
  return text;
}

/**
 * The dataset for short-lived processes (`dom0 ask`): the same validation as loadDataset, run only when
 * the data files' bytes (or the schema) differ from the last ones that passed. Loading zod and validating
 * costs more than the rest of a cold start; a fingerprint of the exact bytes that passed costs a hash.
 */
export async function loadDatasetCached(dir: string = defaultDataDir()): Promise<Dataset> {
  const texts = readDataFiles(dir);
  const hash = createHash("sha256");
  hash.update(schemaText());
  for (const [file, text] of texts) hash.update(`\0${file}\0${text}`);
  const fingerprint = hash.digest("hex");
  const marker = join(
    CACHE_DIR,
    `validated-${createHash("sha256").update(resolve(dir)).digest("hex").slice(0, 16)}`,
  );

  if (existsSync(marker) && readFileSync(marker, "utf8") === fingerprint) {
    const json = (file: string) => JSON.parse(texts.get(file) ?? "null");
    return assembleDataset({
      products: json("products.json").products,
      releases: json("releases.json").releases,
      sources: [...texts.keys()].filter((file) => file.startsWith(`${SOURCES_DIR}/`)).map(json),
      unlisted: json("unlisted.json").systems,
      faq: json("faq.json").topics,
    });
  }
  const { validateDataset } = await import("./load.js");
  const data = validateDataset(dir, texts);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written aside and renamed: a run interrupted mid-write leaves no half marker for the next one to trust.
    const partial = `${marker}.${process.pid}.tmp`;
    writeFileSync(partial, fingerprint);
    renameSync(partial, marker);
  } catch {
    // A read-only install validates every time: slower, never wrong.
  }
  return data;
}
