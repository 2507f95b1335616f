/** The page's tables turned into a source's rows and notes, beside the source they are compared with. */
import { isDeepStrictEqual } from "node:util";
import type { Dataset, Note, Row, Rule, Source } from "../dataset/schema.js";
import { CARRIED_ROWS, cellDecision, VERSION_SCHEMES } from "./decisions.js";
import { productOf, sameText, slugOf, wikiSources } from "./names.js";
import { readVersions } from "./versions.js";
import type { PageTable, TableKind } from "./wikitext.js";

/** A row whose Versions cell (or name) could not be read: left for a maintainer. */
export interface Unreadable {
  table: TableKind;
  id: string | null;
  label: string;
  versions: string;
  reason: string;
}

/** What the importer made of the page: rows in page order (carried rows last), notes, and what it left. */
export interface Imported {
  tables: TableKind[];
  rows: Row[];
  notes: Note[];
  unreadable: Unreadable[];
  /** Hand decisions applied (see decisions.ts), by row id. */
  decisions: { row: string; why: string }[];
  /** Rows carried over from the compared source (CARRIED_ROWS). */
  carried: string[];
}

interface Named {
  table: PageTable;
  label: string;
  versions: string;
  product: Row["product"] | null;
  id: string | null;
}

/** Row ids: a label the data knows keeps its id; a new label takes its product's only unclaimed row's id. */
function nameRows(tables: readonly PageTable[], data: Dataset, base: Source): Named[] {
  const known = new Map<string, Row>();
  for (const source of wikiSources(data, base))
    for (const row of source.rows ?? [])
      if (!known.has(row.label.toLowerCase())) known.set(row.label.toLowerCase(), row);
  const named: Named[] = tables.flatMap((table) =>
    table.rows.map((row) => {
      const product = productOf(row.label, data.products);
      const seen = known.get(row.label.toLowerCase());
      return { table, ...row, product, id: seen && seen.product === product ? seen.id : null };
    }),
  );
  const claimed = new Set(named.flatMap((row) => (row.id ? [row.id] : [])));
  const knownIds = new Set([...known.values()].map((row) => row.id));
  for (const row of named) {
    if (row.id || !row.product) continue;
    const free = (base.rows ?? []).filter((old) => old.product === row.product && !claimed.has(old.id));
    let id = free.length === 1 && free[0] ? free[0].id : row.product;
    if (id === row.product && (claimed.has(id) || (knownIds.has(id) && free.length !== 1)))
      id = slugOf(row.label);
    for (let n = 2; claimed.has(id); n++) id = `${slugOf(row.label)}-${n}`;
    row.id = id;
    claimed.add(id);
  }
  return named;
}

function noteIdOf(base: Source, table: TableKind, mark: string): string {
  return (
    (base.notes ?? []).find((note) => note.table === table && note.mark === mark)?.id ?? `${table}-${mark}`
  );
}

/** The page's footnotes as notes; wording that differs only in case, spaces or a full stop keeps the data's. */
function pageNotes(tables: readonly PageTable[], base: Source): Note[] {
  return tables.flatMap((table) =>
    table.footnotes.map((footnote): Note => {
      const id = noteIdOf(base, table.kind, footnote.mark);
      const old = (base.notes ?? []).find((note) => note.id === id);
      const kept = old && sameText(old.text, footnote.text) ? old : undefined;
      const xen = /requires Xen\s*>=\s*(\d+(?:\.\d+)*)/i.exec(footnote.text)?.[1];
      return {
        id,
        table: table.kind,
        mark: footnote.mark,
        text: kept?.text ?? footnote.text,
        ...(xen ? { condition: { xenMin: xen } } : {}),
        ...(kept?.decision ? { decision: kept.decision } : {}),
      };
    }),
  );
}

/** Reads the page's rows into a source's rows and notes, compared with (and named after) `base`. */
export function importPage(tables: readonly PageTable[], data: Dataset, base: Source): Imported {
  const out: Imported = {
    tables: tables.map((t) => t.kind),
    rows: [],
    notes: [],
    unreadable: [],
    decisions: [],
    carried: [],
  };
  for (const row of nameRows(tables, data, base)) {
    const { table, label, versions, id, product } = row;
    const refuse = (reason: string) =>
      out.unreadable.push({ table: table.kind, id, label, versions, reason });
    if (!product || !id) {
      refuse(`no product in products.json is named like "${label}": add it to the catalogue first`);
      continue;
    }
    const decision = cellDecision(id, versions);
    const scheme = VERSION_SCHEMES[id];
    let rules: Rule[];
    if (decision?.rules) rules = structuredClone(decision.rules);
    else {
      const read = readVersions(versions, scheme ? { scheme } : {});
      if (!read.ok) {
        refuse(read.reason);
        continue;
      }
      const marks = new Set(table.footnotes.map((footnote) => footnote.mark));
      const missing = read.rules.flatMap((rule) => rule.marks).find((mark) => !marks.has(mark));
      if (missing) {
        refuse(`mark [${missing}] has no footnote under the ${table.kind} table`);
        continue;
      }
      rules = read.rules.map(({ marks: ruleMarks, ...rule }) => ({
        ...rule,
        notes: [
          ...ruleMarks
            .filter((mark) => !decision?.dropMarks?.includes(mark))
            .map((mark) => noteIdOf(base, table.kind, mark)),
          ...(decision?.addNotes ?? []),
        ],
      }));
    }
    if (scheme)
      out.decisions.push({
        row: id,
        why: `releases numbered by their ${scheme} version alone ("4.0" is the release line 4)`,
      });
    if (decision) out.decisions.push({ row: id, why: decision.why });
    const old = base.rows?.find(
      (r) => r.id === id && r.product === product && isDeepStrictEqual(r.rules, rules),
    );
    out.rows.push({
      product,
      id,
      label,
      versions,
      rules,
      ...(old?.decision ? { decision: old.decision } : {}),
      ...(old?.belowRange ? { belowRange: old.belowRange } : {}),
    });
  }
  for (const id of CARRIED_ROWS) {
    const row = base.rows?.find((r) => r.id === id);
    if (row && !out.rows.some((r) => r.id === id)) {
      out.rows.push(structuredClone(row));
      out.carried.push(id);
    }
  }
  out.notes = pageNotes(tables, base);
  const referenced = new Set(out.rows.flatMap((row) => row.rules.flatMap((rule) => rule.notes)));
  const citedByBase = new Set((base.rows ?? []).flatMap((row) => row.rules.flatMap((rule) => rule.notes)));
  const others = wikiSources(data, base).flatMap((source) => source.notes ?? []);
  for (const note of others) {
    if (note.mark !== null || out.notes.some((n) => n.id === note.id)) continue;
    const fromBase = base.notes?.includes(note) ?? false;
    const freeStanding =
      fromBase && !citedByBase.has(note.id) && note.table !== null && out.tables.includes(note.table);
    if (referenced.has(note.id) || freeStanding) out.notes.push(structuredClone(note));
  }
  return out;
}
