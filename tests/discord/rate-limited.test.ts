import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCore } from "../../src/index.js";
import { FakeDiscordRest, INTERACTION_WINDOW_MS } from "../support/discord-fake-rest.js";
import { type BotUnderTest, startBotUnderTest } from "../support/discord-harness.js";
import {
  commandPayload,
  dispatchInteraction,
  dispatchMessage,
  fromUser,
} from "../support/discord-payloads.js";

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;
let harness: BotUnderTest;
beforeAll(async () => {
  harness = await startBotUnderTest(loadCore(), { collectErrors: false });
});
afterAll(async () => harness?.close());

function ask(text: string, userId?: string): string {
  const payload = commandPayload([{ name: "question", type: 3, value: text }]);
  return dispatchInteraction(harness.discord, userId ? fromUser(payload, userId) : payload);
}

/** Every callback the fake received for one interaction, in order, with the status it answered. */
function callbacksOf(id: string) {
  return harness.discord.rest.requests.filter(
    (r) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`),
  );
}

async function until<T>(probe: () => T | undefined, timeoutMs = 4000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("Discord answering 429 to the bot", () => {
  it("waits out a short Retry-After on an answer and still answers inside the interaction's 3 s window", async () => {
    harness.discord.rest.failNext("POST", CALLBACK, FakeDiscordRest.rateLimited(0.5));
    const id = ask("does CentOS 6.3 work as dom0?");
    const answered = await until(() => callbacksOf(id).find((r) => r.status === 200 || r.status === 204));
    const sentAt = harness.discord.rest.interactionSentAt.get(id) as number;
    expect(callbacksOf(id).map((r) => r.status)).toEqual([429, answered.status]);
    expect(answered.receivedAt - sentAt).toBeLessThan(INTERACTION_WINDOW_MS);
    expect(JSON.stringify(answered.body)).toMatch(/CentOS/);
  });

  it("does not wait a Retry-After longer than the window into an expired token: it logs the miss at once", async () => {
    harness.discord.rest.failNext("POST", CALLBACK, FakeDiscordRest.rateLimited(10));
    const id = ask("is Debian squeeze OK with Xen 3.4?", "222222222222222222");
    const sentAt = performance.now();
    const line = await until(
      () => harness.logs.records().find((r) => r.msg?.includes("rate-limited") && r.retryAfterMs >= 10_000),
      2500,
    );
    expect(performance.now() - sentAt).toBeLessThan(INTERACTION_WINDOW_MS);
    expect(line.level).toBe(40);
    // Nothing is sent into the dead token later either.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(callbacksOf(id).map((r) => r.status)).toEqual([429]);
  });

  it("keeps answering other users inside the window while one answer is rate-limited for long", async () => {
    harness.discord.rest.failNext("POST", CALLBACK, FakeDiscordRest.rateLimited(10));
    const limited = ask("does Fedora 18 work as dom0?", "333333333333333333");
    await until(() => (callbacksOf(limited).length > 0 ? true : undefined));
    const others = ["444444444444444444", "555555555555555555", "666666666666666666"].map((user) =>
      ask("does Ubuntu 12.04 work as dom0?", user),
    );
    for (const id of others) {
      const answered = await until(() => callbacksOf(id).find((r) => r.status === 200 || r.status === 204));
      expect(answered.receivedAt - (harness.discord.rest.interactionSentAt.get(id) as number)).toBeLessThan(
        INTERACTION_WINDOW_MS,
      );
    }
  });

  it("keeps slash commands inside the window while Discord rate-limits the bot's channel messages globally", async () => {
    harness.discord.rest.failNext(
      "POST",
      /^\/channels\/\d+\/messages$/,
      FakeDiscordRest.rateLimited(5, true),
    );
    dispatchMessage(harness.discord, "<@1180000000000000001> does NetBSD work as dom0?");
    await until(() =>
      harness.discord.rest.requests.find((r) => r.path.endsWith("/messages") && r.status === 429)
        ? true
        : undefined,
    );
    const id = ask("does NetBSD work as dom0?", "777777777777777777");
    const answered = await until(() => callbacksOf(id).find((r) => r.status === 200 || r.status === 204));
    expect(answered.receivedAt - (harness.discord.rest.interactionSentAt.get(id) as number)).toBeLessThan(
      INTERACTION_WINDOW_MS,
    );
  });
});
