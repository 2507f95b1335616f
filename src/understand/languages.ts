/**
 * Questions in German, French, Spanish, Portuguese, Russian, Chinese and Japanese: the words that carry what a
 * question asks (work, support, host, which, versions, can, as) are put in English before the question is read,
 * so one reader understands them all. The answer stays in English and says so.
 */

interface Language {
  name: string;
  /** Each foreign word (after lower-casing and accent folding) and the English word it stands for. */
  words: ReadonlyArray<readonly [string, string]>;
  /** Words only this language uses among these seven: one of them names the language. */
  marks: readonly string[];
}

const LATIN: readonly Language[] = [
  {
    name: "German",
    words: [
      ["funktioniert", "works"],
      ["funktionieren", "work"],
      ["unterstutzt", "supports"],
      ["unterstutzen", "support"],
      ["unterstutzung", "support"],
      ["lauft", "runs"],
      ["laufen", "run"],
      ["geht", "works"],
      ["welche", "which"],
      ["welcher", "which"],
      ["versionen", "versions"],
      ["kann", "can"],
      ["konnen", "can"],
      ["als", "as"],
      ["xen-host", "xen host"],
      ["wirt", "host"],
      ["geeignet", "ok"],
      ["noch", "still"],
      ["ist", "is"],
      ["nutzen", "use"],
      ["verwenden", "use"],
    ],
    marks: [
      "funktioniert",
      "funktionieren",
      "unterstutzt",
      "unterstutzen",
      "lauft",
      "welche",
      "kann",
      "geht",
      "geeignet",
      "ist",
      "noch",
      "verwenden",
    ],
  },
  {
    name: "French",
    words: [
      ["fonctionne", "works"],
      ["fonctionnent", "work"],
      ["fonctionne-t-il", "works"],
      ["fonctionne-t-elle", "works"],
      ["marche", "works"],
      ["marchent", "work"],
      ["supporte", "supports"],
      ["supportee", "supported"],
      ["supportees", "supported"],
      ["quelles", "which"],
      ["quels", "which"],
      ["quelle", "which"],
      ["quel", "which"],
      ["hote", "host"],
      ["peut", "can"],
      ["peuvent", "can"],
      ["comme", "as"],
      ["en", "as"],
      ["est-il", "is"],
      ["est-elle", "is"],
    ],
    marks: ["fonctionne", "fonctionnent", "quelles", "quels", "hote", "peut", "comme", "est-ce", "marche"],
  },
  {
    name: "Portuguese",
    words: [
      ["funciona", "works"],
      ["funcionam", "work"],
      ["suporta", "supports"],
      ["suportam", "support"],
      ["quais", "which"],
      ["qual", "which"],
      ["versoes", "versions"],
      ["pode", "can"],
      ["podem", "can"],
      ["posso", "can"],
      ["consigo", "can"],
      ["usar", "use"],
      ["como", "as"],
      ["hospedeiro", "host"],
    ],
    marks: [
      "quais",
      "versoes",
      "funcionam",
      "pode",
      "posso",
      "consigo",
      "suporta",
      "hospedeiro",
      "voce",
      "nao",
    ],
  },
  {
    name: "Spanish",
    words: [
      ["funciona", "works"],
      ["funcionan", "work"],
      ["sirve", "works"],
      ["soporta", "supports"],
      ["soportan", "support"],
      ["cuales", "which"],
      ["cual", "which"],
      ["que", "which"],
      ["versiones", "versions"],
      ["puede", "can"],
      ["pueden", "can"],
      ["puedo", "can"],
      ["usar", "use"],
      ["como", "as"],
      ["anfitrion", "host"],
    ],
    marks: ["funcionan", "versiones", "puede", "puedo", "soporta", "sirve", "cuales", "que"],
  },
  {
    // "funciona", "usar ... como": either; the answer does not guess which.
    name: "Spanish or Portuguese",
    words: [
      ["funciona", "works"],
      ["usar", "use"],
      ["como", "as"],
      ["para", "for"],
    ],
    marks: ["funciona", "usar", "como"],
  },
];

