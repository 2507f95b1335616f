export { createDiscordBot, DISCORD_INTENTS, type DiscordBot, type DiscordBotHooks } from "./bot.js";
export { COMMAND_NAME, DISCORD_COMMANDS } from "./commands.js";
export { type DiscordConfig, discordConfigFromEnv } from "./config.js";
export { createDiscordOps } from "./ops.js";
export { registerDiscordCommands } from "./registration.js";
export { renderDiscordEmbed } from "./render.js";
