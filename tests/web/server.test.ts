/** The server's life: health shared with the process, requests in flight finished at close, then no more. */
import { afterEach, describe, expect, it } from "vitest";
import { Health } from "../../adapters/common/health.js";
import { createOps } from "../../adapters/common/ops.js";
import { createWebApp } from "../../adapters/web/index.js";
import { openCore } from "../../src/open-core.js";
import { startTestWeb, type TestWeb } from "./support.js";

let t: TestWeb | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe("startWeb", () => {
  it("adds itself to the process's health, which answers 503 once draining", async () => {
    const health = new Health();
    t = await startTestWeb({ health });
    expect(health.status()).toMatchObject({ ok: true, failing: [] });
    health.drain();
    const response = await fetch(`${t.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, draining: true });
  });

  it("closes: answers what it was asked, then takes no more connections", async () => {
    t = await startTestWeb();
    const { url } = t;
    const answered = await fetch(`${url}/api/ask?q=centos+6.3`);
    expect(answered.status).toBe(200);
    await t.stop();
    t = undefined;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it("turns a failure inside a handler into a 500 JSON error, logged", async () => {
    const core = await openCore();
    const ops = createOps({ env: { INSIGHTS: "0", LOG_LEVEL: "silent" } });
    const broken = {
      ...core,
      answer: () => {
        throw new Error("boom");
      },
    };
    const app = createWebApp({ core: broken, ops });
    const response = await app.request("/api/ask?q=centos");
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: "internal_error", message: "Something went wrong; please try again." },
    });
    await ops.close();
  });
});
