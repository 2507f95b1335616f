/**
 * Slack figures: signed `/dom0` slash commands over loopback, one at a time (p50, p99) and 100 at once
 * (throughput, p99), against the real Bolt app and, in the same run, against the same app with a no-op
 * operations layer (what logs, limits and insights cost), Bolt's floor, and a bare node:http server that
 * checks the same signature and returns a canned answer; plus the Slack app's resident memory, measured in
 * a process of its own. Every server is a child process (bench/slack-servers.ts); the load is in
 * bench/slack-load.ts.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn, startAuthStub, stopChild, usageOf } from "./slack-children.js";
import { post } from "./slack-load.js";
import type { ServerKind } from "./slack-servers.js";
import { ascending, percentile } from "./stats.js";

const WARMUP = 300;
const SEQUENTIAL = 1000;
const SEQUENTIAL_SLICE = 50;
const CONCURRENCY = 100;
const CONCURRENT_ROUNDS = 20;

/** Latencies in ms, throughput in requests per second, memory in MB. */
export interface SlackFigures {
  /** The Slack app with and without its operations layer, Bolt's floor and the bare node:http server. */
  servers: Record<ServerKind, ServerFigures>;
  memory: { idleRssMb: number; rssMb: number; peakRssMb: number | null };
  /** The same app with the no-op operations layer: what logs, limits and insights cost in memory. */
  memoryNoOps: { idleRssMb: number; peakRssMb: number | null };
}
export interface ServerFigures {
  oneAtATime: { p50: number; p99: number };
  atOnce: { perSecond: number; p99: number };
  /** Server CPU time per slash command over the measured runs: less sensitive to what else the machine runs. */
  cpuPerRequestMs: number;
}
const SERVER_KINDS: readonly ServerKind[] = ["slack", "slackNoOps", "bolt", "bare"];

// ---------------------------------------------------------------- the load

interface Target {
  kind: ServerKind;
  child: ChildProcess;
  port: number;
}

/**
 * Runs the load against every server, interleaved (a slice for each server in turn) so that a busy moment
 * on the machine falls on all of them alike: one at a time, then rounds of CONCURRENCY at once. Slices are
 * short (the ops layer's cost is a few percent, so both Slack apps must see the same moments) but long
 * enough for a server to be warm, as it is when answering a steady stream (request by request, every
 * request would meet a cold server and each p50 would rise by about a third).
 */
async function loadAll(agent: Agent, targets: readonly Target[]): Promise<Record<ServerKind, ServerFigures>> {
  const samples = new Map(
    targets.map((t) => [t.kind, { one: [] as number[], many: [] as number[], busyMs: 0 }]),
  );
  const cpuBefore = new Map<ServerKind, number>();
  for (const target of targets) cpuBefore.set(target.kind, (await usageOf(target.child)).cpuMs);
  for (let start = 0; start < SEQUENTIAL; start += SEQUENTIAL_SLICE) {
    for (const target of targets) {
      for (let i = start; i < start + SEQUENTIAL_SLICE; i++)
        samples.get(target.kind)?.one.push(await post(agent, target.port, i));
    }
  }
  for (let round = 0; round < CONCURRENT_ROUNDS; round++) {
    // Each round starts with another server: none is always the one that meets the machine right after a pause.
    const order = targets.map((_, i) => targets[(i + round) % targets.length] as Target);
    for (const target of order) {
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
      oneAtATime: { p50: percentile(ascending(record.one), 50), p99: percentile(ascending(record.one), 99) },
      atOnce: {
        perSecond: record.many.length / (record.busyMs / 1000),
        p99: percentile(ascending(record.many), 99),
      },
      cpuPerRequestMs: cpuMs / (record.one.length + record.many.length),
    };
  }
  return figures;
}

// ---------------------------------------------------------------- orchestration

/** Measures everything, in one run, against the four servers. */
export async function measureSlack(): Promise<SlackFigures> {
  const stub = await startAuthStub();
  const targets: Target[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const dir = mkdtempSync(join(tmpdir(), "dom0-bench-slack-"));
  try {
    for (const kind of SERVER_KINDS) {
      targets.push({ kind, ...(await spawn(kind, stub.url, join(dir, "insights.db"))) });
    }
    const [slack, noOps] = targets as [Target, Target];
    const idle = await usageOf(slack.child);
    const idleNoOps = await usageOf(noOps.child);
    for (const target of targets) {
      for (let i = 0; i < WARMUP; i += CONCURRENCY) {
        await Promise.all(Array.from({ length: CONCURRENCY }, (_, j) => post(agent, target.port, i + j)));
      }
    }
    const servers = await loadAll(agent, targets);
    const loaded = await usageOf(slack.child);
    const loadedNoOps = await usageOf(noOps.child);
    return {
      servers,
      memory: { idleRssMb: idle.rssMb, rssMb: loaded.rssMb, peakRssMb: loaded.peakRssMb },
      memoryNoOps: { idleRssMb: idleNoOps.rssMb, peakRssMb: loadedNoOps.peakRssMb },
    };
  } finally {
    agent.destroy();
    await Promise.all(targets.map((target) => stopChild(target.child)));
    stub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

const LABELS: Record<ServerKind, string> = {
  slack: "Slack app            ",
  slackNoOps: "Slack app, no-op ops ",
  bolt: "Bolt floor           ",
  bare: "bare server          ",
};

const signed = (value: number, unit: string) => `${value >= 0 ? "+" : ""}${value.toFixed(3)} ${unit}`;
const share = (part: number, whole: number) => `${part >= 0 ? "+" : ""}${((part / whole) * 100).toFixed(1)}%`;

/** What the operations layer (rate limit, answer log line, insights) adds to a signed slash command. */
function opsCostLine(servers: Record<ServerKind, ServerFigures>): string {
  const { slack, slackNoOps } = servers;
  const addedP50 = slack.oneAtATime.p50 - slackNoOps.oneAtATime.p50;
  const addedCpu = slack.cpuPerRequestMs - slackNoOps.cpuPerRequestMs;
  return (
    `  ops layer (rate limit, answer log line, insights) per slash command: one at a time p50 ${signed(addedP50, "ms")}` +
    ` (${share(addedP50, slackNoOps.oneAtATime.p50)}), CPU ${signed(addedCpu, "ms")} (${share(addedCpu, slackNoOps.cpuPerRequestMs)});` +
    ` target < 10% added per answer: ${mark(addedP50 / slackNoOps.oneAtATime.p50 < 0.1)}`
  );
}

/** Prints the Slack figures against the issue's targets. */
export async function run(): Promise<void> {
  const { servers, memory, memoryNoOps } = await measureSlack();
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
    opsCostLine(servers),
    `  Slack app resident memory (own process): ${memory.idleRssMb.toFixed(1)} MB idle, ${memory.rssMb.toFixed(1)} MB after the load` +
      `${memory.peakRssMb === null ? "" : `, peak ${memory.peakRssMb.toFixed(1)} MB`}; target < 150 MB: ${mark(peak < 150)}` +
      ` (with the no-op ops layer: ${memoryNoOps.idleRssMb.toFixed(1)} MB idle` +
      `${memoryNoOps.peakRssMb === null ? "" : `, peak ${memoryNoOps.peakRssMb.toFixed(1)} MB`})`,
  ];
  console.log(lines.join("\n"));
}
