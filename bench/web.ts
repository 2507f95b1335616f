/**
 * Web figures: `GET /api/ask` over loopback from a fixed number of concurrent keep-alive clients, each asking
 * in a loop, against the web adapter (hono, security headers, validation, rate limit, answer log, insights),
 * the same with a no-op operations layer, and a bare node:http server that returns the same answer bytes
 * canned, all in the same run: throughput, latency and CPU per request of each, and the ratio to bare. The
 * questions are the Slack bench's mix, so after the first round every answer comes from the adapter's answer
 * cache, as popular questions do (the core's own cost per answer is bench/core.ts's). Each server is a child
 * process of this file (`--web-bench-child KIND`).
 */
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PRODUCTION_NODE_FLAGS } from "./runtime.js";
import { QUESTIONS } from "./slack-load.js";
import { ascending, percentile } from "./stats.js";

const CHILD_FLAG = "--web-bench-child";
type ServerKind = "web" | "webNoOps" | "bare";
const KINDS: readonly ServerKind[] = ["web", "webNoOps", "bare"];
const CLIENTS = 32;
const WARMUP_PER_CLIENT = 200;
/** Rounds alternate between the servers, so a busy moment on the machine falls on both alike. */
const ROUNDS = 10;
const PER_CLIENT_PER_ROUND = 50;
const PATHS = QUESTIONS.map((question) => `/api/ask?${new URLSearchParams({ q: question })}`);

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  bytes: number;
  /** Server CPU time per request over the measured rounds: steadier than throughput on a shared machine. */
  cpuMs: number;
}

interface Target {
  kind: ServerKind;
  child: ChildProcess;
  port: number;
}

/** One GET; resolves with its latency in ms and the body's size, rejects unless it is a 200. */
function get(agent: Agent, port: number, path: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: "127.0.0.1", port, path }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on("end", () => {
        if (res.statusCode === 200) resolve({ ms: performance.now() - started, bytes });
        else reject(new Error(`${path} answered ${res.statusCode}`));
      });
    });
    req.on("error", reject);
    req.end();
  });
}

/** CLIENTS clients at once, each asking `count` questions one after another (the mix in turn). */
async function burst(agent: Agent, port: number, count: number, into?: { ms: number[]; bytes: number }) {
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; i < count; i++) {
        const sample = await get(agent, port, PATHS[(client + i) % PATHS.length] as string);
        into?.ms.push(sample.ms);
        if (into) into.bytes += sample.bytes;
      }
    }),
  );
}

interface Samples {
  ms: number[];
  bytes: number;
  busyMs: number;
  cpuMs: number;
}

async function measure(targets: readonly Target[]): Promise<Record<ServerKind, Figures>> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const samples = new Map<ServerKind, Samples>(
    targets.map((target) => [target.kind, { ms: [], bytes: 0, busyMs: 0, cpuMs: 0 }]),
  );
  try {
    for (const target of targets) await burst(agent, target.port, WARMUP_PER_CLIENT);
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        const record = samples.get(target.kind) as Samples;
        const cpuBefore = await cpuOf(target.child);
        const started = performance.now();
        await burst(agent, target.port, PER_CLIENT_PER_ROUND, record);
        record.busyMs += performance.now() - started;
        record.cpuMs += (await cpuOf(target.child)) - cpuBefore;
      }
    }
  } finally {
    agent.destroy();
  }
  const figures = {} as Record<ServerKind, Figures>;
  for (const [kind, { ms, bytes, busyMs, cpuMs }] of samples) {
    const sorted = ascending(ms);
    figures[kind] = {
      perSecond: ms.length / (busyMs / 1000),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      bytes: bytes / ms.length,
      cpuMs: cpuMs / ms.length,
    };
  }
  return figures;
}

/** The child's CPU time so far (user and system), in ms. */
async function cpuOf(child: ChildProcess): Promise<number> {
  child.send("cpu");
  const [message] = (await once(child, "message")) as [{ cpuMs: number }];
  return message.cpuMs;
}

