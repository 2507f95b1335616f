/**
 * Discord figures: time from the gateway sending INTERACTION_CREATE to the bot's callback arriving (p50, p99), over
 * loopback against the fake Discord, and the resident memory of the bot, run alone in its own process. Two bots run
 * side by side, asked in turn: one with the operations layer as in production (log line per answer, insights
 * recorded) and one with it idle (`LOG_LEVEL=silent`, `INSIGHTS=0`), so the difference is what logging and recording
 * cost per answer.
 */
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ids from "../tests/fixtures/discord/ids.json" with { type: "json" };
import { type FakeDiscord, startFakeDiscord } from "../tests/support/discord-fake-server.js";
import {
  autocompletePayload,
  callbackFor,
  commandPayload,
  dispatchInteraction,
} from "../tests/support/discord-payloads.js";
import { PRODUCTION_NODE_FLAGS } from "./runtime.js";
import { ascending, percentile } from "./stats.js";

const TOKEN = "bench-bot-token";
const WARMUP = 100;
const SAMPLES = 1000;
/** The compiled bot entry, run as its own process: dist/bench/discord.js → dist/adapters/discord/shard-main.js. */
const BOT_SCRIPT = fileURLToPath(new URL("../adapters/discord/shard-main.js", import.meta.url));
const QUESTIONS = [
  "does CentOS 6.3 work as dom0?",
  "is ubuntu 12.04 OK as dom0?",
  "can debian squeeze be dom0 with xen 4.1?",
  "does FreeBSD 10 work as dom0?",
  "what is dom0?",
];

/** Never reached by the bench's one asker: both bots answer every question. */
const NO_RATE_LIMIT = { RATE_LIMIT_BURST: "100000", RATE_LIMIT_PER_MINUTE: "1000000" };

interface Latency {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** The figures this bench reports, in milliseconds and megabytes. */
export interface DiscordFigures {
  /** With the operations layer as in production: a log line per answer, unanswered questions recorded. */
  command: Latency;
  /** The same questions to a second bot with logging silent and insights off, asked in turn with the first. */
  commandWithoutOps: Latency;
  autocomplete: Latency;
  /** The bot process's CPU time (user + system) per /dom0 answer, with and without the operations layer. */
  cpuPerAnswerMs: number;
  cpuPerAnswerWithoutOpsMs: number;
  /** Right after the gateway was ready, before any interaction. */
  idleRssMb: number;
  /** After the run, and the peak over the process's life. */
  rssMb: number;
  peakRssMb: number;
}

function summary(samples: number[]): Latency {
  const sorted = ascending(samples);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length),
  };
}

/** User + system CPU time a process has used, from /proc (Linux; clock ticks of 10 ms, USER_HZ = 100). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (in parentheses, which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** VmRSS and VmHWM of a process from /proc (Linux), in MB. */
function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb("VmRSS") / 1024, peakRssMb: kb("VmHWM") / 1024 };
}

async function latency(discord: FakeDiscord, payload: Record<string, unknown>): Promise<number> {
  const id = dispatchInteraction(discord, payload);
  const callback = await callbackFor(discord, id, 10_000);
  return callback.receivedAt - (discord.gateway.sentAt.get(id) ?? Number.NaN);
}

