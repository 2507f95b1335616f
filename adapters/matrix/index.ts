export { createMatrixBot, type MatrixBot } from "./bot.js";
export { type MatrixConfig, matrixConfigFromEnv } from "./config.js";
export { matrixPlatform } from "./platform.js";
export { escapeHtml, type MatrixMessage, renderMatrixAnswer, renderMatrixHelp } from "./render.js";
