import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EPHEMERAL_FLAG } from "../../adapters/discord/limits.js";
import { loadCore } from "../../src/index.js";
import { type BotUnderTest, startBotUnderTest } from "../support/discord-harness.js";
import {
  buttonPayload,
  callbackFor,
  commandPayload,
  dispatchInteraction,
} from "../support/discord-payloads.js";

const core = loadCore();
let harness: BotUnderTest;
beforeAll(async () => {
  harness = await startBotUnderTest(core);
});
afterAll(async () => harness?.close());

async function press(customId: string) {
  const id = dispatchInteraction(harness.discord, buttonPayload(customId));
  return (await callbackFor(harness.discord, id)).body;
}

async function buttonsUnder(question: string): Promise<Map<string, string>> {
  const id = dispatchInteraction(
    harness.discord,
    commandPayload([{ name: "question", type: 3, value: question }]),
  );
  const { body } = await callbackFor(harness.discord, id);
  const buttons = body.data.components.flatMap(
    (row: { components: { label: string; custom_id: string }[] }) => row.components,
  );
  return new Map(
    buttons.map((button: { label: string; custom_id: string }) => [button.label, button.custom_id]),
  );
}

describe("buttons", () => {
  it("Why? shows the notes behind the verdict, to the one who pressed it", async () => {
    const question = "does CentOS 6.3 work as dom0?";
    const answer = core.answer(question);
    const why = (await buttonsUnder(question)).get("Why?");
    expect(why).toBeDefined();
    const body = await press(why ?? "");
    expect(body.data.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.data.embeds[0].title).toContain(answer.headline);
    for (const reason of answer.reasons)
      expect(body.data.embeds[0].description).toContain(reason.slice(0, 40));
    for (const note of answer.notes)
      expect(body.data.embeds[0].description).toContain(note.text.slice(0, 40));
  });

  it("Show the whole table lists every product of the table", async () => {
    const table = (await buttonsUnder("does CentOS 6.3 work as dom0?")).get("Show the whole table");
    const body = await press(table ?? "");
    const text = body.data.embeds.map((embed: { description: string }) => embed.description).join("\n");
    for (const row of core.table()) {
      expect(text).toContain(`**${row.name}**`);
      for (const note of row.notes) expect(text).toContain(note.text);
    }
    expect(text).toContain(`(${core.source.url})`);
    expect(body.data.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
  });

  it("answers a button it did not make (old or forged) with a private notice", async () => {
    const body = await press("dom0:why:centos:<@&1180000000000000500>:");
    expect(body.data.embeds[0].description).toMatch(/out of date/);
    expect(body.data.flags & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
  });
});
