export type * from "./types.js";
export { PRODUCT_IDS, TOPIC_IDS } from "./types.js";
export { ConfigError, DatasetError, Dom0Error } from "./errors.js";
