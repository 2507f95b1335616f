import Fuse from "fuse.js";
import { composeFaq, composeList, composeUnclear, composeUnlisted } from "./compose-other.js";
import { type Composed, composeSupport } from "./compose-support.js";
import type { Dataset, Note } from "./dataset/schema.js";
import { classify, type Resolution } from "./intent.js";
import { type Entity, Lexicon, type Mention } from "./lexicon.js";
import { parseQuestion } from "./parse.js";
import { resolveSupport } from "./support.js";
import type {
  Answer,
  Dom0Core,
  ProductChoice,
  ProductId,
  ReleaseChoice,
  SourceRef,
  TableRow,
  TopicId,
} from "./types.js";
import { compareVersions, parseVersion } from "./version.js";

const EXAMPLES = [
  "does CentOS 6.3 work as dom0?",
  "is Debian squeeze OK with Xen 3.4?",
  "pvops or xenlinux?",
  "which Ubuntu versions work as dom0?",
  "can NetBSD 6 be a dom0?",
  "what is Mini-OS?",
];

function displayName(entity: Entity): string {
  if (entity.kind === "unlisted") return entity.system.name;
  if (entity.kind === "release")
    return `${entity.product.name} ${entity.release.codename ?? entity.release.version}`;
  return entity.variant?.name ?? entity.product.name;
}

/** The systems a question names besides the one answered ("CentOS or Debian?"), each once. */
function otherSystems(mentions: readonly Mention[], answered: string | undefined): string[] {
  const names = mentions
    .filter((mention) => !(mention.entity.kind === "product" && mention.entity.generic))
    .map((mention) =>
      mention.entity.kind === "unlisted" ? mention.entity.system.name : mention.entity.product.name,
    )
    .filter((name) => name !== answered);
  return [...new Set(names)];
}

function renderText(composed: Composed, source: SourceRef, revised: string): string {
  const lines = [
    composed.headline,
    ...composed.reasons.map((reason) => (reason.startsWith("  ") ? reason : `- ${reason}`)),
  ];
  for (const note of composed.notes) lines.push(`Note${note.mark ? ` [${note.mark}]` : ""}: ${note.text}`);
  lines.push(`Source: "${source.title}", Xen Project wiki, revision of ${revised}: ${source.url}`);
  return lines.join("\n");
}

