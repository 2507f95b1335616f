/** `createSlackApp`: the Bolt app over HTTP (signed requests on PORT) or Socket Mode, answering from the core. */

import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, SocketModeReceiver } from "@slack/bolt";
import type { DestinationStream } from "pino";
import { ConfigError } from "../../src/errors.js";
import type { Dom0Core } from "../../src/types.js";
import { createConversations } from "../common/conversations.js";
import { createHealthServer, HEALTH_PATH, Health } from "../common/health.js";
import type { Ops } from "../common/ops.js";
import { createInFlight } from "../common/shutdown.js";
import type { SlackConfig } from "./config.js";
import { createHttpDrain } from "./http-drain.js";
import {
  SLACK_ACK_DEADLINE_MS,
  SLACK_API_TIMEOUT_MS,
  SLACK_REQUEST_BODY_LIMIT_BYTES,
  SLACK_SERVER_LIMITS,
} from "./limits.js";
import { registerListeners } from "./listeners.js";
import { boltLogger, slackLogger } from "./logger.js";
import { createSlackOps } from "./ops.js";

/** What the Slack app needs besides its configuration; all optional, for tests and embedding. */
export interface SlackAppDeps {
  /** The answering core (`openCore()` or `loadCore()` from src/): one per process, shared by the adapters. */
  core: Dom0Core;
  /**
   * Logs, rate limits and insights, shared with the other adapters of the process; its logger should scrub
   * this app's secrets (`slackSecrets(config)`). When absent the app makes its own from the environment
   * (`createOps`) and closes it in stop(); a given one is the caller's to close, after stop().
   */
  ops?: Ops;
  /** Where the app's own operations logger writes (default stdout); unused when `ops` is given. */
  logDestination?: DestinationStream;
  /**
   * How long a request may go unacknowledged before it gets 400 (default just past Slack's 3 s). Only
   * bodies no listener handles reach it (signed, parseable, but no Slack payload type we know).
   */
  unhandledRequestTimeoutMs?: number;
  /** How long one outgoing call may take (default SLACK_API_TIMEOUT_MS); tests shorten it. */
  apiTimeoutMs?: number;
  /**
   * The process's health, shared with its other platforms: the app adds its own check ("slack": serving over
   * HTTP, or its Socket Mode connection up) and answers `GET /healthz` with the whole. Default: its own.
   */
  health?: Health;
}

/** fetch that gives up after `ms`, whatever signal the caller passed besides. */
function timedFetch(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}

/** The running (or ready to run) Slack app. */
export interface SlackApp {
  /** "http" with SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN, "socket" when SLACK_APP_TOKEN is set too. */
  readonly mode: "http" | "socket";
  /** Checks the bot token (auth.test), then listens on PORT (HTTP) or connects to Slack (Socket Mode). */
  start(): Promise<void>;
  /**
   * Stops taking new work (HTTP: the server accepts no new connections), waits for the answers in flight,
   * then closes the server or the Socket Mode connection, and the app's own operations layer if it made one.
   * Safe to call more than once or before start(); usable as a stop in `installGracefulShutdown`.
   */
  stop(): Promise<void>;
  /** The operations layer in use: the one given, or the app's own. */
  readonly ops: Ops;
  /** The port actually bound after start() (useful with PORT=0), or null before. */
  port(): number | null;
}

/**
 * Bolt answers 413 to an oversized body without reading it; closing that connection afterwards keeps the
 * unread rest from being taken as the next request on a kept-alive socket.
 */
