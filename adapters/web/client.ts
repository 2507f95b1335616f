/**
 * The page's one script, served as a static file (the CSP allows no inline script): with JavaScript the ask
 * form fetches /api/ask and shows the answer in place, built with DOM calls and textContent only (no HTML
 * strings, so Trusted Types can be required). Without JavaScript the form GETs /?q= and the server renders.
 */
import { dayText } from "../common/sources.js";
import { VERDICT_LABELS, VERDICT_MARKS } from "./render-answer.js";

/** The month names as the server writes dates ("18 April 2014"), taken from the same function. */
const MONTHS = Array.from(
  { length: 12 },
  (_, month) => dayText(`2000-${String(month + 1).padStart(2, "0")}-01`).split(" ")[1],
);

/** The script's text: the same labels, marks and structure as render-answer.ts. */
export const CLIENT_SCRIPT = `"use strict";
(() => {
  const LABELS = ${JSON.stringify(VERDICT_LABELS)};
  const MARKS = ${JSON.stringify(VERDICT_MARKS)};
  const MONTHS = ${JSON.stringify(MONTHS)};
  const form = document.querySelector("form.ask");
  const out = document.getElementById("answer");
  if (!form || !out || !window.fetch) return;
  const input = form.querySelector("input[name=q]");
  const button = form.querySelector("button");

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    for (const child of children) if (child !== null && child !== undefined && child !== "") node.append(child);
    return node;
  };
  const known = (verdict) => (Object.hasOwn(LABELS, verdict) ? verdict : null);
  const mark = (verdict) => el("span", { "aria-hidden": "true" }, MARKS[verdict] + " ");
  const tag = (verdict) => el("span", { class: "tag v-" + verdict }, mark(verdict), LABELS[verdict]);
  const isWeb = (url) => /^https?:[/][/]/i.test(url);
  const day = (iso) => {
    const [year, month, date] = String(iso).split("-").map(Number);
    return date + " " + MONTHS[month - 1] + " " + year;
  };
  const several = (answer) => Array.isArray(answer.answers) && answer.answers.length > 1;
  const lineVerdict = (answer, reason) => {
    if (!several(answer)) return null;
    const one = answer.answers.find((each) => reason.endsWith(": " + each.headline));
    return one ? known(one.verdict) : null;
  };
  const list = (tag, cls, items) => (items.length > 0 ? el(tag, { class: cls }, ...items) : null);

  const render = (answer) => {
    const verdict = several(answer) ? null : known(answer.verdict);
    const headline = verdict
      ? el("p", { class: "headline v-" + verdict }, mark(verdict), answer.headline)
      : el("p", { class: "headline plain" }, answer.headline);
    const reasons = answer.reasons.map((reason) => {
      const own = lineVerdict(answer, reason);
      return el("li", {}, ...(own ? [tag(own), " "] : []), reason.trim());
    });
    const notes = answer.notes.map((note) => el("li", {}, el("strong", {}, "Note:"), " ", note.text));
    const suggestions = answer.suggestions.map((text) =>
      el("li", {}, el("a", { href: "/?q=" + encodeURIComponent(text) }, text)),
    );
    const sources = answer.sources.map((source) => {
      const title = isWeb(source.url) ? el("a", { href: source.url }, source.title) : source.title;
      const own = known(source.verdict);
      return el("li", {}, title, ", ", el("time", { datetime: source.date }, day(source.date)),
        ...(own ? [" ", tag(own)] : []), el("br"), el("span", { class: "muted" }, source.says));
    });
    return el("article", { class: "answer", "data-verdict": answer.verdict || "", "data-intent": answer.intent },
      headline,
      list("ul", "reasons", reasons),
      list("ul", "notes", notes),
      suggestions.length > 0 ? el("p", {}, "You could ask:") : null,
      list("ul", "suggestions", suggestions),
      sources.length > 0 ? el("h3", {}, "Sources") : null,
      list("ol", "sources", sources),
      answer.question.trim() === "" ? null : el("p", { class: "asked muted" }, "Asked: “" + answer.question + "”"));
  };

  const show = (node) => {
    out.replaceChildren(node);
    out.removeAttribute("aria-busy");
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const question = input.value;
    out.setAttribute("aria-busy", "true");
    button.disabled = true;
    try {
      const response = await fetch("/api/ask?" + new URLSearchParams({ q: question }), {
        headers: { accept: "application/json" },
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body && body.error ? body.error.message : "HTTP " + response.status);
      show(render(body));
      history.replaceState(null, "", "/?q=" + encodeURIComponent(question));
    } catch (error) {
      show(el("p", { class: "error", role: "alert" }, error instanceof Error ? error.message : String(error)));
    } finally {
      button.disabled = false;
    }
  });
})();
`;
