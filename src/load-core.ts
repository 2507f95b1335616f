import { parseAsOf } from "./as-of.js";
import { createCore } from "./core.js";
import { loadDataset } from "./dataset/load.js";
import type { Dom0Core } from "./types.js";

/** Loads data/ (validated with the schema, once) and builds the core. Throws DatasetError on a bad file. */
export function loadCore(options: { dataDir?: string; asOf?: string } = {}): Dom0Core {
  const asOf = options.asOf ?? parseAsOf(process.env["DOM0_AS_OF"]);
  return createCore(loadDataset(options.dataDir), asOf === undefined ? {} : { asOf });
}
