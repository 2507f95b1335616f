/** Scrubbing of secrets from log lines and stored text: by field name and by the shape of the value. */

export const REDACTED = "[Redacted]";

/** Field names that hold secrets, wherever they appear (`token`, `botToken`, `x-slack-signature`, ...). */
const SECRET_KEY = /token|secret|authori[sz]ation|signature|password|cookie|api[-_]?key/i;

/** Values that are secrets whatever field holds them. */
const SECRET_VALUES: ReadonlyArray<[RegExp, string]> = [
  // Slack bot, user, app-level, refresh and configuration tokens.
  [/\b(?:xox[abprse]|xoxe\.xox[bp]|xapp)-[A-Za-z0-9-]+/g, REDACTED],
  // Discord bot tokens: base64 of the numeric user id (so M, N or O first), timestamp, HMAC.
  [/\b[MNO][A-Za-z0-9_-]{22,27}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}\b/g, REDACTED],
  // Discord interaction and webhook tokens inside URLs.
  [/(\/(?:webhooks|interactions)\/\d+\/)[A-Za-z0-9_.-]+/g, `$1${REDACTED}`],
  // Slack response_url and incoming-webhook URLs carry a secret in their path.
  [/(hooks\.slack\.com\/)[^\s"'\\]+/g, `$1${REDACTED}`],
  [/\bBearer\s+[A-Za-z0-9._~+/-]+=*/g, `Bearer ${REDACTED}`],
];

/** A JSON member whose key names a secret and whose value is a primitive. */
const SECRET_JSON_MEMBER =
  /"([^"\\]*(?:token|secret|authori[sz]ation|signature|password|cookie|api[-_]?key)[^"\\]*)":(?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false)/gi;

/** Whether a field of this name holds a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Replaces token-shaped substrings (Slack, Discord, bearer, webhook URLs) with a marker. */
export function scrubSecrets(text: string): string {
  let scrubbed = text;
  for (const [pattern, replacement] of SECRET_VALUES) {
    scrubbed = scrubbed.replace(pattern, replacement);
  }
  return scrubbed;
}

/** Scrubs one serialised JSON line: secret-named members and secret-shaped values. */
export function scrubJsonLine(line: string): string {
  // Most lines name no secret: the cheap test skips the costlier replace.
  const members = SECRET_KEY.test(line) ? line.replace(SECRET_JSON_MEMBER, `"$1":"${REDACTED}"`) : line;
  return scrubSecrets(members);
}

/** Copies plain objects and arrays, replacing the value of every secret-named field (nested ones too). */
export function redactSecretFields(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactSecretFields(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = isSecretKey(key) ? REDACTED : redactSecretFields(field, depth + 1);
  }
  return copy;
}
