/** The adapter contract every adapter runs, here through the real discord.js client: /dom0 over the gateway. */
import { afterAll, beforeAll } from "vitest";
import { loadCore } from "../../src/index.js";
import { describeAdapterContract } from "../contract/adapter-contract.js";
import { type BotUnderTest, startBotUnderTest } from "../support/discord-harness.js";
import { callbackFor, commandPayload, dispatchInteraction } from "../support/discord-payloads.js";

let harness: BotUnderTest;
beforeAll(async () => {
  harness = await startBotUnderTest(loadCore());
});
afterAll(async () => harness?.close());

describeAdapterContract(
  "Discord",
  async (question) => {
    const id = dispatchInteraction(
      harness.discord,
      commandPayload([{ name: "question", type: 3, value: question }]),
    );
    const { data } = (await callbackFor(harness.discord, id)).body;
    const shown = [
      data.content,
      ...(data.embeds ?? []).flatMap((embed: { title?: string; description?: string }) => [
        embed.title,
        embed.description,
      ]),
    ];
    return {
      text: shown.filter((part) => typeof part === "string" && part !== "").join("\n"),
      // Discord turns mention markup into pings unless allowed_mentions parses none.
      canPing: !Array.isArray(data.allowed_mentions?.parse) || data.allowed_mentions.parse.length > 0,
    };
  },
  [/@everyone/, /@here/, /<@&\d+>/, /<@!?\d+>/],
);
