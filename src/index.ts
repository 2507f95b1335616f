export { contextOf, createCore, variantKey } from "./core.js";
export { loadDataset } from "./dataset/load.js";
export type { Dataset } from "./dataset/schema.js";
export { ConfigError, DatasetError, Dom0Error } from "./errors.js";
export { loadCore } from "./load-core.js";
export { openCore } from "./open-core.js";
export type * from "./types.js";
export { PRODUCT_IDS, TOPIC_IDS } from "./types.js";
