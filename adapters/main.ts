/**
 * `npm start`: the Slack app when its variables are set, the Discord bot when DISCORD_TOKEN is, both when
 * both are, else the terminal (`npm start -- "question"` answers once).
 */
import { existsSync } from "node:fs";

// A `.env` in the working directory (see .env.example): variables already set in the environment win.
const ENV_FILE = process.env["DOM0_ENV_FILE"] ?? ".env";
if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);

const env = process.env;
const wantsSlack = Boolean(env["SLACK_BOT_TOKEN"] || env["SLACK_SIGNING_SECRET"] || env["SLACK_APP_TOKEN"]);
const wantsDiscord = Boolean(env["DISCORD_TOKEN"]);

if (!wantsSlack && !wantsDiscord) {
  const { main } = await import("./terminal/cli.js");
  const args = process.argv.slice(2);
  await main(
    args.length > 0 && args[0] !== "ask" && args[0] !== "report" && !args[0]?.startsWith("-")
      ? ["ask", ...args]
      : args,
  );
} else {
  const { startChat } = await import("./chat.js");
  await startChat({ slack: wantsSlack, discord: wantsDiscord });
}
