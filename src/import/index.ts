/** The wiki importer: the page "Dom0 Kernels for Xen" read into a dated source, and its differences with the data. */
export type { Block, Cell } from "./blocks.js";
export { readBlocks } from "./blocks.js";
export { IMPORT_USAGE, MAX_PAGE_BYTES, readPageFile, runImportWiki } from "./command.js";
export type { CellDecision } from "./decisions.js";
export { CARRIED_ROWS, CELL_DECISIONS, VERSION_SCHEMES } from "./decisions.js";
export type { ImportDiff, NoteChange, RowChange, RowField } from "./diff.js";
export { diffImport, isSame } from "./diff.js";
export { productOf, slugOf } from "./names.js";
export type { Imported, Unreadable } from "./rows.js";
export { importPage } from "./rows.js";
export { formatSummary, ruleText } from "./summary.js";
export type { ReadRule, VersionsOptions, VersionsRead } from "./versions.js";
export { readVersions } from "./versions.js";
export type { Footnote, PageRead, PageRow, PageTable, TableKind } from "./wikitext.js";
export { readWikiPage } from "./wikitext.js";
export type { WriteResult } from "./write.js";
export { buildSource, formatJson, writeSource } from "./write.js";
