import { ConfigError, DatasetError } from "../src/errors.js";
import { openCore } from "../src/open-core.js";
import { isPostgresUrl } from "./common/config.js";
import { createHealthServer, Health, listen } from "./common/health.js";
import { createOps, type Ops } from "./common/ops.js";
import { type ChatPlatform, secretValues } from "./common/platform.js";
import { installGracefulShutdown } from "./common/shutdown.js";
import { PLATFORMS } from "./platforms.js";

type Stop = () => Promise<void>;

/** HEALTH_PORT, when set: a port number (0: any free port). A bad value stops start-up naming it. */
function healthPortOf(env: NodeJS.ProcessEnv): number | null {
  const text = env["HEALTH_PORT"]?.trim();
  if (text === undefined || text === "") return null;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(
      "HEALTH_PORT",
      `HEALTH_PORT must be a port number (0-65535), not ${JSON.stringify(text.slice(0, 20))}`,
    );
  }
  return port;
}

/** Every secret the process holds: logs scrub their exact values wherever they appear. */
function secretsOf(env: NodeJS.ProcessEnv): string[] {
  const secrets = secretValues(PLATFORMS, env);
  // A PostgreSQL URL's password, wherever a driver message might repeat it.
  const insights = env["INSIGHTS_DB"] ?? "";
  if (isPostgresUrl(insights) && URL.canParse(insights)) {
    const password = decodeURIComponent(new URL(insights).password);
    if (password) secrets.push(password);
  }
  return secrets;
}

/**
 * `npm start` with chat variables: the Slack app, the Discord bot, or both in one process, sharing one core
 * and one operations layer (logs, rate limits, insights); SIGTERM or SIGINT finishes the answers in flight
 * and exits 0. A missing or refused variable stops start-up with a message naming it.
 */
export async function startChat(
  wanted: readonly ChatPlatform[],
  options: { web: boolean } = { web: false },
): Promise<void> {
  let ops: Ops | undefined;
  try {
    ops = createOps({ secrets: secretsOf(process.env) });
    // The validated-bytes cache: the same validation as loadCore, without keeping zod in a long-lived process.
    const core = await openCore();
    // A PostgreSQL store connects here: one that cannot be reached is reported now, and answering goes on.
    await ops.insights.ready();
    // Installed first and read at signal time: whatever has started by then is stopped.
    const stops: Stop[] = [];
    const opened = ops;
    const health = new Health();
    // Draining answers 503 from the first moment of shutdown; the health server closes last.
    const cleanups: Stop[] = [() => opened.close()];
    stops.push(async () => health.drain());
    installGracefulShutdown({ logger: ops.logger, stops, cleanups });
    // Without a Slack HTTP server (Discord alone, or Socket Mode on another port), HEALTH_PORT serves /healthz.
    const healthPort = healthPortOf(process.env);
    if (healthPort !== null) {
      const server = createHealthServer(health);
      const port = await listen(server, healthPort).catch((error: unknown) => {
        throw new ConfigError(
          "HEALTH_PORT",
          `HEALTH_PORT=${healthPort} cannot be used: ${(error as Error).message}`,
        );
      });
      cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
      ops.logger.info({ port }, "health check listening");
    }
    // Unhealthy until every configured platform has started: a load balancer must not send work to a process
    // whose second platform is still connecting.
    let started = false;
    health.add({ name: "start-up", healthy: () => started });
    for (const platform of wanted) {
      const running = await platform.start({
        core,
        ops,
        health,
        env: process.env,
        stopOnSignal: (stop) => stops.push(stop),
      });
      stops.push(() => running.stop());
    }
    if (options.web) {
      // WEB_PORT: the page and the HTTP API beside the chat platforms, on every interface unless HOST says.
      const { startWeb, trustedProxiesFromEnv, webPortFromEnv } = await import("./web/index.js");
      const web = await startWeb({
        core,
        ops,
        health,
        port: webPortFromEnv(process.env) ?? 0,
        host: process.env["HOST"]?.trim() || "0.0.0.0",
        trustedProxies: trustedProxiesFromEnv(process.env),
      });
      stops.push(() => web.close());
      ops.logger.info({ port: web.port }, "web page and HTTP API listening");
    }
    ops.logger.info(
      { platforms: wanted.map((platform) => platform.name), web: options.web },
      "dom0bot started",
    );
    started = true;
  } catch (error) {
    await ops?.close();
    // Every failed start-up is one clear line and a non-zero exit, so a supervisor restarts the process:
    // a refused variable or data file as itself, anything else (Slack unreachable, a port taken, Discord's
    // REST failing, no READY) with what failed.
    const message =
      error instanceof ConfigError || error instanceof DatasetError
        ? error.message
        : `could not start: ${describeFailure(error)}`;
    process.stderr.write(`dom0bot: ${message}\n`);
    process.exit(1);
  }
}

/** One line for an unexpected start-up failure: its message and, for a system error, its code. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 300);
  const code = (error as NodeJS.ErrnoException).code;
  const first = error.message.split("\n")[0]?.slice(0, 300) ?? "";
  return code && !first.includes(code) ? `${first} (${code})` : first;
}
