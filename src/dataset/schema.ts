import { z } from "zod";
import { PRODUCT_IDS, TOPIC_IDS } from "../types.js";

/** A version as the page writes it: dot-separated numbers ("6.4", "2009.06", "2.6.37"). */
const versionString = z.string().regex(/^\d+(\.\d+)*$/, "must be dot-separated numbers like 6.4");
const alias = z
  .string()
  .min(2)
  .refine((value) => value === value.toLowerCase().trim(), "aliases are lower case, without outer spaces");

export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  site: z.string().min(1),
  revision: z.iso.date(),
  revisionText: z.string().min(1),
  asOf: z.string().min(1),
  url: z.url(),
  file: z.string().min(1),
});

export const noteSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  table: z.enum(["linux", "unix"]).nullable(),
  mark: z.string().nullable(),
  text: z.string().min(1),
  condition: z.strictObject({ xenMin: versionString }).optional(),
  /** Why the note is attached where it is, or to nothing, when the page's marks do not fit. */
  decision: z.string().optional(),
});

/** How a row decides a version: a release line (prefix), an open range, every version, or "Incomplete". */
export const ruleSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("line"),
    version: versionString,
    label: z.string(),
    notes: z.array(z.string()),
  }),
  z.strictObject({
    kind: z.literal("from"),
    version: versionString,
    label: z.string(),
    notes: z.array(z.string()),
  }),
  z.strictObject({ kind: z.literal("all"), label: z.string(), notes: z.array(z.string()) }),
  z.strictObject({ kind: z.literal("incomplete"), label: z.string(), notes: z.array(z.string()) }),
]);

export const rowSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  /** The Versions cell as the page prints it, footnote marks included. */
  versions: z.string().min(1),
  rules: z.array(ruleSchema).min(1),
  decision: z.string().optional(),
  /** What the page says of versions older than the row's first: said when someone asks about one. */
  belowRange: z.string().optional(),
});

export const releaseSchema = z.strictObject({
  version: versionString,
  codename: z.string().min(1).optional(),
  /** Extra names people type for the release (e.g. "precise"). */
  aliases: z.array(alias).optional(),
});

export const productSchema = z.strictObject({
  id: z.enum(PRODUCT_IDS),
  name: z.string().min(1),
  table: z.enum(["linux", "unix"]).nullable(),
  aliases: z.array(alias).min(1),
  rows: z.array(rowSchema),
  /** Systems answered by some of this product's rows (e.g. Scientific Linux by "CentOS and other RHEL clones"). */
  variants: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        aliases: z.array(alias).min(1),
        rows: z.array(z.string()).min(1),
        remark: z.string().optional(),
      }),
    )
    .optional(),
  /** Set for a product that is not a dom0 system at all: why. */
  notDom0: z.string().optional(),
  releases: z.array(releaseSchema),
});

export const productsFileSchema = z.strictObject({ products: z.array(productSchema).min(1) });
export const notesFileSchema = z.strictObject({ notes: z.array(noteSchema).min(1) });
export const unlistedFileSchema = z.strictObject({
  systems: z.array(
    z.strictObject({
      name: z.string().min(1),
      aliases: z.array(alias).min(1),
      remark: z.string().optional(),
    }),
  ),
});
export const faqFileSchema = z.strictObject({
  topics: z.array(
    z.strictObject({
      id: z.enum(TOPIC_IDS),
      title: z.string().min(1),
      text: z.array(z.string().min(1)).min(1),
    }),
  ),
});

export type Source = z.infer<typeof sourceSchema>;
export type Note = z.infer<typeof noteSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Row = z.infer<typeof rowSchema>;
export type Release = z.infer<typeof releaseSchema>;
export type Product = z.infer<typeof productSchema>;
export type UnlistedSystem = z.infer<typeof unlistedFileSchema>["systems"][number];
export type FaqTopic = z.infer<typeof faqFileSchema>["topics"][number];

/** Everything the page says, parsed and cross-checked. */
export interface Dataset {
  source: Source;
  products: Product[];
  notes: Note[];
  unlisted: UnlistedSystem[];
  faq: FaqTopic[];
}
