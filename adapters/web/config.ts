/** Where the web page and API listen: WEB_PORT (and `dom0 serve --port/--host`). */
import { ConfigError } from "../../src/errors.js";

/** `dom0 serve` without --port or WEB_PORT. */
export const DEFAULT_WEB_PORT = 8080;
/** Loopback unless told otherwise: exposing the server is a decision, not a default. */
export const DEFAULT_WEB_HOST = "127.0.0.1";

/** A port number 0-65535 (0: any free port), or a ConfigError naming where the bad value came from. */
export function parsePort(text: string, from: string): number {
  const port = Number(text.trim());
  if (text.trim() === "" || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(
      from,
      `${from} must be a port number (0-65535), not ${JSON.stringify(text.slice(0, 20))}`,
    );
  }
  return port;
}

/** WEB_PORT, when set: serve the web page and API on it (`npm start` alongside the chat platforms). */
export function webPortFromEnv(env: Readonly<Record<string, string | undefined>>): number | null {
  const text = env["WEB_PORT"]?.trim();
  return text === undefined || text === "" ? null : parsePort(text, "WEB_PORT");
}

/** WEB_TRUSTED_PROXIES: how many reverse proxies of ours stand in front of the server (0-5; default 0). */
export function trustedProxiesFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const text = env["WEB_TRUSTED_PROXIES"]?.trim();
  if (text === undefined || text === "") return 0;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 0 || count > 5)
    throw new ConfigError(
      "WEB_TRUSTED_PROXIES",
      `WEB_TRUSTED_PROXIES must be how many proxies stand in front (0-5), not ${JSON.stringify(text.slice(0, 20))}`,
    );
  return count;
}
