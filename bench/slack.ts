/**
 * Slack figures: signed `/dom0` slash commands over loopback, one at a time (p50, p99) and 100 at once
 * (throughput, p99), against the real Bolt app and, in the same run, against a bare node:http server that
 * checks the same signature and returns a canned answer; plus the Slack app's resident memory, measured in
 * a process of its own. Both servers run as child processes of this file (`--slack-bench-child`).
 */
import { type ChildProcess, fork } from "node:child_process";
import { createHmac, timingSafeEqual } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

const CHILD_FLAG = "--slack-bench-child";
const SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";
const BOT_TOKEN = "xoxb-0000000000-0000000000-benchtoken";
const WARMUP = 300;
const SEQUENTIAL = 1000;
const CONCURRENCY = 100;
const CONCURRENT_ROUNDS = 20;
const QUESTIONS = [
  "does CentOS 6.3 work as dom0?",
  "is Debian squeeze OK with Xen 3.4?",
  "can I use Ubuntu 12.04 as dom0?",
  "which Fedora releases work as dom0?",
  "what is dom0?",
];

/** Latencies in ms, throughput in requests per second, memory in MB. */
export interface SlackFigures {
  /** The Slack app, Bolt's floor (one listener acking a canned reply) and the bare node:http server. */
  servers: Record<ServerKind, ServerFigures>;
  memory: { idleRssMb: number; rssMb: number; peakRssMb: number | null };
}
export interface ServerFigures {
  oneAtATime: { p50: number; p99: number };
  atOnce: { perSecond: number; p99: number };
  /** Server CPU time per slash command over the measured runs: less sensitive to what else the machine runs. */
  cpuPerRequestMs: number;
}
type ServerKind = "slack" | "bolt" | "bare";
const SERVER_KINDS: readonly ServerKind[] = ["slack", "bolt", "bare"];
type ChildMessage = { port: number } | { rssMb: number; peakRssMb: number | null; cpuMs: number };

// ---------------------------------------------------------------- the two servers, each in a child process

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

/** The real Slack app, configured from the environment like `npm start`. */
async function slackChild(): Promise<void> {
  const { createSlackApp, slackConfigFromEnv } = await import("../adapters/slack/index.js");
  const app = createSlackApp(slackConfigFromEnv(process.env));
  await app.start();
  reportUsageOnRequest();
  process.send?.({ port: app.port() });
}

/** The real rendered answer to the first question, computed once. */
async function cannedReply(): Promise<Record<string, unknown>> {
  const { loadCore } = await import("../src/index.js");
  const { renderSlackBlocks } = await import("../adapters/slack/index.js");
  const answer = loadCore().answer(QUESTIONS[0] ?? "");
  return { response_type: "ephemeral", ...renderSlackBlocks(answer, { share: true, showQuestion: true }) };
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

// ---------------------------------------------------------------- the load

function sign(timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

function slashBody(i: number): string {
  return new URLSearchParams({
    token: "bench",
    team_id: "T0001",
    channel_id: "C0BENCH",
    user_id: `U${i % 50}`,
    command: "/dom0",
    text: QUESTIONS[i % QUESTIONS.length] ?? "",
    response_url: "http://127.0.0.1:9/unused",
    trigger_id: `${i}.bench`,
  }).toString();
}

/** One signed slash command; resolves with its latency in ms, rejects unless Slack would accept the reply. */
function post(agent: Agent, port: number, i: number): Promise<number> {
  const body = slashBody(i);
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: "127.0.0.1",
        port,
        path: "/slack/events",
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": sign(timestamp, body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode === 200) resolve(performance.now() - started);
          else reject(new Error(`slash command answered ${res.statusCode}`));
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface Target {
  kind: ServerKind;
  child: ChildProcess;
  port: number;
}

/**
 * Runs the load against every server, interleaved (a slice for each server in turn) so that a busy moment
 * on the machine falls on all of them alike: one at a time, then rounds of CONCURRENCY at once.
 */
async function loadAll(agent: Agent, targets: readonly Target[]): Promise<Record<ServerKind, ServerFigures>> {
  const samples = new Map(
    targets.map((t) => [t.kind, { one: [] as number[], many: [] as number[], busyMs: 0 }]),
  );
  const cpuBefore = new Map<ServerKind, number>();
  for (const target of targets) cpuBefore.set(target.kind, (await usageOf(target.child)).cpuMs);
  const slice = SEQUENTIAL / 10;
  for (let start = 0; start < SEQUENTIAL; start += slice) {
    for (const target of targets) {
      for (let i = start; i < start + slice; i++)
        samples.get(target.kind)?.one.push(await post(agent, target.port, i));
    }
  }
  for (let round = 0; round < CONCURRENT_ROUNDS; round++) {
    for (const target of targets) {
      const record = samples.get(target.kind);
      const started = performance.now();
      const batch = Array.from({ length: CONCURRENCY }, (_, i) =>
        post(agent, target.port, round * CONCURRENCY + i),
      );
      record?.many.push(...(await Promise.all(batch)));
      if (record) record.busyMs += performance.now() - started;
    }
  }
  const figures = {} as Record<ServerKind, ServerFigures>;
  for (const target of targets) {
    const record = samples.get(target.kind);
    const cpuMs = (await usageOf(target.child)).cpuMs - (cpuBefore.get(target.kind) ?? 0);
    if (record === undefined) continue;
    figures[target.kind] = {
      oneAtATime: { p50: percentile(record.one, 50), p99: percentile(record.one, 99) },
      atOnce: { perSecond: record.many.length / (record.busyMs / 1000), p99: percentile(record.many, 99) },
      cpuPerRequestMs: cpuMs / (record.one.length + record.many.length),
    };
  }
  return figures;
}

// ---------------------------------------------------------------- orchestration

async function spawn(kind: ServerKind, apiUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, kind], {
    env: {
      ...process.env,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: apiUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    },
    // Plain node for the servers: flags of the parent (--input-type, loaders) do not apply to this file.
    execArgv: [],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const message = await nextMessage(child);
  if (!("port" in message)) throw new Error(`${kind} bench server did not report its port`);
  return { child, port: message.port };
}

/** The child's next IPC message; rejects if it exits first (a crash must not hang the bench). */
async function nextMessage(child: ChildProcess): Promise<ChildMessage> {
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`bench child exited with code ${String(code)} before answering`);
  });
  const [message] = (await Promise.race([once(child, "message"), exited])) as [ChildMessage];
  return message;
}

