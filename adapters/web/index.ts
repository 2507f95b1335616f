export { createWebApp, type WebApp, type WebAppDeps } from "./app.js";
export { DEFAULT_WEB_HOST, DEFAULT_WEB_PORT, trustedProxiesFromEnv, webPortFromEnv } from "./config.js";
export { type ApiError, type ErrorCode, MAX_BODY_BYTES, MAX_QUESTION_CHARS } from "./input.js";
export { buildMatrix, type Matrix } from "./matrix.js";
export { OPENAPI_DOCUMENT } from "./openapi.js";
export { renderAnswerHtml } from "./render-answer.js";
export { startWeb, WEB_SERVER_LIMITS, type WebServer, type WebServerOptions } from "./server.js";
