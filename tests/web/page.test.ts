/** The page as the server sends it (what a browser without JavaScript shows): the answer and the matrix. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerArticle, startTestWeb, type TestWeb, textOf, WIKI_URL } from "./support.js";

let t: TestWeb;
let home: string;
beforeAll(async () => {
  t = await startTestWeb();
  home = await (await fetch(`${t.url}/`)).text();
});
afterAll(async () => {
  await t?.stop();
});

const pageFor = async (question: string) => {
  const response = await fetch(`${t.url}/?q=${encodeURIComponent(question)}`);
  return { status: response.status, page: await response.text() };
};

/** The matrix cell of a product's release in a view (0: today, 1: the 2014 page). */
function cell(page: string, product: string, version: string, view: number): string {
  const pattern = new RegExp(
    `<td class="v-(\\w+)"[^>]*data-product="${product}" data-version="${version.replace(/\./g, "\\.")}" data-view="${view}">([\\s\\S]*?)</td>`,
  );
  const match = pattern.exec(page);
  if (!match) throw new Error(`no cell for ${product} ${version} in view ${view}`);
  return match[0];
}

describe("the page without JavaScript", () => {
  it("is one HTML document, readable on a phone, loading only its own files", () => {
    expect(home).toMatch(/^<!doctype html>/);
    expect(home).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(home).not.toMatch(/<script>|<style>|style="|on(click|submit|load)=/);
    expect(home).toMatch(/<form class="ask" action="\/" method="get"/);
  });

  it("renders the answer to ?q= on the server: verdict first, reasons, sources as links with dates", async () => {
    const { status, page } = await pageFor("does CentOS 6.3 work as dom0?");
    expect(status).toBe(200);
    const article = answerArticle(page);
    expect(article).toContain('class="headline v-no"');
    expect(textOf(article)).toMatch(/^\W*No: .*CentOS 6\.3/);
    expect(textOf(article)).toContain("6.4 and newer");
    expect(article).toContain(
      `<a href="${WIKI_URL}">Dom0 Kernels for Xen</a>, <time datetime="2014-04-18">18 April 2014</time>`,
    );
    expect(page).toContain('value="does CentOS 6.3 work as dom0?"');
  });

  it("shows <script> and @everyone in a question as text, never as markup", async () => {
    const hostile = `<script>window.pwned=1</script><img src=x onerror=alert(1)> "quoted" @everyone is centos 6.5 ok?`;
    const { page } = await pageFor(hostile);
    expect(page).not.toContain("<script>window.pwned");
    expect(page).not.toContain("<img src=x");
    expect(page).toContain(
      "&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; @everyone",
    );
    expect(textOf(answerArticle(page))).toContain(`Asked: “${hostile}”`);
  });

  it("refuses a question over 2000 characters with 400, saying why", async () => {
    const { status, page } = await pageFor("x".repeat(2001));
    expect(status).toBe(400);
    expect(page).toContain("at most 2000 characters");
    expect(answerArticle(page)).toBe("");
  });

  it("shows every product of the core in the matrix, today's verdicts beside the 2014 page's", () => {
    for (const product of t.core.suggestProducts("", 1000)) {
      expect(home, product.id).toContain(`<tbody data-product="${product.id}">`);
    }
    expect(home).toMatch(/<th scope="row" id="p-centos-w0">Today<\/th>/);
    expect(home).toMatch(/<th scope="row" id="p-centos-w1">Wiki, 18 April 2014<\/th>/);
    expect(cell(home, "centos", "6.3", 0)).toMatch(/^<td class="v-no"[\s\S]*No<\/a>/);
    expect(cell(home, "centos", "6.4", 1)).toMatch(/^<td class="v-yes"[\s\S]*Yes<\/a>/);
    // Debian 12 came after the 2014 page: listed today, not on that page.
    expect(cell(home, "debian", "12", 0)).toContain('class="v-yes"');
    expect(cell(home, "debian", "12", 1)).toContain('class="v-unlisted"');
  });

  it("links every matrix cell to the source that decided it, and says its verdict in words", () => {
    const cells = [...home.matchAll(/<td class="v-(\w+)"[^>]*>([\s\S]*?)<\/td>/g)];
    const releases = t.core
      .suggestProducts("", 1000)
      .reduce((sum, p) => sum + Math.max(1, t.core.releasesOf(p.id).length), 0);
    expect(cells).toHaveLength(releases * 2);
    const words: Record<string, string> = { yes: "Yes", no: "No", partial: "Partly", unlisted: "Not listed" };
    for (const [, verdict, content] of cells) {
      expect(content).toMatch(/^<a href="https?:\/\/[^"]+" title="[^"]+">/);
      expect(textOf(content ?? "")).toContain(words[verdict ?? ""]);
    }
    // Present-day sources decide some cells: their own pages, not the wiki's.
    expect(cell(home, "freebsd", "14.0", 0)).toContain('href="https://docs.freebsd.org/');
  });
});
