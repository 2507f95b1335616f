import { parseAsOf } from "./as-of.js";
import { createCore } from "./core.js";
import { loadDatasetCached } from "./dataset/cached.js";
import type { Dom0Core } from "./types.js";

/**
 * loadCore for short-lived processes: the same validation, skipped when the data files are byte for byte
 * the ones that last passed it (see loadDatasetCached). Throws DatasetError on a bad file.
 */
export async function openCore(options: { dataDir?: string; asOf?: string } = {}): Promise<Dom0Core> {
  const asOf = options.asOf ?? parseAsOf(process.env["DOM0_AS_OF"]);
  return createCore(await loadDatasetCached(options.dataDir), asOf === undefined ? {} : { asOf });
}
