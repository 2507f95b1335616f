/**
 * The page in headless Chromium (Debian's package, driven by playwright-core): asking with and without
 * JavaScript, reading the matrix, a phone's screen, contrast as rendered, and screenshots in tests/artifacts/.
 * Without /usr/bin/chromium these tests skip, unless DOM0_REQUIRE_BROWSER=1 (CI), where they fail.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AA_NORMAL_TEXT, contrastRatio } from "./contrast.js";
import { startTestWeb, type TestWeb, WIKI_URL } from "./support.js";

/** The little of the DOM the page functions below use (they run in the browser; the project's types have no DOM). */
interface PageElement {
  readonly parentElement: PageElement | null;
  readonly clientWidth: number;
  readonly scrollWidth: number;
  contains(other: PageElement): boolean;
  getBoundingClientRect(): { right: number };
}
declare const document: {
  readonly documentElement: PageElement;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare const window: { readonly innerWidth: number };
declare function getComputedStyle(element: PageElement): { color: string; backgroundColor: string };

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(import.meta.dirname, "../artifacts");
const present = existsSync(CHROMIUM);
const required = process.env["DOM0_REQUIRE_BROWSER"] === "1";
const SKIP_REASON = `${CHROMIUM} is missing (install Debian's chromium; DOM0_REQUIRE_BROWSER=1 makes this a failure)`;
const QUESTION = "does CentOS 6.3 work as dom0?";

if (!present && required) {
  describe("the page in headless Chromium", () => {
    it("needs Chromium: DOM0_REQUIRE_BROWSER=1 is set", () => {
      throw new Error(`${CHROMIUM} is missing, and DOM0_REQUIRE_BROWSER=1 requires the browser tests to run`);
    });
  });
} else if (!present) {
  console.warn(`tests/web/browser.test.ts skipped: ${SKIP_REASON}`);
}

let t: TestWeb;
let browser: Browser;

/** A fresh page; every console error and uncaught exception (a CSP violation among them) is kept. */
async function open(options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

/** The text a reader sees in the element (rendered text, not the DOM's textContent). */
function seen(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: playwright's innerText is the rendered text, as read
  return locator.innerText();
}

/** Asks through the form; with JavaScript, waits for the API's answer to be shown in place. */
async function askWithForm(page: Page, question: string, script: boolean): Promise<void> {
  await page.fill("#q", question);
  if (script) {
    const answered = page.waitForResponse((response) => response.url().includes("/api/ask?"));
    await page.click("form.ask button");
    await answered;
    await page.waitForSelector("#answer article, #answer .error");
  } else {
    await Promise.all([page.waitForURL(/\?q=/), page.click("form.ask button")]);
  }
}

describe.skipIf(!present)(
  `the page in headless Chromium${present ? "" : ` (skipped: ${SKIP_REASON})`}`,
  () => {
    beforeAll(async () => {
      t = await startTestWeb();
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
      mkdirSync(ARTIFACTS, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
      await t?.stop();
    });

    it("asks with JavaScript: the answer appears in place from /api/ask, verdict first, sources linked", async () => {
      const { page, errors } = await open();
      await page.goto(`${t.url}/`);
      await page.evaluate(() => Object.assign(window, { stayed: true }));
      await askWithForm(page, QUESTION, true);
      expect(await page.evaluate(() => "stayed" in window)).toBe(true);
      const headline = page.locator("#answer .headline");
      expect(await seen(headline)).toMatch(/^\W*No: .*CentOS 6\.3/);
      expect(await seen(page.locator("#answer .reasons"))).toContain("6.4 and newer");
      expect(await page.locator("#answer .sources a").first().getAttribute("href")).toBe(WIKI_URL);
      expect(await seen(page.locator("#answer .sources time").last())).toBe("18 April 2014");
      expect(new URL(page.url()).searchParams.get("q")).toBe(QUESTION);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it("shows the same answer with the script as the server renders without it", async () => {
      const { page } = await open();
      const { page: plain } = await open({ javaScriptEnabled: false });
      await page.goto(`${t.url}/`);
      for (const question of [
        QUESTION,
        "is debian squeeze or centos 5 ok as dom0?",
        "pvops or xenlinux?",
        "cenots 6.4 dom0",
      ]) {
        await askWithForm(page, question, true);
        await plain.goto(`${t.url}/?q=${encodeURIComponent(question)}`);
        expect(await seen(page.locator("#answer")), question).toBe(await seen(plain.locator("#answer")));
        expect(await page.locator("#answer").innerHTML()).toBe(
          (await plain.locator("#answer").innerHTML()).replace(/\n/g, ""),
        );
      }
      await page.context().close();
      await plain.context().close();
    });

    it("keeps <script> and @everyone in a question as text, with and without JavaScript", async () => {
      const hostile =
        "<script>window.pwned=1</script><img src=x onerror=window.pwned=2> @everyone is centos 6.5 ok?";
      for (const script of [true, false]) {
        const { page } = await open({ javaScriptEnabled: script });
        await page.goto(`${t.url}/`);
        await askWithForm(page, hostile, script);
        expect(await seen(page.locator("#answer .asked"))).toBe(`Asked: “${hostile}”`);
        expect(await page.locator("#answer script, #answer img").count()).toBe(0);
        if (script) expect(await page.evaluate(() => "pwned" in window)).toBe(false);
        await page.context().close();
      }
    });

    it("works without JavaScript: the form GETs /?q= and the server answers; the matrix is there", async () => {
      const { page, errors } = await open({ javaScriptEnabled: false });
      await page.goto(`${t.url}/`);
      await askWithForm(page, QUESTION, false);
      expect(new URL(page.url()).searchParams.get("q")).toBe(QUESTION);
      expect(await seen(page.locator("#answer .headline"))).toMatch(/^\W*No: /);
      expect(await page.locator("table.matrix tbody").count()).toBe(t.core.suggestProducts("", 1000).length);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it("reads the matrix: today's verdict beside the 2014 page's, in words, each cell linked to its source", async () => {
      const { page } = await open({ javaScriptEnabled: false });
      await page.goto(`${t.url}/`);
      const cell = (product: string, version: string, view: number) =>
        page.locator(`td[data-product="${product}"][data-version="${version}"][data-view="${view}"]`);
      const centos = page.locator('tbody[data-product="centos"]');
      expect(await centos.locator("th[scope=row]").allInnerTexts()).toEqual([
        "Release",
        "Today",
        "Wiki, 18 April 2014",
      ]);
      expect(await seen(cell("centos", "6.3", 0))).toBe("✗ No");
      expect(await seen(cell("centos", "6.3", 1))).toBe("✗ No");
      expect(await seen(cell("debian", "12", 0))).toBe("✓ Yes");
      expect(await seen(cell("debian", "12", 1))).toBe("? Not listed");
      expect(await cell("centos", "6.3", 0).locator("a").getAttribute("href")).toBe(WIKI_URL);
      expect(await cell("freebsd", "14.0", 0).locator("a").getAttribute("href")).toMatch(
        /^https:\/\/docs\.freebsd\.org\//,
      );
      await page.context().close();
    });

    it("fits a phone: nothing overflows the screen but the matrix, which scrolls sideways", async () => {
      const { page, errors } = await open({
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      });
      await page.goto(`${t.url}/?q=${encodeURIComponent("is debian squeeze ok with xen 3.4 as dom0?")}`);
      const sizes = await page.evaluate(() => {
        const scroller = document.querySelector(".scroller") as PageElement;
        const outside = [...document.querySelectorAll("body *")].filter(
          (el) => !scroller.contains(el) && el !== scroller,
        );
        const widest = Math.max(...outside.map((el) => el.getBoundingClientRect().right));
        return {
          page: document.documentElement.scrollWidth,
          screen: window.innerWidth,
          widest,
          scroller: {
            client: scroller.clientWidth,
            scroll: scroller.scrollWidth,
            right: scroller.getBoundingClientRect().right,
          },
        };
      });
      expect(sizes.page).toBeLessThanOrEqual(sizes.screen);
      expect(sizes.widest).toBeLessThanOrEqual(sizes.screen);
      expect(sizes.scroller.right).toBeLessThanOrEqual(sizes.screen);
      expect(sizes.scroller.scroll).toBeGreaterThan(sizes.scroller.client);
      await page.screenshot({ path: join(ARTIFACTS, "web-phone.png"), fullPage: false });
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it("meets AA contrast as rendered: text, links, verdict cells and the answer's headline", async () => {
      const { page } = await open({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${t.url}/?q=${encodeURIComponent(QUESTION)}`);
      const pairs = await page.evaluate(() => {
        const backgroundOf = (el: PageElement | null): string => {
          for (let at = el; at; at = at.parentElement) {
            const bg = getComputedStyle(at).backgroundColor;
            if (bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent") return bg;
          }
          return "rgb(255, 255, 255)";
        };
        const selectors = [
          "body",
          "h1",
          "header .muted",
          "label",
          "form.ask button",
          "#answer .headline",
          "#answer .sources a",
          "#answer .tag",
          "footer a",
          "th[scope=row]",
          ".product th",
          "td.v-yes a",
          "td.v-no a",
          "td.v-partial a",
          "td.v-unlisted a",
        ];
        return selectors.map((selector) => {
          const el = document.querySelector(selector);
          return {
            selector,
            found: el !== null,
            fg: el ? getComputedStyle(el).color : "",
            bg: backgroundOf(el),
          };
        });
      });
      for (const pair of pairs) {
        expect(pair.found, pair.selector).toBe(true);
        expect(
          contrastRatio(pair.fg, pair.bg),
          `${pair.selector}: ${pair.fg} on ${pair.bg}`,
        ).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
      }
      await page.screenshot({ path: join(ARTIFACTS, "web-desktop.png"), fullPage: false });
      await page.context().close();
    });
  },
);
