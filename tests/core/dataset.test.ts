import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatasetError, loadCore, loadDataset, openCore } from "../../src/index.js";

const DATA = join(import.meta.dirname, "../../data");
const dirs: string[] = [];

/** A copy of data/ with one file changed by `edit`. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "dom0-data-"));
  dirs.push(dir);
  cpSync(DATA, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
  return dir;
}

function failure(dir: string): DatasetError {
  try {
    loadDataset(dir);
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw error;
  }
  throw new Error("the data loaded");
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the dataset", () => {
  it("holds every row of both tables, in the page's order", () => {
    const rows = loadCore().table();
    expect(rows.map((row) => row.name)).toEqual([
      "Alpine Linux",
      "CentOS and other RHEL clones",
      "CentOS 6.4+",
      "Debian",
      "Fedora",
      "Mageia",
      "Ubuntu",
      "OpenSUSE",
      "Oracle VM for x86 (OVS)",
      "Redhat Enterprise Linux (RHEL)",
      "SUSE Linux Enterprise Server (SLES)",
      "XenServer",
      "NetBSD",
      "OpenSolaris",
      "Illumos",
    ]);
    expect(rows.filter((row) => row.table === "unix").map((row) => row.product)).toEqual([
      "netbsd",
      "opensolaris",
      "illumos",
    ]);
  });

  it("keeps every footnote of the page, including the two it attaches to no row, with the reason", () => {
    const page = loadDataset().sources.find((source) => source.id === "wiki-2014");
    const data = {
      notes: page?.notes ?? [],
      products: [{ id: "fedora", rows: (page?.rows ?? []).filter((row) => row.product === "fedora") }],
    };
    const marks = data.notes.filter((note) => note.mark !== null).map((note) => note.id);
    expect(marks).toEqual([
      "linux-1",
      "linux-2",
      "linux-3",
      "linux-4",
      "unix-1",
      "unix-2",
      "unix-3",
      "unix-4",
      "unix-5",
    ]);
    const fedora = data.products.find((product) => product.id === "fedora");
    const attached = fedora?.rows.flatMap((row) => row.rules.flatMap((rule) => rule.notes));
    expect(attached).not.toContain("linux-4");
    expect(data.notes.find((note) => note.id === "linux-4")?.decision).toMatch(/Fedora/);
    expect(data.notes.find((note) => note.id === "linux-3")?.decision).toMatch(/no row/i);
  });

  it("names the page it comes from, with its revision date", () => {
    expect(loadCore({ asOf: "2014-04-18" }).source).toMatchObject({
      id: "wiki-2014",
      title: "Dom0 Kernels for Xen",
      revision: "2014-04-18",
      url: "https://wiki.xenproject.org/wiki/Dom0_Kernels_for_Xen",
    });
    expect(loadCore({ asOf: "2026-12-02" }).source).toMatchObject({
      id: "wiki-current",
      revision: "2026-11-28",
    });
  });

  it("keeps every source dated, with a title and an address, and orders them oldest first", () => {
    const sources = loadDataset().sources;
    expect(sources.length).toBeGreaterThanOrEqual(20);
    for (const source of sources) expect(source.url).toMatch(/^https:\/\//);
    const dates = sources.map((source) => source.date);
    expect(dates).toEqual([...dates].sort());
  });
});

describe("a bad data file stops start-up with the file, the JSON path and the reason", () => {
  it("reports a version that is not a version", () => {
    const dir = brokenCopy("sources/wiki-2014.json", (text) =>
      text.replace('"version": "6.4"', '"version": "six point four"'),
    );
    const error = failure(dir);
    expect(error.file).toMatch(/sources\/wiki-2014\.json$/);
    expect(error.message).toMatch(/\$\.rows\[2\]\.rules\[0\]\.version: must be dot-separated numbers/);
  });

  it("reports a missing field", () => {
    const dir = brokenCopy("sources/freebsd-handbook.json", (text) => text.replace(/"url": "[^"]*",/, ""));
    expect(failure(dir).message).toMatch(/freebsd-handbook\.json[\s\S]*\$\.url/);
  });

  it("reports a file that is not JSON", () => {
    const dir = brokenCopy("faq.json", (text) => text.slice(0, 100));
    const error = failure(dir);
    expect(error.file).toMatch(/faq\.json$/);
    expect(error.message).toMatch(/cannot be read as JSON/);
  });

  it("reports a note id no note has", () => {
    const dir = brokenCopy("sources/wiki-2014.json", (text) => text.replace('"linux-2"', '"linux-9"'));
    expect(failure(dir).message).toMatch(/\$\.rows\[0\]\.rules\[0\]\.notes\[0\]: no note "linux-9"/);
  });

  it("reports a product id outside the contract's list", () => {
    const dir = brokenCopy("products.json", (text) => text.replace('"id": "mageia"', '"id": "mandriva"'));
    const message = failure(dir).message;
    expect(message).toMatch(/\$\.products\[\d+\]\.id/);
  });

  it("reports an alias that names two systems", () => {
    const dir = brokenCopy("unlisted.json", (text) => text.replace('"gentoo linux"', '"debian"'));
    expect(failure(dir).message).toMatch(/alias "debian" names both debian and Gentoo/);
  });
});

describe("the validated-bytes cache of short-lived processes", () => {
  it("answers exactly as the fully validated core", async () => {
    const cached = await openCore();
    const validated = loadCore();
    for (const question of ["does CentOS 6.3 work as dom0?", "debian squeeze with xen 3.4", "pvops?"]) {
      expect(cached.answer(question)).toEqual(validated.answer(question));
    }
  });

  it("validates again when a file changes after a good start, and stops on the bad file", async () => {
    const dir = brokenCopy("faq.json", (text) => text);
    await expect(openCore({ dataDir: dir })).resolves.toBeDefined();
    await expect(openCore({ dataDir: dir })).resolves.toBeDefined();
    writeFileSync(
      join(dir, "products.json"),
      readFileSync(join(dir, "products.json"), "utf8").replace('"table": "unix"', '"table": "bsd"'),
    );
    await expect(openCore({ dataDir: dir })).rejects.toThrow(
      /products\.json[\s\S]*\$\.products\[\d+\]\.table/,
    );
  });
});
