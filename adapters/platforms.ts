/** Every chat platform `npm start` can run: adding one is a folder under adapters/ and a line here. */
import type { ChatPlatform } from "./common/platform.js";
import { discordPlatform } from "./discord/platform.js";
import { matrixPlatform } from "./matrix/platform.js";
import { slackPlatform } from "./slack/platform.js";

export const PLATFORMS = [
  slackPlatform,
  discordPlatform,
  matrixPlatform,
] as const satisfies readonly ChatPlatform[];

/** The chat platforms' names, as logs, health and insights know them. */
export type ChatPlatformName = (typeof PLATFORMS)[number]["name"];
