/** Names: which catalogue product a row's Distributions cell names, row ids, and the wiki's sources. */
import type { Dataset, Product, Row, Source } from "../dataset/schema.js";
import { squeeze } from "./plain.js";

/** The wiki page's revisions in the data: the compared source first, then the others, newest first. */
export function wikiSources(data: Dataset, base: Source): Source[] {
  const others = data.sources
    .filter((source) => source !== base && source.document !== undefined && source.document === base.document)
    .reverse();
  return [base, ...others];
}

function startsWithName(label: string, alias: string): boolean {
  if (!label.startsWith(alias)) return false;
  const next = label[alias.length];
  return next === undefined || next === " " || next === "(" || next === "+";
}

/**
 * The product a Distributions cell names: the catalogue alias (products.json) its words begin with, the
 * longest one ("SUSE Linux Enterprise Server" is SLES, not "suse linux"); else its abbreviation in
 * parentheses ("(OVS)"). Null when no product is named so.
 */
export function productOf(label: string, products: readonly Product[]): Row["product"] | null {
  const words = squeeze(label).toLowerCase();
  let best: { id: Row["product"]; length: number } | null = null;
  for (const product of products) {
    if (product.notDom0) continue;
    for (const alias of product.aliases) {
      if (startsWithName(words, alias) && alias.length > (best?.length ?? 0))
        best = { id: product.id, length: alias.length };
    }
  }
  if (best) return best.id;
  const open = words.lastIndexOf("(");
  const short = open >= 0 && words.endsWith(")") ? words.slice(open + 1, -1).trim() : "";
  return products.find((product) => !product.notDom0 && product.aliases.includes(short))?.id ?? null;
}

/** A row id made of a label: "CentOS 6.4+" → "centos-6.4". */
export function slugOf(label: string): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return slug || "row";
}

/** The same words, but for case, spacing and a final full stop. */
export function sameText(a: string, b: string): boolean {
  const plain = (text: string) => squeeze(text).replace(/\.$/, "").toLowerCase();
  return plain(a) === plain(b);
}
