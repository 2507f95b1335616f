import { describe, expect, it } from "vitest";
import { answerButtons } from "../../adapters/discord/components.js";
import { decodeButtonAction, encodeButtonAction } from "../../adapters/discord/custom-ids.js";
import {
  DISCORD_CUSTOM_ID_LIMIT,
  DISCORD_EMBED_DESCRIPTION_LIMIT,
  DISCORD_EMBED_TITLE_LIMIT,
  DISCORD_EMBED_TOTAL_LIMIT,
} from "../../adapters/discord/limits.js";
import { renderDiscordEmbed, renderTableEmbeds, VERDICT_COLOURS } from "../../adapters/discord/render.js";
import { neutralizeMentions } from "../../adapters/discord/safe-text.js";
import type { Answer, TableRow } from "../../src/types.js";
import { fakeAnswer, fakeCore } from "../support/fake-core.js";

function answerWith(overrides: Partial<Answer>): Answer {
  return fakeAnswer({ question: "question", ...overrides });
}

describe("renderDiscordEmbed", () => {
  it.each([
    ["support", "yes", VERDICT_COLOURS.yes],
    ["support", "no", VERDICT_COLOURS.no],
    ["support", "partial", VERDICT_COLOURS.partial],
    ["support", "unlisted", VERDICT_COLOURS.unlisted],
    ["faq", null, VERDICT_COLOURS.neutral],
    ["list", null, VERDICT_COLOURS.neutral],
    ["unclear", null, VERDICT_COLOURS.neutral],
  ] as const)("colours a %s answer with verdict %s distinctly", (intent, verdict, colour) => {
    expect(renderDiscordEmbed(answerWith({ intent, verdict })).color).toBe(colour);
  });

  it("gives every verdict its own colour", () => {
    expect(new Set(Object.values(VERDICT_COLOURS)).size).toBe(5);
  });

  it("puts the verdict line first, then reasons and notes, and ends with the source as a link", () => {
    const embed = renderDiscordEmbed(answerWith({}));
    expect(embed.title).toBe("No: CentOS 6.3 cannot be the dom0; CentOS 6.4 and later can.");
    expect(embed.description).toMatch(
      /^The table lists CentOS 6\.4 and later\.\n\n\*\*Notes\*\*\n• Needs Xen 4\.0 or later\./,
    );
    expect(embed.description).toMatch(
      /\[Dom0 Kernels for Xen, revision of 18 April 2014\]\(https:\/\/wiki\.xenproject\.org\/wiki\/Dom0_Kernels_for_Xen\)$/,
    );
  });

  it("keeps a giant answer within Discord's limits and still ends with the source", () => {
    const embed = renderDiscordEmbed(
      answerWith({
        headline: "H".repeat(1000),
        reasons: Array.from({ length: 200 }, (_, index) => `reason ${index} ${"x".repeat(100)}`),
        notes: [{ id: "long", text: "n".repeat(10_000) }],
      }),
    );
    expect(embed.title).toBeUndefined();
    expect(embed.description).toMatch(/^\*\*H{1000}\*\*\n\nreason 0 /);
    expect(embed.description?.length).toBeLessThanOrEqual(DISCORD_EMBED_DESCRIPTION_LIMIT);
    expect(embed.description).toContain("…");
    expect(embed.description).toMatch(/Source: \[.*\]\(https:\/\/wiki\.xenproject\.org\/.*\)$/);
  });

  it("leads with a verdict line too long for a title as the description's bold first line, uncut", () => {
    const headline = `Dom0 is the first domain the hypervisor starts, ${"and so on, ".repeat(30)}end.`;
    expect(headline.length).toBeGreaterThan(DISCORD_EMBED_TITLE_LIMIT);
    const embed = renderDiscordEmbed(answerWith({ headline, intent: "faq", verdict: null }));
    expect(embed.title).toBeUndefined();
    expect(embed.description?.split("\n")[0]).toBe(`**${headline}**`);
  });

  it("breaks mention tokens the answer might echo from the question", () => {
    const embed = renderDiscordEmbed(
      answerWith({ headline: "@everyone <@&1180000000000000500> is not in the table" }),
    );
    expect(embed.title).not.toContain("@everyone");
    expect(embed.title).not.toContain("<@&");
    expect(embed.title).toContain("everyone");
  });
});

describe("neutralizeMentions", () => {
  it.each([
    "@everyone",
    "@here",
    "<@1180000000000000300>",
    "<@!1180000000000000300>",
    "<@&1180000000000000500>",
    "<#1180000000000000200>",
  ])("makes %s unrenderable", (token) => {
    const safe = neutralizeMentions(`hi ${token} there`);
    expect(safe).not.toContain(token);
    expect(safe.replace(/\u200b/g, "")).toBe(`hi ${token} there`);
  });
});

