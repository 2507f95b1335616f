/** Every chat platform `npm start` can run: adding one is a folder under adapters/ and a line here. */
import type { ChatPlatform } from "./common/platform.js";
import { discordPlatform } from "./discord/platform.js";
import { matrixPlatform } from "./matrix/platform.js";
import { slackPlatform } from "./slack/platform.js";

export const PLATFORMS: readonly ChatPlatform[] = [slackPlatform, discordPlatform, matrixPlatform];
