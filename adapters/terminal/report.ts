/** `dom0 report [--json] [--db PATH] [--limit N]`: what people asked that the bot could not answer. */
import { parseArgs } from "node:util";
import { loadOpsConfig } from "../common/config.js";
import { openInsightsReader } from "../common/insights.js";
import { buildReport, renderReportText } from "../common/report.js";

const USAGE = `Usage: dom0 report [--json] [--db PATH] [--limit N]

  --json       print the report as one JSON object
  --db PATH    the insights database (default: INSIGHTS_DB, else ./dom0bot-insights.db)
  --limit N    at most N rows per list (default 20)
`;

/** Runs the report command; returns the exit code (0 done, 1 database unreadable, 2 bad arguments). */
export async function runReport(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  let values: { json?: boolean; db?: string; limit?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        json: { type: "boolean" },
        db: { type: "string" },
        limit: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    out.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out.write(USAGE);
    return 0;
  }
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    out.write(`--limit must be a whole number of at least 1, not ${JSON.stringify(values.limit)}\n${USAGE}`);
    return 2;
  }
  let path: string;
  try {
    path = values.db ?? loadOpsConfig().insights.path;
  } catch (error) {
    out.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let reader: Awaited<ReturnType<typeof openInsightsReader>>;
  try {
    reader = await openInsightsReader(path);
  } catch (error) {
    out.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    const report = await buildReport(reader, { limit });
    out.write(values.json ? `${JSON.stringify(report)}\n` : renderReportText(report));
    return 0;
  } catch (error) {
    out.write(
      `Cannot read the insights database ${reader.path}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    await reader.close();
  }
}
