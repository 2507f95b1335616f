/** The HTTP API through real HTTP on 127.0.0.1: answers, the table, its description, and every refusal. */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ROUTES } from "../../adapters/web/api.js";
import { SECURITY_HEADER_VALUES } from "../../adapters/web/security.js";
import type { Answer } from "../../src/types.js";
import { asJson, PAGE_DAY, startTestWeb, type TestWeb, TODAY } from "./support.js";

const QUESTION = "does CentOS 6.3 work as dom0?";
let t: TestWeb;
beforeAll(async () => {
  t = await startTestWeb();
});
afterAll(async () => {
  await t?.stop();
});

const get = (path: string, init?: RequestInit) => fetch(`${t.url}${path}`, init);
const ask = (query: Record<string, string>) => get(`/api/ask?${new URLSearchParams(query)}`);
const post = (body: string, contentType = "application/json") =>
  get("/api/ask", { method: "POST", headers: { "content-type": contentType }, body });

async function refusal(response: Response): Promise<{ status: number; code: string; message: string }> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

describe("GET and POST /api/ask", () => {
  it("answers with the core's answer object, exactly", async () => {
    const response = await ask({ q: QUESTION });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const answer = (await response.json()) as Answer;
    expect(answer).toEqual(asJson(t.core.answer(QUESTION)));
    expect(answer.verdict).toBe("no");
    expect(answer.asOf).toBe(TODAY);
  });

  it("answers as of a day with ?as-of=, from that day's sources only", async () => {
    const answer = (await (await ask({ q: QUESTION, "as-of": PAGE_DAY })).json()) as Answer;
    expect(answer).toEqual(asJson(t.core.answer(QUESTION, { asOf: PAGE_DAY })));
    expect(answer.asOf).toBe(PAGE_DAY);
    expect(answer.sources.map((source) => source.date)).toEqual([PAGE_DAY]);
  });

  it("prints what `dom0 ask --json` prints for the same question and day", async () => {
    const bin = join(import.meta.dirname, "../../bin/dom0.js");
    const printed = execFileSync(process.execPath, [bin, "ask", "--json", "--as-of", PAGE_DAY, QUESTION], {
      encoding: "utf8",
      env: { ...process.env, LOG_LEVEL: "" },
    });
    const served = await (await ask({ q: QUESTION, "as-of": PAGE_DAY })).json();
    expect(served).toEqual(JSON.parse(printed));
  });

  it("takes a JSON body with question and asOf, as GET does", async () => {
    const response = await post(JSON.stringify({ question: QUESTION, asOf: PAGE_DAY }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(asJson(t.core.answer(QUESTION, { asOf: PAGE_DAY })));
    const withCharset = await post(
      JSON.stringify({ question: QUESTION, asOf: null }),
      "application/json; charset=utf-8",
    );
    expect(((await withCharset.json()) as Answer).asOf).toBe(TODAY);
  });

  it("keeps hostile text as text: the question comes back as sent, in JSON", async () => {
    const hostile = "<script>alert(1)</script> @everyone is centos 6.5 ok?";
    const response = await ask({ q: hostile });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const answer = (await response.json()) as Answer;
    expect(answer.question).toBe(hostile);
    expect(answer.verdict).toBe("yes");
  });

  it("logs each answer on the shared log, as the chat platforms do", async () => {
    await ask({ q: "is debian squeeze ok as dom0?" });
    const lines = t.logs.json().filter((line) => line["event"] === "answer");
    expect(lines.at(-1)).toMatchObject({
      platform: "web",
      intent: "support",
      product: "debian",
      verdict: "yes",
    });
  });
});

describe("GET /api/table", () => {
  it("gives the 2014 page's table as of its day, naming its source", async () => {
    const response = await get(`/api/table?as-of=${PAGE_DAY}`);
    const table = (await response.json()) as {
      asOf: string;
      source: { id: string };
      tables: unknown[];
      rows: unknown[];
    };
    expect(table.asOf).toBe(PAGE_DAY);
    expect(table.source.id).toBe("wiki-2014");
    expect(table.tables).toHaveLength(1);
    expect(table.rows).toEqual(asJson(t.core.table({ asOf: PAGE_DAY })));
  });

  it("gives today's table by default, with the older revision still listed", async () => {
    const table = (await (await get("/api/table")).json()) as {
      asOf: string;
      source: { id: string };
      tables: Array<{ id: string }>;
    };
    expect(table.asOf).toBe(TODAY);
    expect(table.source.id).toBe("wiki-current");
    expect(table.tables.map((source) => source.id)).toEqual(["wiki-current", "wiki-2014"]);
  });
});

describe("GET /api/openapi.json", () => {
  it("describes every route in OpenAPI 3.1, and every reference resolves", async () => {
    const text = await (await get("/api/openapi.json")).text();
    const doc = JSON.parse(text) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    for (const [path, methods] of Object.entries(API_ROUTES)) {
      for (const method of methods.filter((m) => m !== "HEAD")) {
        expect(doc.paths[path], `${method} ${path}`).toHaveProperty(method.toLowerCase());
      }
    }
    expect(doc.paths).toHaveProperty("/healthz");
    for (const [, ref] of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
      const target = (ref ?? "")
        .split("/")
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], doc);
      expect(target, ref).toBeTypeOf("object");
    }
  });
});

