/** Matrix in the platform registry: its variables, and a start that loads matrix-js-sdk only when configured. */
import type { ChatPlatform } from "../common/platform.js";

export const matrixPlatform = {
  name: "matrix",
  variables: [
    {
      name: "MATRIX_HOMESERVER_URL",
      secret: false,
      enables: true,
      how: "the bot account's homeserver, e.g. https://matrix-client.matrix.org",
    },
    {
      name: "MATRIX_ACCESS_TOKEN",
      secret: true,
      enables: true,
      how: "log in as the bot account; Element: Settings → Help & About → Access Token",
    },
    {
      name: "MATRIX_STORE",
      secret: false,
      enables: false,
      how: "optional: the sync state file (default ./dom0bot-matrix-sync.json)",
    },
  ],
  async start({ core, ops, health, env }) {
    const { createMatrixBot } = await import("./bot.js");
    const { matrixConfigFromEnv } = await import("./config.js");
    const bot = createMatrixBot({ config: matrixConfigFromEnv(env), core, ops, health });
    await bot.start();
    return { stop: () => bot.stop() };
  },
} as const satisfies ChatPlatform;
