/**
 * Health that tells the truth: `GET /healthz` answers 200 only while every configured platform is connected,
 * 503 naming the ones that are not, and 503 while the process drains at shutdown. One per process, shared by
 * the platforms it runs; served by the Slack app's HTTP server, or on HEALTH_PORT when none runs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export const HEALTH_PATH = "/healthz";

/** One platform's liveness: connected and able to answer right now. */
export interface HealthCheck {
  name: string;
  healthy(): boolean;
}

export interface HealthStatus {
  ok: boolean;
  /** The platforms that are not connected. */
  failing: string[];
  draining: boolean;
}

export class Health {
  private readonly checks: HealthCheck[] = [];
  private draining = false;

  add(check: HealthCheck): void {
    this.checks.push(check);
  }

  /** From now on 503: the process is shutting down and takes no new work. */
  drain(): void {
    this.draining = true;
  }

  status(): HealthStatus {
    const failing = this.checks.filter((check) => !check.healthy()).map((check) => check.name);
    return {
      ok: !this.draining && failing.length === 0 && this.checks.length > 0,
      failing,
      draining: this.draining,
    };
  }

  /** The `GET /healthz` handler: 200 or 503 with the status as JSON. */
  respond = (_req: IncomingMessage, res: ServerResponse): void => {
    const status = this.status();
    res.writeHead(status.ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(status));
  };
}

/** A server of its own for the health check (HEALTH_PORT): 404 for anything else, bounded like the others. */
export function createHealthServer(health: Pick<Health, "respond">): Server {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && path === HEALTH_PATH) return health.respond(req, res);
    res.writeHead(404);
    res.end();
  });
  server.headersTimeout = 5_000;
  server.requestTimeout = 5_000;
  server.keepAliveTimeout = 5_000;
  server.maxConnections = 100;
  return server;
}

/** Listens on a port (0: any free one) and resolves once it does; a port already taken rejects. */
export async function listen(server: Server, port: number, host?: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, ...(host ? { host } : {}) }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  return typeof address === "object" && address !== null ? address.port : port;
}
