/**
 * The servers the Slack bench loads, each run as a child process of bench/slack.ts (`--slack-bench-child KIND`):
 * the Slack app with its operations layer, the same app with a no-op one, Bolt's floor, and a bare server.
 * Each reports its port once listening, then its memory and CPU time whenever the parent asks.
 */

import { timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Ops } from "../adapters/common/ops.js";
import { BOT_TOKEN, QUESTIONS, SIGNING_SECRET, sign } from "./slack-load.js";

export const CHILD_FLAG = "--slack-bench-child";
export type ServerKind = "slack" | "slackNoOps" | "bolt" | "bare";
export type ChildMessage = { port: number } | { rssMb: number; peakRssMb: number | null; cpuMs: number };

function peakRssMb(): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/** Answers the parent's "report" with this process's memory and the CPU time it has used so far. */
function reportUsageOnRequest(): void {
  process.on("message", () => {
    const cpu = process.cpuUsage();
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    process.send?.({ rssMb, peakRssMb: peakRssMb(), cpuMs: (cpu.user + cpu.system) / 1000 });
  });
}

/**
 * The real Slack app, configured from the environment like `npm start`. With `noOps`, its operations layer
 * admits everyone and logs and records nothing: the difference between the two is what the layer costs.
 */
async function slackChild(noOps: boolean): Promise<void> {
  const { createSlackApp, slackConfigFromEnv } = await import("../adapters/slack/index.js");
  const { createOps } = await import("../adapters/common/ops.js");
  const config = slackConfigFromEnv(process.env);
  let ops: Ops | undefined;
  if (noOps) {
    const quiet = createOps({ env: { INSIGHTS: "0", LOG_LEVEL: "silent" } });
    ops = { ...quiet, admit: () => "ok", answered: () => {}, rated: () => false };
  }
  // As `npm start` builds it: the core from the validated-bytes cache, so zod is not loaded in the process.
  const { openCore } = await import("../src/open-core.js");
  const core = await openCore();
  const app = createSlackApp(config, ops === undefined ? { core } : { core, ops });
  await app.start();
  reportUsageOnRequest();
  process.send?.({ port: app.port() });
}

/** The real rendered answer to the first question, computed once. */
async function cannedReply(): Promise<Record<string, unknown>> {
  const { loadCore } = await import("../src/index.js");
  const { renderSlackBlocks } = await import("../adapters/slack/index.js");
  const answer = loadCore().answer(QUESTIONS[0] ?? "");
  return {
    response_type: "ephemeral",
    ...renderSlackBlocks(answer, { share: true, showQuestion: true, rating: "open" }),
  };
}

/**
 * Bolt's own floor: a Bolt app on the same HTTPReceiver whose one listener acks the canned reply. Between it
 * and the bare server is what the framework costs; between it and the Slack app, what the adapter adds.
 */
async function boltFloorChild(): Promise<void> {
  const { App, HTTPReceiver, LogLevel } = await import("@slack/bolt");
  const canned = await cannedReply();
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET });
  const app = new App({
    token: BOT_TOKEN,
    receiver,
    logLevel: LogLevel.ERROR,
    tokenVerificationEnabled: false,
    botId: "BBOT0DOM0",
    botUserId: "UBOT0DOM0",
    convoStore: false,
  });
  app.command("/dom0", async ({ ack }) => ack(canned));
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
  reportUsageOnRequest();
  process.send?.({ port: (server.address() as AddressInfo).port });
}

/**
 * The baseline: verifies the same v0 signature and staleness, then returns a canned reply: the real Block Kit
 * answer to the first question, rendered once at start-up, so both servers put the same bytes on the wire.
 */
async function bareChild(): Promise<void> {
  const canned = JSON.stringify(await cannedReply());
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const timestamp = Number(req.headers["x-slack-request-timestamp"]);
      const given = Buffer.from(String(req.headers["x-slack-signature"] ?? ""));
      const expected = Buffer.from(sign(timestamp, Buffer.concat(chunks).toString("utf8")));
      const fresh = Math.abs(Date.now() / 1000 - timestamp) < 300;
      if (!fresh || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(canned);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  reportUsageOnRequest();
  process.send?.({ port: (server.address() as AddressInfo).port });
}

if (process.argv[2] === CHILD_FLAG) {
  // A clean exit on the parent's kill, so that --cpu-prof and the like write their files.
  process.on("SIGTERM", () => process.exit(0));
  const kind = process.argv[3] as ServerKind;
  if (kind === "bare") await bareChild();
  else if (kind === "bolt") await boltFloorChild();
  else await slackChild(kind === "slackNoOps");
}
