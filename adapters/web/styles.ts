/** The page's one stylesheet, built from a palette whose text/background pairs all meet WCAG AA (4.5:1). */
import type { Verdict } from "../../src/types.js";

/** A text colour over the background it is shown on. */
export interface ColourPair {
  fg: string;
  bg: string;
}

/** Each verdict's colours; the cells and answers also say the verdict in words, never by colour alone. */
export const VERDICT_COLOURS: Record<Verdict, ColourPair> = {
  yes: { fg: "#0b3b19", bg: "#d4efdb" },
  partial: { fg: "#4d3800", bg: "#fdefc3" },
  no: { fg: "#6e0f0c", bg: "#f9d6d5" },
  unlisted: { fg: "#272c33", bg: "#e4e7eb" },
};

/** Every other text/background pair the page uses. */
export const PAGE_COLOURS = {
  body: { fg: "#1b1f24", bg: "#ffffff" },
  muted: { fg: "#4a5058", bg: "#ffffff" },
  link: { fg: "#0b57d0", bg: "#ffffff" },
  button: { fg: "#ffffff", bg: "#0b57d0" },
  header: { fg: "#1b1f24", bg: "#f1f3f5" },
  error: { fg: "#7a1410", bg: "#fde8e7" },
} satisfies Record<string, ColourPair>;

const BORDER = "#8a929c";
const c = PAGE_COLOURS;

const verdictRules = Object.entries(VERDICT_COLOURS)
  .map(([verdict, { fg, bg }]) => `.v-${verdict}{color:${fg};background:${bg}}`)
  .join("\n");

/** The stylesheet, served at a content-hashed path (the CSP allows no inline style). */
export const PAGE_CSS = `:root{color-scheme:light}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:${c.body.fg};background:${c.body.bg};overflow-wrap:anywhere}
header,main,footer{max-width:76rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.6rem;margin:1rem 0 .25rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .25rem}
a{color:${c.link.fg}}
.muted,footer{color:${c.muted.fg}}
form.ask{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
form.ask label{flex:1 0 100%;font-weight:600}
form.ask input{flex:1 1 14rem;min-width:0;font:inherit;padding:.5rem .6rem;border:1px solid ${BORDER};border-radius:4px;color:${c.body.fg};background:${c.body.bg}}
form.ask button{font:inherit;font-weight:600;padding:.5rem 1.1rem;border:0;border-radius:4px;color:${c.button.fg};background:${c.button.bg};cursor:pointer}
:focus-visible{outline:3px solid ${c.link.fg};outline-offset:2px}
.answer{margin:1rem 0;padding:.75rem 1rem;border:1px solid ${BORDER};border-radius:6px}
.answer .headline{margin:0 0 .5rem;padding:.5rem .75rem;border-radius:4px;font-weight:600}
.answer .headline.plain{padding:0}
.answer ul,.answer ol{margin:.25rem 0;padding-left:1.25rem}
.answer .asked{font-size:.875rem}
.tag{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.8rem;font-weight:600}
.error{padding:.5rem .75rem;border-radius:4px;color:${c.error.fg};background:${c.error.bg}}
.legend{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}
.scroller{overflow-x:auto;max-width:100%;border:1px solid ${BORDER};border-radius:4px}
table.matrix{border-collapse:separate;border-spacing:0;font-size:.8rem}
.matrix th,.matrix td{border:0 solid ${BORDER};border-width:0 1px 1px 0;padding:.2rem .4rem;white-space:nowrap;text-align:center;overflow-wrap:normal}
.matrix .product th{text-align:left;font-size:.9rem;color:${c.header.fg};background:${c.header.bg}}
.matrix .product span{position:sticky;left:.4rem}
.matrix th[scope=row]{position:sticky;left:0;z-index:1;min-width:5.5rem;max-width:8rem;white-space:normal;text-align:left;color:${c.header.fg};background:${c.header.bg}}
.matrix td a{color:inherit;display:block}
${verdictRules}
`;
