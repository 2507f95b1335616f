/** What an import changes against a source of the data: rows added, removed and changed, notes, leftovers. */
import { isDeepStrictEqual } from "node:util";
import type { Note, Product, Row, Source } from "../dataset/schema.js";
import type { Imported, Unreadable } from "./rows.js";

/** The parts of a row the page decides (decisions and belowRange are the data's own). */
export type RowField = "product" | "label" | "versions" | "rules";
const FIELDS: readonly RowField[] = ["product", "label", "versions", "rules"];

/** A row the page and the data both have, with the fields that differ. */
export interface RowChange {
  id: string;
  fields: RowField[];
  before: Row;
  after: Row;
}

/** A footnote the page words differently from the data. */
export interface NoteChange {
  id: string;
  before: string;
  after: string;
}

/** The differences between an import and the source compared with. */
export interface ImportDiff {
  /** The compared source: its id and its date as cited. */
  against: { id: string; dateText: string };
  tables: Imported["tables"];
  added: Row[];
  removed: Row[];
  changed: RowChange[];
  /** Ids of rows the page and the data agree on. */
  unchanged: string[];
  unreadable: Unreadable[];
  notes: { added: Note[]; removed: Note[]; changed: NoteChange[] };
  decisions: Imported["decisions"];
  carried: string[];
  /** Tables of the compared source the page did not have: their rows were not compared. */
  notCompared: ("linux" | "unix")[];
}

/** Compares an import with a source of the data, row by row id and footnote by note id. */
export function diffImport(imported: Imported, base: Source, products: readonly Product[]): ImportDiff {
  const tableOf = (row: Row) => products.find((product) => product.id === row.product)?.table ?? null;
  const onPage = (row: Row) => {
    const table = tableOf(row);
    return table === null || imported.tables.includes(table);
  };
  const baseRows = (base.rows ?? []).filter(onPage);
  const byId = new Map(baseRows.map((row) => [row.id, row]));
  const ids = new Set(imported.rows.map((row) => row.id));
  const unreadable = new Set(imported.unreadable.flatMap((row) => (row.id ? [row.id] : [])));
  const added: Row[] = [];
  const changed: RowChange[] = [];
  const unchanged: string[] = [];
  for (const row of imported.rows) {
    const before = byId.get(row.id);
    if (!before) {
      added.push(row);
      continue;
    }
    const fields = FIELDS.filter((field) => !isDeepStrictEqual(before[field], row[field]));
    if (fields.length) changed.push({ id: row.id, fields, before, after: row });
    else unchanged.push(row.id);
  }
  const baseNotes = (base.notes ?? []).filter(
    (note) => note.mark !== null && note.table !== null && imported.tables.includes(note.table),
  );
  const pageNotes = imported.notes.filter((note) => note.mark !== null);
  return {
    against: { id: base.id, dateText: base.dateText },
    tables: imported.tables,
    added,
    removed: baseRows.filter((row) => !ids.has(row.id) && !unreadable.has(row.id)),
    changed,
    unchanged,
    unreadable: imported.unreadable,
    notes: {
      added: pageNotes.filter((note) => !baseNotes.some((old) => old.id === note.id)),
      removed: baseNotes.filter((old) => !pageNotes.some((note) => note.id === old.id)),
      changed: pageNotes.flatMap((note) => {
        const old = baseNotes.find((candidate) => candidate.id === note.id);
        return old && old.text !== note.text ? [{ id: note.id, before: old.text, after: note.text }] : [];
      }),
    },
    decisions: imported.decisions,
    carried: imported.carried,
    notCompared: [...new Set((base.rows ?? []).filter((row) => !onPage(row)).map(tableOf))].flatMap((t) =>
      t ? [t] : [],
    ),
  };
}

/** Whether the page and the data agree on every row and footnote. */
export function isSame(diff: ImportDiff): boolean {
  const { added, removed, changed, unreadable, notes } = diff;
  return [added, removed, changed, unreadable, notes.added, notes.removed, notes.changed].every(
    (l) => !l.length,
  );
}
