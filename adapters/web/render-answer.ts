/** An answer as HTML, as the chat platforms show it: the verdict first, then why, then the sources with dates. */
import type { Answer, SourceFinding, Verdict } from "../../src/types.js";
import { dayText, isSeveral, lineVerdict } from "../common/sources.js";
import { type Html, html } from "./html.js";

/** A verdict in words: colour is never the only sign of it. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  yes: "Yes",
  partial: "Partly",
  no: "No",
  unlisted: "Not listed",
};

/** A mark beside the words, for a quick scan. */
export const VERDICT_MARKS: Record<Verdict, string> = {
  yes: "✓",
  partial: "◐",
  no: "✗",
  unlisted: "?",
};

/** Only web links are links; anything else in a source's URL is shown as text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** The page's own link that asks a question (suggestions), working without JavaScript. */
export function askHref(question: string): string {
  return `/?q=${encodeURIComponent(question)}`;
}

/** A small labelled verdict: "✓ Yes" on the verdict's colours. */
export function verdictTag(verdict: Verdict): Html {
  return html`<span class="tag v-${verdict}"><span aria-hidden="true">${VERDICT_MARKS[verdict]} </span>${VERDICT_LABELS[verdict]}</span>`;
}

function sourceItem(finding: SourceFinding): Html {
  const title = isWebUrl(finding.url) ? html`<a href="${finding.url}">${finding.title}</a>` : finding.title;
  const verdict = finding.verdict === null ? "" : html` ${verdictTag(finding.verdict)}`;
  return html`<li>${title}, <time datetime="${finding.date}">${dayText(finding.date)}</time>${verdict}<br><span class="muted">${finding.says}</span></li>`;
}

/** The answer as an `<article>`: headline (coloured and worded by verdict), reasons, notes, suggestions, sources. */
export function renderAnswerHtml(answer: Answer): Html {
  const verdict = isSeveral(answer) ? null : answer.verdict;
  const headline =
    verdict === null
      ? html`<p class="headline plain">${answer.headline}</p>`
      : html`<p class="headline v-${verdict}"><span aria-hidden="true">${VERDICT_MARKS[verdict]} </span>${answer.headline}</p>`;
  const reasons = answer.reasons.map((reason) => {
    const own = lineVerdict(answer, reason);
    return html`<li>${own === null ? "" : html`${verdictTag(own)} `}${reason.trim()}</li>`;
  });
  const notes = answer.notes.map((note) => html`<li><strong>Note:</strong> ${note.text}</li>`);
  const suggestions = answer.suggestions.map(
    (suggestion) => html`<li><a href="${askHref(suggestion)}">${suggestion}</a></li>`,
  );
  return html`<article class="answer" data-verdict="${answer.verdict ?? ""}" data-intent="${answer.intent}">
${headline}
${reasons.length > 0 ? html`<ul class="reasons">${reasons}</ul>` : ""}
${notes.length > 0 ? html`<ul class="notes">${notes}</ul>` : ""}
${suggestions.length > 0 ? html`<p>You could ask:</p><ul class="suggestions">${suggestions}</ul>` : ""}
${answer.sources.length > 0 ? html`<h3>Sources</h3><ol class="sources">${answer.sources.map(sourceItem)}</ol>` : ""}
${answer.question.trim() === "" ? "" : html`<p class="asked muted">Asked: “${answer.question}”</p>`}
</article>`;
}
