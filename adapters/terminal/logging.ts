import type { Dom0Core } from "../../src/types.js";
import type { AnswerEvent } from "../common/logger.js";

/**
 * The terminal's answer log, opt-in: with LOG_LEVEL set, one pino line per answer goes to stderr (stdout is the
 * answers themselves), with the same fields and privacy as the chat adapters. Without it nothing is loaded,
 * so `dom0 ask` starts as fast as before; null then.
 */
export async function answerLogFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Promise<((event: AnswerEvent) => void) | null> {
  if (!env["LOG_LEVEL"]) return null;
  const [{ pino }, { createLogger, logAnswer }, { loadOpsConfig }] = await Promise.all([
    import("pino"),
    import("../common/logger.js"),
    import("../common/config.js"),
  ]);
  const config = loadOpsConfig(env);
  const logger = createLogger({
    level: config.logLevel,
    destination: pino.destination({ dest: 2, sync: true }),
  });
  return (event) => logAnswer(logger, event, { logQuestions: config.logQuestions });
}

/** The core with every answer logged (`dom0 ask`), when LOG_LEVEL asks for it. */
export async function withAnswerLog(core: Dom0Core, env: NodeJS.ProcessEnv = process.env): Promise<Dom0Core> {
  const log = await answerLogFromEnv(env);
  if (log === null) return core;
  return {
    ...core,
    answer(question, options) {
      const started = performance.now();
      const answer = core.answer(question, options);
      log({ platform: "terminal", answer, latencyMs: performance.now() - started });
      return answer;
    },
  };
}
