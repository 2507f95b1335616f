import Fuse from "fuse.js";
import { composeFaq, composeList, composeUnclear, composeUnlisted } from "./compose-other.js";
import type { Composed } from "./compose-support.js";
import type { Dataset, Product, Release, Source, Variant } from "./dataset/schema.js";
import { decide, type Finding, findingOf, type ReleaseQuery } from "./decide/findings.js";
import { buildScope, type Scope } from "./decide/scope.js";
import { classify } from "./intent.js";
import { type Entity, Lexicon, type Mention } from "./lexicon.js";
import { describeVersion } from "./names.js";
import { parseQuestion } from "./parse.js";
import type {
  Answer,
  AnswerOptions,
  Dom0Core,
  ProductChoice,
  ProductId,
  ReleaseChoice,
  SourceFinding,
  TableRow,
  TopicId,
} from "./types.js";
import { compareVersions, inLine, isLineOf, parseVersion } from "./version.js";
import { longDate, today } from "./word/dates.js";
import { citedSource, composeAcross, sourceFindings, sourceRef } from "./word/sources.js";

const EXAMPLES = [
  "does CentOS 6.3 work as dom0?",
  "is Debian squeeze OK with Xen 3.4?",
  "is bookworm fine as a dom0?",
  "can SLES 16 be a Xen host?",
  "pvops or xenlinux?",
  "which Xen releases still get security fixes?",
];

/** How many days' scopes one core keeps (a day's scope is a few arrays over the sources). */
const MAX_SCOPES = 64;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

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

function citation(sources: readonly Source[]): string[] {
  if (sources.length === 1 && sources[0]) {
    const only = sources[0];
    return [`Source: "${only.title}", ${only.site}, ${only.dateText}: ${only.url}`];
  }
  if (sources.length === 0) return [];
  return [
    "Sources:",
    ...sources.map((source) => `- "${source.title}", ${source.site}, ${source.dateText}: ${source.url}`),
  ];
}

function renderText(composed: Composed, sources: readonly Source[]): string {
  const lines = [
    composed.headline,
    ...composed.reasons.map((reason) => (reason.startsWith("  ") ? reason : `- ${reason}`)),
  ];
  for (const note of composed.notes) lines.push(`Note${note.mark ? ` [${note.mark}]` : ""}: ${note.text}`);
  lines.push(...citation(sources));
  return lines.join("\n");
}

const releaseLookups = new WeakMap<Product, Map<string, Release | null>>();
const MAX_REMEMBERED_VERSIONS = 1000;

/** The catalogue release a version falls in ("7.4" in Debian 7), or the first release of a line ("6" -> 6.0). */
function releaseOf(product: Product, version: string | null): Release | null {
  if (version === null) return null;
  let known = releaseLookups.get(product);
  if (known === undefined) {
    known = new Map();
    releaseLookups.set(product, known);
  }
  let release = known.get(version);
  if (release === undefined) {
    release = findRelease(product, version);
    if (known.size >= MAX_REMEMBERED_VERSIONS) known.clear();
    known.set(version, release);
  }
  return release;
}

function findRelease(product: Product, version: string): Release | null {
  const parts = parseVersion(version);
  const containing = product.releases
    .filter((release) => inLine(parts, parseVersion(release.version)))
    .sort((a, b) => parseVersion(b.version).length - parseVersion(a.version).length)[0];
  if (containing) return containing;
  const within = product.releases
    .filter((release) => isLineOf(parts, parseVersion(release.version)))
    .sort((a, b) => (a.released ?? "").localeCompare(b.released ?? ""));
  return within[0] ?? null;
}

export interface CoreOptions {
  /** The day answers are given for when a call does not say (YYYY-MM-DD); default: each call's today. */
  asOf?: string;
}

