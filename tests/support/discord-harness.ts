import { createDiscordBot, type DiscordBot } from "../../adapters/discord/index.js";
import type { Dom0Core } from "../../src/types.js";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { type FakeDiscord, startFakeDiscord } from "./discord-fake-server.js";

export const TEST_TOKEN = "fake-bot-token.for-tests.only";

/** The real discord.js bot, started against a fresh fake Discord on loopback. */
export interface BotUnderTest {
  discord: FakeDiscord;
  bot: DiscordBot;
  /** What the bot reported through its onError hook, with where it happened. */
  errors: { error: unknown; where: string }[];
  close(): Promise<void>;
}

export async function startBotUnderTest(core: Dom0Core): Promise<BotUnderTest> {
  const discord = await startFakeDiscord({ token: TEST_TOKEN });
  const errors: BotUnderTest["errors"] = [];
  const bot = createDiscordBot(
    {
      token: TEST_TOKEN,
      applicationId: ids.application,
      guildId: ids.guild,
      apiUrl: discord.apiUrl,
      shards: null,
      core,
    },
    { onError: (error, where) => errors.push({ error, where }) },
  );
  await bot.start();
  return {
    discord,
    bot,
    errors,
    async close() {
      await bot.stop();
      await discord.close();
    },
  };
}