/** Starts the compiled bot against `discord`; its log lines (stdout) go to /dev/null, as cheap as a drained pipe. */
async function startBot(discord: FakeDiscord, opsEnv: Record<string, string>): Promise<ChildProcess> {
  const child = fork(BOT_SCRIPT, [], {
    execArgv: PRODUCTION_NODE_FLAGS,
    env: {
      ...process.env,
      ...NO_RATE_LIMIT,
      ...opsEnv,
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: ids.application,
      DISCORD_API_URL: discord.apiUrl,
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const [message] = (await Promise.race([
    once(child, "message"),
    once(child, "exit").then(([code]) => {
      throw new Error(`the bot exited with code ${code} before it was ready`);
    }),
  ])) as [{ dom0?: string }];
  if (message.dom0 !== "ready") throw new Error("the bot did not report ready");
  return child;
}

/** Runs the Discord bench and returns its figures. */
export async function measureDiscord(): Promise<DiscordFigures> {
  const dir = mkdtempSync(join(tmpdir(), "dom0-bench-discord-"));
  const discord = await startFakeDiscord({ token: TOKEN });
  const bareDiscord = await startFakeDiscord({ token: TOKEN });
  const bot = await startBot(discord, {
    LOG_LEVEL: "info",
    INSIGHTS: "1",
    INSIGHTS_DB: join(dir, "insights.db"),
  });
  const bare = await startBot(bareDiscord, { LOG_LEVEL: "silent", INSIGHTS: "0" });
  try {
    const idleRssMb = memoryOf(bot.pid ?? 0).rssMb;
    const ask = (index: number) =>
      commandPayload([{ name: "question", type: 3, value: QUESTIONS[index % QUESTIONS.length] ?? "" }]);
    const complete = (index: number) =>
      autocompletePayload([
        { name: "os", type: 3, value: ["ubnt", "cent", "deb", "", "suse"][index % 5] ?? "", focused: true },
      ]);
    for (let index = 0; index < WARMUP; index += 1) {
      await latency(discord, ask(index));
      await latency(bareDiscord, ask(index));
    }
    const command: number[] = [];
    const commandWithoutOps: number[] = [];
    const cpuBefore = [cpuMsOf(bot.pid ?? 0), cpuMsOf(bare.pid ?? 0)] as const;
    for (let index = 0; index < SAMPLES; index += 1) {
      // The same question to each bot in turn, alternating which goes first, so drift and warmth hit both alike.
      if (index % 2 === 0) {
        command.push(await latency(discord, ask(index)));
        commandWithoutOps.push(await latency(bareDiscord, ask(index)));
      } else {
        commandWithoutOps.push(await latency(bareDiscord, ask(index)));
        command.push(await latency(discord, ask(index)));
      }
    }
    // Let the last log writes and the insights batch (written within 200 ms) land in the CPU count.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cpuPerAnswerMs = (cpuMsOf(bot.pid ?? 0) - cpuBefore[0]) / SAMPLES;
    const cpuPerAnswerWithoutOpsMs = (cpuMsOf(bare.pid ?? 0) - cpuBefore[1]) / SAMPLES;
    const autocomplete: number[] = [];
    for (let index = 0; index < SAMPLES; index += 1)
      autocomplete.push(await latency(discord, complete(index)));
    return {
      command: summary(command),
      commandWithoutOps: summary(commandWithoutOps),
      cpuPerAnswerMs,
      cpuPerAnswerWithoutOpsMs,
      autocomplete: summary(autocomplete),
      idleRssMb,
      ...memoryOf(bot.pid ?? 0),
    };
  } finally {
    for (const child of [bot, bare]) {
      child.kill("SIGTERM");
      if (child.exitCode === null) await once(child, "exit");
    }
    await Promise.all([discord.close(), bareDiscord.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the Discord figures; called by bench/run.ts. */
export async function run(): Promise<void> {
  const figures = await measureDiscord();
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log("Discord (discord.js bot in its own process, fake Discord over loopback)");
  console.log(
    `  /dom0 question, INTERACTION_CREATE sent → callback received: p50 ${ms(figures.command.p50)}, p99 ${ms(figures.command.p99)}, max ${ms(figures.command.max)} (n=${SAMPLES})`,
  );
  const bare = figures.commandWithoutOps;
  const added = (withOps: number, without: number, unit: (delta: number) => string) => {
    const delta = withOps - without;
    const sign = delta >= 0 ? "+" : "-";
    return `${sign}${unit(Math.abs(delta))} (${sign}${Math.abs((delta / without) * 100).toFixed(1)}%)`;
  };
  const micros = (value: number) => `${(value * 1000).toFixed(0)} µs`;
  console.log(
    `  same, to a second bot with LOG_LEVEL=silent INSIGHTS=0, in turn: p50 ${ms(bare.p50)}, p99 ${ms(bare.p99)}, max ${ms(bare.max)} (n=${SAMPLES})`,
  );
  const latencyShare = (figures.command.p50 - bare.p50) / bare.p50;
  console.log(
    `  ops layer (rate limit, log line, insights record) on that path: p50 ${added(figures.command.p50, bare.p50, micros)}, mean ${added(figures.command.mean, bare.mean, micros)}`,
  );
  const cpuShare =
    (figures.cpuPerAnswerMs - figures.cpuPerAnswerWithoutOpsMs) / figures.cpuPerAnswerWithoutOpsMs;
  console.log(
    `  bot CPU per answer: ${ms(figures.cpuPerAnswerMs)} with ops, ${ms(figures.cpuPerAnswerWithoutOpsMs)} without: ${added(figures.cpuPerAnswerMs, figures.cpuPerAnswerWithoutOpsMs, micros)}`,
  );
  console.log(
    `  target, under 10% added per answer: latency ${latencyShare < 0.1 ? "met" : "NOT met"}, CPU ${cpuShare < 0.1 ? "met" : "NOT met"} (the log line and record are written after the reply is sent)`,
  );
  console.log(
    `  os autocomplete, same path:                                  p50 ${ms(figures.autocomplete.p50)}, p99 ${ms(figures.autocomplete.p99)}, max ${ms(figures.autocomplete.max)} (n=${SAMPLES})`,
  );
  const mb = (value: number) => `${value.toFixed(1)} MB`;
  console.log(
    `  bot resident memory: ${mb(figures.idleRssMb)} when ready, ${mb(figures.rssMb)} after the run, peak ${mb(figures.peakRssMb)}`,
  );
  console.log("  targets: p99 under 20 ms, resident memory under 150 MB");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await run();
}
