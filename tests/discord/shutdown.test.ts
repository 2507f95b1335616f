import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { installGracefulShutdown } from "../../adapters/common/shutdown.js";
import { loadCore } from "../../src/index.js";
import { startBotUnderTest } from "../support/discord-harness.js";
import { callbackFor, commandPayload, dispatchInteraction } from "../support/discord-payloads.js";

const core = loadCore();
const question = "does CentOS 6.3 work as dom0?";

describe("stop()", () => {
  it("as a graceful-shutdown stop: answers the interaction in flight before the gateway closes, drops new ones, exits 0", async () => {
    const harness = await startBotUnderTest(core);
    const { discord, bot, ops } = harness;
    try {
      const release = discord.rest.holdCallbacks();
      const held = once(discord.rest, "held");
      const inFlight = dispatchInteraction(
        discord,
        commandPayload([{ name: "question", type: 3, value: question }]),
      );
      await held; // the bot is waiting on Discord for its reply: that answer is in flight

      const exits: number[] = [];
      const exited = new Promise<void>((resolve) => {
        const shutdown = installGracefulShutdown({
          logger: ops.logger,
          stops: [() => bot.stop()],
          cleanups: [() => ops.close()],
          exit: (code) => {
            exits.push(code);
            resolve();
          },
          signals: [],
          logProcessErrors: false,
        });
        void shutdown.shutdown("SIGTERM");
      });
      // Sent after shutdown began: not taken on.
      const late = dispatchInteraction(
        discord,
        commandPayload([{ name: "question", type: 3, value: question }]),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(exits).toEqual([]);
      expect(bot.client.isReady()).toBe(true); // still connected: it waits for the answer in flight

      release();
      await exited;
      expect(exits).toEqual([0]);
      const answered = await callbackFor(discord, inFlight);
      expect(answered.body.data.embeds[0].title).toBe(core.answer(question).headline);
      const gatewayClosed = [...discord.gateway.sessions.values()].every(
        (session) => session.socket === null,
      );
      expect(gatewayClosed).toBe(true);
      expect(bot.client.isReady()).toBe(false);
      expect(discord.rest.requests.some((request) => request.path.startsWith(`/interactions/${late}/`))).toBe(
        false,
      );
      // The answer's log line went out before the shutdown finished.
      const messages = harness.logs.records().map((record) => record.msg);
      expect(messages.indexOf("answered")).toBeGreaterThan(-1);
      expect(messages.indexOf("answered")).toBeLessThan(messages.indexOf("shut down"));
    } finally {
      await harness.close();
    }
  });

  it("returns at once when nothing is in flight, and a second stop is harmless", async () => {
    const harness = await startBotUnderTest(core);
    await harness.bot.stop();
    expect(harness.bot.client.isReady()).toBe(false);
    await harness.close();
  });
});
