/** Slack's platform limits the adapter respects, named after the Block Kit and Web API reference pages. */

/** `text` of a section block (mrkdwn or plain_text). */
export const SLACK_SECTION_TEXT_LIMIT = 3000;
/** Each text element of a context block. */
export const SLACK_CONTEXT_TEXT_LIMIT = 3000;
/** Elements in one context block. */
export const SLACK_CONTEXT_ELEMENTS_LIMIT = 10;
/** Blocks in one message (chat.postMessage, response_url, slash-command ack). */
export const SLACK_MESSAGE_BLOCKS_LIMIT = 50;
/** Blocks in a Home tab, modal or other view. */
export const SLACK_VIEW_BLOCKS_LIMIT = 100;
/** `text` of a header block (plain_text). */
export const SLACK_HEADER_TEXT_LIMIT = 150;
/** A button's label (plain_text). */
export const SLACK_BUTTON_TEXT_LIMIT = 75;
/** A button's `value`, handed back in the block_actions payload. */
export const SLACK_BUTTON_VALUE_LIMIT = 2000;
/** A button's `action_id`. */
export const SLACK_ACTION_ID_LIMIT = 255;
/** Elements in one actions block. */
export const SLACK_ACTIONS_ELEMENTS_LIMIT = 25;
/**
 * The top-level `text` of a message that also has blocks: the notification and screen-reader fallback.
 * Slack truncates past 40,000 characters and recommends staying under 4,000; we keep it to one section's worth.
 */
export const SLACK_FALLBACK_TEXT_LIMIT = 3000;
/** Slack stops waiting for the HTTP response (or Socket Mode ack) of a slash command or action after 3 s. */
export const SLACK_ACK_DEADLINE_MS = 3000;
/** The largest request body the receiver reads; every payload Slack sends is far smaller. Larger: 413. */
export const SLACK_REQUEST_BODY_LIMIT_BYTES = 1024 * 1024;
/**
 * How long one outgoing call (Web API, response_url) may take before it is given up: a reply later than this
 * is worth little, and a hung peer must never hold shutdown (two tries fit the 10 s shutdown window).
 */
export const SLACK_API_TIMEOUT_MS = 3000;
/** The HTTP server's bounds: headers and a whole request within 10 s, idle connections closed after 5 s. */
export const SLACK_SERVER_LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
} as const;
