/** Plain text out of the parse tree: character references, spaces, and the parser set up for saved HTML. */
import Parser from "wikiparser-node";

/** Tags a saved HTML page has that wikitext does not allow: parsed as tags so their words stay apart. */
const HTML_ONLY = ["a", "tbody", "thead", "tfoot", "html", "head", "body", "title", "script", "style"];
const HTML_ONLY_MORE = ["nav", "header", "footer", "main", "section", "article", "aside", "form", "label"];
const HTML_VOID = ["img", "input"];
let config: ReturnType<typeof Parser.getConfig> | undefined;
/** The parser's configuration, with the tags of a saved HTML page added. */
export function pageConfig() {
  if (config) return config;
  const base = Parser.getConfig();
  const [paired, single, voids] = base.html;
  config = {
    ...base,
    html: [[...paired, ...HTML_ONLY, ...HTML_ONLY_MORE], single, [...voids, ...HTML_VOID]],
  };
  return config;
}

/** Elements whose words are not the page's text: scripts, styles, the head and its title. */
export const SKIPPED = new Set(["script", "style", "title", "head"]);
/** Classes of elements whose words are skipped: numbered link icons and [edit] links. */
export const SKIPPED_CLASSES = ["autonumber", "mw-editsection"];
/** Tags that end a line of text. */
export const BREAKS = new Set([
  "br",
  "p",
  "div",
  "li",
  "dd",
  "dt",
  "ul",
  "ol",
  "dl",
  "pre",
  "blockquote",
  "center",
]);
/** Heading tags. */
export const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
/** Character references in a text node's words (&gt;, &#160;): the text, not markup structure. */
export function decode(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** Spaces as one space (no-break spaces too), without outer spaces. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
