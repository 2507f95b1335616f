/** `node dist/adapters/discord/sharding-main.js`: the bot across DISCORD_SHARDS processes (`auto` or a number). */
import { ConfigError } from "../../src/errors.js";
import { discordConfigFromEnv } from "./config.js";
import { createDiscordShardManager } from "./sharding.js";

try {
  const config = discordConfigFromEnv(process.env);
  const manager = await createDiscordShardManager({ ...config, shards: config.shards ?? "auto" });
  manager.on("shardCreate", (shard) =>
    console.log(`[discord] shard ${shard.id} of ${manager.totalShards} started`),
  );
  await manager.spawn();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
