/**
 * A wiki page, as MediaWiki markup or as the HTML MediaWiki renders, read into blocks of plain text in page
 * order: headings, tables (rows of cells) and loose lines. The structure comes from wikiparser-node's parse
 * tree (wikitext tables and headings, and HTML tags as tokens), never from patterns over the markup.
 */
import type { AstNodes, AstText, HtmlToken, TableToken, TdToken, Token } from "wikiparser-node";
import Parser from "wikiparser-node";
import { BREAKS, decode, HEADINGS, pageConfig, SKIPPED, SKIPPED_CLASSES, squeeze } from "./plain.js";

/** One table cell's plain text; `header` for a `!` or `<th>` cell. */
export interface Cell {
  header: boolean;
  text: string;
}

/** A heading, a table, or a line of text outside tables, in the order the page shows them. */
export type Block =
  | { kind: "heading"; text: string }
  | { kind: "table"; rows: Cell[][] }
  | { kind: "line"; text: string };

/** Walks the parse tree in page order, sending words to the open cell, heading or line. */
class Walker {
  readonly blocks: Block[] = [];
  private line = "";
  private heading: string | null = null;
  private table: { rows: Cell[][]; row: Cell[] | null; cell: Cell | null; nested: number } | null = null;
  private skipTo: HtmlToken | null = null;

  /** The words of some nodes alone (a wikitext cell or heading). */
  static text(nodes: readonly AstNodes[]): string {
    const walker = new Walker();
    for (const node of nodes) walker.visit(node);
    walker.flush();
    return squeeze(walker.blocks.map((block) => (block.kind === "line" ? block.text : "")).join(" "));
  }

  visit(node: AstNodes): void {
    if (this.skipTo) {
      if (node === this.skipTo) this.skipTo = null;
    } else if (node.type === "text") this.words(decode((node as AstText).data));
    else if (node.type === "html") this.tag(node as HtmlToken);
    else if (node.type === "heading") {
      this.flush();
      this.blocks.push({ kind: "heading", text: Walker.text(node.firstChild?.childNodes ?? []) });
    } else if (node.type === "table") {
      this.flush();
      this.blocks.push({ kind: "table", rows: wikiRows(node as TableToken) });
    } else {
      const words = wordsOf(node as Token);
      if (words !== null) this.words(words);
      else for (const child of node.childNodes) this.visit(child);
    }
  }

  private words(text: string): void {
    const cell = this.table?.cell;
    if (this.table) {
      if (cell && this.table.nested === 0) cell.text += text;
    } else if (this.heading !== null) this.heading += text;
    else {
      const [first = "", ...rest] = text.split("\n");
      this.line += first;
      for (const line of rest) {
        this.flush();
        this.line = line;
      }
    }
  }

  flush(): void {
    const text = squeeze(this.line);
    if (text) this.blocks.push({ kind: "line", text });
    this.line = "";
  }

  private tag(tag: HtmlToken): void {
    const name = tag.name;
    const classes = String(tag.getAttr("class") ?? "").split(" ");
    if (!tag.closing && (SKIPPED.has(name) || SKIPPED_CLASSES.some((c) => classes.includes(c)))) {
      this.skipTo = tag.selfClosing ? null : (tag.findMatchingTag() ?? null);
      return;
    }
    if (name === "table") {
      this.tableTag(tag.closing);
      return;
    }
    const table = this.table;
    if (table) {
      if (table.nested > 0) return;
      if (name === "tr" || name === "td" || name === "th") {
        if (table.cell) table.row?.push(table.cell);
        table.cell = null;
        if (name === "tr") {
          if (table.row?.length) table.rows.push(table.row);
          table.row = tag.closing ? null : [];
        } else if (!tag.closing) {
          table.row ??= [];
          table.cell = { header: name === "th", text: "" };
        }
      } else if (BREAKS.has(name)) this.words(" ");
      return;
    }
    if (HEADINGS.has(name)) {
      if (!tag.closing) {
        this.flush();
        this.heading = "";
      } else if (this.heading !== null) {
        this.blocks.push({ kind: "heading", text: squeeze(this.heading) });
        this.heading = null;
      }
    } else if (BREAKS.has(name)) this.words("\n");
  }

  private tableTag(closing: boolean): void {
    const table = this.table;
    if (!closing) {
      if (table) table.nested++;
      else {
        this.flush();
        this.table = { rows: [], row: null, cell: null, nested: 0 };
      }
      return;
    }
    if (!table) return;
    if (table.nested > 0) {
      table.nested--;
      return;
    }
    if (table.cell) table.row?.push(table.cell);
    if (table.row?.length) table.rows.push(table.row);
    this.table = null;
    this.blocks.push({ kind: "table", rows: table.rows.map((row) => row.map(squeezeCell)) });
  }
}

function squeezeCell(cell: Cell): Cell {
  return { header: cell.header, text: squeeze(cell.text) };
}

/** The words a token stands for ("" for none), or null when they are its children's. */
function wordsOf(token: Token): string | null {
  switch (token.type) {
    case "comment":
    case "category":
    case "file":
    case "quote":
    case "double-underscore":
    case "noinclude":
    case "include":
    case "hidden":
      return "";
    case "ext":
      // <nowiki> is words; anything else (<ref>, <pre>…) is kept as written, so a cell holding it is refused.
      return token.name === "nowiki" ? token.text() : token.toString();
    case "link": {
      const label = token.childNodes[1];
      return Walker.text(label ? [label] : (token.firstChild?.childNodes ?? []));
    }
    case "ext-link": {
      // A bare [URL] renders as a numbered link icon, not as words.
      const label = token.childNodes[1];
      return label ? Walker.text([label]) : "";
    }
    case "free-ext-link":
    case "magic-link":
    case "template":
    case "magic-word":
      return token.toString();
    case "list":
    case "dd":
      return "\n";
    default:
      return null;
  }
}

/** A wikitext table's rows (`||` inline cells and one cell a line alike), captions left out. */
function wikiRows(table: TableToken): Cell[][] {
  const rows: Cell[][] = [];
  for (const row of table.getAllRows()) {
    const cells: Cell[] = [];
    for (const node of row.childNodes) {
      if (node.type !== "td") continue;
      const td = node as TdToken;
      if (td.subtype !== "caption")
        cells.push({ header: td.subtype === "th", text: Walker.text(td.lastChild?.childNodes ?? []) });
    }
    if (cells.length) rows.push(cells);
  }
  return rows;
}

/** The page's blocks, in order; markup and saved HTML read alike. */
export function readBlocks(text: string): Block[] {
  const root = Parser.parse(text, false, undefined, pageConfig());
  const walker = new Walker();
  for (const node of root.childNodes) walker.visit(node);
  walker.flush();
  return walker.blocks;
}
