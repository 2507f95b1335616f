/** `node dist/adapters/discord/sharding-main.js`: the bot across DISCORD_SHARDS processes (`auto` or a number). */
import { ConfigError } from "../../src/errors.js";
import { discordConfigFromEnv } from "./config.js";
import { createDiscordShardManager, stopShards } from "./sharding.js";

try {
  const config = discordConfigFromEnv(process.env);
  const manager = await createDiscordShardManager({ ...config, shards: config.shards ?? "auto" });
  manager.on("shardCreate", (shard) =>
    console.log(`[discord] shard ${shard.id} of ${manager.totalShards} started`),
  );
  // Stopping the manager stops its shards: they are its children, and would otherwise run on as orphans.
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      stopping = true;
      stopShards(manager).then(
        () => process.exit(0),
        (error: unknown) => {
          console.error("[discord] stopping the shards failed:", error);
          process.exit(1);
        },
      );
    });
  }
  // A stop while shards are still starting makes spawn() reject; the stop itself decides the exit code.
  await manager.spawn().catch((error: unknown) => {
    if (!stopping) throw error;
  });
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