async function spawn(kind: ServerKind, insightsDb: string): Promise<Target> {
  const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, kind], {
    env: {
      ...process.env,
      // As in production: an answer line per question (to /dev/null here), insights in a file, a limit no
      // bench client reaches (the limiter still runs), today's answers.
      LOG_LEVEL: "info",
      INSIGHTS: "1",
      INSIGHTS_DB: insightsDb,
      RATE_LIMIT_BURST: "100000",
      DOM0_AS_OF: "",
    },
    execArgv: PRODUCTION_NODE_FLAGS,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`web bench ${kind} server exited with code ${String(code)} before listening`);
  });
  const [message] = (await Promise.race([once(child, "message"), exited])) as [{ port: number }];
  return { kind, child, port: message.port };
}

/** Measures the three servers in one run. */
export async function measureWeb(): Promise<Record<ServerKind, Figures>> {
  const dir = mkdtempSync(join(tmpdir(), "dom0-bench-web-"));
  const targets: Target[] = [];
  try {
    for (const kind of KINDS) targets.push(await spawn(kind, join(dir, "insights.db")));
    return await measure(targets);
  } finally {
    await Promise.all(
      targets.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, "exit");
        child.kill();
        await exited;
      }),
    );
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the figures against the target. */
export async function run(): Promise<void> {
  const figures = await measureWeb();
  const ratio = figures.web.perSecond / figures.bare.perSecond;
  const total = ROUNDS * CLIENTS * PER_CLIENT_PER_ROUND;
  const line = (label: string, f: Figures) =>
    `  ${label}  ${f.perSecond.toFixed(0)}/s, p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms,` +
    ` CPU ${(f.cpuMs * 1000).toFixed(0)} µs/request (${f.bytes.toFixed(0)} bytes a body)`;
  console.log(
    [
      `Web: GET /api/ask over loopback, ${CLIENTS} concurrent keep-alive clients, ${total} requests per server`,
      line("web adapter (hono)      ", figures.web),
      line("the same, no-op ops     ", figures.webNoOps),
      line("bare node:http, canned  ", figures.bare),
      `  throughput >= 70% of bare: ${ratio >= 0.7 ? "ok" : "MISSED"} (${(ratio * 100).toFixed(0)}%;` +
        ` by CPU per request ${((figures.bare.cpuMs / figures.web.cpuMs) * 100).toFixed(0)}%)`,
    ].join("\n"),
  );
}

// ---------------------------------------------------------------- the servers (child processes)

/**
 * The real web adapter, configured as `dom0 serve` configures it; with `noOps`, its operations layer admits
 * everyone and logs and records nothing: the difference is what logs, limits and insights cost.
 */
async function webChild(noOps: boolean): Promise<number> {
  const { createOps } = await import("../adapters/common/ops.js");
  const { openCore } = await import("../src/open-core.js");
  const { startWeb } = await import("../adapters/web/index.js");
  let ops = createOps();
  if (noOps) ops = { ...ops, admit: () => "ok", answered: () => {}, rated: () => false };
  const web = await startWeb({ core: await openCore(), ops, port: 0, host: "127.0.0.1" });
  return web.port;
}

/** The baseline: the same answer bytes for the same path, rendered once at start-up. */
async function bareChild(): Promise<number> {
  const { openCore } = await import("../src/open-core.js");
  const core = await openCore();
  const canned = new Map(PATHS.map((path, i) => [path, JSON.stringify(core.answer(QUESTIONS[i] ?? ""))]));
  const server = createServer((req, res) => {
    const body = canned.get(req.url ?? "");
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

if (process.argv[2] === CHILD_FLAG) {
  const kind = process.argv[3] as ServerKind;
  const port = kind === "bare" ? await bareChild() : await webChild(kind === "webNoOps");
  process.on("message", () => {
    const cpu = process.cpuUsage();
    process.send?.({ cpuMs: (cpu.user + cpu.system) / 1000 });
  });
  process.send?.({ port });
}
