import type { Dataset, FaqTopic, Product, Release, Source, UnlistedSystem } from "./schema.js";

/** The data files' contents, as parsed (validated or not). */
export interface DatasetParts {
  products: Omit<Product, "releases">[];
  releases: Record<string, Release[]>;
  sources: Source[];
  unlisted: UnlistedSystem[];
  faq: FaqTopic[];
}

/** Joins each product with its releases and orders the sources oldest first: the one shape every loader gives. */
export function assembleDataset(parts: DatasetParts): Dataset {
  return {
    products: parts.products.map((product) => ({ ...product, releases: parts.releases[product.id] ?? [] })),
    sources: [...parts.sources].sort((a, b) => a.date.localeCompare(b.date)),
    unlisted: parts.unlisted,
    faq: parts.faq,
    xenReleases: parts.releases["xen"] ?? [],
  };
}
