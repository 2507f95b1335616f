/** Scrubbing of secrets from log lines and stored text: by field name and by the shape of the value. */

export const REDACTED = "[Redacted]";

/** Field names that hold secrets, wherever they appear (`token`, `botToken`, `x-slack-signature`, ...). */
const SECRET_KEY = /token|secret|authori[sz]ation|signature|password|cookie|api[-_]?key/i;

/** Values that are secrets whatever field holds them; a pattern runs only on text holding one of its hints
 *  (a substring every match contains), which keeps ordinary log lines cheap. */
const SECRET_VALUES: ReadonlyArray<{ pattern: RegExp; replacement: string; hints?: readonly string[] }> = [
  // Slack bot, user, app-level, refresh and configuration tokens.
  {
    pattern: /\b(?:xox[abprse]|xoxe\.xox[bp]|xapp)-[A-Za-z0-9-]+/g,
    replacement: REDACTED,
    hints: ["xox", "xapp-"],
  },
  // Discord bot tokens: base64 of the numeric user id (so M, N or O first), timestamp, HMAC.
  {
    pattern: /\b[MNO][A-Za-z0-9_-]{22,27}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}\b/g,
    replacement: REDACTED,
  },
  // Discord interaction and webhook tokens inside URLs.
  {
    pattern: /(\/(?:webhooks|interactions)\/\d+\/)[A-Za-z0-9_.-]+/g,
    replacement: `$1${REDACTED}`,
    hints: ["/webhooks/", "/interactions/"],
  },
  // Slack response_url and incoming-webhook URLs carry a secret in their path.
  { pattern: /(hooks\.slack\.com\/)[^\s"'\\]+/g, replacement: `$1${REDACTED}`, hints: ["hooks.slack.com/"] },
  { pattern: /\bBearer\s+[A-Za-z0-9._~+/-]+=*/g, replacement: `Bearer ${REDACTED}`, hints: ["Bearer"] },
];

/** A JSON member whose key names a secret and whose value is a primitive. */
const SECRET_JSON_MEMBER =
  /"([^"\\]*(?:token|secret|authori[sz]ation|signature|password|cookie|api[-_]?key)[^"\\]*)":(?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false)/gi;

/** Whether a field of this name holds a secret. */
export function isSecretKey(key: string): boolean {
  let secret = keyVerdicts.get(key);
  if (secret === undefined) {
    secret = SECRET_KEY.test(key);
    if (keyVerdicts.size < KEY_VERDICTS_LIMIT) keyVerdicts.set(key, secret);
  }
  return secret;
}
// Log lines reuse a few field names: remembering the verdicts saves a regex per field per line.
const keyVerdicts = new Map<string, boolean>();
const KEY_VERDICTS_LIMIT = 2_000;

/** Replaces token-shaped substrings (Slack, Discord, bearer, webhook URLs) with a marker. */
export function scrubSecrets(text: string): string {
  let scrubbed = text;
  for (const { pattern, replacement, hints } of SECRET_VALUES) {
    if (hints === undefined || hints.some((hint) => scrubbed.includes(hint))) {
      scrubbed = scrubbed.replace(pattern, replacement);
    }
  }
  return scrubbed;
}

/** Scrubs one serialised JSON line: secret-named members and secret-shaped values. */
export function scrubJsonLine(line: string): string {
  // Most lines name no secret: the cheap test skips the costlier replace.
  const members = SECRET_KEY.test(line) ? line.replace(SECRET_JSON_MEMBER, `"$1":"${REDACTED}"`) : line;
  return scrubSecrets(members);
}

/** Replaces the value of every secret-named field in plain objects and arrays, nested ones too; copies only
 *  what changes, so a line without secrets costs no allocation. */
export function redactSecretFields(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => redactSecretFields(item, depth + 1));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const fields = value as Record<string, unknown>;
  let copy: Record<string, unknown> | null = null;
  for (const key of Object.keys(fields)) {
    const field = fields[key];
    const redacted = isSecretKey(key) ? REDACTED : redactSecretFields(field, depth + 1);
    if (redacted === field) continue;
    copy ??= { ...fields };
    copy[key] = redacted;
  }
  return copy ?? value;
}
