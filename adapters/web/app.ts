/**
 * The web adapter as a hono app: the page at `/` (the ask box and the matrix, working without JavaScript), the
 * API under `/api`, `/healthz`, and the page's two static files; every response with strict security headers.
 */
import { Hono } from "hono";
import { compress } from "hono/compress";
import type { Answer, Dom0Core } from "../../src/types.js";
import { today } from "../../src/word/dates.js";
import type { HealthStatus } from "../common/health.js";
import type { Ops } from "../common/ops.js";
import { errorResponse, registerApi } from "./api.js";
import { createWebAsker, type WebEnv } from "./ask.js";
import { ASSETS } from "./assets.js";
import { trusted } from "./html.js";
import { type ApiError, apiError, askQuerySchema, inputError, MAX_QUESTION_CHARS } from "./input.js";
import { buildMatrix, dailyCache } from "./matrix.js";
import { renderMatrixHtml } from "./matrix-html.js";
import { renderNotFoundPage, renderPage } from "./page.js";
import { securityHeaders } from "./security.js";

/** What the web app needs: the core, the shared operations layer and, optionally, the process's health. */
export interface WebAppDeps {
  core: Dom0Core;
  ops: Ops;
  /** The process's health for `/healthz` (200 while ok, else 503); default: always ok. */
  health?: { status(): HealthStatus };
  /** Today (YYYY-MM-DD, UTC); injectable for tests. */
  today?: () => string;
  /** WEB_TRUSTED_PROXIES: how many proxies of ours stand in front (the rate limit keys on X-Forwarded-For). */
  trustedProxies?: number;
}

/** The hono app the server runs. */
export type WebApp = Hono<WebEnv>;

/** A refused question as the page says it. */
function pageError(refusal: ApiError): string {
  const { code, message } = refusal.error;
  if (code === "question_too_long")
    return `That question is too long: at most ${MAX_QUESTION_CHARS} characters, please.`;
  return `That question cannot be read: ${message}.`;
}

/** Builds the app: `createWebApp({ core, ops })`, then serve it with startWeb (or call `app.request` in tests). */
export function createWebApp(deps: WebAppDeps): WebApp {
  const { core, ops } = deps;
  const now = deps.today ?? (() => today());
  const ask = createWebAsker(core, ops, now, deps.trustedProxies ?? 0);
  const matrix = dailyCache(() => renderMatrixHtml(buildMatrix(core, now), "matrix-title").value, now);
  const app = new Hono<WebEnv>();
  app.onError((error, c) => {
    ops.logger.error({ err: error, path: c.req.path }, "web request failed");
    if (c.req.path.startsWith("/api/")) {
      return errorResponse(500, apiError("internal_error", "Something went wrong; please try again."));
    }
    return c.text("Something went wrong; please try again.", 500);
  });
  app.notFound((c) => {
    if (c.req.path === "/api" || c.req.path.startsWith("/api/")) {
      const path = c.req.path.slice(0, 100);
      return errorResponse(404, apiError("not_found", `No API path ${path}: see /api/openapi.json.`));
    }
    return c.html(renderNotFoundPage(), 404);
  });

  // First: the API sets its own headers, security headers included, and returns before any middleware runs.
  registerApi(app, core, ask);
  app.use(securityHeaders);

  app.get("/", compress(), (c) => {
    const question = c.req.query("q") ?? "";
    const page = (shown: { answer?: Answer; error?: string }) =>
      renderPage({
        question,
        answer: shown.answer ?? null,
        error: shown.error ?? null,
        matrix: trusted(matrix()),
        about: core.about,
        examples: core.examples,
      });
    if (question.trim() === "") {
      c.header("cache-control", "public, max-age=300");
      return c.html(page({}));
    }
    c.header("cache-control", "no-store");
    const query = c.req.query();
    const input = askQuerySchema.safeParse(query);
    if (!input.success) return c.html(page({ error: pageError(inputError(input.error, query)) }), 400);
    const asked = ask(c, input.data.q, input.data["as-of"]);
    if (asked.ok) return c.html(page({ answer: asked.answer }));
    c.header("retry-after", String(asked.retryAfterSeconds));
    const wait = `Too many questions from your address: wait ${asked.retryAfterSeconds} seconds, then ask again.`;
    return c.html(page({ error: wait }), 429);
  });

  for (const file of Object.values(ASSETS)) {
    app.get(file.path, (c) => {
      c.header("content-type", file.type);
      c.header("cache-control", "public, max-age=31536000, immutable");
      return c.body(file.body);
    });
  }

  // Browsers ask for an icon whatever the page says; nothing, rather than a 404 in every console.
  app.get("/favicon.ico", (c) => c.body(null, 204));

  app.get("/healthz", (c) => {
    const status = deps.health?.status() ?? { ok: true, failing: [], draining: false };
    c.header("cache-control", "no-store");
    return c.json(status, status.ok ? 200 : 503);
  });
  return app;
}
