import Fuse from "fuse.js";
import type { Dataset, Product, Source, Variant } from "./dataset/schema.js";
import { decide, type Finding, findingOf, type ReleaseQuery } from "./decide/findings.js";
import { filterReleases, filterRows, filterSystems, type VerdictOf } from "./decide/lists.js";
import { releaseOf } from "./decide/releases.js";
import { buildScope, type Scope } from "./decide/scope.js";
import type {
  Answer,
  AnswerOptions,
  Dom0Core,
  ProductChoice,
  ProductId,
  ReleaseChoice,
  SourceFinding,
  SourceRef,
  StructuredQuestion,
  TableRow,
  TopicId,
} from "./types.js";
import { askingSentence, cleanMessage } from "./understand/focus.js";
import { classify, isFragment, type ListFilter, noFilter, type Resolution } from "./understand/intent.js";
import { KernelReader, type KernelString } from "./understand/kernels.js";
import { type Entity, Lexicon, type Mention } from "./understand/lexicon.js";
import { MAX_SUBJECTS, type ParsedQuestion, parseQuestion } from "./understand/parse.js";
import { MAX_QUESTION_CHARS } from "./understand/text.js";
import { compareVersions, parseVersion } from "./version.js";
import { longDate, today } from "./word/dates.js";
import { composeReleaseList, composeRowList, composeSystemList } from "./word/lists.js";
import { capital, describeVersion, withoutMarks } from "./word/names.js";
import {
  type Cited,
  composeFaq,
  composeList,
  composeUnclear,
  composeUnlisted,
  introduction,
} from "./word/other.js";
import {
  type Asked,
  citedSource,
  composeAcross,
  composeFinding,
  sourceFindings,
  sourceName,
  sourceRef,
} from "./word/sources.js";
import type { Composed } from "./word/support.js";
import { renderText } from "./word/text.js";

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
/** "Xen 3.4", "xen version 4.1", "Xen >= 4.0" anywhere in a message (not "xen01", not "xen_version : 4.17"). */
const XEN_SAID =
  /\bxen(?:\s+(?:project|hypervisor|version|v|ver))*\s*(?:>=?\s*)?v?(\d\.\d{1,2}(?:\.\d{1,3})?)(?![\w.])/;
/** "the distro's own kernel", "the stock kernel", "its default kernel". */
const OWN_KERNEL =
  /\b(?:own|stock|default|shipped|packaged|distro'?s?|distribution'?s?|its|their|standard|bundled) (?:dom0 )?kernels?\b/;
/** Words that ask which of several is better: the sources answer each, they do not rank them. */
const COMPARING =
  /\b(?:better|best|prefer|preferred|recommend|recommended|versus|vs|compare|comparison|which one|winner)\b/;
/** A version a structured question may carry ("6.5", "12.04", "4.19"). */
const VERSION = /^\d{1,4}(\.\d{1,4}){0,3}$/;

function displayName(entity: Entity): string {
  if (entity.kind === "unlisted") return entity.system.name;
  if (entity.kind === "release")
    return `${entity.product.name} ${entity.release.codename ?? entity.release.version}`;
  return entity.variant?.name ?? entity.product.name;
}

/** Said under an answer to a question asked in another language. */
function languageLine(language: string): string {
  return `Your question read as ${language}: I understood its question words and answered in English.`;
}

/** What a message asks besides its systems: its language, the distribution's own kernel, a comparison. */
function extrasOf(parsed: ParsedQuestion): {
  language: string | null;
  ownKernel: boolean;
  comparing: boolean;
} {
  return {
    language: parsed.language,
    ownKernel: OWN_KERNEL.test(parsed.normalized),
    comparing: COMPARING.test(parsed.normalized),
  };
}

