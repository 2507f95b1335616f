/** The real Slack app on loopback, wired to the fake Slack, with its log lines captured. */

import { createSlackApp, type SlackApp, type SlackConfig } from "../../../adapters/slack/index.js";
import { type Dom0Core, loadCore } from "../../../src/index.js";
import { FakeSlackApi } from "./fake-slack-api.js";
import { TEST_APP_TOKEN, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "./signing.js";

export interface SlackHarness {
  api: FakeSlackApi;
  app: SlackApp;
  core: Dom0Core;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** POST /slack/events */
  eventsUrl: string;
  /** Every log line the app wrote, raw. */
  logs: string[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  core?: Dom0Core;
  socketMode?: boolean;
  unhandledRequestTimeoutMs?: number;
}

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

export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const api = new FakeSlackApi();
  await api.start();
  const logs: string[] = [];
  const core = options.core ?? realCore();
  const app = createSlackApp(testConfig(api, options.socketMode ?? false), {
    core,
    logDestination: { write: (line: string) => void logs.push(line) },
    ...(options.unhandledRequestTimeoutMs === undefined
      ? {}
      : { unhandledRequestTimeoutMs: options.unhandledRequestTimeoutMs }),
  });
  await app.start();
  const baseUrl = `http://127.0.0.1:${app.port()}`;
  return {
    api,
    app,
    core,
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    logs,
    async stop() {
      await app.stop();
      await api.stop();
    },
  };
}
