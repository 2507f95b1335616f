import type { Dataset, Note, Product, Row, Source, Statement } from "../dataset/schema.js";
import type { ProductId } from "../types.js";

/** A catalogue product with the rows one table source gives it. */
export type ProductRows = Product & { rows: Row[] };

/** One source as seen for one product: its rows (a table) or its statements (a document). */
export interface SourceOnProduct {
  source: Source;
  /** The product with this source's rows; null when the source has no row for it. */
  product: ProductRows | null;
  statements: Statement[];
  notes: ReadonlyMap<string, Note>;
}

/** What one table source holds, shaped for the table's resolver and wording. */
export interface TableView {
  source: Source;
  products: ProductRows[];
  notes: ReadonlyMap<string, Note>;
}

/** The sources dated on or before one day, indexed for answering. */
export interface Scope {
  asOf: string;
  /** Newest first. */
  sources: Source[];
  /** Per product, the sources that speak of it, newest first. */
  byProduct: ReadonlyMap<ProductId, SourceOnProduct[]>;
  /** The newest table source for each table kind ("linux", "unix"). */
  tables: ReadonlyMap<"linux" | "unix", TableView>;
  /** Every table source in scope, newest first. */
  tableViews: TableView[];
}

const notesOf = (source: Source): ReadonlyMap<string, Note> =>
  new Map((source.notes ?? []).map((note) => [note.id, note]));

function tableView(source: Source, data: Dataset): TableView {
  const rows = source.rows ?? [];
  return {
    source,
    products: data.products
      .map((product) => ({ ...product, rows: rows.filter((row) => row.product === product.id) }))
      .filter((product) => product.rows.length > 0 || product.notDom0 !== undefined),
    notes: notesOf(source),
  };
}

/** Builds the scope of one day: which sources count, and who speaks of what. */
export function buildScope(data: Dataset, asOf: string): Scope {
  const sources = data.sources.filter((source) => source.date <= asOf).reverse();
  const tableViews = sources
    .filter((source) => (source.rows ?? []).length > 0)
    .map((s) => tableView(s, data));
  const views = new Map(tableViews.map((view) => [view.source, view]));
  const byProduct = new Map<ProductId, SourceOnProduct[]>();
  for (const product of data.products) {
    const speaking: SourceOnProduct[] = [];
    for (const source of sources) {
      const rows = views.get(source)?.products.find((candidate) => candidate.id === product.id) ?? null;
      const statements = (source.statements ?? []).filter((statement) => statement.product === product.id);
      if ((rows && rows.rows.length > 0) || statements.length > 0)
        speaking.push({ source, product: rows, statements, notes: notesOf(source) });
    }
    byProduct.set(product.id, speaking);
  }
  const tables = new Map<"linux" | "unix", TableView>();
  for (const view of tableViews) {
    for (const table of view.source.tables ?? []) if (!tables.has(table)) tables.set(table, view);
  }
  return { asOf, sources, byProduct, tables, tableViews };
}