describe("buttons", () => {
  it("offers Why? (carrying product, version and Xen) and the whole table under a support answer", () => {
    const query = { product: "centos", variant: null, version: "6.3", xen: "4.1" } as const;
    const [row] = answerButtons(answerWith({ xen: "4.1", query }));
    const ids = row?.components.map((button) => ("custom_id" in button ? button.custom_id : null));
    expect(row?.components.map((button) => ("label" in button ? button.label : null))).toEqual([
      "Why?",
      "Show the whole table",
    ]);
    expect(ids?.[0] && decodeButtonAction(ids[0])).toEqual({
      kind: "why",
      query: { product: "centos", variant: null, version: "6.3", xen: "4.1" },
      asOf: "2014-04-18",
    });
  });

  it("offers only the table under an answer with no verdict to explain", () => {
    const [row] = answerButtons(answerWith({ intent: "unclear", verdict: null, product: null }));
    expect(row?.components.map((button) => ("label" in button ? button.label : null))).toEqual([
      "Show the whole table",
    ]);
  });

  it.each([
    "dom0:why:gentoo:1:",
    "dom0:why:centos:6.3",
    "other:table",
    "dom0:why:centos:<@1>:",
    "dom0:table:extra",
  ])("refuses a custom_id it did not make: %s", (customId) => {
    expect(decodeButtonAction(customId)).toBeNull();
  });

  it("never makes a custom_id past Discord's limit", () => {
    const id = encodeButtonAction({
      kind: "why",
      query: {
        product: "oracle-vm",
        variant: "A Very Long Variant Name That Goes On",
        version: "12345678901234567890",
        xen: "12345678901234567890",
      },
      asOf: "2014-04-18",
    });
    expect(id === null || id.length <= DISCORD_CUSTOM_ID_LIMIT).toBe(true);
  });
});

describe("renderTableEmbeds", () => {
  it("lists every row, then the notes they refer to, and ends with the source", () => {
    const core = fakeCore();
    const rows = [
      ...core.table(),
      {
        table: "unix",
        product: "netbsd",
        name: "NetBSD",
        versions: "5.x[3]",
        notes: [{ id: "unix-3", text: "Needs Xen 3.3." }],
      },
    ] satisfies TableRow[];
    const [table, notes] = renderTableEmbeds(rows, core.source);
    expect(table?.title).toBe("Dom0 support: the whole table");
    expect(table?.description).toBe("**CentOS** (Linux): 6.4 and later\n**NetBSD** (Other systems): 5.x[3]");
    expect(notes?.description).toMatch(/^`unix-3` Needs Xen 3\.3\.\n\nSource: \[/);
  });

  it("keeps a table far larger than the wiki's within one message, saying what it left out", () => {
    const core = fakeCore();
    const rows: TableRow[] = Array.from({ length: 400 }, (_, index) => ({
      table: "linux",
      product: "debian",
      name: `Distribution ${index}`,
      versions: "1.0, 2.0, 3.0",
      notes: [{ id: `note-${index}`, text: "A long note. ".repeat(5) }],
    }));
    const embeds = renderTableEmbeds(rows, core.source);
    const total = embeds.reduce(
      (sum, embed) => sum + (embed.title?.length ?? 0) + (embed.description?.length ?? 0),
      0,
    );
    expect(total).toBeLessThanOrEqual(DISCORD_EMBED_TOTAL_LIMIT);
    for (const embed of embeds)
      expect(embed.description?.length).toBeLessThanOrEqual(DISCORD_EMBED_DESCRIPTION_LIMIT);
    expect(embeds[0]?.description).toMatch(/…and \d+ more rows: see the source$/);
    expect(embeds[1]?.description).toMatch(/Source: \[.*\)$/);
  });
});

describe("an answer about several systems", () => {
  it("is neutral in colour, each system's line marked with its own verdict", async () => {
    const { loadCore } = await import("../../src/index.js");
    const answer = loadCore().answer("rhel 5 and 6 as dom0?");
    const embed = renderDiscordEmbed(answer);
    expect(embed.color).toBe(VERDICT_COLOURS.neutral);
    expect(embed.description).toMatch(/^✅ Red Hat Enterprise Linux \(RHEL\) 5/m);
    expect(embed.description).toMatch(/^❌ Red Hat Enterprise Linux \(RHEL\) 6/m);
  });
});
