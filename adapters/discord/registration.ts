import { REST, Routes } from "discord.js";
import { DISCORD_COMMANDS } from "./commands.js";
import type { DiscordConfig } from "./config.js";

/** Where the commands went and what Discord now holds. */
export interface RegistrationResult {
  scope: "guild" | "global";
  names: string[];
}

/**
 * Registers the bot's commands with one bulk overwrite PUT: in the DISCORD_GUILD_ID server (instant) or globally.
 * Idempotent: the PUT replaces the whole set, so running it twice leaves the same commands and no duplicates.
 */
export async function registerDiscordCommands(
  config: Pick<DiscordConfig, "token" | "applicationId" | "guildId" | "apiUrl">,
): Promise<RegistrationResult> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const saved = (await rest.put(route, { body: DISCORD_COMMANDS })) as { name: string }[];
  return { scope: config.guildId ? "guild" : "global", names: saved.map((command) => command.name) };
}
