/** The cost of operations per answer: logging (to a non-terminal destination) and insights recording, against
 *  the same answer path without them, in one run. Target: under 10% added time per answer. */
import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pino } from "pino";
import { openInsights } from "../adapters/common/insights.js";
import { createLogger, type Logger, logAnswer } from "../adapters/common/logger.js";
import { createRateLimiter } from "../adapters/common/rate-limit.js";
import { type Dom0Core, loadCore } from "../src/index.js";
import { median } from "./stats.js";

/** A mix as a community asks it: most settled by the table, some unclear or unlisted (those are recorded). */
const QUESTIONS = [
  "does CentOS 6.3 work as dom0?",
  "is debian squeeze OK with xen 4.0?",
  "can ubuntu 12.04 be the dom0?",
  "which distros work as dom0?",
  "what is dom0?",
  "does fedora 18 work as dom0",
  "is SLES 11 SP2 supported?",
  "does NetBSD work as dom0?",
  "does FreeBSD 10 work as dom0?",
  "can Gentoo be my dom0?",
  "what's the best pizza in Cambridge?",
  "hello",
];
const ANSWERS_PER_ROUND = 2_000;
const ROUNDS = 21;

type AnswerPath = (question: string, user: number) => void;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Microseconds per answer. Each answer runs in its own event-loop turn, as a bot's questions arrive, so a log
 *  write completes the way it does in production (not piled into one buffer by a tight loop); `settle` (writing
 *  queued insights) is timed with the round, so batching is not free. */
async function timeRound(path: AnswerPath, settle: () => void): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < ANSWERS_PER_ROUND; i += 1) {
    path(QUESTIONS[i % QUESTIONS.length] ?? "", i % 500);
    await nextTurn();
  }
  settle();
  return ((performance.now() - started) * 1000) / ANSWERS_PER_ROUND;
}

/** Prints per-answer microseconds for the bare path and with logging, recording and both. */
export async function run(core: Dom0Core = loadCore()): Promise<void> {
  const dir = join(tmpdir(), `dom0-bench-ops-${process.pid}`);
  // Asynchronous, as createLogger writes stdout in production: the write itself happens off the answer's thread.
  // As createLogger's own stdout destination: buffered up to 4 KB or a second.
  const logger: Logger = createLogger({
    destination: pino.destination({ dest: "/dev/null", sync: false, minLength: 4096 }),
  });
  const quiet = createLogger({
    level: "warn",
    destination: pino.destination({ dest: "/dev/null", sync: false }),
  });
  const limiter = createRateLimiter({ capacity: 1e9, refillPerSecond: 1e9 });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const store = openInsights({ enabled: true, path: join(dir, "insights.db"), userIds: false }, quiet);
  try {
    if (!store.enabled) throw new Error(`bench: cannot open an insights database under ${dir}`);
    const recordedShare =
      QUESTIONS.map((question) => core.answer(question)).filter(
        (answer) => answer.intent === "unclear" || answer.verdict === "unlisted",
      ).length / QUESTIONS.length;

    const paths: Record<string, AnswerPath> = {
      bare: (question) => {
        core.answer(question);
      },
      logging: (question) => {
        const started = performance.now();
        const answer = core.answer(question);
        logAnswer(logger, { platform: "slack", answer, latencyMs: performance.now() - started });
      },
      recording: (question) => {
        store.recordAnswer({ platform: "slack", answer: core.answer(question) });
      },
      "all (rate limit, logging, recording)": (question, user) => {
        const started = performance.now();
        if (limiter.take(`slack:T1:U${user}`) !== "ok") return;
        const answer = core.answer(question);
        logAnswer(logger, { platform: "slack", answer, latencyMs: performance.now() - started });
        store.recordAnswer({ platform: "slack", answer });
      },
    };
    for (const path of Object.values(paths)) await timeRound(path, store.flush); // warm up
    const samples = new Map<string, number[]>(Object.keys(paths).map((name) => [name, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      // Interleaved so that drift (GC, CPU frequency) hits every path alike.
      for (const [name, path] of Object.entries(paths))
        samples.get(name)?.push(await timeRound(path, store.flush));
    }

    const bare = median(samples.get("bare") ?? []);
    const bareMin = Math.min(...(samples.get("bare") ?? []));
    const added = (value: number, base: number): string => {
      const delta = value - base;
      return `${delta >= 0 ? "+" : ""}${delta.toFixed(2)} us (${delta >= 0 ? "+" : ""}${((delta / base) * 100).toFixed(1)}%)`;
    };
    console.log(`ops: cost per answer over ${ROUNDS} interleaved rounds of ${ANSWERS_PER_ROUND} answers`);
    console.log(
      `  ${Math.round(recordedShare * 100)}% of the question mix is unclear or unlisted, so recorded`,
    );
    console.log(
      `  ${"path".padEnd(38)} ${"median".padStart(9)}  ${"added".padEnd(20)}  ${"fastest".padStart(9)}  added`,
    );
    for (const [name, values] of samples) {
      const perAnswer = median(values);
      const fastest = Math.min(...values);
      const medianAdded = name === "bare" ? "" : added(perAnswer, bare);
      const fastestAdded = name === "bare" ? "" : added(fastest, bareMin);
      console.log(
        `  ${name.padEnd(38)} ${perAnswer.toFixed(2).padStart(6)} us  ${medianAdded.padEnd(20)}  ${fastest.toFixed(2).padStart(6)} us  ${fastestAdded}`,
      );
    }
    const all = median(samples.get("all (rate limit, logging, recording)") ?? []);
    const addedShare = (all - bare) / bare;
    console.log(
      `  target, under 10% added per answer (median): ${addedShare < 0.1 ? "met" : "NOT met"} (${(addedShare * 100).toFixed(1)}%)`,
    );
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
