/**
 * The HTTP API under /api: ask (GET and POST), the table as of a day, and its OpenAPI description. Its
 * responses are built with plain header objects (the security headers included, see security.ts), which
 * @hono/node-server writes without copying: register these routes before the app's own middleware.
 */
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import type { Dom0Core } from "../../src/types.js";
import type { Asked, WebAsker, WebEnv } from "./ask.js";
import {
  type ApiError,
  apiError,
  askBodySchema,
  askQuerySchema,
  inputError,
  MAX_BODY_BYTES,
  tableQuerySchema,
} from "./input.js";
import { OPENAPI_DOCUMENT } from "./openapi.js";
import { SECURITY_HEADER_VALUES, securityHeaders } from "./security.js";

/** Every API path and the methods it takes (anything else: 405 with Allow). */
export const API_ROUTES = {
  "/api/ask": ["GET", "HEAD", "POST"],
  "/api/table": ["GET", "HEAD"],
  "/api/openapi.json": ["GET", "HEAD"],
} as const;

/** Reads are open to every origin; Retry-After readable there too. The POST is not (no CORS). */
const OPEN_READ = { "access-control-allow-origin": "*", "access-control-expose-headers": "Retry-After" };
const JSON_TYPE = { "content-type": "application/json" };
const ANSWERED_GET = { ...SECURITY_HEADER_VALUES, ...OPEN_READ, ...JSON_TYPE, "cache-control": "no-store" };
const ANSWERED_POST = { ...SECURITY_HEADER_VALUES, ...JSON_TYPE, "cache-control": "no-store" };

function jsonResponse(body: string, status: number, headers: Record<string, string>): Response {
  return new Response(body, { status, headers });
}

/** An error answer: `{ error: { code, message } }`, never cached. */
export function errorResponse(status: number, body: ApiError, extra: Record<string, string> = {}): Response {
  return jsonResponse(JSON.stringify(body), status, { ...ANSWERED_POST, ...extra });
}

function askedResponse(asked: Asked, headers: Record<string, string>): Response {
  if (asked.ok) return jsonResponse(asked.json, 200, headers);
  const wait = String(asked.retryAfterSeconds);
  const refusal = apiError("rate_limited", `Too many questions from your address: wait ${wait} s.`);
  return errorResponse(429, refusal, { ...headers, "retry-after": wait });
}

function isJson(contentType: string | undefined): boolean {
  const media = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return media === "application/json" || (media.startsWith("application/") && media.endsWith("+json"));
}

/** Reads the POST body: JSON of at most MAX_BODY_BYTES, or the refusal to send. */
async function readBody(c: Context<WebEnv>): Promise<{ body: unknown } | Response> {
  if (!isJson(c.req.header("content-type"))) {
    const refusal = apiError(
      "unsupported_media_type",
      'Send the question as JSON: content-type "application/json".',
    );
    return errorResponse(415, refusal);
  }
  try {
    return { body: JSON.parse(await c.req.text()) };
  } catch {
    return errorResponse(400, apiError("invalid_json", "The body is not valid JSON."));
  }
}

/** Adds the API routes. */
export function registerApi(app: Hono<WebEnv>, core: Dom0Core, ask: WebAsker): void {
  // Preflights: other origins may GET (hono's cors answers OPTIONS with the allowed methods).
  app.options(
    "/api/*",
    securityHeaders,
    cors({ origin: "*", allowMethods: ["GET", "HEAD"], maxAge: 86_400 }),
  );

  app.get("/api/ask", (c) => {
    const query = c.req.query();
    const input = askQuerySchema.safeParse(query);
    if (!input.success) return errorResponse(400, inputError(input.error, query), OPEN_READ);
    return askedResponse(ask(c, input.data.q, input.data["as-of"]), ANSWERED_GET);
  });

  const tooLarge = apiError("payload_too_large", `The body must be at most ${MAX_BODY_BYTES} bytes.`);
  app.post(
    "/api/ask",
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => errorResponse(413, tooLarge) }),
    async (c) => {
      const read = await readBody(c);
      if (read instanceof Response) return read;
      const input = askBodySchema.safeParse(read.body);
      if (!input.success) return errorResponse(400, inputError(input.error, read.body));
      return askedResponse(ask(c, input.data.question, input.data.asOf ?? undefined), ANSWERED_POST);
    },
  );

  app.get("/api/table", (c) => {
    const query = c.req.query();
    const input = tableQuerySchema.safeParse(query);
    if (!input.success) return errorResponse(400, inputError(input.error, query), OPEN_READ);
    const day = input.data["as-of"];
    const options = day === undefined ? {} : { asOf: day };
    const tables = core.tables(options);
    const table = {
      asOf: day ?? core.answer("").asOf,
      source: tables[0] ?? null,
      tables,
      rows: core.table(options),
    };
    return jsonResponse(JSON.stringify(table), 200, {
      ...ANSWERED_GET,
      "cache-control": "public, max-age=300",
    });
  });

  const described = JSON.stringify(OPENAPI_DOCUMENT);
  app.get("/api/openapi.json", () =>
    jsonResponse(described, 200, { ...ANSWERED_GET, "cache-control": "public, max-age=3600" }),
  );

  for (const [path, methods] of Object.entries(API_ROUTES)) {
    const refusal = apiError("method_not_allowed", `${path} takes ${methods.join(", ")}.`);
    app.all(path, () => errorResponse(405, refusal, { allow: methods.join(", ") }));
  }
}
