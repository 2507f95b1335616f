/** Discord in the platform registry: its variables, and a start that loads discord.js only when configured. */
import type { ChatPlatform } from "../common/platform.js";

export const discordPlatform = {
  name: "discord",
  variables: [
    {
      name: "DISCORD_TOKEN",
      secret: true,
      enables: true,
      how: "discord.com/developers/applications → your app → Bot → Reset Token",
    },
    { name: "DISCORD_APPLICATION_ID", secret: false, enables: false, how: "your app → General Information" },
    {
      name: "DISCORD_GUILD_ID",
      secret: false,
      enables: false,
      how: "optional: register commands in one server",
    },
    { name: "DISCORD_API_URL", secret: false, enables: false, how: "optional: another REST base (tests)" },
  ],
  async start({ core, ops, health, env, stopOnSignal }) {
    const { createDiscordBot, discordConfigFromEnv } = await import("./index.js");
    const config = discordConfigFromEnv(env);
    if (config.shards !== null) {
      // DISCORD_SHARDS: discord.js's ShardingManager, one process per shard, each with its own ops layer.
      const { createDiscordShardManager, runShards } = await import("./sharding.js");
      const manager = await createDiscordShardManager(config);
      // The shards run in their own processes: this one is healthy while the manager has them all.
      health.add({ name: "discord", healthy: () => manager.shards.size === manager.totalShards });
      const shards = runShards(manager);
      // Registered before the shards are ready: a stop while they start stops the ones already running.
      stopOnSignal(shards.stop);
      await shards.ready;
      ops.logger.info({ shards: manager.totalShards }, "discord shards started");
      return { stop: async () => {} };
    }
    const bot = createDiscordBot({ ...config, core, ops, health });
    await bot.start();
    return { stop: () => bot.stop() };
  },
} as const satisfies ChatPlatform;
