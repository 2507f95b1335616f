import type { Source } from "../dataset/schema.js";
import type { Composed } from "./support.js";

function citation(sources: readonly Source[]): string[] {
  const only = sources.length === 1 ? sources[0] : undefined;
  if (only) return [`Source: "${only.title}", ${only.site}, ${only.dateText}: ${only.url}`];
  if (sources.length === 0) return [];
  return [
    "Sources:",
    ...sources.map((source) => `- "${source.title}", ${source.site}, ${source.dateText}: ${source.url}`),
  ];
}

/** The whole answer as plain text: the headline, the reasons, the notes, then every source with its date. */
export function renderText(composed: Composed, sources: readonly Source[]): string {
  const lines = [
    composed.headline,
    ...composed.reasons.map((reason) => (reason.startsWith("  ") ? reason : `- ${reason}`)),
  ];
  for (const note of composed.notes) lines.push(`Note${note.mark ? ` [${note.mark}]` : ""}: ${note.text}`);
  lines.push(...citation(sources));
  return lines.join("\n");
}
