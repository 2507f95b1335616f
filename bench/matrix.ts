/**
 * Matrix figures: the bot as `npm start` runs it (its own process, logs and insights on) against the loopback
 * homeserver of the tests; from the moment a `!dom0` message is stored on the homeserver to the moment the
 * bot's reply arrives there: the sync long-poll waking, the SDK, the shared flow, the send. Target: p99 < 20 ms.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type FakeHomeserver, startFakeHomeserver } from "../tests/support/matrix-fake-homeserver.js";
import { PRODUCTION_NODE_FLAGS } from "./runtime.js";
import { QUESTIONS } from "./slack-load.js";
import { ascending, percentile, printTable } from "./stats.js";

const BOT = "@dom0bot:localhost";
const TOKEN = "syt_bench_matrix_token";
const WARMUP = 50;
const SAMPLES = 500;
const MAIN = fileURLToPath(new URL("../adapters/main.js", import.meta.url));

async function startBot(server: FakeHomeserver, dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, MAIN], {
    cwd: dir,
    env: {
      PATH: process.env["PATH"] ?? "",
      MATRIX_HOMESERVER_URL: server.url,
      MATRIX_ACCESS_TOKEN: TOKEN,
      LOG_LEVEL: "info",
      INSIGHTS: "1",
      RATE_LIMIT_BURST: "100000",
      RATE_LIMIT_PER_MINUTE: "100000",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  for (let tries = 0; !output.includes('"dom0bot started"') && !output.includes("dom0bot started"); tries++) {
    if (child.exitCode !== null || tries > 300) throw new Error(`the Matrix bot did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.stdout?.resume();
  return child;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "dom0-bench-matrix-"));
  const server = await startFakeHomeserver({ userId: BOT, accessToken: TOKEN });
  const askers = Array.from({ length: 50 }, (_, i) => `@user${i}:localhost`);
  const room = server.createRoom({ members: [...askers, BOT], name: "bench" });
  const bot = await startBot(server, dir);
  try {
    const latencies: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const started = performance.now();
      const question = server.sendMessage(room, {
        sender: askers[i % askers.length] as string,
        body: `!dom0 ${QUESTIONS[i % QUESTIONS.length]}`,
      });
      await server.waitForSent(
        (sent) =>
          (sent.content["m.relates_to"] as { "m.in_reply_to"?: { event_id?: string } } | undefined)?.[
            "m.in_reply_to"
          ]?.event_id === question,
        5000,
      );
      if (i >= WARMUP) latencies.push(performance.now() - started);
    }
    const sorted = ascending(latencies);
    const p99 = percentile(sorted, 99);
    printTable(
      "Matrix: !dom0 stored on the homeserver -> the bot's reply received by it (bot in its own process)",
      [
        ["questions", `${SAMPLES} one at a time, after ${WARMUP} to warm up`],
        [
          "latency",
          `p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${sorted.at(-1)?.toFixed(2)} ms`,
        ],
        ["target", `p99 under 20 ms: ${p99 < 20 ? "met" : "NOT met"}`],
      ],
    );
  } finally {
    bot.kill("SIGTERM");
    await once(bot, "exit");
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
