/** `node dist/adapters/discord/sharding-main.js`: the bot across DISCORD_SHARDS processes (`auto` or a number). */
import { ConfigError } from "../../src/errors.js";
import { discordConfigFromEnv } from "./config.js";
import { createDiscordShardManager, runShards } from "./sharding.js";

try {
  const config = discordConfigFromEnv(process.env);
  const manager = await createDiscordShardManager({ ...config, shards: config.shards ?? "auto" });
  manager.on("shardCreate", (shard) =>
    console.log(`[discord] shard ${shard.id} of ${manager.totalShards} started`),
  );
  // Stopping the manager stops its shards: they are its children, and would otherwise run on as orphans.
  const shards = runShards(manager);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      shards.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error("[discord] stopping the shards failed:", error);
          process.exit(1);
        },
      );
    });
  }
  await shards.ready;
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
