export { createSlackApp, type SlackApp, type SlackAppDeps } from "./app.js";
export { type SlackConfig, slackConfigFromEnv } from "./config.js";
export { createSlackOps, slackSecrets } from "./ops.js";
export { renderSlackBlocks, type SlackMessage } from "./render-answer.js";
export { renderHelpMessage, renderHomeView } from "./render-help.js";
