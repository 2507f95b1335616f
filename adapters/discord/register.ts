/** `npm run discord:register`: registers /dom0 in DISCORD_GUILD_ID's server, or globally without it. */
import { DiscordAPIError } from "discord.js";
import { ConfigError } from "../../src/errors.js";
import { type DiscordConfig, discordConfigFromEnv } from "./config.js";
import { registerDiscordCommands } from "./registration.js";

function explain(error: unknown, config: DiscordConfig | null): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof DiscordAPIError && error.status === 401) {
    return "Discord refused DISCORD_TOKEN: reset the bot token in the Developer Portal (Bot → Reset Token) and set DISCORD_TOKEN to it.";
  }
  if (error instanceof DiscordAPIError && (error.status === 403 || error.status === 404)) {
    const guild = config?.guildId
      ? " and DISCORD_GUILD_ID (is the bot in that server, invited with the applications.commands scope?)"
      : "";
    return `Discord answered ${error.status}: check DISCORD_APPLICATION_ID${guild}.`;
  }
  return `Registering the commands failed: ${error instanceof Error ? error.message : String(error)}`;
}

let config: DiscordConfig | null = null;
try {
  config = discordConfigFromEnv(process.env);
  const result = await registerDiscordCommands(config);
  const where =
    result.scope === "guild"
      ? `in server ${config.guildId} (available now)`
      : "globally (may take up to an hour to appear)";
  console.log(`Registered ${result.names.map((name) => `/${name}`).join(", ")} ${where}.`);
} catch (error) {
  console.error(explain(error, config));
  process.exitCode = 1;
}
