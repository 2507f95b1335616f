/** stop(): no new work, the answers in flight finished, then the server closed; as installGracefulShutdown runs it. */
import { Agent, request } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installGracefulShutdown } from "../../adapters/common/shutdown.js";
import { escaped, firstLine, type MessageBody } from "./support/blocks.js";
import { eventCallback, slashCommandFields } from "./support/fixtures.js";
import { formBody, slackSignature, TEST_SIGNING_SECRET } from "./support/signing.js";
import { realCore, type SlackHarness, startSlackHarness } from "./support/slack-harness.js";

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const QUESTION = "does CentOS 6.3 work as dom0?";

/**
 * Starts a signed slash command over a kept-alive connection, as Slack's (or a load balancer's) would be, and
 * sends all of it but its last byte: the request is in flight. `finish()` sends the rest.
 */
function slashInFlight(port: number) {
  const body = formBody(slashCommandFields(QUESTION));
  const timestamp = Math.floor(Date.now() / 1000);
  const agent = new Agent({ keepAlive: true });
  let headersArrived: () => void = () => {};
  const arrived = new Promise<void>((resolve) => {
    headersArrived = resolve;
  });
  const req = request({
    agent,
    host: "127.0.0.1",
    port,
    path: "/slack/events",
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": Buffer.byteLength(body),
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(TEST_SIGNING_SECRET, timestamp, body),
    },
  });
  req.flushHeaders();
  req.write(body.slice(0, -1), () => headersArrived());
  const response = new Promise<{ status: number; connection: string | undefined; reply: MessageBody }>(
    (resolve, reject) => {
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            connection: res.headers.connection,
            reply: JSON.parse(text),
          }),
        );
      });
      req.on("error", reject);
    },
  );
  return {
    arrived,
    response,
    finish: () => req.end(body.slice(-1)),
    close: () => agent.destroy(),
  };
}

/** The process's shutdown over a harness's app, as `npm start` installs it, with exit() recorded, no signals. */
function shutdownOf(harness: SlackHarness) {
  const exit = vi.fn();
  const shutdown = installGracefulShutdown({
    logger: harness.ops.logger,
    stops: [() => harness.app.stop()],
    cleanups: [() => harness.ops.close()],
    exit,
    signals: [],
    logProcessErrors: false,
  });
  return { exit, shutdown };
}

describe("stop()", () => {
  it("answers a slash command still arriving when stop() is called, then closes, refusing new connections", async () => {
    h = await startSlackHarness();
    const port = h.app.port() ?? 0;
    const inFlight = slashInFlight(port);
    await inFlight.arrived;
    await new Promise((resolve) => setTimeout(resolve, 50));

    let stopped = false;
    const stopping = h.app.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);

    const finishedAt = performance.now();
    inFlight.finish();
    const { status, connection, reply } = await inFlight.response;
    expect(status).toBe(200);
    expect(firstLine(reply.blocks)).toContain(escaped(realCore().answer(QUESTION).headline));
    // The kept-alive connection is closed after the answer, so the server need not wait out its idle timeout.
    expect(connection).toBe("close");
    await stopping;
    expect(performance.now() - finishedAt).toBeLessThan(2000);
    expect(h.records()).toContainEqual(expect.objectContaining({ event: "answer", product: "centos" }));
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    inFlight.close();
  });

  it("lets a mention's answer, held up at Slack, finish before the process exits 0 under installGracefulShutdown", async () => {
    h = await startSlackHarness();
    const harness = h;
    const held = harness.api.hold("chat.postMessage");
    const body = eventCallback("event-app-mention", { channel: "C0DRAIN01" });
    const acked = await fetchSigned(harness.eventsUrl, JSON.stringify(body));
    expect(acked).toBe(200);
    await harness.api.waitFor(() =>
      harness.api.callsOf("chat.postMessage").find((c) => c.args.channel === "C0DRAIN01"),
    );

    const { exit, shutdown } = shutdownOf(harness);
    const done = shutdown.shutdown("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(exit).not.toHaveBeenCalled();

    held.release();
    await done;
    expect(exit).toHaveBeenCalledWith(0);
    const lines = harness.records();
    const answered = lines.findIndex((line) => line["event"] === "answer");
    const stoppedAt = lines.findIndex((line) => line["msg"] === "Slack app stopped");
    expect(answered).toBeGreaterThanOrEqual(0);
    expect(stoppedAt).toBeGreaterThan(answered);
  });

  it("never lets a Slack that stops answering hold shutdown: the call times out, is logged, and the process exits 0", async () => {
    h = await startSlackHarness({ apiTimeoutMs: 300 });
    const harness = h;
    // Held and never released: a Web API that accepts the connection and then says nothing.
    harness.api.hold("chat.postMessage");
    const body = eventCallback("event-app-mention", { channel: "C0HUNG001" });
    expect(await fetchSigned(harness.eventsUrl, JSON.stringify(body))).toBe(200);
    await harness.api.waitFor(() =>
      harness.api.callsOf("chat.postMessage").find((c) => c.args.channel === "C0HUNG001"),
    );
    const { exit, shutdown } = shutdownOf(harness);
    const started = performance.now();
    await shutdown.shutdown("SIGTERM");
    // The answer (300 ms, one retry) and its apology (the same) gave up: well inside the 10 s window.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(exit).toHaveBeenCalledWith(0);
    expect(harness.logs.join("\n")).toMatch(/abort|timeout|timed out/i);
  });

  it("can be called twice at once and again later, as a signal handler and a test teardown both might", async () => {
    h = await startSlackHarness();
    const port = h.app.port();
    await Promise.all([h.app.stop(), h.app.stop()]);
    await h.app.stop();
    expect(h.app.port()).toBeNull();
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});

async function fetchSigned(url: string, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(TEST_SIGNING_SECRET, timestamp, body),
    },
    body,
  });
  return response.status;
}
