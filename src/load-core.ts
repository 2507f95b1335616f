import { createCore } from "./core.js";
import { loadDataset } from "./dataset/load.js";
import type { Dom0Core } from "./types.js";

/** Loads data/ (validated with the schema, once) and builds the core. Throws DatasetError on a bad file. */
export function loadCore(options: { dataDir?: string } = {}): Dom0Core {
  return createCore(loadDataset(options.dataDir));
}
