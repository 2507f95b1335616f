import type { Answer, Dom0Core } from "../../src/index.js";
import { linesOf } from "./lines.js";

/** Output is gathered and written in chunks of about this size: one write per line is the slow part. */
const FLUSH_BYTES = 64 * 1024;

export type BatchFormat = "json" | "text";

export function formatAnswer(answer: Answer, format: BatchFormat): string {
  return format === "json" ? JSON.stringify(answer) : `${answer.text}\n`;
}

/**
 * One question a line in, one answer a line out, same order, streaming: answers go out as each chunk of
 * input is read, so a person typing into a pipe sees them at once. Invalid UTF-8 becomes U+FFFD; an empty
 * or unreadable line still gets its answer, so no line is lost or moved; a line of any length is read in
 * bounded memory (`linesOf`).
 */
export async function answerLines(
  core: Dom0Core,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  format: BatchFormat,
): Promise<number> {
  const lines = linesOf(input as AsyncIterable<Buffer | string>);
  let pending: string[] = [];
  let pendingBytes = 0;
  let count = 0;
  let scheduled = false;

  const flush = async () => {
    scheduled = false;
    if (pending.length === 0) return;
    const chunk = `${pending.join("\n")}\n`;
    pending = [];
    pendingBytes = 0;
    if (!output.write(chunk)) await new Promise<void>((resolve) => output.once("drain", () => resolve()));
  };

  for await (const line of lines) {
    const formatted = formatAnswer(core.answer(line), format);
    pending.push(formatted);
    pendingBytes += formatted.length;
    count++;
    if (pendingBytes >= FLUSH_BYTES) await flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(() => void flush());
    }
  }
  await flush();
  return count;
}
