import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordBot, DISCORD_INTENTS } from "../../adapters/discord/index.js";
import { ConfigError } from "../../src/errors.js";
import { loadCore } from "../../src/index.js";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { PRIVILEGED_INTENTS } from "../support/discord-fake-gateway.js";
import { startFakeDiscord } from "../support/discord-fake-server.js";
import { type BotUnderTest, opsForTest, startBotUnderTest, TEST_TOKEN } from "../support/discord-harness.js";
import { callbackFor, commandPayload, dispatchInteraction } from "../support/discord-payloads.js";

const core = loadCore();
const question = "does CentOS 6.3 work as dom0?";
let harness: BotUnderTest;
beforeAll(async () => {
  harness = await startBotUnderTest(core);
});
afterAll(async () => harness?.close());

async function answered(): Promise<string> {
  const id = dispatchInteraction(
    harness.discord,
    commandPayload([{ name: "question", type: 3, value: question }]),
  );
  return (await callbackFor(harness.discord, id, 8000)).body.data.embeds[0].title;
}

describe("gateway session", () => {
  it("identifies with Guilds, GuildMessages and DirectMessages only: no privileged intent", () => {
    const identify = harness.discord.gateway.received.find((frame) => frame.op === 2);
    expect(identify?.d.intents).toBe(DISCORD_INTENTS.reduce((all, bit) => all | bit, 0));
    expect(identify?.d.intents).toBe(1 | 512 | 4096);
    expect(identify?.d.intents & PRIVILEGED_INTENTS).toBe(0);
  });

  it("heartbeats with the last sequence number when asked, and the fake acknowledges it", async () => {
    const session = [...harness.discord.gateway.sessions.values()].at(-1);
    const beat = new Promise((resolve) => {
      harness.discord.gateway.on("frame", (frame: { op: number; d: unknown }) => {
        if (frame.op === 1) resolve(frame.d);
      });
    });
    const acknowledged = new Promise<string>((resolve) => {
      harness.bot.client.on("debug", (message) => {
        if (message.includes("Heartbeat acknowledged")) resolve(message);
      });
    });
    harness.discord.gateway.requestHeartbeat();
    expect(await beat).toBe(session?.seq);
    expect(await acknowledged).toMatch(/latency of \d+ms/);
  });

  it.each([
    ["a clean close (4000)", false],
    ["a dropped TCP connection (1006)", true],
  ])(
    "resumes the session at resume_gateway_url after %s and keeps answering, missed events included",
    async (_, abrupt) => {
      const sessionId = [...harness.discord.gateway.sessions.keys()].at(-1);
      const resumed = harness.discord.waitForGateway("resumed", 8000);
      harness.discord.gateway.drop({ abrupt });
      // Sent while the socket is down: Discord replays it on RESUME, and so does the fake.
      const missed = dispatchInteraction(
        harness.discord,
        commandPayload([{ name: "question", type: 3, value: question }]),
      );
      const session = await resumed;
      expect(session.id).toBe(sessionId);
      const resume = harness.discord.gateway.received.findLast((frame) => frame.op === 6);
      expect(resume).toMatchObject({ path: "/resume", d: { session_id: sessionId, token: TEST_TOKEN } });
      expect((await callbackFor(harness.discord, missed, 8000)).body.data.embeds[0].title).toBe(
        core.answer(question).headline,
      );
      expect(await answered()).toBe(core.answer(question).headline);
    },
  );

  it("resumes when Discord asks it to reconnect (op 7)", async () => {
    const sessionId = [...harness.discord.gateway.sessions.keys()].at(-1);
    const resumed = harness.discord.waitForGateway("resumed", 8000);
    harness.discord.gateway.requestReconnect();
    expect((await resumed).id).toBe(sessionId);
    expect(await answered()).toBe(core.answer(question).headline);
  });

  it("identifies afresh when its session is gone (op 9 on RESUME), and answers", async () => {
    const identified = harness.discord.waitForGateway("identified", 8000);
    harness.discord.gateway.drop();
    harness.discord.gateway.forgetSessions();
    const session = await identified;
    expect(harness.discord.gateway.sessions.get(session.id)?.socket).not.toBeNull();
    expect(await answered()).toBe(core.answer(question).headline);
  });

  it.each([
    ["no data at all", { type: 2, data: undefined }],
    [
      "an application command of an unknown type",
      { type: 2, data: { id: ids.command, name: "dom0", type: 9, options: [] } },
    ],
    ["an interaction type Discord has not invented", { type: 99 }],
    ["a button with no custom_id", { type: 3, data: { component_type: 2 } }],
    [
      "options that are not a list",
      { type: 2, data: { id: ids.command, name: "dom0", type: 1, options: "rm -rf" } },
    ],
  ])("survives a malformed interaction (%s) and answers the next one", async (_, malformed) => {
    const before = harness.errors.length;
    dispatchInteraction(harness.discord, { ...commandPayload([]), ...malformed });
    expect(await answered()).toBe(core.answer(question).headline);
    // Dropped at the gateway, reported, never answered with a crash.
    for (const { where } of harness.errors.slice(before))
      expect(where).toMatch(/^gateway dispatch INTERACTION_CREATE/);
  });
});

