/** Block Kit rendering: the verdict line first, Slack's limits held whatever the answer, markup escaped. */
import { describe, expect, it } from "vitest";
import { renderHelpMessage, renderHomeView, renderSlackBlocks } from "../../adapters/slack/index.js";
import { fakeAnswer, fakeCore } from "../support/fake-core.js";
import { blockTexts, buttons, escaped, firstLine, PING_MARKUP } from "./support/blocks.js";
import { realCore } from "./support/slack-harness.js";

const SHARE = { share: true, showQuestion: true };

describe("renderSlackBlocks", () => {
  it.each([
    ["yes", ":white_check_mark:"],
    ["no", ":x:"],
    ["partial", ":warning:"],
    ["unlisted", ":grey_question:"],
  ] as const)("starts a %s answer with its verdict emoji and the bold headline", (verdict, emoji) => {
    const message = renderSlackBlocks(fakeAnswer({ verdict, headline: "Headline here" }), SHARE);
    expect(firstLine(message.blocks)).toBe(`${emoji} *Headline here*`);
  });

  it("keeps a huge answer within 50 blocks, 3000 characters a text, and a 3000-character fallback", () => {
    const answer = fakeAnswer({
      headline: "H".repeat(5000),
      reasons: Array.from({ length: 400 }, (_, i) => `reason ${i} ${"r".repeat(900)}`),
      notes: Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, text: `note ${"n".repeat(4000)}` })),
      suggestions: Array.from({ length: 100 }, () => "s".repeat(200)),
      text: "T".repeat(50_000),
      question: "q".repeat(10_000),
    });
    const message = renderSlackBlocks(answer, SHARE);
    expect(message.blocks.length).toBe(50);
    for (const text of blockTexts(message.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    expect(message.text.length).toBeLessThanOrEqual(3000);
    expect(buttons(message.blocks)[0]?.value?.length).toBeLessThanOrEqual(2000);
    // The source and the button survive the cut, at the end where people look for them.
    expect(message.blocks.at(-2)?.type).toBe("context");
    expect(message.blocks.at(-1)?.type).toBe("actions");
  });

  it("never cuts an escaped entity in half when truncating", () => {
    const message = renderSlackBlocks(fakeAnswer({ headline: "&".repeat(2000) }), SHARE);
    expect(firstLine(message.blocks)).toMatch(/(&amp;)+…$/);
  });

  it("escapes markup from every field of the answer, the question included", () => {
    const hostile = "<!channel> <@U1> <!subteam^S1|@t> <#C1> & <https://evil.example|click>";
    const answer = fakeAnswer({
      question: hostile,
      headline: hostile,
      reasons: [hostile],
      notes: [{ id: "n", text: hostile }],
      suggestions: [hostile],
      text: hostile,
      source: {
        id: "wiki-2014",
        site: hostile,
        dateText: hostile,
        title: hostile,
        revision: hostile,
        url: "https://wiki.xenproject.org/wiki/Dom0_Kernels_for_Xen",
      },
    });
    const message = renderSlackBlocks(answer, SHARE);
    const shown = JSON.stringify({ text: message.text, texts: blockTexts(message.blocks) });
    expect(shown).not.toMatch(PING_MARKUP);
    expect(shown).not.toContain("<https://evil");
    expect(shown).toContain("&lt;!channel&gt;");
  });

  it("offers no Share button when asked not to, or under an answer that could not tell", () => {
    expect(buttons(renderSlackBlocks(fakeAnswer(), { share: false, showQuestion: false }).blocks)).toEqual(
      [],
    );
    expect(
      buttons(renderSlackBlocks(fakeAnswer({ intent: "unclear", verdict: null }), SHARE).blocks),
    ).toEqual([]);
  });

  it("renders every answer of the real core's examples within Slack's limits", () => {
    const core = realCore();
    for (const question of [...core.examples, "", "x".repeat(20_000), "<!here>"]) {
      const message = renderSlackBlocks(core.answer(question), SHARE);
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      expect(firstLine(message.blocks)).toContain(escaped(core.answer(question).headline).slice(0, 40));
      for (const text of blockTexts(message.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    }
  });
});

describe("help and App Home", () => {
  it("shows every example in the help message", () => {
    const core = fakeCore();
    const texts = blockTexts(renderHelpMessage(core).blocks).join("\n");
    for (const example of core.examples) expect(texts).toContain(`/dom0 ${example}`);
  });

  it("fits a table far bigger than the wiki's into App Home's 100 blocks, saying the rest is on the wiki", () => {
    const core = fakeCore();
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      table: "linux" as const,
      product: "centos" as const,
      name: `Distro ${i}`,
      versions: "v".repeat(300),
      notes: [],
    }));
    const view = renderHomeView({ ...core, table: () => rows });
    expect(view.blocks.length).toBe(100);
    expect(blockTexts(view.blocks).join("\n")).toContain("rest of the table is on the wiki page");
    expect(view.blocks.at(-1)?.type).toBe("context");
  });

  it("shows the real table whole in App Home", () => {
    const core = realCore();
    const view = renderHomeView(core);
    const texts = blockTexts(view.blocks).join("\n");
    expect(texts).not.toContain("rest of the table");
    for (const row of core.table()) expect(texts).toContain(escaped(row.name));
  });
});

describe("an answer about several systems", () => {
  it("has no verdict mark on its headline, and each system's line carries its own", () => {
    const answer = realCore().answer("rhel 5 and 6 as dom0?");
    expect(answer.answers?.map((one) => one.verdict)).toEqual(["yes", "no"]);
    const { blocks } = renderSlackBlocks(answer, { share: false, showQuestion: false });
    expect(firstLine(blocks)).toBe(`*${escaped(answer.headline)}*`);
    const texts = blockTexts(blocks).join("\n");
    expect(texts).toMatch(/^:white_check_mark: Red Hat Enterprise Linux \(RHEL\) 5/m);
    expect(texts).toMatch(/^:x: Red Hat Enterprise Linux \(RHEL\) 6/m);
  });
});
