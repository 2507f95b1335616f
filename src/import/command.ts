/** `dom0 import-wiki FILE`: reads the wiki page, prints what it changes against the data, optionally stores it. */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { parseArgs } from "node:util";
import { defaultDataDir } from "../dataset/files.js";
import { loadDataset } from "../dataset/load.js";
import type { Source } from "../dataset/schema.js";
import { diffImport } from "./diff.js";
import { importPage } from "./rows.js";
import { formatSummary } from "./summary.js";
import { readWikiPage } from "./wikitext.js";
import { buildSource, formatJson, writeSource } from "./write.js";

/** The command's usage, printed with --help and after a bad argument. */
export const IMPORT_USAGE = `Usage: dom0 import-wiki FILE [--against SOURCE] [--json] [--write --date YYYY-MM-DD]

  FILE               the page "Dom0 Kernels for Xen" as markup (index.php?title=...&action=raw) or saved HTML
  --against SOURCE   the source to compare with (default: the newest revision of the page in data/)
  --json             print the differences as one JSON object
  --write            store the page as data/sources/wiki-DATE.json (DOM0_DATA_DIR overrides data/);
                     refused while any Versions cell cannot be read
  --date YYYY-MM-DD  the day the page was read (with --write)
`;

/** The largest file read: the page is a few kilobytes, its saved HTML a few hundred. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const WIKI_DOCUMENT = "xen-wiki-dom0-kernels";

interface Output {
  write(text: string): unknown;
}

/** The file's text, or why it is not a page: missing, too big, not text. */
export function readPageFile(path: string): { ok: true; text: string } | { ok: false; reason: string } {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === "ENOENT" ? "no such file" : `cannot be read (${code ?? error})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: "not a file" };
    if (stat.size > MAX_PAGE_BYTES)
      return {
        ok: false,
        reason: `${stat.size} bytes, over the ${MAX_PAGE_BYTES / 1024 / 1024} MB a page can be`,
      };
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    if (bytes.subarray(0, read).includes(0))
      return { ok: false, reason: "a binary file, not wiki markup or HTML" };
    try {
      return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, read)) };
    } catch {
      return { ok: false, reason: "not UTF-8 text, so not wiki markup or HTML" };
    }
  } finally {
    closeSync(fd);
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      against: { type: "string" },
      json: { type: "boolean" },
      write: { type: "boolean" },
      date: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
    strict: true,
  });
}

function isDate(text: string): boolean {
  const parsed = new Date(`${text}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(parsed.getTime()) &&
    parsed.toISOString().startsWith(text)
  );
}

/** Runs the command; resolves to the exit code: 0 read, 1 unreadable file or refused write, 2 bad arguments. */
export async function runImportWiki(argv: readonly string[], out: Output, err: Output): Promise<number> {
  const usage = (message: string) => {
    err.write(`dom0 import-wiki: ${message}\n${IMPORT_USAGE}`);
    return 2;
  };
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = args;
  if (values.help) {
    out.write(IMPORT_USAGE);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (file === undefined) return usage("name the FILE to read");
  if (extra.length) return usage(`one FILE only, not also "${extra[0]?.slice(0, 60)}"`);
  if (values.write && values.date === undefined)
    return usage("--write needs --date YYYY-MM-DD (the day the page was read)");
  if (values.date !== undefined && !values.write) return usage("--date goes with --write");
  if (values.date !== undefined && !isDate(values.date))
    return usage(`--date must be a day as YYYY-MM-DD, not "${values.date.slice(0, 40)}"`);
  const text = readPageFile(file);
  if (!text.ok) {
    err.write(`dom0 import-wiki: ${file}: ${text.reason}\n`);
    return 1;
  }
  const page = readWikiPage(text.text);
  if (!page.ok) {
    err.write(`dom0 import-wiki: ${file}: not the wiki table: ${page.reason}\n`);
    return 1;
  }
  const dir = defaultDataDir();
  const data = loadDataset(dir);
  const pages = data.sources.filter((source) => source.document === WIKI_DOCUMENT && source.rows?.length);
  let base: Source | undefined = pages.at(-1);
  if (values.against !== undefined) {
    base = data.sources.find((source) => source.id === values.against);
    if (!base?.rows?.length)
      return usage(`--against: no source "${values.against.slice(0, 60)}" with table rows in the data`);
  }
  if (!base) return usage("the data holds no revision of the wiki page to compare with; use --against");

  const imported = importPage(page.tables, data, base);
  const diff = diffImport(imported, base, data.products);
  const report = (written: string | null) =>
    out.write(
      values.json
        ? `${formatJson({ ...diff, written })}\n`
        : `${formatSummary(diff)}${written ? `Wrote ${written}.\n` : ""}`,
    );
  if (!values.write || values.date === undefined) {
    report(null);
    return 0;
  }
  if (imported.unreadable.length) {
    report(null);
    const named = imported.unreadable
      .slice(0, 3)
      .map((row) => `${row.label}: "${row.versions.slice(0, 80)}"`);
    const more = imported.unreadable.length > 3 ? `; and ${imported.unreadable.length - 3} more` : "";
    const cells = `${named.join("; ")}${more}`;
    err.write(
      `dom0 import-wiki: not written: ${imported.unreadable.length} row(s) could not be read (${cells})\n`,
    );
    return 1;
  }
  const written = writeSource(dir, buildSource(imported, base, values.date, file));
  report(written.ok ? written.path : null);
  if (!written.ok) {
    err.write(`dom0 import-wiki: not written: ${written.reason}\n`);
    return 1;
  }
  return 0;
}
