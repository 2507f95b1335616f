/** `dom0 report`: what people asked that the bot could not answer, and how they rated its answers. */
import type { InsightsReader, RatingRow, UnansweredRow, UnlistedProductRow } from "./insights.js";

export interface RatingSummary extends RatingRow {
  /** up / (up + down), 0..1. */
  share: number;
}

export interface InsightsReport {
  database: string | null;
  generatedAt: string;
  /** Unclear and unlisted questions, grouped by normalised text, most frequent first. */
  unanswered: UnansweredRow[];
  /** Product names people asked about that the table does not list, most frequent first. */
  unlistedProducts: UnlistedProductRow[];
  /** Thumbs up and down per intent and product, most rated first. */
  ratings: RatingSummary[];
}

/** Reads the store into a report; `limit` caps each list (default 20). */
export async function buildReport(
  store: InsightsReader,
  options: { limit?: number; now?: Date } = {},
): Promise<InsightsReport> {
  const limit = options.limit ?? 20;
  const [unanswered, unlistedProducts, ratings] = await Promise.all([
    store.unanswered(limit),
    store.unlistedProducts(limit),
    store.ratings(),
  ]);
  return {
    database: store.path,
    generatedAt: (options.now ?? new Date()).toISOString(),
    unanswered,
    unlistedProducts,
    ratings: ratings.map((row) => ({ ...row, share: row.up / Math.max(1, row.up + row.down) })),
  };
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** The report as text for a terminal. */
export function renderReportText(report: InsightsReport): string {
  const lines = [`dom0bot insights from ${report.database ?? "(no database)"}`, ""];
  lines.push("Questions it could not answer (most asked first):");
  if (report.unanswered.length === 0) lines.push("  none recorded");
  for (const row of report.unanswered) {
    lines.push(`  ${String(row.count).padStart(5)}  ${row.kind.padEnd(8)}  ${row.question}`);
  }
  lines.push("", "Products asked about that the table does not list:");
  if (report.unlistedProducts.length === 0) lines.push("  none recorded");
  for (const row of report.unlistedProducts) lines.push(`  ${String(row.count).padStart(5)}  ${row.name}`);
  lines.push("", "Ratings per intent and product (up / down, share up):");
  if (report.ratings.length === 0) lines.push("  none recorded");
  for (const row of report.ratings) {
    const label = `${row.intent}${row.product === null ? "" : ` ${row.product}`}`;
    lines.push(
      `  ${label.padEnd(24)}  ${String(row.up).padStart(4)} up  ${String(row.down).padStart(4)} down  ${percent(row.share)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
