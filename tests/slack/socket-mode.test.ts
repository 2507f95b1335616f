/** Socket Mode: the app opens its connection through apps.connections.open on SLACK_API_URL and answers over it. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeReplay } from "../../adapters/common/replay.js";
import { buttons, escaped, firstLine, type MessageBody } from "./support/blocks.js";
import { eventCallback, slashCommandFields } from "./support/fixtures.js";
import { TEST_APP_TOKEN } from "./support/signing.js";
import { type SlackHarness, startSlackHarness } from "./support/slack-harness.js";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ socketMode: true });
  await h.api.waitFor(() => h.api.socketConnections > 0);
});
afterAll(async () => {
  await h?.stop();
});

describe("Socket Mode", () => {
  it("connects with the app-level token through apps.connections.open, checking the bot token first", () => {
    expect(h.app.mode).toBe("socket");
    const methods = h.api.calls.map((call) => call.method);
    expect(methods.indexOf("auth.test")).toBeLessThan(methods.indexOf("apps.connections.open"));
    expect(h.api.callsOf("apps.connections.open")[0]?.token).toBe(TEST_APP_TOKEN);
  });

  it("acks a slash command with the private answer as the envelope's response payload", async () => {
    const question = "does CentOS 6.3 work as dom0?";
    const envelopeId = h.api.sendEnvelope("slash_commands", slashCommandFields(question));
    const ack = (await h.api.waitFor(() => h.api.socketAcks.get(envelopeId))) as MessageBody;
    expect(ack.response_type).toBe("ephemeral");
    expect(firstLine(ack.blocks)).toContain(escaped(h.core.answer(question).headline));
    expect(decodeReplay(buttons(ack.blocks)[0]?.value)?.question).toBe(question);
  });

  it("acks a mention event and answers it in the thread", async () => {
    const body = eventCallback("event-app-mention", { channel: "C0SOCKET1" });
    const envelopeId = h.api.sendEnvelope("events_api", body);
    await h.api.waitFor(() => h.api.socketAcks.has(envelopeId));
    const post = await h.api.waitFor(() =>
      h.api.callsOf("chat.postMessage").find((call) => call.args.channel === "C0SOCKET1"),
    );
    expect(post.args.thread_ts).toBe("1515449522.000016");
    expect(firstLine(post.args.blocks)).toContain(
      escaped(h.core.answer("is wheezy OK with Xen 3.4?").headline),
    );
  });

  it("serves GET /healthz on PORT", async () => {
    const response = await fetch(`${h.baseUrl}/healthz`);
    expect(response.status).toBe(200);
  });

  it("closes the connection on stop", async () => {
    const api = h.api;
    await h.app.stop();
    await api.waitFor(() => api.socketConnections === 0);
    expect(api.socketConnections).toBe(0);
    // afterAll's stop() must not fail on an app already stopped.
  });
});
