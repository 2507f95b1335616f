/** The one page: the ask box (with the server-rendered answer, if a question came with it) and the matrix. */
import type { Answer } from "../../src/types.js";
import { ASSETS } from "./assets.js";
import { type Html, html } from "./html.js";
import { MAX_QUESTION_CHARS } from "./input.js";
import { askHref, renderAnswerHtml } from "./render-answer.js";

/** What one rendering of the page shows. */
export interface PageContent {
  /** The question as asked ("" for none): kept in the box. */
  question: string;
  answer: Answer | null;
  /** A refusal to show instead of an answer (too long, too many questions). */
  error: string | null;
  /** The matrix markup, rendered once a day (see renderMatrixHtml). */
  matrix: Html;
  /** Who the bot is and what it answers from (`core.about`). */
  about: string;
  examples: readonly string[];
}

/** The whole page as an HTML document. */
export function renderPage(content: PageContent): string {
  const { question, answer, error } = content;
  const shown = error
    ? html`<p class="error" role="alert">${error}</p>`
    : answer
      ? renderAnswerHtml(answer)
      : html`<p class="muted">For example: ${content.examples
          .slice(0, 3)
          .map((example, i) => html`${i > 0 ? ", " : ""}<a href="${askHref(example)}">${example}</a>`)}.</p>`;
  const title = question.trim() === "" ? "Can it be the Xen dom0?" : `${question.slice(0, 80)} · dom0bot`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="Can this system be the Xen Project dom0? Answers and a support matrix, from the Xen wiki's dom0 table and the distributions' own documents.">
<link rel="stylesheet" href="${ASSETS.css.path}">
<script src="${ASSETS.script.path}" defer></script>
</head>
<body>
<header>
<h1>Can it be the Xen dom0?</h1>
<p class="muted">${content.about}</p>
</header>
<main>
<section aria-labelledby="ask-title">
<h2 id="ask-title">Ask</h2>
<form class="ask" action="/" method="get" role="search">
<label for="q">Your question about a system and its release</label>
<input id="q" name="q" type="search" value="${question}" maxlength="${MAX_QUESTION_CHARS}" required placeholder="does CentOS 6.3 work as dom0?" autocomplete="off">
<button type="submit">Ask</button>
</form>
<div id="answer" aria-live="polite">${shown}</div>
</section>
<section aria-labelledby="matrix-title">
<h2 id="matrix-title">Support matrix</h2>
${content.matrix}
</section>
</main>
<footer>
<p>The same answers over HTTP: <code>GET /api/ask?q=…</code>, <code>GET /api/table?as-of=YYYY-MM-DD</code>; described in <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</footer>
</body>
</html>
`.value;
}

/** A short page for a path that does not exist. */
export function renderNotFoundPage(): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not found · dom0bot</title><link rel="stylesheet" href="${ASSETS.css.path}"></head>
<body><main><h1>Not found</h1><p>Nothing is here. <a href="/">Ask a question or read the matrix</a>.</p></main></body></html>
`.value;
}
