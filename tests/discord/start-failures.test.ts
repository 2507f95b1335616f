import { afterEach, describe, expect, it } from "vitest";
import { createDiscordBot } from "../../adapters/discord/index.js";
import { loadCore } from "../../src/index.js";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { type FakeDiscord, startFakeDiscord } from "../support/discord-fake-server.js";
import { opsForTest, TEST_TOKEN } from "../support/discord-harness.js";

const core = loadCore();
let discord: FakeDiscord | undefined;
afterEach(async () => {
  await discord?.close();
  discord = undefined;
});

function botAgainst(fake: FakeDiscord, readyTimeoutMs?: number) {
  const { ops } = opsForTest();
  return createDiscordBot({
    token: TEST_TOKEN,
    applicationId: ids.application,
    guildId: ids.guild,
    apiUrl: fake.apiUrl,
    shards: null,
    core,
    ops,
    ...(readyTimeoutMs === undefined ? {} : { readyTimeoutMs }),
  });
}

describe("a Discord bot that cannot start", () => {
  it("fails start-up, naming READY, when the gateway accepts IDENTIFY and never sends READY", async () => {
    discord = await startFakeDiscord({ token: TEST_TOKEN });
    discord.gateway.withholdReady = true;
    const bot = botAgainst(discord, 800);
    const started = performance.now();
    await expect(bot.start()).rejects.toThrow(/gateway sent no READY within 0\.8 s/);
    // The READY wait, and at most the 2 s given to discord.js to let go of the stuck shard.
    expect(performance.now() - started).toBeLessThan(3500);
    await bot.stop();
  });

  it("fails start-up with Discord's status when its REST API answers 5xx for the gateway address", async () => {
    discord = await startFakeDiscord({ token: TEST_TOKEN });
    discord.rest.failNext("GET", /^\/gateway\/bot$/, { status: 502, body: { message: "Bad Gateway" } }, 10);
    const bot = botAgainst(discord, 5000);
    await expect(bot.start()).rejects.toThrow(/502|Bad Gateway|Internal Server Error/);
    // discord.js retried once (retries: 1), then gave up: no endless loop against a failing API.
    const asked = discord.rest.requests.filter((r) => r.path === "/gateway/bot");
    expect(asked.length).toBeGreaterThanOrEqual(1);
    expect(asked.length).toBeLessThanOrEqual(2);
    await bot.stop();
  });
});
