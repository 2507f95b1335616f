import type { Dom0Core, ProductId } from "../../src/types.js";
import { PRODUCT_IDS } from "../../src/types.js";
import type { Replay } from "../common/replay.js";
import type { ButtonAction } from "./custom-ids.js";
import { QUESTION_MAX_LENGTH } from "./limits.js";

/** The slash command's options as received; any may be missing or odd in a malformed interaction. */
export interface CommandOptions {
  question: string | null;
  os: string | null;
  version: string | null;
}

const HELP_WORDS = new Set(["", "help", "?", "usage", "how", "commands"]);

/** Cuts a question from Discord to the length the command accepts; the core copes with anything, this keeps work bounded. */
export function boundQuestion(text: string): string {
  return text.slice(0, QUESTION_MAX_LENGTH).trim();
}

/** True when the text asks for help rather than asking a question. */
export function isHelpRequest(text: string): boolean {
  return HELP_WORDS.has(text.trim().toLowerCase());
}

/** A product id when the text is one (an autocomplete pick), else null. */
export function asProductId(text: string): ProductId | null {
  return PRODUCT_IDS.find((id) => id === text) ?? null;
}

/** Resolves an `os` option (a picked id or typed text) to the product whose releases the version box offers. */
export function resolveProduct(core: Dom0Core, os: string): ProductId | null {
  return asProductId(os) ?? core.suggestProducts(os, 1)[0]?.id ?? null;
}

/** The display name for a product id, falling back to the id. */
export function productName(core: Dom0Core, id: ProductId): string {
  return core.suggestProducts("", PRODUCT_IDS.length).find((choice) => choice.id === id)?.name ?? id;
}

/** A numeric version a picked product can be asked with directly ("6.5", "12.04"); a codename goes in words. */
const NUMERIC_VERSION = /^\d{1,4}(\.\d{1,4}){0,3}$/;

/**
 * The slash command's options as a question: the words typed in `question`, or what the `os` and `version`
 * boxes hold. A product picked from the list, with a numeric version or none, is asked structured (nothing is
 * re-asked in English); anything typed is asked in its words. Null when nothing was asked (the help).
 */
export function questionFromOptions(core: Dom0Core, options: CommandOptions): Replay | null {
  const words = (text: string): Replay => ({ question: text, query: null, asOf: null });
  if (options.question !== null && !isHelpRequest(options.question))
    return words(boundQuestion(options.question));
  if (options.os === null || options.os.trim() === "") return null;
  const os = boundQuestion(options.os);
  const version = options.version ? boundQuestion(options.version) : "";
  const id = asProductId(os);
  const name = id ? productName(core, id) : os;
  const question = `does ${name}${version ? ` ${version}` : ""} work as dom0?`;
  if (id === null || (version !== "" && !NUMERIC_VERSION.test(version))) return words(question);
  return { question, query: { product: id, version: version || null }, asOf: null };
}

/** What a "Why?" button answers again: the question its custom_id carries, as understood, on its day. */
export function replayOfWhy(core: Dom0Core, action: Extract<ButtonAction, { kind: "why" }>): Replay {
  const { product, version, xen } = action.query;
  const question = `${productName(core, product)}${version ? ` ${version}` : ""}${xen ? ` with Xen ${xen}` : ""}`;
  return { question, query: action.query, asOf: action.asOf };
}

/** A mention's question: the message without the tokens that mention the bot. */
export function questionFromMention(content: string, botId: string): string {
  return boundQuestion(
    content.replaceAll(`<@${botId}>`, " ").replaceAll(`<@!${botId}>`, " ").replace(/\s+/g, " "),
  );
}
