/** `dom0 serve [--port N] [--host H]`: the web page and the HTTP API alone, until SIGTERM or SIGINT. */
import { parseArgs } from "node:util";
import { openCore } from "../../src/open-core.js";
import { createOps } from "../common/ops.js";
import { installGracefulShutdown } from "../common/shutdown.js";
import {
  DEFAULT_WEB_HOST,
  DEFAULT_WEB_PORT,
  parsePort,
  trustedProxiesFromEnv,
  webPortFromEnv,
} from "./config.js";
import { startWeb } from "./server.js";

const USAGE = `Usage: dom0 serve [--port N] [--host H]

  --port N   the port (default: WEB_PORT, else ${DEFAULT_WEB_PORT}; 0: any free port)
  --host H   the address to listen on (default ${DEFAULT_WEB_HOST}; 0.0.0.0 or :: for every interface)
`;

/**
 * Starts the server and resolves 0 once it listens (the open server keeps the process alive; SIGTERM or SIGINT
 * finishes the requests in flight and exits 0); 2 for bad arguments, 1 if the port cannot be used.
 */
export async function runServe(argv: string[], err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let values: { port?: string; host?: string; help?: boolean };
  let port: number;
  let trustedProxies: number;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: "string" }, host: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
    port =
      values.port === undefined
        ? (webPortFromEnv(process.env) ?? DEFAULT_WEB_PORT)
        : parsePort(values.port, "--port");
    trustedProxies = trustedProxiesFromEnv(process.env);
  } catch (error) {
    err.write(`dom0 serve: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    err.write(USAGE);
    return 0;
  }
  const host = values.host?.trim() || DEFAULT_WEB_HOST;
  const ops = createOps();
  const core = await openCore();
  let web: Awaited<ReturnType<typeof startWeb>>;
  try {
    web = await startWeb({ core, ops, port, host, trustedProxies });
  } catch (error) {
    await ops.close();
    err.write(`dom0 serve: ${host}:${port} cannot be used: ${(error as Error).message}\n`);
    return 1;
  }
  installGracefulShutdown({ logger: ops.logger, stops: [() => web.close()], cleanups: [() => ops.close()] });
  ops.logger.info({ port: web.port, host }, "web page and API listening");
  err.write(`dom0 serve: listening on ${web.url}/ (Ctrl-C to stop)\n`);
  return 0;
}