/** Builds the stateless answering core over a validated dataset. */
export function createCore(data: Dataset): Dom0Core {
  const lexicon = new Lexicon(data);
  const notes: ReadonlyMap<string, Note> = new Map(data.notes.map((note) => [note.id, note]));
  const source: SourceRef = {
    title: data.source.title,
    revision: data.source.revision,
    url: data.source.url,
  };
  const revised = new Date(`${data.source.revision}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const productFuse = new Fuse(
    data.products.map((product) => ({ id: product.id, name: product.name, aliases: product.aliases })),
    { keys: ["name", "aliases"], threshold: 0.4, ignoreLocation: true },
  );

  function compose(resolution: Resolution, version: string | null, xen: string | null): Composed {
    switch (resolution.intent) {
      case "faq":
        return composeFaq(resolution.topic, data);
      case "list":
        return composeList(
          data,
          notes,
          resolution.product,
          resolution.variant?.rows ?? null,
          resolution.table,
        );
      case "unlisted":
        return composeUnlisted(resolution.system, data);
      case "unclear":
        return composeUnclear(resolution.reason, resolution.suggestions, EXAMPLES);
      case "support": {
        const { product, variant } = resolution;
        const outcome = resolveSupport(
          product,
          variant,
          version === null ? null : parseVersion(version),
          xen === null ? null : parseVersion(xen),
          notes,
        );
        const name = variant?.name ?? product.name;
        return composeSupport({ product, name, remark: variant?.remark, version, xen }, outcome, data, notes);
      }
    }
  }

  function answer(question: string): Answer {
    const raw = typeof question === "string" ? question : "";
    const parsed = parseQuestion(raw, lexicon);
    const resolution = classify(parsed, raw);
    if (resolution.intent === "unclear") {
      resolution.suggestions = resolution.suggestions.map((key) => {
        const entity = lexicon.lookup(key);
        return entity ? displayName(entity) : key;
      });
    }
    const version = resolution.intent === "support" ? (parsed.version ?? resolution.codenameVersion) : null;
    const composed = compose(resolution, version, parsed.xen);
    if (resolution.intent === "support" || resolution.intent === "unlisted") {
      const answered = resolution.intent === "support" ? resolution.product.name : resolution.system?.name;
      const others = otherSystems(parsed.mentions, answered);
      if (others.length > 0) {
        composed.reasons.push(
          `You also named ${others.join(" and ")}: ask about it on its own for its answer.`,
        );
      }
    }
    const product =
      resolution.intent === "support" || resolution.intent === "list" || resolution.intent === "faq"
        ? (resolution.product?.id ?? null)
        : null;
    const productName =
      resolution.intent === "support"
        ? (resolution.variant?.name ?? resolution.product.name)
        : resolution.intent === "unlisted"
          ? (resolution.system?.name ?? null)
          : null;
    return {
      question: raw,
      intent: resolution.intent === "unlisted" ? "support" : resolution.intent,
      product,
      version,
      xen: parsed.xen,
      verdict: composed.verdict,
      topic: resolution.intent === "faq" ? (resolution.topic as TopicId) : null,
      text: renderText(composed, source, revised),
      headline: composed.headline,
      reasons: composed.reasons,
      notes: composed.notes.map((note) => ({ id: note.id, text: note.text })),
      suggestions: composed.suggestions,
      productName,
      source,
    };
  }

  function suggestProducts(query: string, limit = 25): ProductChoice[] {
    const trimmed = query.trim().slice(0, 100);
    const all = data.products.map((product) => ({ id: product.id, name: product.name }));
    if (trimmed === "") return all.slice(0, limit);
    const found = productFuse
      .search(trimmed, { limit })
      .map(({ item }) => ({ id: item.id, name: item.name }));
    const typo = lexicon.fuzzy(trimmed.toLowerCase())?.entity;
    if (typo && typo.kind !== "unlisted" && !found.some((choice) => choice.id === typo.product.id)) {
      found.unshift({ id: typo.product.id, name: typo.product.name });
    }
    return found.slice(0, limit);
  }

  const releaseChoices = new Map<ProductId, ReleaseChoice[]>();

  /** Each release's verdict from the table's rules directly (not by asking a made-up question), once per product. */
  function releasesOf(productId: ProductId): ReleaseChoice[] {
    const known = releaseChoices.get(productId);
    if (known) return known;
    const product = data.products.find((candidate) => candidate.id === productId);
    if (!product) return [];
    const resolution: Resolution = { intent: "support", product, variant: null, codenameVersion: null };
    const choices = [...product.releases]
      .sort((a, b) => compareVersions(parseVersion(b.version), parseVersion(a.version)))
      .map((release) => ({
        version: release.version,
        codename: release.codename ?? null,
        verdict: compose(resolution, release.version, null).verdict ?? "unlisted",
      }));
    releaseChoices.set(productId, choices);
    return choices;
  }

  function table(): TableRow[] {
    return data.products
      .filter((product) => product.table !== null)
      .flatMap((product) =>
        product.rows.map((row) => ({
          table: product.table as "linux" | "unix",
          product: product.id,
          name: row.label,
          versions: row.versions,
          notes: [...new Set(row.rules.flatMap((rule) => rule.notes))].flatMap((id) => {
            const note = notes.get(id);
            return note ? [{ id: note.id, text: note.text }] : [];
          }),
        })),
      );
  }

  return { answer, suggestProducts, releasesOf, table, source, examples: EXAMPLES };
}
