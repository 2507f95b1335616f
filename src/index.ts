export { createCore, loadCore } from "./core.js";
export { loadDataset } from "./dataset/load.js";
export type { Dataset } from "./dataset/schema.js";
export { ConfigError, DatasetError, Dom0Error } from "./errors.js";
export type * from "./types.js";
export { PRODUCT_IDS, TOPIC_IDS } from "./types.js";
