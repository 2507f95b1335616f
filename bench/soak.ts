/**
 * The soak: the real Slack app (as `npm start` runs it, logs and insights on) under a steady 300 signed slash
 * commands a second for 90 s (SOAK_SECONDS), every one from a user it has not seen before (a pool of 50,000),
 * with its resident memory sampled every 5 s. Target: under 150 MB throughout, nothing lost.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn, startAuthStub, stopChild, usageOf } from "./slack-children.js";
import { post } from "./slack-load.js";
import { ascending, percentile, printTable } from "./stats.js";

const PER_SECOND = 300;
const USERS = 50_000;
const TICK_MS = 100;
const SAMPLE_EVERY_MS = 5000;
const TARGET_RSS_MB = 150;

export async function run(): Promise<void> {
  const seconds = Number(process.env["SOAK_SECONDS"] ?? 90);
  const dir = mkdtempSync(join(tmpdir(), "dom0-soak-"));
  const stub = await startAuthStub();
  const { child, port } = await spawn("slack", stub.url, join(dir, "insights.db"));
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  try {
    const idle = await usageOf(child);
    const samples: number[] = [idle.rssMb];
    const latencies: number[] = [];
    let sent = 0;
    let failed = 0;
    const inFlight = new Set<Promise<void>>();
    const started = performance.now();
    let nextSample = started + SAMPLE_EVERY_MS;
    const perTick = (PER_SECOND * TICK_MS) / 1000;
    while (performance.now() - started < seconds * 1000) {
      const tickStart = performance.now();
      for (let k = 0; k < perTick; k++) {
        const asked = post(agent, port, sent, USERS).then(
          (ms) => void latencies.push(ms),
          () => void failed++,
        );
        sent++;
        inFlight.add(asked);
        void asked.finally(() => inFlight.delete(asked));
      }
      if (performance.now() >= nextSample) {
        samples.push((await usageOf(child)).rssMb);
        nextSample += SAMPLE_EVERY_MS;
      }
      const wait = TICK_MS - (performance.now() - tickStart);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await Promise.all(inFlight);
    const end = await usageOf(child);
    samples.push(end.rssMb);
    const sorted = ascending(latencies);
    const elapsed = (performance.now() - started) / 1000;
    const maxRss = Math.max(...samples);
    printTable(`Soak: the Slack app, ${PER_SECOND} slash commands/s for ${seconds} s, each from a new user`, [
      ["sent", `${sent} (${(sent / elapsed).toFixed(0)}/s) from ${Math.min(sent, USERS)} distinct users`],
      ["answered 200", `${latencies.length}; failed ${failed}`],
      ["latency", `p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms`],
      [
        "resident memory",
        `${idle.rssMb.toFixed(1)} MB idle, ${maxRss.toFixed(1)} MB highest sample, ${end.rssMb.toFixed(1)} MB at the end, peak ${end.peakRssMb?.toFixed(1) ?? "?"} MB (VmHWM)`,
      ],
      ["samples (MB)", samples.map((mb) => mb.toFixed(0)).join(" ")],
      [
        "target",
        `under ${TARGET_RSS_MB} MB: ${(end.peakRssMb ?? maxRss) < TARGET_RSS_MB ? "met" : "NOT met"}`,
      ],
    ]);
  } finally {
    agent.destroy();
    await stopChild(child);
    stub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