describe("start-up", () => {
  it("stops with a ConfigError naming DISCORD_TOKEN when Discord refuses the token (401)", async () => {
    const discord = await startFakeDiscord({ token: "the-real-token" });
    const bot = createDiscordBot({
      token: "a-stale-token",
      applicationId: ids.application,
      guildId: null,
      apiUrl: discord.apiUrl,
      shards: null,
      core,
      ops: opsForTest().ops,
    });
    try {
      const failure = await bot.start().then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ConfigError);
      expect((failure as ConfigError).variable).toBe("DISCORD_TOKEN");
      expect((failure as ConfigError).message).toMatch(/refused DISCORD_TOKEN/);
      expect(discord.rest.requests.map((request) => request.path)).toEqual(["/gateway/bot"]);
    } finally {
      await bot.stop();
      await discord.close();
    }
  });

  it("stops with a ConfigError naming DISCORD_API_URL when nothing answers there", async () => {
    const closed = await startFakeDiscord({ token: TEST_TOKEN });
    const apiUrl = closed.apiUrl;
    await closed.close();
    const bot = createDiscordBot({
      token: TEST_TOKEN,
      applicationId: ids.application,
      guildId: null,
      apiUrl,
      shards: null,
      core,
      ops: opsForTest().ops,
    });
    try {
      const failure = await bot.start().then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ConfigError);
      expect((failure as ConfigError).variable).toBe("DISCORD_API_URL");
      expect((failure as ConfigError).message).toContain(apiUrl);
    } finally {
      await bot.stop();
    }
  });
});

describe("a failure inside one answer", () => {
  it("answers the user with a private apology, reports the error, and goes on answering", async () => {
    let calls = 0;
    const flaky = {
      ...core,
      answer: (text: string) => {
        calls += 1;
        if (calls === 1) throw new Error("the core broke on this one");
        return core.answer(text);
      },
    };
    const local = await startBotUnderTest(flaky);
    try {
      const first = dispatchInteraction(
        local.discord,
        commandPayload([{ name: "question", type: 3, value: question }]),
      );
      const apology = (await callbackFor(local.discord, first)).body;
      expect(apology.data.embeds[0].description).toMatch(/^Sorry, something went wrong/);
      expect(apology.data.flags & 64).toBe(64);
      expect(local.errors.map((entry) => entry.where)).toEqual(["interaction"]);
      const second = dispatchInteraction(
        local.discord,
        commandPayload([{ name: "question", type: 3, value: question }]),
      );
      expect((await callbackFor(local.discord, second)).body.data.embeds[0].title).toBe(
        core.answer(question).headline,
      );
    } finally {
      await local.close();
    }
  });
});
