import { z } from "zod";
import { PRODUCT_IDS, TOPIC_IDS } from "../types.js";

/** A version as the sources write it: dot-separated numbers ("6.4", "2009.06", "2.6.37"). */
const versionString = z.string().regex(/^\d+(\.\d+)*$/, "must be dot-separated numbers like 6.4");
const alias = z
  .string()
  .min(2)
  .refine((value) => value === value.toLowerCase().trim(), "aliases are lower case, without outer spaces");
const slug = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "must be lower-case letters, digits, dots and dashes");
const verdict = z.enum(["yes", "no", "partial"]);

export const noteSchema = z.strictObject({
  id: slug,
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
  /** The catalogue product the row answers for. */
  product: z.enum(PRODUCT_IDS),
  id: z.string().min(1),
  label: z.string().min(1),
  /** The Versions cell as the page prints it, footnote marks included. */
  versions: z.string().min(1),
  rules: z.array(ruleSchema).min(1),
  decision: z.string().optional(),
  /** What the page says of versions older than the row's first: said when someone asks about one. */
  belowRange: z.string().optional(),
});

/** Which releases a statement is about: one release line, from a release on, before a release, or all. */
export const matchSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("line"), version: versionString }),
  z.strictObject({ kind: z.literal("from"), version: versionString }),
  z.strictObject({ kind: z.literal("before"), version: versionString }),
  z.strictObject({ kind: z.literal("all") }),
]);

/** What a document says of some releases of a product: a verdict, or (null) only a fact worth saying. */
export const statementSchema = z.strictObject({
  product: z.enum(PRODUCT_IDS),
  match: matchSchema,
  verdict: verdict.nullable(),
  /** One sentence, as the answer says it. */
  says: z.string().min(1),
  /** The Xen version the release ships, when the source says. */
  xen: versionString.optional(),
});

export const xenReleaseSchema = z.strictObject({
  version: versionString,
  released: z.iso.date(),
  fullUntil: z.iso.date(),
  securityUntil: z.iso.date(),
});

/** One dated source: a revision of the wiki page, or another document, with what it says. */
export const sourceSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  site: z.string().min(1),
  /** How an answer names it in a sentence: "the 2014 table", "the FreeBSD Handbook". */
  short: z.string().min(1),
  url: z.url(),
  /** Its revision or publication date, or the day it was read when it carries none. */
  date: z.iso.date(),
  dated: z.enum(["revision", "published", "read"]),
  /** How precisely `date` is known: a year-only source is dated 1 January of that year. */
  datePrecision: z.enum(["day", "month", "year"]).optional(),
  /** The date as cited: "revision of 18 April 2014 (18:55, by Rcpavlicek)". */
  dateText: z.string().min(1),
  /** For a table: the moment it reflects, in words ("April 2014"). */
  asOf: z.string().min(1).optional(),
  /** Revisions of one document share this, so a row narrowed later can be told from a silent source. */
  document: z.string().min(1).optional(),
  /** The copy kept beside the project, under shared/source/. */
  file: z.string().min(1).optional(),
  /** The tables this source is the wiki's word for. */
  tables: z.array(z.enum(["linux", "unix"])).optional(),
  rows: z.array(rowSchema).optional(),
  notes: z.array(noteSchema).optional(),
  statements: z.array(statementSchema).optional(),
  xenReleases: z.array(xenReleaseSchema).optional(),
});

export const releaseSchema = z.strictObject({
  version: versionString,
  codename: z.string().min(1).optional(),
  /** Extra names people type for the release (e.g. "precise"). */
  aliases: z.array(alias).optional(),
  /** General availability; absent when not (yet) known. */
  released: z.iso.date().optional(),
  /** A long-term support release (Ubuntu's x.04 of even years). */
  lts: z.boolean().optional(),
  /** The kernel lines it ships, as `uname -r` starts ("2.6.32", "4.19"): a pasted kernel string names it. */
  kernels: z.array(z.string().regex(/^\d+\.\d+(\.\d+)?$/)).optional(),
});

export const variantSchema = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(alias).min(1),
  /** The row ids (in any source) that answer for it. */
  rows: z.array(z.string()).min(1),
  remark: z.string().optional(),
});

export const productSchema = z.strictObject({
  id: z.enum(PRODUCT_IDS),
  name: z.string().min(1),
  table: z.enum(["linux", "unix"]).nullable(),
  aliases: z.array(alias).min(1),
  /** Systems answered by some of this product's rows (e.g. Scientific Linux by "CentOS and other RHEL clones"). */
  variants: z.array(variantSchema).optional(),
  /** Set for a product that is not a dom0 system at all: why. */
  notDom0: z.string().optional(),
  /** Said when no source in scope speaks of the product. */
  remark: z.string().optional(),
  /** The flavours its kernel strings end with (`uname -r`: "4.19.0-25-amd64" -> "amd64"). */
  kernelFlavours: z.array(z.string().regex(/^[a-z0-9-]+$/)).optional(),
  /** Names of it that can mean another product too ("SUSE 11": openSUSE 11 or SLES 11): both are answered. */
  ambiguous: z
    .strictObject({
      aliases: z.array(alias).min(1),
      also: z.enum(PRODUCT_IDS),
      says: z.string().min(1),
      /** Words that settle it for the other product ("SUSE 11 SP3": service packs are SLES's). */
      onlyAlsoWith: z.array(alias).optional(),
    })
    .optional(),
});

export const productsFileSchema = z.strictObject({ products: z.array(productSchema).min(1) });
export const releasesFileSchema = z.strictObject({
  releases: z.record(z.string(), z.array(releaseSchema)),
});
export const unlistedFileSchema = z.strictObject({
  systems: z.array(
    z.strictObject({
      name: z.string().min(1),
      aliases: z.array(alias).min(1),
      remark: z.string().optional(),
      /** What later sources say nearby (Proxmox is KVM-based), by source id. */
      facts: z.array(z.strictObject({ source: slug, says: z.string().min(1) })).optional(),
    }),
  ),
});
export const faqFileSchema = z.strictObject({
  topics: z.array(
    z.strictObject({
      id: z.enum(TOPIC_IDS),
      title: z.string().min(1),
      /** The source the topic's text stands on. */
      source: slug,
      text: z.array(z.string().min(1)).min(1),
    }),
  ),
});

export type Source = z.infer<typeof sourceSchema>;
export type Note = z.infer<typeof noteSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Row = z.infer<typeof rowSchema>;
export type Statement = z.infer<typeof statementSchema>;
export type StatementMatch = z.infer<typeof matchSchema>;
export type XenRelease = z.infer<typeof xenReleaseSchema>;
export type Release = z.infer<typeof releaseSchema>;
export type Variant = z.infer<typeof variantSchema>;
/** A catalogue product with its releases (from releases.json), shared by every source. */
export type Product = z.infer<typeof productSchema> & { releases: Release[] };
export type UnlistedSystem = z.infer<typeof unlistedFileSchema>["systems"][number];
export type FaqTopic = z.infer<typeof faqFileSchema>["topics"][number];

/** The catalogue and every dated source, parsed and cross-checked. */
export interface Dataset {
  products: Product[];
  /** Oldest first. */
  sources: Source[];
  unlisted: UnlistedSystem[];
  faq: FaqTopic[];
  /** Release dates of the Xen hypervisor itself (releases.json "xen"). */
  xenReleases: Release[];
}
