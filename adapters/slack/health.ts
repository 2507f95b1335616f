/** `GET /healthz`: a Bolt custom route in HTTP mode, a tiny server of its own in Socket Mode. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:http";

/** The health endpoint's path, for load balancers and container probes. */
export const HEALTH_PATH = "/healthz";

/** Answers 200 `{"ok":true}`: the process is up and serving. */
export function respondHealthy(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end('{"ok":true}');
}

/** In Socket Mode nothing else listens on PORT, so this serves the health check alone (404 elsewhere). */
export function createHealthServer(): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && path === HEALTH_PATH) return respondHealthy(req, res);
    res.writeHead(404);
    res.end();
  });
}
