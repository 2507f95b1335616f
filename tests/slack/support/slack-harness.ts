/** The real Slack app on loopback, wired to the fake Slack, with its log lines captured. */

import { createLogger } from "../../../adapters/common/logger.js";
import { createOps, type Ops } from "../../../adapters/common/ops.js";
import { createSlackApp, type SlackApp, type SlackConfig } from "../../../adapters/slack/index.js";
import { slackSecrets } from "../../../adapters/slack/ops.js";
import { type Dom0Core, loadCore } from "../../../src/index.js";
import { FakeSlackApi } from "./fake-slack-api.js";
import { TEST_APP_TOKEN, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "./signing.js";

export interface SlackHarness {
  api: FakeSlackApi;
  app: SlackApp;
  core: Dom0Core;
  ops: Ops;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** POST /slack/events */
  eventsUrl: string;
  /** Every log line the app wrote, raw. */
  logs: string[];
  /** The log lines parsed. */
  records(): Array<Record<string, unknown>>;
  /** Stops the app, closes the operations layer, stops the fake Slack. */
  stop(): Promise<void>;
}

export interface HarnessOptions {
  core?: Dom0Core;
  socketMode?: boolean;
  unhandledRequestTimeoutMs?: number;
  /** Outgoing calls' timeout (default the app's own). */
  apiTimeoutMs?: number;
  /**
   * The operations variables (`RATE_LIMIT_BURST`, `INSIGHTS_DB`, `LOG_QUESTIONS`...) over the harness's
   * defaults: no insights file, a burst no test reaches unless it sets one, debug logs.
   */
  env?: Record<string, string>;
}

/** The operations defaults for tests that are not about operations. */
export const HARNESS_OPS_ENV: Readonly<Record<string, string>> = {
  INSIGHTS: "0",
  RATE_LIMIT_BURST: "100000",
  LOG_LEVEL: "debug",
};

let sharedCore: Dom0Core | undefined;
/** The real core, loaded once for the whole suite. */
export function realCore(): Dom0Core {
  sharedCore ??= loadCore();
  return sharedCore;
}

export function testConfig(api: FakeSlackApi, socketMode: boolean): SlackConfig {
  return {
    signingSecret: TEST_SIGNING_SECRET,
    botToken: TEST_BOT_TOKEN,
    appToken: socketMode ? TEST_APP_TOKEN : null,
    apiUrl: api.apiUrl,
    port: 0,
    host: "127.0.0.1",
    logLevel: "debug",
  };
}

/** The operations layer as `npm start` makes it (one for the process, scrubbing the app's secrets), logging
 *  into `logs`. */
export function testOps(config: SlackConfig, logs: string[], env: Record<string, string> = {}): Ops {
  const merged = { ...HARNESS_OPS_ENV, ...env };
  const logger = createLogger({
    level: merged["LOG_LEVEL"] as "debug",
    destination: { write: (line: string) => void logs.push(line) },
    secrets: slackSecrets(config),
  });
  return createOps({ env: merged, logger });
}

export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const api = new FakeSlackApi();
  await api.start();
  const logs: string[] = [];
  const core = options.core ?? realCore();
  const config = testConfig(api, options.socketMode ?? false);
  const ops = testOps(config, logs, options.env);
  const app = createSlackApp(config, {
    core,
    ops,
    ...(options.unhandledRequestTimeoutMs === undefined
      ? {}
      : { unhandledRequestTimeoutMs: options.unhandledRequestTimeoutMs }),
    ...(options.apiTimeoutMs === undefined ? {} : { apiTimeoutMs: options.apiTimeoutMs }),
  });
  await app.start();
  const baseUrl = `http://127.0.0.1:${app.port()}`;
  return {
    api,
    app,
    core,
    ops,
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    logs,
    records: () => logs.map((line) => JSON.parse(line) as Record<string, unknown>),
    async stop() {
      await app.stop();
      await ops.close();
      await api.stop();
    },
  };
}
