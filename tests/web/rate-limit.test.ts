/** The shared per-client rate limit on the web: a burst is answered, then 429 with Retry-After, page and API alike. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWeb, type TestWeb } from "./support.js";

const BURST = 3;
let t: TestWeb;
beforeAll(async () => {
  // One question back every 6 s (10 a minute, the default): nothing refills within the test.
  t = await startTestWeb({ env: { RATE_LIMIT_BURST: String(BURST), RATE_LIMIT_PER_MINUTE: "10" } });
});
afterAll(async () => {
  await t?.stop();
});

describe("the rate limit per client address", () => {
  it("answers a burst, then refuses with 429 and Retry-After until a question is regained", async () => {
    const ask = () => fetch(`${t.url}/api/ask?q=${encodeURIComponent("is centos 6.5 ok as dom0?")}`);
    for (let i = 0; i < BURST; i++) expect((await ask()).status).toBe(200);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("6");
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    const posted = await fetch(`${t.url}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "is centos 6.5 ok as dom0?" }),
    });
    expect(posted.status).toBe(429);
  });

  it("refuses on the page too, saying so, while the matrix and the table stay readable", async () => {
    const page = await fetch(`${t.url}/?q=${encodeURIComponent("is centos 6.5 ok as dom0?")}`);
    expect(page.status).toBe(429);
    expect(page.headers.get("retry-after")).toBe("6");
    expect(await page.text()).toContain("Too many questions from your address");
    expect((await fetch(`${t.url}/`)).status).toBe(200);
    expect((await fetch(`${t.url}/api/table`)).status).toBe(200);
  });

  it("logs no answer for a refused question", async () => {
    const answers = t.logs.json().filter((line) => line["event"] === "answer");
    expect(answers).toHaveLength(BURST);
  });
});

describe("behind a reverse proxy (WEB_TRUSTED_PROXIES)", () => {
  const ask = (url: string, forwardedFor?: string) =>
    fetch(`${url}/api/ask?q=${encodeURIComponent("is centos 6.5 ok as dom0?")}`, {
      headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
    });

  it("gives each client behind one proxy its own bucket, keyed by the address the proxy appended", async () => {
    const proxied = await startTestWeb({
      env: { RATE_LIMIT_BURST: "2", RATE_LIMIT_PER_MINUTE: "1" },
      trustedProxies: 1,
    });
    try {
      for (let i = 0; i < 2; i++) expect((await ask(proxied.url, "203.0.113.7")).status).toBe(200);
      expect((await ask(proxied.url, "203.0.113.7")).status).toBe(429);
      // Another client of the same proxy is not held back by the first.
      expect((await ask(proxied.url, "198.51.100.9")).status).toBe(200);
      // A client cannot dodge its limit by writing its own X-Forwarded-For: the proxy appends the real address.
      expect((await ask(proxied.url, "10.0.0.1, 203.0.113.7")).status).toBe(429);
    } finally {
      await proxied.stop();
    }
  });

  it("ignores X-Forwarded-For when no proxy is trusted (the default), so it cannot be used to dodge the limit", async () => {
    const direct = await startTestWeb({ env: { RATE_LIMIT_BURST: "2", RATE_LIMIT_PER_MINUTE: "1" } });
    try {
      expect((await ask(direct.url, "192.0.2.1")).status).toBe(200);
      expect((await ask(direct.url, "192.0.2.2")).status).toBe(200);
      expect((await ask(direct.url, "192.0.2.3")).status).toBe(429);
    } finally {
      await direct.stop();
    }
  });
});
