/**
 * One Discord bot process: run alone (`node dist/adapters/discord/shard-main.js`) it is the whole bot on one shard;
 * forked by the ShardingManager it serves the shard ids in SHARDS of SHARD_COUNT (discord.js reads both itself).
 * On SIGTERM or SIGINT it finishes the answers in flight, writes the queued insights and exits 0.
 */
import { ConfigError } from "../../src/errors.js";
import { openCore } from "../../src/open-core.js";
import { installGracefulShutdown } from "../common/shutdown.js";
import { createDiscordBot } from "./bot.js";
import { discordConfigFromEnv } from "./config.js";
import { createDiscordOps } from "./ops.js";

try {
  const config = discordConfigFromEnv(process.env);
  const ops = createDiscordOps(config.token);
  const bot = createDiscordBot({ ...config, core: await openCore(), ops });
  try {
    await bot.start();
  } catch (error) {
    await ops.close();
    throw error;
  }
  installGracefulShutdown({ logger: ops.logger, stops: [() => bot.stop()], cleanups: [() => ops.close()] });
  process.send?.({ dom0: "ready", pid: process.pid });
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
