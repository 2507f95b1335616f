/**
 * An answer as a Matrix message: `formatted_body` HTML (the verdict line in bold, reasons as a list, sources as
 * links) and a plain `body`. Every piece of text is escaped, and nothing in it can ping: `m.mentions` is empty
 * and an "@room" in the text is broken with a zero-width joiner, for clients that still match the body.
 */
import type { Answer, Dom0Core, Verdict } from "../../src/types.js";
import { dayText, differenceWords, differingSources, isSeveral, lineVerdict } from "../common/sources.js";

/** The `m.room.message` content the bot sends (relations are added where it is sent). */
export interface MatrixMessage {
  msgtype: "m.notice" | "m.text";
  body: string;
  format: "org.matrix.custom.html";
  formatted_body: string;
  "m.mentions": Record<string, never>;
}

/** Matrix has no hard message limit below the 64 KiB event; answers stay far under this. */
const MATRIX_BODY_LIMIT = 16_000;

const MARK: Record<Verdict, string> = { yes: "✅", no: "❌", partial: "⚠️", unlisted: "❔" };

/** HTML-escapes text for formatted_body. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "@room" (any case) made inert: it reads the same and notifies no one. */
export function defuse(text: string): string {
  return text.replace(/@(room)\b/gi, "@\u2060$1");
}

function message(body: string, html: string, msgtype: MatrixMessage["msgtype"] = "m.notice"): MatrixMessage {
  return {
    msgtype,
    body: defuse(body).slice(0, MATRIX_BODY_LIMIT),
    format: "org.matrix.custom.html",
    formatted_body: defuse(html).slice(0, MATRIX_BODY_LIMIT),
    "m.mentions": {},
  };
}

/** The answer: verdict line, reasons (each system's with its own mark), notes, suggestions, sources. */
export function renderMatrixAnswer(answer: Answer): MatrixMessage {
  const several = isSeveral(answer);
  const mark = answer.verdict === null || several ? "" : `${MARK[answer.verdict]} `;
  const markOf = (reason: string) => {
    const verdict = lineVerdict(answer, reason);
    return verdict ? `${MARK[verdict]} ` : "";
  };
  const text: string[] = [`${mark}${answer.headline}`];
  const html: string[] = [`<p><strong>${escapeHtml(`${mark}${answer.headline}`)}</strong></p>`];
  if (answer.reasons.length > 0) {
    text.push("", ...answer.reasons.map((reason) => `- ${markOf(reason)}${reason.trim()}`));
    html.push(
      `<ul>${answer.reasons.map((r) => `<li>${escapeHtml(`${markOf(r)}${r.trim()}`)}</li>`).join("")}</ul>`,
    );
  }
  for (const note of answer.notes) {
    text.push(`Note: ${note.text}`);
    html.push(`<p><em>Note:</em> ${escapeHtml(note.text)}</p>`);
  }
  if (answer.suggestions.length > 0) {
    text.push("You could ask:", ...answer.suggestions.map((s) => `- ${s}`));
    html.push(
      `<p>You could ask:</p><ul>${answer.suggestions.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>`,
    );
  }
  // The deciding source, then each source that gave another verdict (the 2014 table where today's differs).
  const cited = [
    { title: answer.source.title, url: answer.source.url, date: answer.source.revision, words: "" },
    ...differingSources(answer).map((finding) => ({
      ...finding,
      words: ` ${differenceWords(finding, answer)}`,
    })),
  ];
  text.push(
    "",
    `Source: ${cited.map((c) => `${c.title}, ${dayText(c.date)}${c.words} <${c.url}>`).join("; ")}`,
  );
  const links = cited.map(
    (c) =>
      `<a href="${escapeHtml(c.url)}">${escapeHtml(c.title)}</a>, ${escapeHtml(`${dayText(c.date)}${c.words}`)}`,
  );
  html.push(`<p><sub>Source: ${links.join("; ")}</sub></p>`);
  return message(text.join("\n"), html.join(""));
}

/** `!dom0 help` and a bare mention: what the bot answers and how to ask it. */
export function renderMatrixHelp(core: Dom0Core): MatrixMessage {
  const examples = core.examples.slice(0, 4);
  const body = [
    core.about,
    "",
    "Ask me: `!dom0 QUESTION`, mention me, or write to me in a direct room. I answer in a thread.",
    "React 👍 or 👎 to an answer to rate it.",
    "Examples:",
    ...examples.map((example) => `- !dom0 ${example}`),
  ].join("\n");
  const html = [
    `<p>${escapeHtml(core.about)}</p>`,
    "<p>Ask me: <code>!dom0 QUESTION</code>, mention me, or write to me in a direct room. I answer in a thread.</p>",
    "<p>React 👍 or 👎 to an answer to rate it.</p>",
    `<p>Examples:</p><ul>${examples.map((example) => `<li><code>!dom0 ${escapeHtml(example)}</code></li>`).join("")}</ul>`,
  ].join("");
  return message(body, html);
}

/** A short notice (the rate limit, an apology). */
export function renderMatrixNotice(text: string): MatrixMessage {
  return message(text, escapeHtml(text));
}
