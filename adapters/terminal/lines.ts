/**
 * Lines of a byte stream, as `dom0 ask --stdin` reads them: split on "\n" only ("\r\n" loses its "\r"; a lone
 * "\r" is not a line break), decoded as UTF-8 (invalid bytes become U+FFFD), and each line bounded: past
 * `maxChars` the rest of the line is skipped as it streams by, never held in memory, and the line is
 * answered from what was kept. No line is lost or moved.
 */
import { StringDecoder } from "node:string_decoder";

/** More than any question (the core reads 2,000 characters); a line longer than this is cut as it streams. */
export const MAX_LINE_CHARS = 64 * 1024;

export async function* linesOf(
  input: AsyncIterable<Buffer | string>,
  maxChars: number = MAX_LINE_CHARS,
): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let line = "";
  let skipping = false;
  const keep = (text: string) => {
    if (skipping) return;
    const room = maxChars - line.length;
    if (text.length > room) {
      line += text.slice(0, Math.max(0, room));
      skipping = true;
    } else {
      line += text;
    }
  };
  const finish = (): string => {
    const done = line.endsWith("\r") ? line.slice(0, -1) : line;
    line = "";
    skipping = false;
    return done;
  };
  for await (const chunk of input) {
    const text = typeof chunk === "string" ? chunk : decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      keep(text.slice(start, end));
      yield finish();
      start = end + 1;
    }
    keep(text.slice(start));
  }
  keep(decoder.end());
  if (line !== "" || skipping) yield finish();
}
