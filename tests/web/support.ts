/** A real web server on 127.0.0.1 (any free port) over the real core, its log lines captured. */
import type { Health } from "../../adapters/common/health.js";
import { createLogger } from "../../adapters/common/logger.js";
import { createOps, type Ops } from "../../adapters/common/ops.js";
import { startWeb, type WebServer } from "../../adapters/web/index.js";
import { openCore } from "../../src/open-core.js";
import type { Dom0Core } from "../../src/types.js";
import { today } from "../../src/word/dates.js";
import { LineCapture } from "../common/helpers/capture.js";

/** The day the present-day tests answer for: vitest pins DOM0_AS_OF to the 2014 page's day, so say today. */
export const TODAY = today();
export const PAGE_DAY = "2014-04-18";
export const WIKI_URL = "https://wiki.xenproject.org/wiki/Dom0_Kernels_for_Xen";

export interface TestWeb {
  web: WebServer;
  core: Dom0Core;
  ops: Ops;
  logs: LineCapture;
  /** `http://127.0.0.1:PORT` */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the server. `asOf`: the core's own day (default today's answers; `null`: as vitest pins it, the 2014
 * page's). `env`: operations variables (default: a rate limit no test reaches, no insights database).
 */
export async function startTestWeb(
  options: {
    asOf?: string | null;
    env?: Record<string, string>;
    health?: Health;
    trustedProxies?: number;
  } = {},
): Promise<TestWeb> {
  const asOf = options.asOf === undefined ? TODAY : options.asOf;
  const core = await openCore(asOf === null ? {} : { asOf });
  const logs = new LineCapture();
  const env = { INSIGHTS: "0", LOG_LEVEL: "info", RATE_LIMIT_BURST: "100000", ...options.env };
  const ops = createOps({ env, logger: createLogger({ destination: logs }) });
  const web = await startWeb({
    core,
    ops,
    port: 0,
    host: "127.0.0.1",
    ...(options.health ? { health: options.health } : {}),
    ...(options.trustedProxies === undefined ? {} : { trustedProxies: options.trustedProxies }),
  });
  return {
    web,
    core,
    ops,
    logs,
    url: web.url,
    stop: async () => {
      await web.close();
      await ops.close();
    },
  };
}

/** The core's answer as it crosses the wire (undefined fields dropped). */
export function asJson<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** The visible text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export function textOf(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The `<article class="answer">` of a page, or "" when it shows none. */
export function answerArticle(page: string): string {
  return /<article class="answer"[\s\S]*?<\/article>/.exec(page)?.[0] ?? "";
}
