import type { ProductId } from "../../src/types.js";
import { PRODUCT_IDS } from "../../src/types.js";
import { DISCORD_CUSTOM_ID_LIMIT } from "./limits.js";

/** A button's custom_id is all it carries back, since the core keeps no state: these are the two kinds. */
export type ButtonAction =
  | { kind: "table" }
  | { kind: "why"; product: ProductId; version: string | null; xen: string | null };

const PREFIX = "dom0";
const VERSION_TEXT = /^[\w.-]{1,20}$/;

/** Encodes a button action; null when it would not fit Discord's custom_id limit. */
export function encodeButtonAction(action: ButtonAction): string | null {
  const id =
    action.kind === "table"
      ? `${PREFIX}:table`
      : `${PREFIX}:why:${action.product}:${action.version ?? ""}:${action.xen ?? ""}`;
  return id.length <= DISCORD_CUSTOM_ID_LIMIT ? id : null;
}

function versionPart(part: string | undefined): string | null | undefined {
  if (part === undefined || part === "") return null;
  return VERSION_TEXT.test(part) ? part : undefined;
}

/** Decodes a custom_id from a button press; null for anything this bot did not make (old, foreign or forged). */
export function decodeButtonAction(customId: string): ButtonAction | null {
  const parts = customId.split(":");
  if (parts[0] !== PREFIX) return null;
  if (parts[1] === "table" && parts.length === 2) return { kind: "table" };
  if (parts[1] !== "why" || parts.length !== 5) return null;
  const product = PRODUCT_IDS.find((id) => id === parts[2]);
  const version = versionPart(parts[3]);
  const xen = versionPart(parts[4]);
  if (!product || version === undefined || xen === undefined) return null;
  return { kind: "why", product, version, xen };
}
