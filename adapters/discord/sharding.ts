import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { REST, Routes, ShardingManager } from "discord.js";
import type { DiscordConfig } from "./config.js";

/** The compiled per-shard script the manager forks, beside this file under dist/. */
export const SHARD_SCRIPT = fileURLToPath(new URL("./shard-main.js", import.meta.url));

/**
 * The shard count to spawn: a number as given, or Discord's recommendation for `auto`, read from GET /gateway/bot
 * through DISCORD_API_URL (discord.js's own `auto` always asks discord.com, whatever the REST base).
 */
export async function resolveShardCount(
  config: Pick<DiscordConfig, "token" | "apiUrl" | "shards">,
): Promise<number> {
  if (typeof config.shards === "number") return config.shards;
  if (config.shards === null) return 1;
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: unknown };
  return typeof gateway.shards === "number" && gateway.shards >= 1 ? gateway.shards : 1;
}

/**
 * One process per shard via discord.js's ShardingManager; each runs the whole bot on its share of the servers.
 * The core is stateless, so shards share nothing and need no coordination.
 */
export async function createDiscordShardManager(
  config: DiscordConfig,
  script: string = SHARD_SCRIPT,
): Promise<ShardingManager> {
  const totalShards = await resolveShardCount(config);
  // The manager hands each child DISCORD_TOKEN, SHARDS and SHARD_COUNT; the rest of the environment passes through.
  // Each shard runs with the flags `npm start` gives the main process (package.json "start").
  return new ShardingManager(script, {
    token: config.token,
    totalShards,
    mode: "process",
    respawn: true,
    execArgv: ["--max-semi-space-size=4"],
  });
}

/** Stops every shard process gracefully (SIGTERM: each finishes its answers in flight) and waits for them. */
export async function stopShards(manager: ShardingManager): Promise<void> {
  manager.respawn = false;
  await Promise.all(
    [...manager.shards.values()].map(async (shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    }),
  );
}

/**
 * Spawns the shards; `stop` may be called at any time, also while shards are still starting (spawning then
 * ends quietly instead of failing on the shard that was stopped before it was ready).
 */
export function runShards(manager: ShardingManager): { ready: Promise<void>; stop: () => Promise<void> } {
  let stopping = false;
  const ready = manager.spawn().then(
    () => undefined,
    (error: unknown) => {
      if (!stopping) throw error;
    },
  );
  return {
    ready,
    stop: () => {
      stopping = true;
      return stopShards(manager);
    },
  };
}
