/**
 * The real discord.js bot answering for today: every button gives the very answer it sits under (no English
 * re-asked), options picked from the lists are asked structured, and the whole table is today's with the 2014
 * one a click away.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/index.js";
import { type BotUnderTest, startBotUnderTest } from "../support/discord-harness.js";
import {
  buttonPayload,
  callbackFor,
  commandPayload,
  dispatchInteraction,
} from "../support/discord-payloads.js";

const TODAY = "2026-12-02";
const core = loadCore({ asOf: TODAY });
let harness: BotUnderTest;
beforeAll(async () => {
  harness = await startBotUnderTest(core);
});
afterAll(async () => harness?.close());

interface Button {
  label: string;
  custom_id: string;
}
interface Embed {
  title?: string;
  description?: string;
}
interface Reply {
  embeds: Embed[];
  components: { components: Button[] }[];
}

async function send(payload: Record<string, unknown>): Promise<Reply> {
  const id = dispatchInteraction(harness.discord, payload);
  return (await callbackFor(harness.discord, id)).body.data as Reply;
}

const ask = (question: string) => send(commandPayload([{ name: "question", type: 3, value: question }]));
const press = (customId: string) => send(buttonPayload(customId));
const buttonsOf = (reply: Reply) =>
  new Map(reply.components.flatMap((row) => row.components).map((b) => [b.label, b]));
const textOf = (reply: Reply) =>
  reply.embeds.map((embed) => `${embed.title ?? ""}\n${embed.description ?? ""}`).join("\n");

describe("Why? explains the very answer it sits under", () => {
  it.each([
    "does Scientific Linux 6.5 work as dom0?",
    "is Oracle Linux 7 ok as a xen host?",
    "does SLES 10 work as dom0 with Xen 4.1?",
    "is squeeze ok with xen 3.4?",
  ])("%s", async (question) => {
    const reply = await ask(question);
    const answer = core.answer(question);
    expect(reply.embeds[0]?.title).toBe(answer.headline);
    const why = buttonsOf(reply).get("Why?");
    expect(why).toBeDefined();
    const explained = await press(why?.custom_id ?? "");
    // The title is cut with an ellipsis at Discord's 256 characters.
    expect(explained.embeds[0]?.title?.slice(0, 250)).toBe(`Why: ${answer.headline}`.slice(0, 250));
    for (const reason of answer.reasons.filter((line) => !line.startsWith("You also named"))) {
      expect(explained.embeds[0]?.description).toContain(reason.slice(0, 60));
    }
  });
});

describe("answers for today", () => {
  it("link the deciding source with its date, and the 2014 table where it said otherwise", async () => {
    const reply = await ask("does Fedora 15 work as dom0?");
    const description = reply.embeds[0]?.description ?? "";
    expect(description).toMatch(
      /Source: \[Dom0 Kernels for Xen, current revision, read 28 November 2026\]\(/,
    );
    expect(description).toMatch(/\[Dom0 Kernels for Xen, 18 April 2014\]\([^)]+\) said yes$/);
  });
});

describe("options picked from the lists", () => {
  it("are asked structured: CentOS 6.5 picked is CentOS 6.5, answered as core.ask answers it", async () => {
    const reply = await send(
      commandPayload([
        { name: "os", type: 3, value: "centos" },
        { name: "version", type: 3, value: "6.5" },
      ]),
    );
    expect(reply.embeds[0]?.title).toBe(core.ask({ product: "centos", version: "6.5" }).headline);
  });

  it("typed words, or a codename, are asked in words", async () => {
    const reply = await send(
      commandPayload([
        { name: "os", type: 3, value: "debian" },
        { name: "version", type: 3, value: "squeeze" },
      ]),
    );
    expect(reply.embeds[0]?.title).toBe(core.answer("does Debian squeeze work as dom0?").headline);
  });
});

describe("the whole table", () => {
  it("is today's, with the 2014 table a click away and back", async () => {
    const reply = await ask("does CentOS 6.3 work as dom0?");
    const today = await press(buttonsOf(reply).get("Show the whole table")?.custom_id ?? "");
    expect(today.embeds[0]?.title).toBe("Dom0 support: the whole table");
    expect(textOf(today)).toContain("**Fedora** (Linux): Full support from Fedora 16 onwards");
    expect(textOf(today)).toContain("current revision, read 28 November 2026");
    const older = buttonsOf(today).get("The table as of 18 April 2014");
    expect(older?.custom_id).toBe("dom0:table:2014-04-18");

    const then = await press(older?.custom_id ?? "");
    expect(then.embeds[0]?.title).toBe("Dom0 support: the table as of 18 April 2014");
    for (const row of core.table({ asOf: "2014-04-18" })) expect(textOf(then)).toContain(`**${row.name}**`);
    expect(textOf(then)).not.toContain("Full support from Fedora 16 onwards");
    const back = buttonsOf(then).get("Today's table");
    expect(back?.custom_id).toBe("dom0:table");
  });
});
