/** The Matrix bot's configuration, from the environment; a missing or unusable variable is named. */
import { resolve } from "node:path";
import { ConfigError } from "../../src/errors.js";

export interface MatrixConfig {
  /** MATRIX_HOMESERVER_URL: the client-server API base, e.g. https://matrix-client.matrix.org. */
  homeserverUrl: string;
  /** MATRIX_ACCESS_TOKEN: the bot account's access token (Element: Settings → Help & About → Access Token). */
  accessToken: string;
  /** MATRIX_STORE: the file keeping the sync state across restarts (default ./dom0bot-matrix-sync.json). */
  storePath: string;
}

const DEFAULT_STORE = "dom0bot-matrix-sync.json";

/** Reads the Matrix variables; throws ConfigError naming the variable and how to fix it. */
export function matrixConfigFromEnv(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): MatrixConfig {
  const url = env["MATRIX_HOMESERVER_URL"]?.trim() ?? "";
  const accessToken = env["MATRIX_ACCESS_TOKEN"]?.trim() ?? "";
  if (url === "")
    throw new ConfigError(
      "MATRIX_HOMESERVER_URL",
      "MATRIX_HOMESERVER_URL is not set: the bot account's homeserver, e.g. https://matrix-client.matrix.org",
    );
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    throw new ConfigError(
      "MATRIX_HOMESERVER_URL",
      `MATRIX_HOMESERVER_URL must be an http(s) URL, not ${JSON.stringify(url.slice(0, 60))}`,
    );
  if (accessToken === "")
    throw new ConfigError(
      "MATRIX_ACCESS_TOKEN",
      "MATRIX_ACCESS_TOKEN is not set: log in as the bot account and copy its access token (see the README)",
    );
  const store = env["MATRIX_STORE"]?.trim() || DEFAULT_STORE;
  return { homeserverUrl: url.replace(/\/+$/, ""), accessToken, storePath: resolve(cwd, store) };
}