/** Builds the stateless answering core over a validated dataset. */
export function createCore(data: Dataset, options: CoreOptions = {}): Dom0Core {
  const lexicon = new Lexicon(data);
  const scopes = new Map<string, Scope>();
  const productFuse = new Fuse(
    data.products.map((product) => ({ id: product.id, name: product.name, aliases: product.aliases })),
    { keys: ["name", "aliases"], threshold: 0.4, ignoreLocation: true },
  );

  function scopeOf(asOf: string): Scope {
    let scope = scopes.get(asOf);
    if (scope === undefined) {
      if (scopes.size >= MAX_SCOPES) scopes.clear();
      scope = buildScope(data, asOf);
      scopes.set(asOf, scope);
    }
    return scope;
  }

  function dayOf(call: AnswerOptions | undefined): string {
    const asked = call?.asOf ?? options.asOf;
    return asked !== undefined && DATE.test(asked) ? asked : today();
  }

  interface Decided {
    composed: Composed;
    findings: Finding[];
    sources: Source[];
    unknown: boolean;
  }

  function decideSupport(
    scope: Scope,
    product: Product,
    variant: Variant | null,
    version: string | null,
    xen: string | null,
  ): Decided {
    const speaking = scope.byProduct.get(product.id) ?? [];
    const page = scope.tableViews.at(-1)?.source;
    if (product.notDom0 !== undefined && page) {
      const composed: Composed = {
        verdict: "no",
        headline: `No: ${product.name} is not a dom0 operating system.`,
        reasons: [product.notDom0],
        notes: [],
        suggestions: [],
      };
      return { composed, findings: [], sources: [page], unknown: false };
    }
    if (speaking.length === 0) {
      const system = {
        name: product.name,
        aliases: product.aliases,
        ...(product.remark ? { remark: product.remark } : {}),
      };
      const cited = composeUnlisted(system, data, scope);
      return { composed: cited.composed, findings: [], sources: cited.sources, unknown: true };
    }
    const release = releaseOf(product, version);
    const name = variant?.name ?? product.name;
    const query: ReleaseQuery = {
      variant,
      name,
      version,
      xen,
      release,
      released: release?.released ? longDate(release.released) : null,
    };
    const oneTable = scope.tableViews.length <= 1;
    const findings = speaking.map((on) => findingOf(on, query, oneTable ? "the table" : on.source.short));
    const consulted = findings.filter(
      (finding) => finding.strength !== "silent" || finding.composed || finding.facts.length,
    );
    const decision = decide(findings);
    const first = consulted[0];
    const asked = version === null ? name : `${name} ${describeVersion(product, version)}`;
    const composed =
      consulted.length === 1 && first?.composed ? first.composed : composeAcross(decision, consulted, asked);
    return {
      composed,
      findings: consulted,
      sources: consulted.map((finding) => finding.on.source),
      unknown: false,
    };
  }

  function answer(question: string, call?: AnswerOptions): Answer {
    const raw = typeof question === "string" ? question : "";
    const asOf = dayOf(call);
    const scope = scopeOf(asOf);
    const parsed = parseQuestion(raw, lexicon);
    const resolution = classify(parsed, raw);
    if (resolution.intent === "unclear") {
      resolution.suggestions = resolution.suggestions.map((key) => {
        const entity = lexicon.lookup(key);
        return entity ? displayName(entity) : key;
      });
    }
    const version = resolution.intent === "support" ? (parsed.version ?? resolution.codenameVersion) : null;
    let composed: Composed;
    let sources: Source[] = [];
    let findings: SourceFinding[] = [];
    let product: ProductId | null = null;
    let productName: string | null = null;
    switch (resolution.intent) {
      case "faq": {
        const cited = composeFaq(resolution.topic, data, scope, parsed.xen ?? parsed.version);
        composed = cited.composed;
        sources = cited.sources;
        product = resolution.product?.id ?? null;
        break;
      }
      case "list": {
        const cited = composeList(data, scope, resolution.product, resolution.variant, resolution.table);
        composed = cited.composed;
        sources = cited.sources;
        product = resolution.product?.id ?? null;
        break;
      }
      case "unlisted": {
        const cited = composeUnlisted(resolution.system, data, scope);
        composed = cited.composed;
        sources = cited.sources;
        productName = resolution.system?.name ?? null;
        findings = sources.map((source) =>
          citedSource(source, "unlisted", `It does not name ${productName ?? "that system"}.`),
        );
        break;
      }
      case "unclear":
        composed = composeUnclear(resolution.reason, resolution.suggestions, EXAMPLES, scope);
        break;
      case "support": {
        const decided = decideSupport(scope, resolution.product, resolution.variant, version, parsed.xen);
        composed = decided.composed;
        sources = decided.sources;
        findings = sourceFindings(decided.findings);
        product = decided.unknown ? null : resolution.product.id;
        productName = resolution.variant?.name ?? resolution.product.name;
        break;
      }
    }
    sources = [...new Set(sources)].sort((a, b) => b.date.localeCompare(a.date));
    findings = [...findings].sort((a, b) => b.date.localeCompare(a.date));
    if (resolution.intent === "support" || resolution.intent === "unlisted") {
      const answered = resolution.intent === "support" ? resolution.product.name : resolution.system?.name;
      const others = otherSystems(parsed.mentions, answered);
      if (others.length > 0) {
        composed.reasons.push(
          `You also named ${others.join(" and ")}: ask about it on its own for its answer.`,
        );
      }
    }
    if (findings.length === 0 && resolution.intent !== "unclear") {
      findings = sources.map((source) => citedSource(source, null, source.title));
    }
    const newestTable = scope.tableViews[0]?.source ?? data.sources.at(-1);
    // An answer that stands on no source still says where answers come from.
    if (sources.length === 0 && scope.tableViews[0]) sources = [scope.tableViews[0].source];
    const cited = sources[0] ?? newestTable;
    return {
      question: raw,
      intent: resolution.intent === "unlisted" ? "support" : resolution.intent,
      product,
      version,
      xen: parsed.xen,
      verdict: composed.verdict,
      topic: resolution.intent === "faq" ? (resolution.topic as TopicId) : null,
      text: renderText(composed, sources),
      headline: composed.headline,
      reasons: composed.reasons,
      notes: composed.notes.map((note) => ({ id: note.id, text: note.text })),
      suggestions: composed.suggestions,
      productName,
      source: sourceRef(cited as Source),
      sources: findings,
      asOf,
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

  const releaseChoices = new Map<string, ReleaseChoice[]>();

  /** Each release's verdict from the sources directly (not by asking a made-up question), once per product and day. */
  function releasesOf(productId: ProductId): ReleaseChoice[] {
    const day = dayOf(undefined);
    const key = `${day}\0${productId}`;
    const known = releaseChoices.get(key);
    if (known) return known;
    const product = data.products.find((candidate) => candidate.id === productId);
    if (!product) return [];
    const scope = scopeOf(day);
    const choices = [...product.releases]
      .sort((a, b) => compareVersions(parseVersion(b.version), parseVersion(a.version)))
      .map((release) => ({
        version: release.version,
        codename: release.codename ?? null,
        verdict: decideSupport(scope, product, null, release.version, null).composed.verdict ?? "unlisted",
      }));
    if (releaseChoices.size > 1000) releaseChoices.clear();
    releaseChoices.set(key, choices);
    return choices;
  }

  function table(call?: AnswerOptions): TableRow[] {
    const scope = scopeOf(dayOf(call));
    return (["linux", "unix"] as const).flatMap((kind) => {
      const view = scope.tables.get(kind);
      if (!view) return [];
      return view.products
        .filter((product) => product.table === kind)
        .flatMap((product) =>
          product.rows.map((row) => ({
            table: kind,
            product: product.id,
            name: row.label,
            versions: row.versions,
            notes: [...new Set(row.rules.flatMap((rule) => rule.notes))].flatMap((id) => {
              const note = view.notes.get(id);
              return note ? [{ id: note.id, text: note.text }] : [];
            }),
            source: sourceRef(view.source),
          })),
        );
    });
  }

  const newest = scopeOf(dayOf(undefined)).tableViews[0]?.source ?? (data.sources.at(-1) as Source);
  return { answer, suggestProducts, releasesOf, table, source: sourceRef(newest), examples: EXAMPLES };
}
