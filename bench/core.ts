import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { createCore, type Dataset, type Dom0Core, loadDataset } from "../src/index.js";
import { BENCH_QUESTIONS, LONG_MESSAGE } from "./questions.js";
import { formatMicros, median, percentile, printTable } from "./stats.js";

const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/dom0.js");

/** Per-question latency in process after warm-up: every question timed alone, many rounds. */
function latency(core: Dom0Core, rounds: number, questions = BENCH_QUESTIONS): { p50: number; p99: number } {
  for (let i = 0; i < 20_000; i++) core.answer(questions[i % questions.length] as string);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      const started = process.hrtime.bigint();
      core.answer(question);
      samples.push(Number(process.hrtime.bigint() - started));
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/**
 * The machine's own tail: a busy loop as long as a median answer, timed the same way. On a shared VM, being
 * descheduled for a moment lands in some samples whatever runs, so an answer's p99 is read against this one.
 */
function floor(nanos: number, count: number): { p50: number; p99: number } {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    while (Number(process.hrtime.bigint() - started) < nanos) {
      // spin
    }
    samples.push(Number(process.hrtime.bigint() - started));
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** Latency of questions holding a word never seen before, so the typo search runs uncached every time. */
function unseenWordLatency(core: Dom0Core, count: number): { p50: number; p99: number } {
  const word = (i: number) => {
    let letters = "";
    for (let n = i + 500_000; n > 0; n = Math.floor(n / 26)) letters += String.fromCharCode(97 + (n % 26));
    return letters;
  };
  for (let i = 0; i < 2000; i++) core.answer(`does ${word(i + 5_000_000)} work as dom0?`);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const question = `does ${word(i)} work as dom0?`;
    const started = process.hrtime.bigint();
    core.answer(question);
    samples.push(Number(process.hrtime.bigint() - started));
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** A dataset 100 times the real one: every product copied 100 times under new names, aliases and releases. */
function scaled(data: Dataset, factor: number): Dataset {
  const products = data.products.flatMap((product) =>
    Array.from({ length: factor }, (_, copy) =>
      copy === 0
        ? product
        : {
            ...product,
            name: `${product.name} Copy${copy}`,
            aliases: product.aliases.map((alias) => `${alias}x${copy}`),
            variants: product.variants?.map((variant) => ({
              ...variant,
              aliases: variant.aliases.map((alias) => `${alias}x${copy}`),
            })),
            releases: product.releases.map((release) => ({
              ...release,
              codename: release.codename ? `${release.codename}x${copy}` : undefined,
              aliases: release.aliases?.map((alias) => `${alias}x${copy}`),
            })),
          },
    ),
  );
  const unlisted = data.unlisted.flatMap((system) =>
    Array.from({ length: factor }, (_, copy) =>
      copy === 0
        ? system
        : { ...system, name: `${system.name}${copy}`, aliases: system.aliases.map((a) => `${a}y${copy}`) },
    ),
  );
  return { ...data, products, unlisted };
}

/** Lines a second through `dom0 ask --json --stdin`, process start included. */
async function throughput(lines: number): Promise<number> {
  const input = `${Array.from({ length: lines }, (_, i) => BENCH_QUESTIONS[i % BENCH_QUESTIONS.length]).join("\n")}\n`;
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "ask", "--json", "--stdin"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  let received = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 10) received++;
  });
  child.stdin.end(input);
  await new Promise((resolve) => child.on("close", resolve));
  const seconds = (performance.now() - started) / 1000;
  if (received !== lines) throw new Error(`--stdin answered ${received} of ${lines} lines`);
  return lines / seconds;
}

