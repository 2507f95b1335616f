/**
 * HTML written as tagged templates: every interpolated value is escaped unless it is already `Html` (made by
 * `html` itself or `trusted`), so user text cannot become markup by forgetting a call.
 */

/** A fragment of markup that is safe to insert as is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: text (escaped), markup, or lists of either; null and undefined print nothing. */
export type HtmlPart = Html | string | number | null | undefined | readonly HtmlPart[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function render(part: HtmlPart): string {
  if (part === null || part === undefined) return "";
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

/** The tagged template: `html\`<p>${text}</p>\`` escapes `text`. */
export function html(strings: TemplateStringsArray, ...parts: readonly HtmlPart[]): Html {
  let out = strings[0] ?? "";
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + (strings[i + 1] ?? "");
  return new Html(out);
}

/** Markup written by this program, never by a user (a constant, or markup rendered and cached earlier). */
export function trusted(markup: string): Html {
  return new Html(markup);
}
