/** Text that reaches Discord from a question or an answer: made unable to mention anyone, and cut to fit. */

const ZERO_WIDTH_SPACE = "\u200b";
// @everyone, @here, and the <@user>, <@!user>, <@&role>, <#channel> and </command:id> tokens Discord renders.
const MENTION_PATTERN = /@(everyone|here)|<(@[!&]?|#|\/)/g;

/** Breaks every mention token with a zero-width space, so it shows as text and cannot render or ping. */
export function neutralizeMentions(text: string): string {
  return text.replace(MENTION_PATTERN, (match) => `${match[0]}${ZERO_WIDTH_SPACE}${match.slice(1)}`);
}

/** Cuts text to at most `limit` characters, ending with an ellipsis when it had to cut. */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, Math.max(0, limit - 1)).trimEnd()}…`;
}

/** Neutralized, then cut to fit: the one way user-derived text goes into a Discord field. */
export function safeText(text: string, limit: number): string {
  return truncate(neutralizeMentions(text), limit);
}
