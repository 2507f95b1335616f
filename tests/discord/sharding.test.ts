import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordBot, type DiscordBot } from "../../adapters/discord/index.js";
import { resolveShardCount } from "../../adapters/discord/sharding.js";
import { loadCore } from "../../src/index.js";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { type FakeDiscord, startFakeDiscord } from "../support/discord-fake-server.js";
import { opsForTest, TEST_TOKEN } from "../support/discord-harness.js";
import {
  callbackFor,
  commandPayload,
  dispatchDirectMessage,
  dispatchInteraction,
} from "../support/discord-payloads.js";

const core = loadCore();
let discord: FakeDiscord;
const shards: DiscordBot[] = [];

/** One bot per shard, as the ShardingManager's processes are: discord.js reads SHARDS and SHARD_COUNT from the environment. */
function shardBot(shardId: number, count: number): DiscordBot {
  const saved = { SHARDS: process.env["SHARDS"], SHARD_COUNT: process.env["SHARD_COUNT"] };
  process.env["SHARDS"] = JSON.stringify([shardId]);
  process.env["SHARD_COUNT"] = String(count);
  try {
    return createDiscordBot({
      token: TEST_TOKEN,
      applicationId: ids.application,
      guildId: null,
      apiUrl: discord.apiUrl,
      shards: count,
      core,
      ops: opsForTest().ops,
    });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

beforeAll(async () => {
  discord = await startFakeDiscord({ token: TEST_TOKEN, shards: 3 });
});
afterAll(async () => {
  await Promise.all(shards.map((bot) => bot.stop()));
  await discord?.close();
});

describe("sharding", () => {
  it("resolves DISCORD_SHARDS=auto from GET /gateway/bot through DISCORD_API_URL, and takes a number as given", async () => {
    expect(await resolveShardCount({ token: TEST_TOKEN, apiUrl: discord.apiUrl, shards: "auto" })).toBe(3);
    expect(await resolveShardCount({ token: TEST_TOKEN, apiUrl: discord.apiUrl, shards: 5 })).toBe(5);
    expect(await resolveShardCount({ token: TEST_TOKEN, apiUrl: discord.apiUrl, shards: null })).toBe(1);
  });

  it("runs as two shards sharing nothing: each identifies its own shard and the guild's shard answers", async () => {
    shards.push(shardBot(0, 2), shardBot(1, 2));
    await Promise.all(shards.map((bot) => bot.start()));
    const identified = discord.gateway.received
      .filter((frame) => frame.op === 2)
      .map((frame) => frame.d.shard);
    expect(identified).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    const guildShard = Number((BigInt(ids.guild) >> 22n) % 2n);
    const id = dispatchInteraction(
      discord,
      commandPayload([{ name: "question", type: 3, value: "does CentOS 6.3 work as dom0?" }]),
    );
    expect((await callbackFor(discord, id)).body.data.embeds[0].title).toBe(
      core.answer("does CentOS 6.3 work as dom0?").headline,
    );
    expect(shards[guildShard]?.client.guilds.cache.has(ids.guild)).toBe(true);
    expect(shards[1 - guildShard]?.client.guilds.cache.has(ids.guild)).toBe(false);
    const dm = dispatchDirectMessage(discord, "is alpine ok as dom0?");
    await discord.waitForRequest((request) => request.body?.message_reference?.message_id === dm);
  });
});