/** Median wall time of a command over several runs, alternating with the baseline so both see the same machine. */
function coldStart(runs: number): { bare: number; ask: number } {
  const time = (args: string[]) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
    if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}`);
    return performance.now() - started;
  };
  time([BIN, "ask", "warm the data cache"]);
  const bare: number[] = [];
  const ask: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(time(["-e", "0"]));
    ask.push(time([BIN, "ask", "does CentOS 6.3 work as dom0?"]));
  }
  return { bare: median(bare), ask: median(ask) };
}

export async function run(): Promise<void> {
  const data = loadDataset();
  // A fixed day, so runs compare: every source counts on it.
  const core = createCore(data, { asOf: "2026-12-02" });
  const real = latency(core, 4000);
  const page2014 = latency(createCore(data, { asOf: "2014-04-18" }), 4000);
  const machine = floor(real.p50, 100_000);
  // One-line questions alone (the bench mix holds a few FAQ and list answers that name whole tables).
  const oneLine = latency(
    core,
    4000,
    BENCH_QUESTIONS.filter((question) => core.answer(question).intent === "support"),
  );
  const long = latency(core, 20_000, [LONG_MESSAGE]);
  const longAnswers = core.answer(LONG_MESSAGE).answers?.length ?? 1;
  const bigCore = createCore(scaled(data, 100));
  const big = latency(bigCore, 1000);
  // Lists and "not in the table" answers name every row or product, so they grow with the data by nature;
  // the rest should not.
  const fixedSize = BENCH_QUESTIONS.filter((question) => {
    const answer = core.answer(question);
    return answer.intent !== "list" && answer.verdict !== "unlisted";
  });
  const realFixed = latency(core, 1000, fixedSize);
  const bigFixed = latency(bigCore, 1000, fixedSize);
  const unseen = unseenWordLatency(core, 5000);
  const perSecond = await throughput(100_000);
  const cold = coldStart(15);
  printTable("Core: per-question latency in process (after 20,000 warm-up answers)", [
    ["p50", formatMicros(real.p50)],
    ["p99 (target < 50 µs)", formatMicros(real.p99)],
    [
      "p50 / p99, one-line support questions (target p99 < 50 µs)",
      `${formatMicros(oneLine.p50)} / ${formatMicros(oneLine.p99)}`,
    ],
    [
      `p50 / p99, a ${LONG_MESSAGE.length}-character message naming five systems (${longAnswers} answers; target p99 < 500 µs)`,
      `${formatMicros(long.p50)} / ${formatMicros(long.p99)}`,
    ],
    [
      "p50 / p99 of a busy loop as long as that p50, same run (this machine's floor)",
      `${formatMicros(machine.p50)} / ${formatMicros(machine.p99)}`,
    ],
    [
      "p50 / p99, every source (2026-12-02) vs the 2014 page alone (--as-of 2014-04-18), same run",
      `${formatMicros(real.p50)} / ${formatMicros(real.p99)} vs ${formatMicros(page2014.p50)} / ${formatMicros(page2014.p99)} (${(real.p50 / page2014.p50).toFixed(2)}x / ${(real.p99 / page2014.p99).toFixed(2)}x)`,
    ],
    [
      "p50 / p99, a word never seen before (typo search uncached)",
      `${formatMicros(unseen.p50)} / ${formatMicros(unseen.p99)}`,
    ],
    ["p50, dataset x100", `${formatMicros(big.p50)} (${(big.p50 / real.p50).toFixed(2)}x the real dataset)`],
    ["p99, dataset x100", `${formatMicros(big.p99)} (${(big.p99 / real.p99).toFixed(2)}x)`],
    [
      `p50 / p99, x100, the ${fixedSize.length} questions whose answer does not list the table`,
      `${formatMicros(bigFixed.p50)} / ${formatMicros(bigFixed.p99)} (${(bigFixed.p50 / realFixed.p50).toFixed(2)}x / ${(bigFixed.p99 / realFixed.p99).toFixed(2)}x the real dataset)`,
    ],
  ]);
  printTable("Terminal: dom0 ask", [
    [
      "--json --stdin, 100,000 lines (target > 20,000/s)",
      `${Math.round(perSecond).toLocaleString("en")} questions/s`,
    ],
    ["cold start, node -e 0 (median of 15)", `${cold.bare.toFixed(1)} ms`],
    ["cold start, dom0 ask (median of 15)", `${cold.ask.toFixed(1)} ms`],
    ["ratio (target < 3x)", `${(cold.ask / cold.bare).toFixed(2)}x bare Node`],
  ]);
}
