import type { Source } from "../dataset/schema.js";
import type { Composed } from "./support.js";

const cited = new WeakMap<Source, string>();

/** `"Dom0 Kernels for Xen", Xen Project wiki, revision of 18 April 2014 (...): URL`, made once per source. */
function citedAs(source: Source): string {
  let line = cited.get(source);
  if (line === undefined) {
    line = `"${source.title}", ${source.site}, ${source.dateText}: ${source.url}`;
    cited.set(source, line);
  }
  return line;
}

function citation(sources: readonly Source[]): string[] {
  const only = sources.length === 1 ? sources[0] : undefined;
  if (only) return [`Source: ${citedAs(only)}`];
  if (sources.length === 0) return [];
  return ["Sources:", ...sources.map((source) => `- ${citedAs(source)}`)];
}

/** The whole answer as plain text: the headline, the reasons, the notes, then every source with its date. */
export function renderText(
  composed: Pick<Composed, "headline" | "reasons"> & {
    notes: readonly { text: string; mark?: string | null }[];
  },
  sources: readonly Source[],
): string {
  const lines = [
    composed.headline,
    ...composed.reasons.map((reason) => (reason.startsWith("  ") ? reason : `- ${reason}`)),
  ];
  for (const note of composed.notes) lines.push(`Note${note.mark ? ` [${note.mark}]` : ""}: ${note.text}`);
  lines.push(...citation(sources));
  return lines.join("\n");
}
