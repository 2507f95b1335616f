/** The page "Dom0 Kernels for Xen" read into its tables: rows of (Distributions, Versions) and footnotes. */
import { type Block, type Cell, readBlocks } from "./blocks.js";

/** The page's two tables: Linux distributions, and BSDs and other Unix systems. */
export type TableKind = "linux" | "unix";

/** One row of a table: the Distributions cell and the Versions cell, as plain text (marks kept). */
export interface PageRow {
  label: string;
  versions: string;
}

/** A footnote under a table: "1) Please note …" or "[1] Please note …". */
export interface Footnote {
  mark: string;
  text: string;
}

/** A table of the page, named by its heading: the Linux distributions', or the BSDs' and other Unixes'. */
export interface PageTable {
  kind: TableKind;
  heading: string;
  rows: PageRow[];
  footnotes: Footnote[];
}

/** The page as read, or why it could not be read. */
export type PageRead = { ok: true; tables: PageTable[] } | { ok: false; reason: string };

/** More rows than the page could plausibly hold: a sign of the wrong file. */
const MAX_ROWS = 500;

function kindOf(heading: string, seen: readonly PageTable[]): TableKind {
  const words = heading.toLowerCase();
  if (words.includes("bsd") || words.includes("unix")) return "unix";
  if (words.includes("linux")) return "linux";
  return seen.some((table) => table.kind === "linux") ? "unix" : "linux";
}

/** The columns of a table whose header names "Versions"; null for any other table. */
function columns(rows: readonly Cell[][]): { label: number; versions: number } | null {
  const header = rows[0];
  if (!header) return null;
  const names = header.map((cell) => cell.text.toLowerCase());
  const versions = names.indexOf("versions");
  if (versions < 0) return null;
  const label = names.indexOf("distributions");
  return { label: label >= 0 ? label : versions === 0 ? 1 : 0, versions };
}

/** A loose line that is a footnote: "1) text" (the 2014 page) or "[1] text" (today's). */
function footnoteOf(line: string): Footnote | null {
  const found = /^(?:\[(\d{1,2})\]|(\d{1,2})\))\s*(\S.*)$/.exec(line);
  if (!found) return null;
  return { mark: found[1] ?? found[2] ?? "", text: found[3] ?? "" };
}

/** Reads the page's dom0 tables, from MediaWiki markup or the HTML it renders to. */
export function readWikiPage(text: string): PageRead {
  let blocks: Block[];
  try {
    blocks = readBlocks(text);
  } catch (error) {
    return { ok: false, reason: `the parser could not read it (${String(error).slice(0, 200)})` };
  }
  const tables: PageTable[] = [];
  let heading = "";
  let open: PageTable | null = null;
  for (const block of blocks) {
    if (block.kind === "heading") {
      heading = block.text;
      open = null;
    } else if (block.kind === "line") {
      const footnote = open ? footnoteOf(block.text) : null;
      if (open && footnote) open.footnotes.push(footnote);
    } else {
      const cols = columns(block.rows);
      open = null;
      if (!cols) continue;
      const rows = block.rows.slice(1).flatMap((cells): PageRow[] => {
        const label = cells[cols.label]?.text ?? "";
        const versions = cells[cols.versions]?.text ?? "";
        return label || versions ? [{ label, versions }] : [];
      });
      if (rows.length > MAX_ROWS) return { ok: false, reason: `a table has ${rows.length} rows, too many` };
      open = { kind: kindOf(heading, tables), heading, rows, footnotes: [] };
      tables.push(open);
    }
  }
  if (tables.length === 0)
    return {
      ok: false,
      reason: 'it holds no wiki table with a "Versions" column (is it the page "Dom0 Kernels for Xen"?)',
    };
  const kinds = tables.map((table) => table.kind);
  const twice = kinds.find((kind, i) => kinds.indexOf(kind) !== i);
  if (twice) return { ok: false, reason: `it holds two ${twice} tables; the page has one of each` };
  return { ok: true, tables };
}
