/**
 * `npm start`: every chat platform whose variables are set (Slack, Discord, Matrix: see adapters/platforms.ts),
 * in one process, and the web page and HTTP API with WEB_PORT; with none set, the terminal (`npm start --
 * "question"` answers once).
 */
import { existsSync } from "node:fs";

// A `.env` in the working directory (see .env.example): variables already set in the environment win.
const ENV_FILE = process.env["DOM0_ENV_FILE"] ?? ".env";
if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);

const { PLATFORMS } = await import("./platforms.js");
const { isConfigured } = await import("./common/platform.js");
const wanted = PLATFORMS.filter((platform) => isConfigured(platform, process.env));
const wantsWeb = Boolean(process.env["WEB_PORT"]?.trim());

if (wanted.length === 0 && !wantsWeb) {
  const { main } = await import("./terminal/cli.js");
  const args = process.argv.slice(2);
  await main(
    args.length > 0 && args[0] !== "ask" && args[0] !== "report" && !args[0]?.startsWith("-")
      ? ["ask", ...args]
      : args,
  );
} else {
  const { startChat } = await import("./chat.js");
  await startChat(wanted, { web: wantsWeb });
}
