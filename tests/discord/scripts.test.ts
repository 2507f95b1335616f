import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { type FakeDiscord, startFakeDiscord } from "../support/discord-fake-server.js";
import { TEST_TOKEN } from "../support/discord-harness.js";

/** The compiled entries, as `npm run discord:register` and the sharding entry run them (tests/global-setup.ts builds dist/). */
const dist = (file: string) => fileURLToPath(new URL(`../../dist/adapters/discord/${file}`, import.meta.url));
const run = promisify(execFile);

let discord: FakeDiscord;
beforeAll(async () => {
  discord = await startFakeDiscord({ token: TEST_TOKEN, shards: 2 });
});
afterAll(async () => discord?.close());

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DISCORD_GUILD_ID: _guild, DISCORD_SHARDS: _shards, ...rest } = process.env;
  // INSIGHTS=0: the bot processes would otherwise create ./dom0bot-insights.db in the working tree.
  return {
    ...rest,
    DISCORD_APPLICATION_ID: ids.application,
    DISCORD_API_URL: discord.apiUrl,
    INSIGHTS: "0",
    ...extra,
  };
}

describe.concurrent("npm run discord:register (compiled)", () => {
  it("registers /dom0 in the server and says so", async () => {
    const { stdout } = await run(process.execPath, [dist("register.js")], {
      env: env({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_GUILD_ID: ids.guild }),
    });
    expect(stdout).toContain(`Registered /dom0 in server ${ids.guild}`);
    expect(
      discord.rest.commands.get(`/applications/${ids.application}/guilds/${ids.guild}/commands`),
    ).toHaveLength(1);
  });

  it.each([
    [{ DISCORD_TOKEN: "stale" }, /Discord refused DISCORD_TOKEN/],
    [{ DISCORD_TOKEN: "" }, /DISCORD_TOKEN is not set/],
  ])("exits 1 with what to fix (%#)", async (extra, message) => {
    const failure = await run(process.execPath, [dist("register.js")], { env: env(extra) }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(message);
  });
});

describe.concurrent("the bot process (compiled)", () => {
  it("refuses to start on a refused token, naming DISCORD_TOKEN", async () => {
    const failure = await run(process.execPath, [dist("shard-main.js")], {
      env: env({ DISCORD_TOKEN: "stale" }),
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/Discord refused DISCORD_TOKEN/);
  });

  it("DISCORD_SHARDS=auto spawns one process per recommended shard through the ShardingManager", async () => {
    const manager = spawn(process.execPath, [dist("sharding-main.js")], {
      env: env({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_SHARDS: "auto" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const shards = new Set<string>();
      await new Promise<void>((resolve, reject) => {
        discord.gateway.on("identified", (session: { shard: [number, number] }) => {
          shards.add(JSON.stringify(session.shard));
          if (shards.size === 2) resolve();
        });
        manager.once("exit", (code) => reject(new Error(`the sharding manager exited with ${code}`)));
      });
      expect([...shards].sort()).toEqual(["[0,2]", "[1,2]"]);
      // SIGTERM stops the shards first (the manager exits 0 only once they have exited): no orphans left.
      let stderr = "";
      manager.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const exited = once(manager, "exit");
      manager.kill("SIGTERM");
      expect({ code: (await exited)[0], stderr }).toEqual({ code: 0, stderr: "" });
    } finally {
      if (manager.exitCode === null && manager.signalCode === null) {
        manager.kill("SIGKILL");
        await once(manager, "exit");
      }
    }
  }, 20_000);
});
