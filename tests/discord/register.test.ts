import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISCORD_COMMANDS } from "../../adapters/discord/commands.js";
import { registerDiscordCommands } from "../../adapters/discord/registration.js";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { type FakeDiscord, startFakeDiscord } from "../support/discord-fake-server.js";
import { TEST_TOKEN } from "../support/discord-harness.js";

let discord: FakeDiscord;
beforeAll(async () => {
  discord = await startFakeDiscord({ token: TEST_TOKEN });
});
afterAll(async () => discord?.close());

const config = () => ({
  token: TEST_TOKEN,
  applicationId: ids.application,
  guildId: ids.guild,
  apiUrl: discord.apiUrl,
});

describe("npm run discord:register", () => {
  it("registers /dom0 in one server with a bulk overwrite PUT, idempotently", async () => {
    const first = await registerDiscordCommands(config());
    const second = await registerDiscordCommands(config());
    expect(first).toEqual({ scope: "guild", names: ["dom0"] });
    expect(second).toEqual(first);
    const path = `/applications/${ids.application}/guilds/${ids.guild}/commands`;
    const puts = discord.rest.requests.filter((request) => request.method === "PUT" && request.path === path);
    expect(puts).toHaveLength(2);
    expect(puts[0]?.body).toEqual(DISCORD_COMMANDS);
    const held = discord.rest.commands.get(path) ?? [];
    expect(held.map((command) => command.name)).toEqual(["dom0"]);
  });

  it("registers globally without DISCORD_GUILD_ID", async () => {
    expect(await registerDiscordCommands({ ...config(), guildId: null })).toEqual({
      scope: "global",
      names: ["dom0"],
    });
    expect(discord.rest.commands.get(`/applications/${ids.application}/commands`)).toHaveLength(1);
  });

  it("declares the question, os and version (both autocompleted), private and help options", () => {
    const [command] = DISCORD_COMMANDS;
    const options = (command && "options" in command ? (command.options ?? []) : []) as {
      name: string;
      type: number;
      autocomplete?: boolean;
    }[];
    expect(options.map((option) => [option.name, option.type, option.autocomplete ?? false])).toEqual([
      ["question", 3, false],
      ["os", 3, true],
      ["version", 3, true],
      ["private", 5, false],
      ["help", 5, false],
    ]);
  });

  it("fails on a refused token rather than pretending", async () => {
    await expect(registerDiscordCommands({ ...config(), token: "wrong" })).rejects.toMatchObject({
      status: 401,
    });
  });
});
