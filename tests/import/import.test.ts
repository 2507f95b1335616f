import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/dataset/load.js";
import type { Row, Source } from "../../src/dataset/schema.js";
import {
  buildSource,
  diffImport,
  importPage,
  isSame,
  productOf,
  readWikiPage,
  writeSource,
} from "../../src/import/index.js";

const ROOT = join(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "tests/fixtures/wiki");
const data = loadDataset(join(ROOT, "data"));
/** The data files as they are on disk: what the imports must reproduce. */
const onDisk = (id: string): Source =>
  JSON.parse(readFileSync(join(ROOT, "data/sources", `${id}.json`), "utf8"));

function importText(text: string, against: string) {
  const base = data.sources.find((source) => source.id === against);
  if (!base) throw new Error(`no source ${against}`);
  const page = readWikiPage(text);
  if (!page.ok) throw new Error(page.reason);
  const imported = importPage(page.tables, data, base);
  return { imported, diff: diffImport(imported, base, data.products) };
}
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const importFixture = (name: string, against: string) => importText(fixture(name), against);
/** What the page decides of a row: the data's own decision texts left out. */
const pagePart = ({ decision: _d, belowRange: _b, ...row }: Row) => row;

describe.each(["2014-04-18.inline.wiki", "2014-04-18.lines.wiki", "2014-04-18.html"])(
  "importing the 2014 revision (%s)",
  (name) => {
    const { imported, diff } = importFixture(name, "wiki-2014");
    const expected = onDisk("wiki-2014");

    it("reproduces every row of wiki-2014.json: product, id, label, cell and rules, in order", () => {
      expect(imported.rows.map(pagePart)).toEqual(expected.rows?.map(pagePart));
      expect(imported.rows).toEqual(expected.rows);
    });

    it("reads nothing it cannot, and names the hand decisions and the carried row it used", () => {
      expect(imported.unreadable).toEqual([]);
      expect(imported.decisions.map((decision) => decision.row)).toEqual([
        "centos-6.4",
        "debian",
        "fedora",
        "xenserver",
      ]);
      expect(imported.carried).toEqual(["mainline"]);
    });

    it("reports as differences only the three footnotes the data words differently", () => {
      expect([diff.added, diff.removed, diff.changed, diff.notes.added, diff.notes.removed]).toEqual([
        [],
        [],
        [],
        [],
        [],
      ]);
      expect(diff.notes.changed).toEqual([
        {
          id: "unix-1",
          before: "See the NetBSD Xen Project HowTo for more information.",
          after: "See NetBSD Xen Project HowTo for more information",
        },
        {
          id: "unix-2",
          before: "See the NetBSD Xen Project User Guide.",
          after: "See NetBSD Xen Project User Guide",
        },
        { id: "unix-5", before: "See the NetBSD Xen Project News.", after: "See NetBSD Xen Project News" },
      ]);
      const reworded = new Set(["unix-1", "unix-2", "unix-5"]);
      const keep = (notes: Source["notes"]) => notes?.filter((note) => !reworded.has(note.id));
      expect(keep(imported.notes)).toEqual(keep(expected.notes));
    });
  },
);

describe.each(["current.inline.wiki", "current.lines.wiki", "current.html"])(
  "importing the current revision (%s)",
  (name) => {
    const { imported, diff } = importFixture(name, "wiki-current");
    const expected = onDisk("wiki-current");

    it("reproduces wiki-current.json's rows and notes exactly", () => {
      expect(imported.rows.map(pagePart)).toEqual(expected.rows?.map(pagePart));
      expect(imported.rows).toEqual(expected.rows);
      expect(imported.notes).toEqual(expected.notes);
      expect(imported.tables).toEqual(expected.tables);
    });

    it("finds no difference", () => {
      expect(isSame(diff)).toBe(true);
      expect(diff.unchanged).toHaveLength(14);
    });
  },
);

