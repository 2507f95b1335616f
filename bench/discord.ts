/**
 * Discord figures: time from the gateway sending INTERACTION_CREATE to the bot's callback arriving (p50, p99), over
 * loopback against the fake Discord, and the resident memory of the bot, run alone in its own process.
 */
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ids from "../tests/fixtures/discord/ids.json" with { type: "json" };
import { type FakeDiscord, startFakeDiscord } from "../tests/support/discord-fake-server.js";
import {
  autocompletePayload,
  callbackFor,
  commandPayload,
  dispatchInteraction,
} from "../tests/support/discord-payloads.js";

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

/** The figures this bench reports, in milliseconds and megabytes. */
export interface DiscordFigures {
  command: { p50: number; p99: number; max: number };
  autocomplete: { p50: number; p99: number; max: number };
  /** Right after the gateway was ready, before any interaction. */
  idleRssMb: number;
  /** After the run, and the peak over the process's life. */
  rssMb: number;
  peakRssMb: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
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

async function startBot(discord: FakeDiscord): Promise<ChildProcess> {
  const child = fork(BOT_SCRIPT, [], {
    env: {
      ...process.env,
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: ids.application,
      DISCORD_API_URL: discord.apiUrl,
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
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
  const discord = await startFakeDiscord({ token: TOKEN });
  const bot = await startBot(discord);
  try {
    const idleRssMb = memoryOf(bot.pid ?? 0).rssMb;
    const ask = (index: number) =>
      commandPayload([{ name: "question", type: 3, value: QUESTIONS[index % QUESTIONS.length] ?? "" }]);
    const complete = (index: number) =>
      autocompletePayload([
        { name: "os", type: 3, value: ["ubnt", "cent", "deb", "", "suse"][index % 5] ?? "", focused: true },
      ]);
    for (let index = 0; index < WARMUP; index += 1) await latency(discord, ask(index));
    const command: number[] = [];
    const autocomplete: number[] = [];
    for (let index = 0; index < SAMPLES; index += 1) {
      command.push(await latency(discord, ask(index)));
      autocomplete.push(await latency(discord, complete(index)));
    }
    return {
      command: summary(command),
      autocomplete: summary(autocomplete),
      idleRssMb,
      ...memoryOf(bot.pid ?? 0),
    };
  } finally {
    bot.kill("SIGTERM");
    if (bot.exitCode === null) await once(bot, "exit");
    await discord.close();
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
