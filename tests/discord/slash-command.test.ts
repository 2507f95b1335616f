import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EPHEMERAL_FLAG } from "../../adapters/discord/limits.js";
import { VERDICT_COLOURS } from "../../adapters/discord/render.js";
import { loadCore } from "../../src/index.js";
import { type BotUnderTest, startBotUnderTest } from "../support/discord-harness.js";
import {
  callbackFor,
  commandPayload,
  dispatchInteraction,
  type OptionPayload,
} from "../support/discord-payloads.js";

const core = loadCore();
let harness: BotUnderTest;
beforeAll(async () => {
  harness = await startBotUnderTest(core);
});
afterAll(async () => harness?.close());

async function ask(options: OptionPayload[], name?: string) {
  const id = dispatchInteraction(harness.discord, commandPayload(options, name));
  return (await callbackFor(harness.discord, id)).body;
}

describe("/dom0 question:", () => {
  it("answers CentOS 6.3 in public with a red embed whose first line is the verdict, mentions disabled", async () => {
    const question = "does CentOS 6.3 work as dom0?";
    const body = await ask([{ name: "question", type: 3, value: question }]);
    const expected = core.answer(question);
    expect(expected.verdict).toBe("no");
    expect(body.type).toBe(4);
    expect(body.data.embeds[0].title).toBe(expected.headline);
    expect(body.data.embeds[0].color).toBe(VERDICT_COLOURS.no);
    expect(body.data.embeds[0].description).toContain(`(${core.source.url})`);
    expect((body.data.flags ?? 0) & EPHEMERAL_FLAG).toBe(0);
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("keeps the answer private with private:True (ephemeral flag 64)", async () => {
    const body = await ask([
      { name: "question", type: 3, value: "does CentOS 6.3 work as dom0?" },
      { name: "private", type: 5, value: true },
    ]);
    expect(body.data.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
    expect(body.data.embeds[0].title).toBe(core.answer("does CentOS 6.3 work as dom0?").headline);
  });

  it("colours a product the table does not list grey", async () => {
    const body = await ask([{ name: "question", type: 3, value: "does FreeBSD 10 work as dom0?" }]);
    expect(core.answer("does FreeBSD 10 work as dom0?").verdict).toBe("unlisted");
    expect(body.data.embeds[0].color).toBe(VERDICT_COLOURS.unlisted);
  });
});

describe("/dom0 os: version:", () => {
  it("answers the picked product and release as the question would", async () => {
    const body = await ask([
      { name: "os", type: 3, value: "centos" },
      { name: "version", type: 3, value: "6.3" },
    ]);
    expect(body.data.embeds[0].title).toBe(core.answer("does CentOS 6.3 work as dom0?").headline);
    expect(body.data.embeds[0].color).toBe(VERDICT_COLOURS.no);
  });

  it("answers typed text that was not picked from the list", async () => {
    const body = await ask([{ name: "os", type: 3, value: "Ubuntu" }]);
    expect(body.data.embeds[0].title).toBe(core.answer("does Ubuntu work as dom0?").headline);
  });
});

describe("help and odd input", () => {
  it.each([
    [[{ name: "help", type: 5, value: true }]],
    [[]],
    [[{ name: "question", type: 3, value: "help" }]],
  ] as OptionPayload[][][])("shows the help privately, with examples (%#)", async (options) => {
    const body = await ask(options);
    expect(body.data.embeds[0].title).toMatch(/dom0bot/);
    expect(body.data.embeds[0].description).toContain(core.examples[0]);
    expect(body.data.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
  });

  it("answers an unknown command with a private notice instead of silence", async () => {
    const body = await ask([], "xen-status");
    expect(body.type).toBe(4);
    expect(body.data.embeds[0].description).toContain("/dom0");
    expect(body.data.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
  });

  it("answers a giant question within Discord's limits (the fake refuses oversize bodies)", async () => {
    const body = await ask([
      { name: "question", type: 3, value: `does CentOS 6.3 work as dom0? ${"x".repeat(100_000)}` },
    ]);
    expect(body.data.embeds[0].title.length).toBeGreaterThan(0);
    expect(body.data.embeds[0].description.length).toBeLessThanOrEqual(4096);
  });

  it("shrugs off options of the wrong type and still answers", async () => {
    const body = await ask([
      { name: "question", type: 5, value: true },
      { name: "os", type: 3, value: "centos" },
      { name: "private", type: 3, value: "yes please" },
    ]);
    expect(body.data.embeds[0].title).toBe(core.answer("does CentOS work as dom0?").headline);
    expect((body.data.flags ?? 0) & EPHEMERAL_FLAG).toBe(0);
    expect(harness.errors).toEqual([]);
  });
});