describe("a changed page", () => {
  const { diff } = importFixture("current.changed.wiki", "wiki-current");

  it("gives exactly its four changes: a row added, one removed, a cell changed, a cell unreadable", () => {
    expect(diff.added).toEqual([
      {
        product: "qubes",
        id: "qubes",
        label: "Qubes OS",
        versions: "4.0 and newer[1]",
        rules: [{ kind: "from", version: "4.0", label: "4.0 and newer", notes: ["current-1"] }],
      },
    ]);
    expect(diff.removed.map((row) => row.id)).toEqual(["mageia"]);
    expect(diff.changed.map(({ id, fields }) => ({ id, fields }))).toEqual([
      { id: "fedora", fields: ["versions", "rules"] },
    ]);
    expect(diff.changed[0]?.after.rules).toEqual([
      { kind: "from", version: "18", label: "Full support from Fedora 18 onwards", notes: [] },
    ]);
    expect(diff.unreadable).toEqual([
      {
        table: "linux",
        id: "opensuse",
        label: "OpenSUSE",
        versions: "maybe 12, see talk page",
        reason: '"maybe 12" is not a Versions phrasing the importer knows',
      },
    ]);
    expect(diff.notes).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.unchanged).toHaveLength(11);
  });

  it("applies a hand decision only to the exact cell it was made for", () => {
    const fedora = fixture("2014-04-18.inline.wiki").replace(
      "15 (Lovelock)<sup>[4]</sup>, 16 (Verne), 17 (Beefy Miracle) <sup>[1]</sup>",
      "15 (Lovelock)<sup>[4]</sup>, 16 (Verne)",
    );
    const { imported } = importText(fedora, "wiki-2014");
    expect(imported.rows.find((row) => row.id === "fedora")?.rules.map((rule) => rule.notes)).toEqual([
      ["linux-4"],
      [],
    ]);
    expect(imported.decisions.map((decision) => decision.row)).not.toContain("fedora");
    const xenserver = fixture("current.inline.wiki").replace("Before that XCP ||", "Before that XCP-ng ||");
    expect(importText(xenserver, "wiki-current").imported.unreadable.map((row) => row.id)).toEqual([
      "xenserver",
    ]);
  });

  it("refuses a footnote mark with no footnote under its table", () => {
    const text = fixture("current.inline.wiki").replace("| 5.x ||", "| 5.x<sup>[7]</sup> ||");
    expect(importText(text, "wiki-current").imported.unreadable).toEqual([
      expect.objectContaining({
        id: "rhel-clones",
        reason: "mark [7] has no footnote under the linux table",
      }),
    ]);
  });
});

describe("reading the page", () => {
  it("names each row's product by the catalogue's names, the longest first", () => {
    const labels: [string, string | null][] = [
      ["SUSE Linux Enterprise Server (SLES)", "sles"],
      ["SUSE Linux Enterprise (SLE)", "sles"],
      ["OpenSUSE", "opensuse"],
      ["Oracle VM for x86 (OVS)", "oracle-vm"],
      ["CentOS and other RHEL clones", "centos"],
      ["XCP-ng", "xcp-ng"],
      ["Some Distro (RHEL)", "rhel"],
      ["Gentoo", null],
    ];
    expect(labels.map(([label]) => [label, productOf(label, data.products)])).toEqual(labels);
  });

  it("refuses text with no table with a Versions column, or with two Linux tables", () => {
    expect(readWikiPage("== Dom0 ==\nJust words.\n{|\n! Name !! Size\n|-\n| a || b\n|}")).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no wiki table with a "Versions" column'),
    });
    const table = "{|\n! Distributions !! Versions\n|-\n| Debian || 5.x\n|}\n";
    expect(readWikiPage(`== Linux ==\n${table}== More Linux ==\n${table}`)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("two linux tables"),
    });
  });

  it("reads HTML cells left unclosed, character references, and skips a table nested in a cell", () => {
    const html = `<h2>Linux distributions</h2><table><tr><th>Distributions<th>Versions</tr>
      <tr><td>Debian<td>6.0&nbsp;(Squeeze)<sup>[1]</sup> &amp; <table><tr><td>x</td></tr></table></tr></table>
      <p>[1] Needs Xen &gt;= 4.0.</p>`;
    expect(readWikiPage(html)).toEqual({
      ok: true,
      tables: [
        {
          kind: "linux",
          heading: "Linux distributions",
          rows: [{ label: "Debian", versions: "6.0 (Squeeze)[1] &" }],
          footnotes: [{ mark: "1", text: "Needs Xen >= 4.0." }],
        },
      ],
    });
  });
});

describe("storing an import", () => {
  const dir = mkdtempSync(join(tmpdir(), "dom0-import-"));
  cpSync(join(ROOT, "data"), dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const base = data.sources.find((source) => source.id === "wiki-current") as Source;
  const { imported } = importFixture("current.inline.wiki", "wiki-current");

  it("refuses a source the schema refuses, naming the field and the reason, and writes nothing", () => {
    const source = buildSource(imported, base, "2026-12-02", "page.wiki");
    const bad = structuredClone(source);
    const rule = bad.rows?.[2]?.rules[0];
    if (rule?.kind === "from") rule.version = "6.x";
    expect(writeSource(dir, bad)).toEqual({
      ok: false,
      reason: expect.stringMatching(/\$\.rows\[2\]\.rules\[0\]\.version: must be dot-separated numbers/),
    });
    const dangling = structuredClone(source);
    dangling.rows?.[0]?.rules[0]?.notes.push("no-such-note");
    expect(writeSource(dir, dangling)).toEqual({
      ok: false,
      reason: expect.stringContaining('no note "no-such-note" in this source'),
    });
    expect(existsSync(join(dir, "sources/wiki-2026-12-02.json"))).toBe(false);
  });

  it("writes a valid source once, and refuses to overwrite it", () => {
    const source = buildSource(imported, base, "2026-12-02", "page.wiki");
    expect(writeSource(dir, source)).toMatchObject({ ok: true, source: { id: "wiki-2026-12-02" } });
    expect(loadDataset(dir).sources.map((s) => s.id)).toContain("wiki-2026-12-02");
    expect(writeSource(dir, source)).toEqual({
      ok: false,
      reason: expect.stringContaining("already exists"),
    });
  });
});
