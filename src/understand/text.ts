/** Turning raw text into tokens the resolver can reason about. */

/** Questions are cut to this many characters before any work: no question needs more. */
export const MAX_QUESTION_CHARS = 2000;

export interface Token {
  /** Lower-case word, number ("12.04"), or "dom0"/"domu". */
  text: string;
  kind: "word" | "number";
}

// "dom 0" and "dom-u" are one token; words keep inner - _ ! ' (mini-os, pv_ops, xcp-ng); numbers keep dots,
// but not a number glued to an underscore (OpenSolaris "snv_134" is a build, not a version).
const TOKEN_PATTERN =
  /(?<![a-z0-9])dom[ -]?[0u](?![a-z0-9])|[a-z]+(?:[-_!'’][a-z]+)*|(?<![_\d])\d+(?:\.\d+)*/g;

const NON_ASCII = /[\u0080-\uffff]/;

/** Anything the rewrites of normalizeText look for: a curly quote, a decimal comma, a short form, a suffix. */
const REWRITTEN =
  /[’‘]|\d,\d|(?<![a-z])(?:fc?|deb|u|sles|sled|sle|leap|rhel|centos|ubuntu|debian|fedora|alpine|freebsd|netbsd|openbsd)\d|xen4centos|\dsp\d|-(?:backports|security|updates|proposed|sloppy)\b/;

/** Lower-cases, folds accents and odd Unicode, and drops control characters. */
export function normalizeText(raw: string): string {
  const cut = raw.slice(0, MAX_QUESTION_CHARS);
  // Most questions are plain ASCII: folding Unicode is for the others.
  const folded = NON_ASCII.test(cut) ? cut.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : cut;
  const lower = folded.toLowerCase();
  // One test says whether any of the rewrites below can apply; most questions need none of them.
  if (!REWRITTEN.test(lower)) return lower;
  return (
    lower
      .replace(/[’‘]/g, "'")
      // A decimal comma, as many write it: "CentOS 6,5" is 6.5.
      .replace(/(\d),(\d)/g, "$1.$2")
      // Short forms admins type: "f43", "fc20" (Fedora), "deb12" (Debian), "sles12sp3", "leap15.5".
      .replace(/\bfc?(\d{1,2})\b/g, "fedora $1")
      .replace(/(?<![\w.])deb(\d{1,2})\b/g, "debian $1")
      // Xen4CentOS is the CentOS SIG's Xen package set, not Xen 4.
      .replace(/\bxen4centos\b/g, "xenforcentos")
      .replace(/\bu(\d{2}\.\d{2})\b/g, "ubuntu $1")
      // "bookworm-backports", "stretch/sid", "jessie-security": the codename names the release.
      .replace(/-(?:backports|security|updates|proposed|sloppy)\b/g, " $&")
      .replace(
        /\b(sles|sled|sle|leap|rhel|centos|ubuntu|debian|fedora|alpine|freebsd|netbsd|openbsd)(\d)/g,
        "$1 $2",
      )
      .replace(/\b(\d+)sp(\d)\b/g, "$1 sp$2")
  );
}

export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  for (const match of normalized.matchAll(TOKEN_PATTERN)) {
    let text = match[0];
    const first = text.charCodeAt(0);
    const isNumber = first >= 48 && first <= 57;
    if (!isNumber && text.length > 4 && text.startsWith("dom") && /^dom[ -][0u]$/.test(text)) {
      text = `dom${text.at(-1)}`;
    }
    tokens.push({ text, kind: isNumber ? "number" : "word" });
  }
  return tokens;
}

/** The key an alias is stored under: its tokens joined by single spaces ("Mini-OS" -> "mini-os"). */
export function aliasKey(alias: string): string {
  return tokenize(normalizeText(alias))
    .map((token) => token.text)
    .join(" ");
}

/**
 * Common words never taken for a misspelt system name, so "mind" is not "Mint" and "each" not "Etch".
 * Only words of four letters or more matter: shorter ones are never fuzzy-matched.
 */
export const VOCABULARY: ReadonlySet<string> = new Set(
  `about above after again against also although always another answer anyone anything around available
  based because been before being below best better between both build built cannot case change choose
  chose computer could current currently default does doing done down during each either else enough
  even ever every example fine first from future good guest guide have having hello help here host
  hosts hypervisor install installed installing instead into just kernel kernels know large last later
  latest laptop like linux list look machine machines make many maybe mean mind mine more most much must
  name need needs never newer next nice none normal note nothing okay older only other ours over part
  please possible pretty project question quick rather ready really release released releases right
  running same says server servers should show since some something still such support supported
  supports sure system systems table take tell than thank thanks that their them then there these they
  thing think this those though through today together tried true trying under until upgrade upgrading
  used user using very version versions want wants well went were what when where whether which while
  will wiki with without work worked working works would year years your yours domain domains dom0
  domu guests virtual virtualization virtualisation boot boots booting compatible compatibility
  distro distros distribution distributions hardware physical operating march match hint wood large
  long minute centre center hosting capable able okay fedoras ubuntus still edition server desktop
  enterprise stable current lts service pack bsds unix unixes anybody someone everyone everybody here
  channel what's whats it's isn't doesn't don't won't can't cant dont wont isnt doesnt`.split(/\s+/),
);

/** Short words that are never a system's name. */
export const SHORT_WORDS: ReadonlySet<string> = new Set(
  `a an and any are as at be but by can could did do does for get got has hey hi how i if in is it its me my
  no not now of ok on or our out own pc run so the to too try up us use via was we who why yes yo you xen
  box new old one two ram cpu gpu amd arm bios uefi lvm zfs raid ssd nic usb`.split(/\s+/),
);
