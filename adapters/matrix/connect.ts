/** Before the SDK starts: who the token belongs to (a clear start-up failure if no one), and quiet SDK logs. */
import type { Logger as SdkLogger } from "matrix-js-sdk/lib/logger.js";
import { logger as sdkRootLogger } from "matrix-js-sdk/lib/logger.js";
import { ConfigError } from "../../src/errors.js";
import type { Logger } from "../common/logger.js";
import type { MatrixConfig } from "./config.js";

/** The SDK's module-level loggers print to the console at DEBUG: silenced (the client's own go to ours). */
const SDK_CHILD_LOGGERS = ["MatrixRTCSessionManager", "MatrixRTCSession"];

export function quietSdk(): void {
  sdkRootLogger.setLevel("silent", false);
  for (const name of SDK_CHILD_LOGGERS)
    (sdkRootLogger.getChild(name) as unknown as { setLevel(level: string, persist: boolean): void }).setLevel(
      "silent",
      false,
    );
}

/** The client's log lines, into the operations logger: its errors as warnings, the rest at debug. */
export function sdkLoggerFor(log: Logger): SdkLogger {
  const line = (parts: unknown[]) =>
    parts
      .map((part) => (part instanceof Error ? part.message : String(part)))
      .join(" ")
      .slice(0, 500);
  const sdk: SdkLogger = {
    trace: () => {},
    debug: (...parts: unknown[]) => log.debug({ sdk: true }, line(parts)),
    info: (...parts: unknown[]) => log.debug({ sdk: true }, line(parts)),
    warn: (...parts: unknown[]) => log.debug({ sdk: true }, line(parts)),
    error: (...parts: unknown[]) => log.warn({ sdk: true }, line(parts)),
    getChild: () => sdk,
  };
  return sdk;
}

/** GET /account/whoami: the bot's user id; a refused token or an unreachable server stops start-up, named. */
export async function whoAmI(
  config: MatrixConfig,
  timeoutMs: number,
): Promise<{ userId: string; deviceId: string | null }> {
  let response: Response;
  try {
    response = await fetch(`${config.homeserverUrl}/_matrix/client/v3/account/whoami`, {
      headers: { authorization: `Bearer ${config.accessToken}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new ConfigError(
      "MATRIX_HOMESERVER_URL",
      `Could not reach the Matrix homeserver at ${config.homeserverUrl} (${cause}): check MATRIX_HOMESERVER_URL and the network`,
    );
  }
  if (response.status === 401 || response.status === 403)
    throw new ConfigError(
      "MATRIX_ACCESS_TOKEN",
      "The Matrix homeserver refused MATRIX_ACCESS_TOKEN: log in as the bot account again and set the new token",
    );
  if (!response.ok) throw new Error(`the Matrix homeserver answered ${response.status} to whoami`);
  const body = (await response.json()) as { user_id?: unknown; device_id?: unknown };
  if (typeof body.user_id !== "string") throw new Error("the Matrix homeserver's whoami named no user");
  return { userId: body.user_id, deviceId: typeof body.device_id === "string" ? body.device_id : null };
}
