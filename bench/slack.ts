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
import { Agent, createServer, request } from "node:http";
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
  sequential: { slack: Summary; bare: Summary };
  concurrent: { slack: Throughput; bare: Throughput };
  memory: { idleRssMb: number; rssMb: number; peakRssMb: number | null };
  /** Server CPU time per slash command over the measured runs: independent of what else the machine runs. */
  cpuPerRequestMs: { slack: number; bare: number };
}
interface Summary {
  p50: number;
  p99: number;
}
interface Throughput {
  perSecond: number;
  p99: number;
}
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

/**
 * The baseline: verifies the same v0 signature and staleness, then returns a canned reply: the real Block Kit
 * answer to the first question, rendered once at start-up, so both servers put the same bytes on the wire.
 */
async function bareChild(): Promise<void> {
  const { loadCore } = await import("../src/index.js");
  const { renderSlackBlocks } = await import("../adapters/slack/index.js");
  const answer = loadCore().answer(QUESTIONS[0] ?? "");
  const canned = JSON.stringify({
    response_type: "ephemeral",
    ...renderSlackBlocks(answer, { share: true, showQuestion: true }),
  });
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

async function sequential(agent: Agent, port: number): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) samples.push(await post(agent, port, i));
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

async function concurrent(agent: Agent, port: number): Promise<Throughput> {
  const samples: number[] = [];
  const started = performance.now();
  for (let round = 0; round < CONCURRENT_ROUNDS; round++) {
    const batch = Array.from({ length: CONCURRENCY }, (_, i) => post(agent, port, round * CONCURRENCY + i));
    samples.push(...(await Promise.all(batch)));
  }
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: samples.length / seconds, p99: percentile(samples, 99) };
}

// ---------------------------------------------------------------- orchestration

async function spawn(kind: "slack" | "bare", apiUrl: string): Promise<{ child: ChildProcess; port: number }> {
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

/** Runs the sequential and concurrent load against one server, with the server's CPU time spent on it. */
async function load(agent: Agent, target: { child: ChildProcess; port: number }) {
  const before = await usageOf(target.child);
  const oneAtATime = await sequential(agent, target.port);
  const atOnce = await concurrent(agent, target.port);
  const after = await usageOf(target.child);
  const requests = SEQUENTIAL + CONCURRENCY * CONCURRENT_ROUNDS;
  return { oneAtATime, atOnce, cpuPerRequestMs: (after.cpuMs - before.cpuMs) / requests, after };
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

/** Measures everything, in one run, against both servers. */
export async function measureSlack(): Promise<SlackFigures> {
  const stub = await startAuthStub();
  const slack = await spawn("slack", stub.url);
  const bare = await spawn("bare", stub.url);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const idle = await usageOf(slack.child);
    for (const target of [slack, bare]) {
      for (let i = 0; i < WARMUP; i += CONCURRENCY) {
        await Promise.all(Array.from({ length: CONCURRENCY }, (_, j) => post(agent, target.port, i + j)));
      }
    }
    const slackRun = await load(agent, slack);
    const bareRun = await load(agent, bare);
    return {
      sequential: { slack: slackRun.oneAtATime, bare: bareRun.oneAtATime },
      concurrent: { slack: slackRun.atOnce, bare: bareRun.atOnce },
      memory: { idleRssMb: idle.rssMb, rssMb: slackRun.after.rssMb, peakRssMb: slackRun.after.peakRssMb },
      cpuPerRequestMs: { slack: slackRun.cpuPerRequestMs, bare: bareRun.cpuPerRequestMs },
    };
  } finally {
    agent.destroy();
    slack.child.kill();
    bare.child.kill();
    stub.close();
  }
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

/** Prints the Slack figures against the issue's targets. */
export async function run(): Promise<void> {
  const f = await measureSlack();
  const ratio = f.concurrent.slack.perSecond / f.concurrent.bare.perSecond;
  const peak = f.memory.peakRssMb ?? f.memory.rssMb;
  const lines = [
    "Slack: signed /dom0 slash commands over loopback (real Bolt app vs bare node:http with the same signature check)",
    `  one at a time (${SEQUENTIAL}): Slack p50 ${ms(f.sequential.slack.p50)}, p99 ${ms(f.sequential.slack.p99)}` +
      ` | bare p50 ${ms(f.sequential.bare.p50)}, p99 ${ms(f.sequential.bare.p99)}` +
      `   [target p50 < 5 ms: ${mark(f.sequential.slack.p50 < 5)}]`,
    `  ${CONCURRENCY} at once (${CONCURRENT_ROUNDS} rounds): Slack ${f.concurrent.slack.perSecond.toFixed(0)}/s, p99 ${ms(f.concurrent.slack.p99)}` +
      ` | bare ${f.concurrent.bare.perSecond.toFixed(0)}/s, p99 ${ms(f.concurrent.bare.p99)}` +
      `   [throughput ${(ratio * 100).toFixed(0)}% of bare, target >= 70%: ${mark(ratio >= 0.7)};` +
      ` p99 < 3000 ms: ${mark(f.concurrent.slack.p99 < 3000)}]`,
    `  server CPU per request: Slack ${ms(f.cpuPerRequestMs.slack)}, bare ${ms(f.cpuPerRequestMs.bare)}`,
    `  Slack app resident memory: ${f.memory.idleRssMb.toFixed(1)} MB idle, ${f.memory.rssMb.toFixed(1)} MB after the load` +
      `${f.memory.peakRssMb === null ? "" : `, peak ${f.memory.peakRssMb.toFixed(1)} MB`}   [target < 150 MB: ${mark(peak < 150)}]`,
  ];
  console.log(lines.join("\n"));
}

if (process.argv[2] === CHILD_FLAG) {
  await (process.argv[3] === "bare" ? bareChild() : slackChild());
}
