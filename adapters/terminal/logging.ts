import type { Dom0Core } from "../../src/types.js";

/**
 * The terminal's answer log, opt-in: with LOG_LEVEL set, one pino line per answer goes to stderr (stdout is the
 * answers themselves), with the same fields and privacy as the chat adapters. Without it nothing is loaded,
 * so `dom0 ask` starts as fast as before.
 */
export async function withAnswerLog(core: Dom0Core, env: NodeJS.ProcessEnv = process.env): Promise<Dom0Core> {
  if (!env["LOG_LEVEL"]) return core;
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
  return {
    ...core,
    answer(question) {
      const started = performance.now();
      const answer = core.answer(question);
      const latencyMs = performance.now() - started;
      logAnswer(logger, { platform: "terminal", answer, latencyMs }, { logQuestions: config.logQuestions });
      return answer;
    },
  };
}
