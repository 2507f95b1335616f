/** Text going into Slack mrkdwn, and text coming out of Slack messages. */

const ELLIPSIS = "…";
const ZERO_WIDTH_SPACE = "\u200b";
// Plain "@here" only pings when a message is posted with link_names; broken up, it never can.
const BROADCAST_WORD = /@(?:channel|here|everyone)\b/gi;

/**
 * Escapes the three characters Slack's mrkdwn treats as control characters. After this, `<!channel>`,
 * `<!here>`, `<@U123>` and `<!subteam^S1>` show as literal text and cannot ping anyone or break a message;
 * a plain `@here`, `@channel` or `@everyone` gets a zero-width space after the `@` for the same reason.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(BROADCAST_WORD, (word) => `@${ZERO_WIDTH_SPACE}${word.slice(1)}`);
}

/** Cuts already escaped mrkdwn to `limit` characters without splitting an `&amp;`-style entity. */
export function truncateMrkdwn(escaped: string, limit: number): string {
  if (escaped.length <= limit) return escaped;
  const cut = escaped.slice(0, Math.max(0, limit - ELLIPSIS.length)).replace(/&[a-z]{0,3}$/, "");
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/** Escaped, then cut to fit: the one way text from a question or an answer goes into a mrkdwn field. */
export function safeMrkdwn(text: string, limit: number): string {
  return truncateMrkdwn(escapeMrkdwn(text), limit);
}

/** Cuts plain text (a button value, a plain_text label) to `limit` characters. */
export function truncatePlain(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, Math.max(0, limit - ELLIPSIS.length)).trimEnd()}${ELLIPSIS}`;
}

// Slack's own markup in message and command text: <@U123>, <@U123|name>, <#C123|general>, <!here>,
// <!subteam^S1|@team>, <https://x|label>.
const SLACK_TOKEN = /<([@#!]?)([^<>|]*)(?:\|([^<>]*))?>/g;

/** How much of a Slack message is read as the question. */
export const SLACK_QUESTION_INPUT_LIMIT = 4000;

/**
 * Turns the text of a Slack message or slash command into the plain question a person typed: the bot's own
 * mention removed, other mentions and links reduced to their labels, Slack's `&amp;`/`&lt;`/`&gt;` decoded.
 */
export function questionFromSlackText(text: string, botUserId?: string): string {
  // Bounded before any pattern runs (the core reads at most 2,000 characters of a question anyway).
  const plain = text
    .slice(0, SLACK_QUESTION_INPUT_LIMIT)
    .replace(SLACK_TOKEN, (_token, sigil: string, target: string, label?: string) => {
      if (sigil === "@") return target === botUserId ? " " : `@${label ?? "someone"}`;
      if (sigil === "#") return `#${label ?? "channel"}`;
      if (sigil === "!") return label ?? `@${target.split("^")[0] ?? ""}`;
      return label ?? target;
    });
  return plain.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
}
