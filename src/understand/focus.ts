/**
 * The question inside a long message: a pasted log, a config line, a URL or a quoted line must not take over.
 * The sentence that asks decides what is asked; the rest of the message only fills in what that sentence
 * leaves open (the system a pasted `uname -a` names, when the question is "can this box be dom0?").
 */

/** Words that open or carry a question. */
const ASKING =
  /\b(?:does|do|can|could|is|are|will|would|should|which|what|how|any ?one|anybody|ok|okay|fine|supported)\b/;
/** Words a question about a dom0 carries. */
const ABOUT = /\b(?:dom ?0|xen|host|hypervisor|work|works|working|support|supported|run|runs|use)\b/;

/** What cleaning looks for: a URL, a line break (quotes, pasted output), a build tail, a compiler, ID_LIKE. */
const NEEDS_CLEANING = /https?:|\n|#\d|\(gcc|id_like/i;
/** A sentence end followed by more text, or a line break. */
const SEVERAL_SENTENCES = /[.?!]\s+\S|\n/;

/** The message without what is never the question: URLs, quoted lines, `uname -a` build tails, ID_LIKE. */
export function cleanMessage(raw: string): string {
  // Most questions are one plain line: nothing to take out.
  if (!NEEDS_CLEANING.test(raw)) return raw;
  return (
    raw
      // Slack's <url|label> keeps its label; bare URLs go.
      .replace(/<https?:\/\/[^|>\s]*\|([^>]*)>/g, "$1")
      .replace(/<?https?:\/\/[^\s>]+>?/g, " ")
      .split("\n")
      .filter((line, _i, lines) => !/^\s*>/.test(line) || lines.every((other) => /^\s*>/.test(other)))
      .map((line) =>
        line
          // "#1 SMP Debian 4.19.249-2 (2022-06-30)": the build, not a release.
          .replace(/#\d+\s+SMP\b[^()\n]{0,200}(?:\([^()\n]{0,40}\))?/gi, " ")
          .replace(/^\s*ID_LIKE=.*$/i, " ")
          .replace(/\(gcc[^)]*\)?\)?/gi, " "),
      )
      .join("\n")
  );
}

/** The sentence that asks, when the message has several; null when it is one sentence or none asks. */
export function askingSentence(message: string): string | null {
  if (!SEVERAL_SENTENCES.test(message)) return null;
  const sentences = message
    .split(/\n+|(?<=[.?!])\s+(?=\S)/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
  if (sentences.length < 2) return null;
  const asked = sentences.filter((sentence) => sentence.includes("?"));
  const candidates = asked.length > 0 ? asked : sentences.filter((s) => ASKING.test(s.toLowerCase()));
  const about = candidates.filter((sentence) => ABOUT.test(sentence.toLowerCase()));
  return about.at(-1) ?? candidates.at(-1) ?? null;
}
