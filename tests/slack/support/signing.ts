/** Requests signed the way Slack signs them: v0 HMAC-SHA256 of `v0:timestamp:body` with the signing secret. */
import { createHmac } from "node:crypto";

export const TEST_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TEST_BOT_TOKEN = "xoxb-0000000000-0000000000-faketokenfortests";
export const TEST_APP_TOKEN = "xapp-1-A123456-0000000000-faketokenfortests";

/** `X-Slack-Signature` for a body at a timestamp (seconds). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedPostOptions {
  contentType?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Default TEST_SIGNING_SECRET; a different one makes a bad signature. */
  secret?: string;
  /** More headers, as Slack sends them (X-Slack-Retry-Num on a retry). */
  headers?: Record<string, string>;
}

/** Form-encodes fields the way Slack posts slash commands (and, in `payload`, interactions). */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** POSTs a body signed like Slack to the app's events endpoint. */
export function postSigned(url: string, body: string, options: SignedPostOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(options.secret ?? TEST_SIGNING_SECRET, timestamp, body),
      ...options.headers,
    },
    body,
  });
}

/** A slash command, form-encoded and signed. */
export function postSlashCommand(url: string, fields: Record<string, string>, options?: SignedPostOptions) {
  return postSigned(url, formBody(fields), options);
}

/** An interaction (block_actions ...): JSON in the `payload` form field, signed. */
export function postInteraction(url: string, payload: unknown, options?: SignedPostOptions) {
  return postSigned(url, formBody({ payload: JSON.stringify(payload) }), options);
}

/** An Events API callback: JSON, signed. */
export function postEvent(url: string, body: unknown, options?: SignedPostOptions) {
  return postSigned(url, JSON.stringify(body), { ...options, contentType: "application/json" });
}
