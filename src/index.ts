export type * from "./types.js";
export { PRODUCT_IDS, TOPIC_IDS } from "./types.js";
