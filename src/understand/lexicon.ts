import Fuse from "fuse.js";
import type { Dataset, Product, Release, UnlistedSystem } from "../dataset/schema.js";
import { aliasKey, type Token, VOCABULARY } from "./text.js";

type Variant = NonNullable<Product["variants"]>[number];

/** What a name in a question can refer to. */
export type Entity =
  | { kind: "product"; product: Product; variant: Variant | null; generic: boolean }
  | { kind: "release"; product: Product; release: Release }
  | { kind: "unlisted"; system: UnlistedSystem };

/** A name found in a question, by token position. */
export interface Mention {
  entity: Entity;
  start: number;
  end: number;
  fuzzy: boolean;
}

/** Names too loose to name the mainline kernel when a distribution is named too ("Debian's kernel"). */
const GENERIC_LINUX_ALIASES = new Set(["linux", "kernel", "vanilla", "mainline", "upstream"]);
const MIN_FUZZY_LENGTH = 4;
const MAX_LENGTH_CHANGE = 2;

/** Optimal string alignment distance: Fuse ranks candidates; this confirms a typo is one slip of the keys. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

export interface FuzzyResult {
  key: string;
  entity: Entity;
  confident: boolean;
}

/** Every name the dataset knows, for exact lookup of token runs and for fuzzy lookup of single words. */
export class Lexicon {
  private readonly byKey = new Map<string, Entity>();
  /** Names by their first word, longest first: a question's words are looked up, not its n-grams built. */
  private readonly byFirstWord = new Map<string, Array<{ words: string[]; entity: Entity }>>();
  private readonly fuzzyKeys: string[];
  /** One Fuse index per first letter and word length, over the names starting with that letter and at most
   *  two letters longer or shorter: typos rarely change either (a swap of the first two letters is caught by
   *  `transposed`), and a small index is what keeps an unseen word cheap. */
  private readonly fuseByShape = new Map<string, Fuse<string>>();
  private readonly fuzzyCache = new Map<string, FuzzyResult | null>();

  constructor(data: Dataset) {
    const add = (alias: string, entity: Entity) => {
      const key = aliasKey(alias);
      if (key !== "" && !this.byKey.has(key)) this.byKey.set(key, entity);
    };
    for (const product of data.products) {
      for (const alias of product.aliases) {
        add(alias, { kind: "product", product, variant: null, generic: GENERIC_LINUX_ALIASES.has(alias) });
      }
      for (const variant of product.variants ?? []) {
        for (const alias of variant.aliases)
          add(alias, { kind: "product", product, variant, generic: false });
      }
      for (const release of product.releases) {
        const names = [...(release.codename ? [release.codename] : []), ...(release.aliases ?? [])];
        for (const name of names) add(name, { kind: "release", product, release });
      }
    }
    for (const system of data.unlisted)
      for (const alias of system.aliases) add(alias, { kind: "unlisted", system });
    for (const [key, entity] of this.byKey) {
      const words = key.split(" ");
      const first = words[0] as string;
      const list = this.byFirstWord.get(first) ?? [];
      list.push({ words, entity });
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirstWord.set(first, list);
    }
    this.fuzzyKeys = [...this.byKey.keys()].filter(
      (key) => !key.includes(" ") && key.length >= MIN_FUZZY_LENGTH,
    );
  }

  private fuseFor(word: string): Fuse<string> {
    const shape = `${word[0]}${word.length}`;
    let fuse = this.fuseByShape.get(shape);
    if (fuse === undefined) {
      const keys = this.fuzzyKeys.filter(
        (key) => key[0] === word[0] && Math.abs(key.length - word.length) <= MAX_LENGTH_CHANGE,
      );
      fuse = new Fuse(keys, { includeScore: true, threshold: 0.45, ignoreLocation: true });
      this.fuseByShape.set(shape, fuse);
    }
    return fuse;
  }

  /** A name reached by swapping two neighbouring letters ("rehl" -> "rhel"), which Fuse's scoring ranks low. */
  private transposed(word: string): string | null {
    for (let i = 0; i + 1 < word.length; i++) {
      const swapped = `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
      if (swapped !== word && this.byKey.has(swapped) && !swapped.includes(" ")) return swapped;
    }
    return null;
  }

  lookup(key: string): Entity | undefined {
    return this.byKey.get(key);
  }

  /** Leftmost-longest exact matches of known names, then fuzzy matches of the words left over. */
  findMentions(tokens: readonly Token[]): { mentions: Mention[]; nearMisses: FuzzyResult[] } {
    const mentions: Mention[] = [];
    const nearMisses: FuzzyResult[] = [];
    let i = 0;
    while (i < tokens.length) {
      const candidates = this.byFirstWord.get((tokens[i] as Token).text);
      const found = candidates?.find(({ words }) => words.every((word, k) => tokens[i + k]?.text === word));
      if (found) {
        mentions.push({ entity: found.entity, start: i, end: i + found.words.length, fuzzy: false });
        i += found.words.length;
        continue;
      }
      const token = tokens[i] as Token;
      if (token.kind === "word" && token.text.length >= MIN_FUZZY_LENGTH && !VOCABULARY.has(token.text)) {
        const result = this.fuzzy(token.text);
        if (result?.confident) mentions.push({ entity: result.entity, start: i, end: i + 1, fuzzy: true });
        else if (result) nearMisses.push(result);
      }
      i++;
    }
    return { mentions, nearMisses };
  }

  /** The closest known name to a misspelt word: confident for one slip (two in a long word), else a hint. */
  fuzzy(word: string): FuzzyResult | null {
    const cached = this.fuzzyCache.get(word);
    if (cached !== undefined) return cached;
    let result: FuzzyResult | null = null;
    const swapped = this.transposed(word);
    const candidates = swapped
      ? [swapped]
      : this.fuseFor(word)
          .search(word, { limit: 10 })
          .map(({ item }) => item);
    for (const item of candidates) {
      const distance = editDistance(word, item);
      const confident = distance === 1 || (distance === 2 && word.length >= 7);
      const hint = distance === 2 && word.length >= 5;
      if (confident || hint) {
        result = { key: item, entity: this.byKey.get(item) as Entity, confident };
        if (confident) break;
      }
    }
    if (this.fuzzyCache.size > 10_000) this.fuzzyCache.clear();
    this.fuzzyCache.set(word, result);
    return result;
  }
}