function closeAfterOversizedBody(req: IncomingMessage, res: ServerResponse): void {
  if (Number(req.headers["content-length"]) > SLACK_REQUEST_BODY_LIMIT_BYTES)
    res.setHeader("connection", "close");
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Start-up failures that Slack's answer pins on a token become a ConfigError naming the variable; network
 * failures and the rest pass through as they are.
 */
function rejectedToken(variable: string, error: unknown, where: string): unknown {
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  if (typeof code !== "string" || !/auth|token|revoked|inactive|account|not_allowed/.test(code)) return error;
  return new ConfigError(
    variable,
    `Slack rejected ${variable} (${code}). Copy a fresh one from https://api.slack.com/apps → your app → ${where}.`,
  );
}

/** Builds the Slack app from its configuration; nothing listens or connects until `start()`. */
export function createSlackApp(config: SlackConfig, deps: SlackAppDeps): SlackApp {
  const { core } = deps;
  const ownOps = deps.ops === undefined;
  const ops = deps.ops ?? createSlackOps(config, deps.logDestination);
  const log = slackLogger(ops.logger);
  const logger = boltLogger(log, { logQuestions: ops.config.logQuestions });
  const inFlight = createInFlight();
  const drain = createHttpDrain();
  const mode = config.appToken === null ? "http" : "socket";
  const timeoutMs = deps.apiTimeoutMs ?? SLACK_API_TIMEOUT_MS;
  const clientOptions = {
    ...(config.apiUrl === null ? {} : { slackApiUrl: config.apiUrl }),
    // Fail fast rather than retry for half an hour: a reply later than a few seconds is worth little.
    retryConfig: { retries: 1, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    timeout: timeoutMs,
    // A 429 fails that one call (retried by the caller after Retry-After) instead of pausing every channel.
    rejectRateLimitedCalls: true,
    // Every call, the Web API's and respond()'s to a response_url alike, gives up after timeoutMs.
    fetch: timedFetch(timeoutMs),
  };
  const common = {
    token: config.botToken,
    logger,
    logLevel: logger.getLevel(),
    clientOptions,
    // auth.test runs in start(), so a bad token stops start-up with a message instead of failing every event.
    deferInitialization: true,
    // Every answer is stateless; Bolt's per-channel conversation store would only cost time on each request.
    convoStore: false as const,
    // The event listener skips the bot's own messages itself (bot_id, or its user id), so Bolt's global
    // ignoreSelf middleware would only add a step to every request.
    ignoreSelf: false,
  };

  let running = false;
  // Socket Mode: whether the WebSocket to Slack is up right now (it reconnects by itself).
  let socketUp = false;
  const health = deps.health ?? new Health();
  health.add({ name: "slack", healthy: () => running && (mode === "http" || socketUp) });
  let stopped: Promise<void> | null = null;
  let healthServer: Server | null = null;
  let httpServer: Server | null = null;
  let app: App;
  if (config.appToken === null) {
    const receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      signatureVerification: true,
      endpoints: "/slack/events",
      bodyLimit: SLACK_REQUEST_BODY_LIMIT_BYTES,
      logger,
      customRoutes: [{ path: HEALTH_PATH, method: ["GET"], handler: health.respond }],
      unhandledRequestTimeoutMillis: deps.unhandledRequestTimeoutMs ?? SLACK_ACK_DEADLINE_MS + 1,
      unhandledRequestHandler: ({ response }) => {
        if (response.headersSent) return;
        response.writeHead(400, { "content-type": "text/plain" });
        response.end("Not a Slack payload this app handles.\n");
      },
    });
    app = new App({ ...common, receiver });
  } else {
    // Built here (Bolt would build the same) to watch its connection for the health check.
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      logLevel: logger.getLevel(),
      installerOptions: { clientOptions },
    });
    receiver.client.on("connected", () => {
      socketUp = true;
    });
    for (const state of ["disconnected", "reconnecting"]) {
      receiver.client.on(state, () => {
        socketUp = false;
      });
    }
    app = new App({ ...common, receiver });
  }
  registerListeners(app, { core, ops, log, inFlight, conversations: createConversations() });
  app.error(async (error) => {
    log.error({ code: error.code, err: error.message }, "a Slack listener failed");
  });

  const boundPort = (): number | null => {
    const address = (httpServer ?? healthServer)?.address();
    return address !== null && typeof address === "object" ? (address as AddressInfo).port : null;
  };

  /** In-flight answers still need the socket (their acks) or the Web API, so they finish before it closes. */
  async function stopServing(): Promise<void> {
    if (running) {
      running = false;
      const server = httpServer;
      if (server !== null) {
        drain.closeConnectionsAfterResponses();
        const closed = app.stop(); // no new connections from here; idle kept-alive ones close now
        await inFlight.drained();
        await closed;
      } else {
        await inFlight.drained();
        await app.stop();
        if (healthServer !== null) await closeServer(healthServer);
      }
      httpServer = null;
      healthServer = null;
      // Work that arrived on a connection while it was closing.
      await inFlight.drained();
      log.info({ mode }, "Slack app stopped");
    }
    if (ownOps) await ops.close();
  }

  return {
    mode,
    ops,
    port: boundPort,
    async start() {
      if (running) return;
      if (stopped !== null) throw new Error("The Slack app was stopped; create a new one to start again.");
      await app.init().catch((error: unknown) => {
        throw rejectedToken("SLACK_BOT_TOKEN", error, "OAuth & Permissions → Bot User OAuth Token");
      });
      const listenOptions = { port: config.port, ...(config.host === null ? {} : { host: config.host }) };
      if (mode === "http") {
        httpServer = (await app.start(listenOptions)) as Server;
        // A slow or silent client never holds a connection (or shutdown) for long.
        httpServer.headersTimeout = SLACK_SERVER_LIMITS.headersTimeoutMs;
        httpServer.requestTimeout = SLACK_SERVER_LIMITS.requestTimeoutMs;
        httpServer.keepAliveTimeout = SLACK_SERVER_LIMITS.keepAliveTimeoutMs;
        httpServer.maxConnections = SLACK_SERVER_LIMITS.maxConnections;
        httpServer.on("request", closeAfterOversizedBody);
        httpServer.on("request", drain.onRequest);
      } else {
        await app.start().catch((error: unknown) => {
          throw rejectedToken(
            "SLACK_APP_TOKEN",
            error,
            "Basic Information → App-Level Tokens (connections:write)",
          );
        });
        const server = createHealthServer(health);
        await new Promise<void>((resolve, reject) => {
          server.once("error", reject);
          server.listen(listenOptions, resolve);
        });
        healthServer = server;
      }
      running = true;
      log.info({ mode, port: boundPort() }, "Slack app started");
    },
    stop() {
      stopped ??= stopServing();
      return stopped;
    },
  };
}
