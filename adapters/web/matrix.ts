/**
 * The support matrix as data: every product and release the core knows, with the verdict of each view (today,
 * then each older revision of the table still in scope), each from the core's own answer and its source.
 */
import type { Answer, Dom0Core, ProductId, Verdict } from "../../src/types.js";
import { longDate, today } from "../../src/word/dates.js";

/** One column of verdicts: the day the answers are given for. */
export interface MatrixView {
  /** The answers' day (YYYY-MM-DD). */
  day: string;
  /** "Today", or the table revision it shows ("Wiki, 18 April 2014"). */
  label: string;
}

/** One verdict, with the source that decided it. */
export interface MatrixCell {
  verdict: Verdict;
  headline: string;
  sourceTitle: string;
  sourceUrl: string;
  /** The source's date as cited ("revision of 18 April 2014 (...)"). */
  sourceDate: string;
}

/** One release (or, for a product known without releases, the product itself: `version` null). */
export interface MatrixRelease {
  version: string | null;
  codename: string | null;
  /** One per view, in the views' order. */
  cells: MatrixCell[];
}

export interface MatrixRow {
  product: ProductId;
  name: string;
  /** Newest first. */
  releases: MatrixRelease[];
}

export interface Matrix {
  views: MatrixView[];
  rows: MatrixRow[];
}

/** Most products' names and releases are fixed; only the views' days move (at midnight). */
const MOST_PRODUCTS = 1000;

function cellOf(answer: Answer): MatrixCell {
  return {
    verdict: answer.verdict ?? "unlisted",
    headline: answer.headline,
    sourceTitle: answer.source.title,
    sourceUrl: answer.source.url,
    sourceDate: answer.source.dateText,
  };
}

/**
 * The views: the core's day (today, unless the process is pinned with DOM0_AS_OF), then the revision day of
 * every older table source in scope, so the 2014 page stands beside today's.
 */
export function matrixViews(core: Dom0Core, now: () => string): MatrixView[] {
  const first = core.answer("").asOf;
  const views: MatrixView[] = [{ day: first, label: first === now() ? "Today" : `As of ${longDate(first)}` }];
  for (const table of core.tables().slice(1)) {
    views.push({ day: table.revision, label: `Wiki, ${longDate(table.revision)}` });
  }
  return views;
}

/** Builds the matrix (a few hundred structured answers: some tens of milliseconds; cache it per day). */
export function buildMatrix(core: Dom0Core, now: () => string): Matrix {
  const views = matrixViews(core, now);
  const rows = core.suggestProducts("", MOST_PRODUCTS).map((product): MatrixRow => {
    const known = core.releasesOf(product.id);
    const releases = (known.length > 0 ? known : [{ version: null, codename: null }]).map(
      (release): MatrixRelease => ({
        version: release.version,
        codename: release.codename,
        cells: views.map((view) =>
          cellOf(core.ask({ product: product.id, version: release.version }, { asOf: view.day })),
        ),
      }),
    );
    return { product: product.id, name: product.name, releases };
  });
  return { views, rows };
}

/** A value recomputed when the day changes: the matrix and its markup, built once a day. */
export function dailyCache<T>(compute: () => T, now: () => string = () => today()): () => T {
  let day: string | undefined;
  let value: T | undefined;
  return () => {
    const current = now();
    if (day !== current || value === undefined) {
      value = compute();
      day = current;
    }
    return value;
  };
}