async function usageOf(
  child: ChildProcess,
): Promise<{ rssMb: number; peakRssMb: number | null; cpuMs: number }> {
  child.send("report");
  const message = await nextMessage(child);
  if (!("rssMb" in message)) throw new Error("bench child did not report its usage");
  return message;
}

/** Stands in for the Web API during the bench: the app calls only auth.test at start-up. */
async function startAuthStub(): Promise<{ url: string; close: () => void }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, user_id: "UBOT0DOM0", bot_id: "BBOT0DOM0", team_id: "T0001" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    close: () => server.close(),
  };
}

/** Measures everything, in one run, against the three servers. */
export async function measureSlack(): Promise<SlackFigures> {
  const stub = await startAuthStub();
  const targets: Target[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    for (const kind of SERVER_KINDS) targets.push({ kind, ...(await spawn(kind, stub.url)) });
    const slack = targets[0] as Target;
    const idle = await usageOf(slack.child);
    for (const target of targets) {
      for (let i = 0; i < WARMUP; i += CONCURRENCY) {
        await Promise.all(Array.from({ length: CONCURRENCY }, (_, j) => post(agent, target.port, i + j)));
      }
    }
    const servers = await loadAll(agent, targets);
    const loaded = await usageOf(slack.child);
    return { servers, memory: { idleRssMb: idle.rssMb, rssMb: loaded.rssMb, peakRssMb: loaded.peakRssMb } };
  } finally {
    agent.destroy();
    for (const target of targets) target.child.kill();
    stub.close();
  }
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

const LABELS: Record<ServerKind, string> = {
  slack: "Slack app  ",
  bolt: "Bolt floor ",
  bare: "bare server",
};

/** Prints the Slack figures against the issue's targets. */
export async function run(): Promise<void> {
  const { servers, memory } = await measureSlack();
  const { slack, bare } = servers;
  const ratio = slack.atOnce.perSecond / bare.atOnce.perSecond;
  const peak = memory.peakRssMb ?? memory.rssMb;
  const lines = [
    "Slack: signed /dom0 slash commands over loopback; one at a time (p50, p99), 100 at once (throughput, p99), server CPU per request",
    ...SERVER_KINDS.map((kind) => {
      const f = servers[kind];
      return (
        `  ${LABELS[kind]}  one at a time p50 ${ms(f.oneAtATime.p50)}, p99 ${ms(f.oneAtATime.p99)}` +
        ` | ${CONCURRENCY} at once ${f.atOnce.perSecond.toFixed(0)}/s, p99 ${ms(f.atOnce.p99)}` +
        ` | CPU ${ms(f.cpuPerRequestMs)}/request`
      );
    }),
    `  targets: one at a time p50 < 5 ms: ${mark(slack.oneAtATime.p50 < 5)};` +
      ` 100 at once p99 far inside 3 s: ${mark(slack.atOnce.p99 < 1000)};` +
      ` throughput >= 70% of bare: ${mark(ratio >= 0.7)} (${(ratio * 100).toFixed(0)}%;` +
      ` Bolt floor ${((servers.bolt.atOnce.perSecond / bare.atOnce.perSecond) * 100).toFixed(0)}%)`,
    `  Slack app resident memory (own process): ${memory.idleRssMb.toFixed(1)} MB idle, ${memory.rssMb.toFixed(1)} MB after the load` +
      `${memory.peakRssMb === null ? "" : `, peak ${memory.peakRssMb.toFixed(1)} MB`}; target < 150 MB: ${mark(peak < 150)}`,
  ];
  console.log(lines.join("\n"));
}

if (process.argv[2] === CHILD_FLAG) {
  const kind = process.argv[3];
  await (kind === "bare" ? bareChild() : kind === "bolt" ? boltFloorChild() : slackChild());
}