/** Russian, Chinese and Japanese: known by their script; their words are replaced where they stand. */
const SCRIPTED: ReadonlyArray<{
  name: string;
  script: RegExp;
  words: ReadonlyArray<readonly [string, string]>;
}> = [
  {
    name: "Japanese",
    script: /[\u3040-\u30ff]/,
    words: [
      ["サポート", " support "],
      ["対応", " support "],
      ["動きますか", " works "],
      ["動きます", " works "],
      ["動く", " works "],
      ["使えますか", " works "],
      ["使えます", " works "],
      ["なれますか", " can be "],
      ["どの", " which "],
      ["バージョン", " versions "],
      ["ホスト", " host "],
      ["として", " as "],
    ],
  },
  {
    name: "Chinese",
    script: /[\u4e00-\u9fff]/,
    words: [
      ["支持", " support "],
      ["哪些", " which "],
      ["哪个", " which "],
      ["版本", " versions "],
      ["可以", " can "],
      ["能", " can "],
      ["作为", " as "],
      ["做", " as "],
      ["当", " as "],
      ["主机", " host "],
      ["宿主", " host "],
      ["运行", " run "],
    ],
  },
  {
    name: "Russian",
    script: /[\u0400-\u04ff]/,
    words: [
      ["работает", " works "],
      ["работают", " work "],
      ["поддерживает", " supports "],
      ["поддерживают", " support "],
      ["поддержка", " support "],
      ["какие", " which "],
      ["какая", " which "],
      ["версии", " versions "],
      ["хостом", " host "],
      ["хост", " host "],
      ["может", " can "],
      ["быть", " be "],
      ["как", " as "],
    ],
  },
];

const WORD = /[a-z]+(?:-[a-z]+)*/g;

const ANY_MARK = new RegExp(
  `(?<![a-z-])(?:${[...new Set(LATIN.flatMap((language) => language.marks))].join("|")})(?![a-z-])`,
);

/** The same folding the question gets (NFKD, combining marks dropped), so "バ" and "й" compare equal. */
const fold = (text: string) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
const FOLDED = SCRIPTED.map((language) => ({
  ...language,
  words: language.words.map(([foreign, english]) => [fold(foreign), english] as const),
}));

/**
 * The question with the words above in English, and the language they came from (null: English, or no
 * question words of another language). `normalized` is lower-cased and accent-folded.
 */
export function translate(normalized: string): { text: string; language: string | null } {
  for (const { name, script, words } of FOLDED) {
    if (!script.test(normalized)) continue;
    let text = normalized;
    for (const [foreign, english] of words) text = text.replaceAll(foreign, english);
    return { text, language: name };
  }
  // Most questions are English: one pass of one pattern says whether any other language's mark is there.
  if (!normalized.includes("¿") && !ANY_MARK.test(normalized)) return { text: normalized, language: null };
  const present = new Set(normalized.match(WORD) ?? []);
  // "¿...?" is Spanish whatever its words.
  const language = normalized.includes("¿")
    ? LATIN.find(({ name }) => name === "Spanish")
    : LATIN.find(({ marks }) => marks.some((mark) => present.has(mark)));
  if (!language) return { text: normalized, language: null };
  const table = new Map(language.words);
  const text = normalized
    // "d'Ubuntu", "l'hôte": French elision.
    .replace(/\b(?:d|l|qu|j|n|s)'(?=[a-z])/g, "")
    .replace(WORD, (word) => {
      const known = table.get(word);
      if (known !== undefined) return known;
      // "Ubuntu-Versionen", "Xen-Host": a compound whose last part is a question word.
      const at = word.lastIndexOf("-");
      const tail = at > 0 ? table.get(word.slice(at + 1)) : undefined;
      return tail === undefined ? word : `${word.slice(0, at)} ${tail}`;
    });
  return { text, language: language.name };
}