/** What a pasted kernel string was read as, for the answer about that system. */
function kernelLines(kernels: readonly KernelString[], product: Product): string[] {
  return kernels
    .filter((kernel) => kernel.product.id === product.id || kernel.product.ambiguous?.also === product.id)
    .map((kernel) => {
      if (kernel.release === null) {
        const major = kernel.reads.split(" ").at(-1);
        return `"${kernel.text}" is a ${kernel.product.name} ${major} family kernel: RHEL ${major} and its rebuilds (such as CentOS ${major}) ship the same.`;
      }
      const codename = kernel.release.codename ? ` (${kernel.release.codename})` : "";
      return `"${kernel.text}" is the kernel string of ${kernel.product.name} ${kernel.release.version}${codename}.`;
    });
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

/** A support resolution for a catalogued product (or variant), its version set apart. */
function supportOf(product: Product, variant: Variant | null): Resolution {
  return { intent: "support", product, variant, codenameVersion: null };
}

/** The product's variant a button, option or conversation named ("Scientific Linux" or its key), or null. */
function variantOf(product: Product, name: string | null | undefined): Variant | null {
  if (typeof name !== "string") return null;
  const wanted = variantKey(name);
  return product.variants?.find((candidate) => variantKey(candidate.name) === wanted) ?? null;
}

/** What a conversation keeps of an answer for a follow-up: the question as understood (the first, of several). */
export function contextOf(answer: Answer): StructuredQuestion | null {
  return answer.query ?? answer.answers?.[0]?.query ?? null;
}

/** A variant's name as a key that fits an id: "Scientific Linux" -> "scientific-linux". */
export function variantKey(name: string): string {
  return name
    .toLowerCase()
    .slice(0, 100)
    .replace(/[^a-z0-9]+/g, "-");
}

export interface CoreOptions {
  /** The day answers are given for when a call does not say (YYYY-MM-DD); default: each call's today. */
  asOf?: string;
}

/** Builds the stateless answering core over a validated dataset. */
export function createCore(data: Dataset, options: CoreOptions = {}): Dom0Core {
  const lexicon = new Lexicon(data);
  const kernelReader = new KernelReader(data);
  const scopes = new Map<string, Scope>();
  const productsById = new Map<string, Product>(data.products.map((product) => [product.id, product]));
  const sourcesById = new Map<string, Source>(data.sources.map((source) => [source.id, source]));
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
    const query: ReleaseQuery = { variant, name, version, xen, release };
    const findings = speaking.map((on) => findingOf(on, query));
    const consulted = findings.filter(
      (finding) => finding.strength !== "silent" || finding.table !== null || finding.facts.length,
    );
    const asked: Asked = {
      name,
      remark: variant?.remark,
      version,
      xen,
      released: release?.released ? longDate(release.released) : null,
      oneTable: scope.tableViews.length <= 1,
    };
    const first = consulted[0];
    const only = consulted.length === 1 && first ? composeFinding(first, asked) : null;
    const title = version === null ? name : `${name} ${describeVersion(product, version)}`;
    const composed = only ?? composeAcross(decide(findings), consulted, asked, title);
    return {
      composed,
      findings: consulted,
      sources: consulted.map((finding) => finding.on.source),
      unknown: false,
    };
  }

  /** A list with a condition; null when the condition does not apply to what was named (the whole list then). */
  function filteredList(
    scope: Scope,
    product: Product | null,
    filter: ListFilter,
    table: "linux" | "unix" | null,
  ): Cited | null {
    const verdictOf: VerdictOf = (of, version, xen) =>
      decideSupport(scope, of, null, version, xen).composed.verdict ?? "unlisted";
    const speaking = (of: Product) => (scope.byProduct.get(of.id) ?? []).map((on) => on.source);
    if (product !== null && product.releases.length > 0 && product.table !== null) {
      const entries = filterReleases(product, filter, scope.asOf, verdictOf);
      // What the newest table says of the product, beside the entries: the rule they come from.
      const on = (scope.byProduct.get(product.id) ?? []).find(
        (candidate) => (candidate.product?.rows.length ?? 0) > 0,
      );
      const rows = (on?.product?.rows ?? []).map(
        (row) =>
          `${capital(sourceName(on?.source as Source))} lists ${row.label}: ${withoutMarks(row.versions)}.`,
      );
      return {
        composed: composeReleaseList(product, entries, filter, scope.asOf, rows),
        sources: speaking(product),
      };
    }
    if (product !== null) return null;
    if (filter.incomplete || (filter.needsXen !== null && !filter.negative)) {
      const rows = filterRows(scope, filter);
      return {
        composed: composeRowList(rows, filter),
        sources: [...new Set(scope.tables.values())].map((v) => v.source),
      };
    }
    const entries = filterSystems(data.products, filter, table, verdictOf);
    return {
      composed: composeSystemList(entries, filter, scope.asOf),
      sources: [...new Set(entries.flatMap((entry) => speaking(entry.product)))],
    };
  }

  /** The first sentence of the page's advice on choosing a dom0 kernel, from the source in scope. */
  function ownKernelAdvice(scope: Scope): { line: string; source: Source } | null {
    const topic = data.faq.find((candidate) => candidate.id === "choosing-kernel");
    const source = scope.sources.find((candidate) => candidate.id === topic?.source);
    const first = topic?.text[0]?.split(/(?<=\.)\s/)[0];
    return topic && source && first ? { line: `On the distribution's own kernel: ${first}`, source } : null;
  }

  /** What a question is taken to ask, from its words or from a button's or an option's fields. */
  interface Understood {
    raw: string;
    resolution: Resolution;
    version: string | null;
    xen: string | null;
    /** Every system the words named, to say which ones the answer left for another question. */
    mentions: readonly Mention[];
    /** Kernel strings the words held, read as releases. */
    kernels: readonly KernelString[];
    /** Set when one name could mean this system or another ("SUSE 11"): why both are answered. */
    ambiguity?: string;
    /** The language asked in, when not English. */
    language?: string | null;
    /** Asks about the distribution's own kernel ("is the stock kernel fine?"). */
    ownKernel?: boolean;
    /** Asks which of several is better. */
    comparing?: boolean;
  }

  /** The systems of a message that names several (or one ambiguous name): one Understood each, at most five. */
  function eachSubject(parsed: ParsedQuestion, raw: string): Understood[] {
    const seen = new Set<string>();
    const each: Understood[] = [];
    const add = (resolution: Resolution, version: string | null, ambiguity?: string) => {
      // "16.04.7" and "xenial" are one release.
      const release = resolution.intent === "support" ? releaseOf(resolution.product, version) : null;
      const key =
        resolution.intent === "support"
          ? `${resolution.product.id}|${resolution.variant?.name ?? ""}|${release?.version ?? version ?? ""}`
          : resolution.intent === "unlisted"
            ? (resolution.system?.name ?? "")
            : "";
      if (seen.has(key) || each.length >= MAX_SUBJECTS) return;
      seen.add(key);
      const understood: Understood = {
        raw,
        resolution,
        version,
        xen: parsed.xen,
        mentions: [],
        kernels: parsed.kernels,
        ...extrasOf(parsed),
      };
      if (ambiguity) understood.ambiguity = ambiguity;
      each.push(understood);
    };
    for (const { mention, version } of parsed.subjects) {
      const entity = mention.entity;
      if (entity.kind === "unlisted") {
        add({ intent: "unlisted", system: entity.system }, null);
        continue;
      }
      const variant = entity.kind === "product" ? entity.variant : null;
      const key = parsed.tokens
        .slice(mention.start, mention.end)
        .map((token) => token.text)
        .join(" ");
      const shared = entity.product.ambiguous;
      const also = shared?.aliases.includes(key) ? productsById.get(shared.also) : undefined;
      // "SUSE 11 SP3": a service pack settles it for SLES.
      const settled =
        also !== undefined && (shared?.onlyAlsoWith ?? []).some((word) => parsed.words.has(word));
      const why = also && !settled ? shared?.says : undefined;
      if (!settled) add(supportOf(entity.product, variant), version, why);
      if (also) add(supportOf(also, null), version, why);
    }
    return each;
  }

  /** The message as read: the sentence that asks when it names a system, else the whole (cleaned) message. */
  function read(raw: string): { parsed: ParsedQuestion; text: string } {
    // Bounded before any pattern runs on it: no question needs more, and no input costs more.
    const cleaned = cleanMessage(raw.slice(0, MAX_QUESTION_CHARS));
    const asking = askingSentence(cleaned);
    const whole = () => ({ parsed: parseQuestion(cleaned, lexicon, kernelReader), text: cleaned });
    if (asking === null) return whole();
    let focused = parseQuestion(asking, lexicon, kernelReader);
    // A pasted kernel string in the asking sentence does not outweigh a system the sentence names
    // ("[dmesg ... 6.1.0-18-amd64 ...] does fedora 39 work as dom0 too?").
    if (focused.kernels.length > 0) {
      const stripped = focused.kernels.reduce(
        (text, kernel) => text.replace(kernel.text, " "),
        asking.toLowerCase(),
      );
      const named = parseQuestion(stripped, lexicon, kernelReader);
      if (named.mentions.some((mention) => !(mention.entity.kind === "product" && mention.entity.generic))) {
        focused = named;
      }
    }
    if (focused.mentions.length === 0 && focused.kernels.length === 0) return whole();
    // A Xen version said elsewhere in the message still applies ("we run Xen 3.4. is squeeze ok?").
    const xen = focused.xen ?? XEN_SAID.exec(cleaned.toLowerCase())?.[1] ?? null;
    return { parsed: xen === focused.xen ? focused : { ...focused, xen }, text: asking };
  }

  /**
   * A follow-up read against the conversation's last question: "what about 6.5?" keeps its system, "and with
   * Xen 3.4?" its system and release, "the same for SLES?" its Xen version. Null when it is not a fragment.
   */
  function followUp(
    parsed: ParsedQuestion,
    raw: string,
    context: StructuredQuestion | null,
  ): Understood | null {
    if (!isFragment(parsed)) return null;
    const base = { raw, mentions: [], kernels: parsed.kernels, ...extrasOf(parsed) };
    const previous = context ? productsById.get(context.product) : undefined;
    if (parsed.mentions.length > 0) {
      // "ok and wheezy?", "the same for SLES?": a system named, the rest (its Xen version) from before.
      const named = parsed.subjects[0];
      if (!context || !named || named.mention.entity.kind === "unlisted") return null;
      const entity = named.mention.entity;
      const variant = entity.kind === "product" ? entity.variant : null;
      return {
        ...base,
        resolution: supportOf(entity.product, variant),
        version: named.version,
        xen: parsed.xen ?? context.xen ?? null,
      };
    }
    if (parsed.version === null && parsed.xen === null) {
      // "is that the newest?": the newest release of the system asked about before.
      const newest = /\b(?:newest|latest|most recent)\b/.test(parsed.normalized);
      if (previous && newest) {
        const filter = { ...noFilter(), pick: "newest" as const };
        return {
          ...base,
          resolution: { intent: "list", product: previous, variant: null, table: null, filter },
          version: null,
          xen: null,
        };
      }
      if (previous) return null;
    }
    // A fragment with nothing before it: ask for the system by name, never guess one.
    if (!previous || !context) {
      return {
        ...base,
        resolution: { intent: "unclear", reason: "fragment", suggestions: [] },
        version: null,
        xen: null,
      };
    }
    return {
      ...base,
      resolution: supportOf(previous, variantOf(previous, context.variant)),
      version: parsed.version ?? context.version ?? null,
      xen: parsed.xen ?? context.xen ?? null,
    };
  }

  function understand(raw: string, context: StructuredQuestion | null = null): Understood[] {
    const { parsed, text } = read(raw);
    const continued = followUp(parsed, raw, context);
    if (continued) return [continued];
    const resolution = classify(parsed, text);
    if (resolution.intent === "unclear") {
      resolution.suggestions = resolution.suggestions.map((key) => {
        const entity = lexicon.lookup(key);
        return entity ? displayName(entity) : key;
      });
    }
    const version =
      resolution.intent === "support"
        ? (parsed.version ?? resolution.codenameVersion)
        : resolution.intent === "faq"
          ? (parsed.xen ?? parsed.version)
          : null;
    const single: Understood = {
      raw,
      resolution,
      version,
      xen: parsed.xen,
      mentions: parsed.mentions,
      kernels: parsed.kernels,
      ...extrasOf(parsed),
    };
    if (resolution.intent !== "support" && resolution.intent !== "unlisted") return [single];
    const each = eachSubject(parsed, raw);
    const first = each[0]?.resolution;
    // One reading left of an ambiguous name ("SUSE 11 SP3" is SLES 11) replaces the word-for-word one.
    const reread =
      each.length === 1 &&
      first?.intent === "support" &&
      resolution.intent === "support" &&
      first.product !== resolution.product;
    return each.length >= 2 || reread ? each : [single];
  }

  /** "Red Hat Enterprise Linux (RHEL) 7 (Maipo)", "Scientific Linux 6.5", "Proxmox VE": who a line is about. */
  function subjectName(understood: Understood): string {
    const { resolution, version } = understood;
    if (resolution.intent === "unlisted") return resolution.system?.name ?? "That system";
    if (resolution.intent !== "support") return "";
    const name = resolution.variant?.name ?? resolution.product.name;
    return version === null ? name : `${name} ${describeVersion(resolution.product, version)}`;
  }

  /** One answer per system, each one line with its own verdict; the top-level fields are the first's. */
  function respondEach(each: readonly Understood[], asOf: string): Answer {
    const answers = each.map((understood) => respond(understood, asOf));
    const first = answers[0] as Answer;
    const raw = first.question;
    const before = [
      ...new Set(
        each.flatMap((understood) => [
          ...(understood.ambiguity ? [understood.ambiguity] : []),
          ...(understood.resolution.intent === "support"
            ? kernelLines(understood.kernels, understood.resolution.product)
            : []),
        ]),
      ),
    ];
    const lines = answers.map((answer, i) => `${subjectName(each[i] as Understood)}: ${answer.headline}`);
    const after: string[] = [];
    const language = each[0]?.language;
    if (language) after.push(languageLine(language));
    if (each.some((understood) => understood.comparing)) {
      after.push(
        "The sources do not rank them: each says only whether a system works as a dom0, and on what.",
      );
    }
    const reasons = [...before, ...lines, ...after];
    const products = new Set(answers.map((answer) => answer.productName));
    const what = products.size === 1 ? "releases" : "systems";
    const headline = `You asked about ${answers.length} ${what}; each has its own answer:`;
    const cited = [
      ...new Map(
        answers.flatMap((answer) => answer.sources.map((finding) => [finding.id, finding] as const)),
      ).values(),
    ].sort((a, b) => b.date.localeCompare(a.date));
    const sources = cited.flatMap((finding) => sourcesById.get(finding.id) ?? []);
    const notes = [
      ...new Map(answers.flatMap((answer) => answer.notes.map((note) => [note.id, note]))).values(),
    ];
    // The text gives each answer's own reasons under its line (the rows it stands on), the fields one line each.
    const detailed = lines.flatMap((line, i) => [
      line,
      ...(answers[i]?.reasons ?? []).slice(0, 3).map((reason) => `    ${reason.trim()}`),
    ]);
    const text = renderText({ headline, reasons: [...before, ...detailed, ...after], notes }, sources);
    return {
      ...first,
      question: raw,
      headline,
      reasons,
      notes,
      text,
      query: null,
      answers,
    };
  }

  function respond(understood: Understood, asOf: string): Answer {
    const { raw, resolution, xen } = understood;
    const scope = scopeOf(asOf);
    const version = resolution.intent === "support" ? understood.version : null;
    let composed: Composed;
    let sources: Source[] = [];
    let findings: SourceFinding[] = [];
    let product: ProductId | null = null;
    let productName: string | null = null;
    let query: StructuredQuestion | null = null;
    switch (resolution.intent) {
      case "faq": {
        const cited = composeFaq(resolution.topic, data, scope, understood.version);
        composed = cited.composed;
        sources = cited.sources;
        product = resolution.product?.id ?? null;
        break;
      }
      case "list": {
        const cited = resolution.filter
          ? filteredList(scope, resolution.product, resolution.filter, resolution.table)
          : null;
        if (cited) {
          composed = cited.composed;
          sources = cited.sources;
          product = resolution.product?.id ?? null;
          break;
        }
        const whole = composeList(data, scope, resolution.product, resolution.variant, resolution.table);
        composed = whole.composed;
        sources = whole.sources;
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
        const decided = decideSupport(scope, resolution.product, resolution.variant, version, xen);
        composed = decided.composed;
        const read = kernelLines(understood.kernels, resolution.product);
        if (read.length > 0) composed = { ...composed, reasons: [...read, ...composed.reasons] };
        // "is the distro's own kernel fine?": the page's advice on which kernel to use, beside the verdict.
        const advice = understood.ownKernel ? ownKernelAdvice(scope) : null;
        sources = decided.sources;
        if (advice) {
          composed = { ...composed, reasons: [...composed.reasons, advice.line] };
          sources = [...sources, advice.source];
        }
        findings = sourceFindings(decided.findings);
        product = decided.unknown ? null : resolution.product.id;
        productName = resolution.variant?.name ?? resolution.product.name;
        query = {
          product: resolution.product.id,
          variant: resolution.variant?.name ?? null,
          version,
          xen,
        };
        break;
      }
    }
    sources = [...new Set(sources)].sort((a, b) => b.date.localeCompare(a.date));
    findings = [...findings].sort((a, b) => b.date.localeCompare(a.date));
    if (resolution.intent === "support" || resolution.intent === "unlisted") {
      const answered = resolution.intent === "support" ? resolution.product.name : resolution.system?.name;
      const others = otherSystems(understood.mentions, answered);
      if (others.length > 0) {
        composed.reasons.push(
          `You also named ${others.join(" and ")}: ask about it on its own for its answer.`,
        );
      }
    }
    if (understood.language) {
      composed = { ...composed, reasons: [...composed.reasons, languageLine(understood.language)] };
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
      xen,
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
      query,
    };
  }

  function answer(question: string, call?: AnswerOptions): Answer {
    const each = understand(typeof question === "string" ? question : "", call?.context ?? null);
    const asOf = dayOf(call);
    return each.length === 1 ? respond(each[0] as Understood, asOf) : respondEach(each, asOf);
  }

  /** A question already understood (a button, an option, an autocomplete pick): decided exactly as its words were. */
  function ask(question: StructuredQuestion, call?: AnswerOptions): Answer {
    const asOf = dayOf({ asOf: question.asOf ?? call?.asOf ?? undefined });
    const product = productsById.get(question.product);
    const variant = product ? variantOf(product, question.variant) : null;
    const version =
      typeof question.version === "string" && VERSION.test(question.version) ? question.version : null;
    const xen = typeof question.xen === "string" && VERSION.test(question.xen) ? question.xen : null;
    const title = [variant?.name ?? product?.name ?? "", version ?? ""].join(" ").trim();
    const raw = `${title}${xen ? ` with Xen ${xen}` : ""}`;
    const resolution: Resolution = product
      ? { intent: "support", product, variant, codenameVersion: null }
      : { intent: "unclear", reason: "no-system", suggestions: [] };
    return respond({ raw, resolution, version, xen, mentions: [], kernels: [] }, asOf);
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

  function tables(call?: AnswerOptions): SourceRef[] {
    return scopeOf(dayOf(call)).tableViews.map((view) => sourceRef(view.source));
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

  const startScope = scopeOf(dayOf(undefined));
  const newest = startScope.tableViews[0]?.source ?? (data.sources.at(-1) as Source);
  return {
    answer,
    ask,
    suggestProducts,
    releasesOf,
    table,
    tables,
    source: sourceRef(newest),
    about: introduction(startScope),
    examples: EXAMPLES,
  };
}