describe("refusals: clear JSON errors", () => {
  it.each([
    [
      "a day not written YYYY-MM-DD",
      { q: QUESTION, "as-of": "2014-4-18" },
      "invalid_date",
      /as-of must be a day written YYYY-MM-DD/,
    ],
    [
      "a day that does not exist",
      { q: QUESTION, "as-of": "2014-02-30" },
      "invalid_date",
      /real calendar day/,
    ],
    ["2001 characters", { q: "x".repeat(2001) }, "question_too_long", /at most 2000 characters/],
    ["no q", {}, "missing_question", /q is required/],
  ])("GET with %s: 400", async (_case, query, code, message) => {
    const error = await refusal(await ask(query));
    expect(error).toMatchObject({ status: 400, code });
    expect(error.message).toMatch(message);
  });

  it("accepts a question of exactly 2000 characters", async () => {
    expect((await ask({ q: `centos 6.3 dom0 ${"x".repeat(1984)}` })).status).toBe(200);
  });

  it.each([
    ["{not json", "invalid_json"],
    ["[1, 2]", "invalid_body"],
    [JSON.stringify({ question: 12 }), "invalid_question"],
    [JSON.stringify({ asOf: PAGE_DAY }), "missing_question"],
    [JSON.stringify({ question: QUESTION, "as-of": PAGE_DAY }), "unknown_field"],
    [JSON.stringify({ question: QUESTION, asOf: "18/04/2014" }), "invalid_date"],
  ])("POST %s: 400 %s", async (body, code) => {
    expect(await refusal(await post(body))).toMatchObject({ status: 400, code });
  });

  it("refuses a body that is not JSON (415) or larger than 16 KB (413)", async () => {
    expect(await refusal(await post(`q=${QUESTION}`, "application/x-www-form-urlencoded"))).toMatchObject({
      status: 415,
      code: "unsupported_media_type",
    });
    const big = JSON.stringify({ question: QUESTION, padding: "x".repeat(17 * 1024) });
    expect(await refusal(await post(big))).toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it("refuses a bad day on /api/table", async () => {
    expect(await refusal(await get("/api/table?as-of=tomorrow"))).toMatchObject({
      status: 400,
      code: "invalid_date",
    });
  });

  it("answers 404 JSON for an unknown API path, and an HTML page elsewhere", async () => {
    expect(await refusal(await get("/api/nope"))).toMatchObject({ status: 404, code: "not_found" });
    const page = await get("/nope");
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("answers 405 with Allow for a method a path does not take", async () => {
    const response = await get("/api/ask", { method: "DELETE" });
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
    expect(await refusal(response)).toMatchObject({ status: 405, code: "method_not_allowed" });
  });
});

describe("CORS and security headers", () => {
  it("lets other origins read (GET), and not POST", async () => {
    const origin = { origin: "https://example.org" };
    const read = await get(`/api/ask?q=${encodeURIComponent(QUESTION)}`, { headers: origin });
    expect(read.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await get("/api/ask", {
      method: "OPTIONS",
      headers: {
        ...origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.headers.get("access-control-allow-methods") ?? "").not.toContain("POST");
    const posted = await get("/api/ask", {
      method: "POST",
      headers: { ...origin, "content-type": "application/json" },
      body: JSON.stringify({ question: QUESTION }),
    });
    expect(posted.status).toBe(200);
    expect(posted.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("sends a strict CSP on every response", async () => {
    const csp = (await get("/")).headers.get("content-security-policy") ?? "";
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it.each([
    ["GET", "/"],
    ["GET", "/?q=centos+6.3"],
    ["GET", "/api/ask?q=centos"],
    ["GET", "/api/ask?q=centos&as-of=never"],
    ["POST", "/api/ask"],
    ["GET", "/api/table"],
    ["GET", "/api/openapi.json"],
    ["OPTIONS", "/api/ask"],
    ["DELETE", "/api/ask"],
    ["GET", "/api/nope"],
    ["GET", "/nope"],
    ["GET", "/healthz"],
    ["GET", "/favicon.ico"],
  ])("sends the same security headers on %s %s", async (method, path) => {
    const init: RequestInit = {
      method,
      headers: { origin: "https://example.org", "access-control-request-method": "GET" },
    };
    if (method === "POST")
      Object.assign(init, {
        body: JSON.stringify({ question: QUESTION }),
        headers: { "content-type": "application/json" },
      });
    const headers = (await get(path, init)).headers;
    expect(Object.keys(SECURITY_HEADER_VALUES).length).toBeGreaterThanOrEqual(8);
    for (const [name, value] of Object.entries(SECURITY_HEADER_VALUES))
      expect(headers.get(name), name).toBe(value);
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("referrer-policy")).toBe("no-referrer");
  });
});

describe("health", () => {
  it("answers /healthz with 200 while serving", async () => {
    const response = await get("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });
});
