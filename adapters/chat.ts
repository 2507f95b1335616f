import { ConfigError, Dom0Error, loadCore } from "../src/index.js";

/** Starts the chat adapters the environment asks for, sharing one core; both run in one process. */
export async function startChat(wanted: { slack: boolean; discord: boolean }): Promise<void> {
  try {
    const core = loadCore();
    const stops: Array<() => Promise<void>> = [];
    if (wanted.slack) {
      const { createSlackApp, slackConfigFromEnv } = await import("./slack/index.js");
      const app = createSlackApp(slackConfigFromEnv(process.env), { core });
      await app.start();
      stops.push(() => app.stop());
    }
    if (wanted.discord) {
      const { createDiscordBot, discordConfigFromEnv } = await import("./discord/index.js");
      const bot = createDiscordBot({ ...discordConfigFromEnv(process.env), core });
      await bot.start();
      stops.push(() => bot.stop());
    }
    const stopAll = () => {
      Promise.allSettled(stops.map((stop) => stop())).then(() => process.exit(0));
    };
    process.once("SIGTERM", stopAll);
    process.once("SIGINT", stopAll);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof Dom0Error) {
      process.stderr.write(`dom0bot: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
