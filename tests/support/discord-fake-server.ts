import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeDiscordGateway, type FakeSession } from "./discord-fake-gateway.js";
import { FakeDiscordRest, type RecordedRequest } from "./discord-fake-rest.js";
import { withTimeout } from "./with-timeout.js";

export type { RecordedRequest } from "./discord-fake-rest.js";

export interface FakeDiscordOptions {
  /** The token the fake accepts; any other gets 401 on REST and 4004 on the gateway. */
  token: string;
  /** What GET /gateway/bot recommends. */
  shards?: number;
}

/** A local Discord: REST under /api/v10 and the gateway WebSocket, on one loopback port. */
export interface FakeDiscord {
  /** For DISCORD_API_URL: http://127.0.0.1:PORT/api */
  apiUrl: string;
  rest: FakeDiscordRest;
  gateway: FakeDiscordGateway;
  /** Resolves with the first request (already made or yet to come) matching the predicate. */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest>;
  /** Resolves when a session is identified (or resumed) from now on. */
  waitForGateway(event: "identified" | "resumed", timeoutMs?: number): Promise<FakeSession>;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1, port 0. */
export async function startFakeDiscord(options: FakeDiscordOptions): Promise<FakeDiscord> {
  const server: Server = createServer();
  let base = "";
  const rest = new FakeDiscordRest(options.token, () => `ws://${base}/gateway`, options.shards ?? 1);
  const gateway = new FakeDiscordGateway(options.token, () => `ws://${base}/resume`);
  server.on("request", (request, response) => {
    rest.handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  server.on("upgrade", (request, socket, head) => gateway.upgrade(request, socket, head));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `http://${base}/api`,
    rest,
    gateway,
    waitForRequest(predicate, timeoutMs = 5000) {
      const seen = rest.requests.find(predicate);
      if (seen) return Promise.resolve(seen);
      const waiting = new Promise<RecordedRequest>((resolve) => {
        const listener = (request: RecordedRequest) => {
          if (!predicate(request)) return;
          rest.off("request", listener);
          resolve(request);
        };
        rest.on("request", listener);
      });
      return withTimeout(waiting, timeoutMs, "a REST request");
    },
    waitForGateway(event, timeoutMs = 5000) {
      return withTimeout(
        once(gateway, event).then(([session]) => session as FakeSession),
        timeoutMs,
        `gateway ${event}`,
      );
    },
    async close() {
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
