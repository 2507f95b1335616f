import { PRODUCT_IDS, variantKey } from "../../src/index.js";
import type { StructuredQuestion } from "../../src/types.js";
import { DISCORD_CUSTOM_ID_LIMIT } from "./limits.js";

/**
 * A button's custom_id is all it carries back, since the core keeps no state: the whole table (today's, or the
 * one in force on a day), or "Why?" with the question as the core understood it and the day it was answered for,
 * so the explanation is of that very answer.
 */
export type ButtonAction =
  | { kind: "table"; asOf: string | null }
  | { kind: "why"; query: StructuredQuestion; asOf: string | null };

const PREFIX = "dom0";
const VERSION_TEXT = /^[\w.-]{1,20}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Encodes a button action; null when it would not fit Discord's custom_id limit. */
export function encodeButtonAction(action: ButtonAction): string | null {
  let id: string;
  if (action.kind === "table") {
    id = action.asOf ? `${PREFIX}:table:${action.asOf}` : `${PREFIX}:table`;
  } else {
    const { product, variant, version, xen } = action.query;
    const fields = [product, variant ? variantKey(variant) : "", version ?? "", xen ?? "", action.asOf ?? ""];
    id = `${PREFIX}:why:${fields.join(":")}`;
  }
  return id.length <= DISCORD_CUSTOM_ID_LIMIT ? id : null;
}

function part(text: string | undefined, pattern: RegExp): string | null | undefined {
  if (text === undefined || text === "") return null;
  return pattern.test(text) ? text : undefined;
}

/** Decodes a custom_id from a button press; null for anything this bot did not make (old, foreign or forged). */
export function decodeButtonAction(customId: string): ButtonAction | null {
  const parts = customId.split(":");
  if (parts[0] !== PREFIX) return null;
  if (parts[1] === "table" && parts.length <= 3) {
    const asOf = part(parts[2], DAY);
    return asOf === undefined || (parts.length === 3 && asOf === null) ? null : { kind: "table", asOf };
  }
  // Five parts: a button from before the variant and the day were carried.
  if (parts[1] !== "why" || (parts.length !== 5 && parts.length !== 7)) return null;
  const [, , productPart, ...rest] = parts;
  const [variantPart, versionPart, xenPart, dayPart] =
    parts.length === 5 ? ["", rest[0], rest[1], ""] : [rest[0], rest[1], rest[2], rest[3]];
  const product = PRODUCT_IDS.find((id) => id === productPart);
  const variant = part(variantPart, /^[a-z0-9-]{1,40}$/);
  const version = part(versionPart, VERSION_TEXT);
  const xen = part(xenPart, VERSION_TEXT);
  const asOf = part(dayPart, DAY);
  if (!product || variant === undefined || version === undefined || xen === undefined || asOf === undefined) {
    return null;
  }
  return { kind: "why", query: { product, variant, version, xen }, asOf };
}
