/**
 * One Discord bot process: run alone (`node dist/adapters/discord/shard-main.js`) it is the whole bot on one shard;
 * forked by the ShardingManager it serves the shard ids in SHARDS of SHARD_COUNT (discord.js reads both itself).
 */
import { ConfigError } from "../../src/errors.js";
import { createDiscordBot } from "./bot.js";
import { discordConfigFromEnv } from "./config.js";

try {
  const bot = createDiscordBot(discordConfigFromEnv(process.env));
  await bot.start();
  const shutdown = () => {
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  process.send?.({ dom0: "ready", pid: process.pid });
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
