/** The web app on node's HTTP server, bounded like the other servers of the process. */
import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import type { Dom0Core } from "../../src/types.js";
import { Health, listen } from "../common/health.js";
import type { Ops } from "../common/ops.js";
import { createWebApp } from "./app.js";
import { DEFAULT_WEB_HOST, DEFAULT_WEB_PORT } from "./config.js";

/** The server's limits: slow or idle clients are dropped, and connections are capped. */
export const WEB_SERVER_LIMITS = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  maxConnections: 1_000,
} as const;
/** How long close() lets requests in flight finish before it cuts their connections. */
export const WEB_CLOSE_GRACE_MS = 5_000;

export interface WebServerOptions {
  core: Dom0Core;
  ops: Ops;
  /** Default DEFAULT_WEB_PORT (8080); 0: any free port. */
  port?: number;
  /** Default DEFAULT_WEB_HOST (127.0.0.1). */
  host?: string;
  /** The process's health, shared with the chat platforms; the server adds itself to it. Default: its own. */
  health?: Health;
  /** WEB_TRUSTED_PROXIES (default 0: the socket's address is the client's). */
  trustedProxies?: number;
}

/** A running web server. */
export interface WebServer {
  /** The port it listens on (the one chosen, for port 0). */
  readonly port: number;
  /** `http://host:port`, for logs and tests. */
  readonly url: string;
  /** Stops taking connections, lets requests in flight finish (at most WEB_CLOSE_GRACE_MS), then resolves. */
  close(): Promise<void>;
}

/** Starts the page and the API; rejects if the port cannot be used (taken, or not allowed). */
export async function startWeb(options: WebServerOptions): Promise<WebServer> {
  const own = options.health === undefined;
  const health = options.health ?? new Health();
  const app = createWebApp({
    core: options.core,
    ops: options.ops,
    health,
    trustedProxies: options.trustedProxies ?? 0,
  });
  const server = createServer(getRequestListener(app.fetch));
  Object.assign(server, WEB_SERVER_LIMITS);
  health.add({ name: "web", healthy: () => server.listening });
  const host = options.host ?? DEFAULT_WEB_HOST;
  const port = await listen(server, options.port ?? DEFAULT_WEB_PORT, host);
  let closing: Promise<void> | undefined;
  return {
    port,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (own) health.drain();
        const cut = setTimeout(() => server.closeAllConnections(), WEB_CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
