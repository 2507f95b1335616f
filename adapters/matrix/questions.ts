/** What a Matrix message asks the bot, if anything: `!dom0 ...`, a mention (pill, name or id), or a DM. */
import type { MatrixEvent, Room } from "matrix-js-sdk";

/** User text is cut to this before any pattern runs on it. */
export const MATRIX_QUESTION_LIMIT = 2000;
const COMMAND = /^\s*!dom0\b[:,]?\s*/i;

export interface Addressed {
  text: string;
  /** How it reached the bot: a command or mention answers even "help"; a DM answers everything. */
  how: "command" | "mention" | "dm" | "thread";
}

/** Who the bot is, for recognising mentions. */
export interface BotIdentity {
  userId: string;
  displayName: string | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The patterns for the bot's display name, made once per name (it changes rarely; messages arrive often). */
let namePatterns: { name: string; find: RegExp; strip: RegExp } | null = null;
function patternsFor(name: string): { find: RegExp; strip: RegExp } {
  if (namePatterns?.name !== name) {
    const escaped = escapeRegExp(name);
    namePatterns = {
      name,
      find: new RegExp(`(^|\\s)@?${escaped}\\b`, "i"),
      strip: new RegExp(`(^|\\s)@?${escaped}\\b[:,]?`, "gi"),
    };
  }
  return namePatterns;
}

/** True when the event's content mentions the bot: m.mentions, a pill in the HTML, its id or name in the text. */
function mentions(content: Record<string, unknown>, body: string, bot: BotIdentity): boolean {
  const intentional = (content["m.mentions"] as { user_ids?: unknown } | undefined)?.user_ids;
  if (Array.isArray(intentional) && intentional.includes(bot.userId)) return true;
  const html = typeof content["formatted_body"] === "string" ? content["formatted_body"].slice(0, 8000) : "";
  if (
    html.includes(`matrix.to/#/${bot.userId}`) ||
    html.includes(`matrix.to/#/${encodeURIComponent(bot.userId)}`)
  )
    return true;
  if (body.includes(bot.userId)) return true;
  return bot.displayName !== null && patternsFor(bot.displayName).find.test(body);
}

/** The text without the bot's id or display name (as a pill's fallback text puts it: "dom0bot: ..."). */
function withoutMention(body: string, bot: BotIdentity): string {
  let text = body.replaceAll(bot.userId, " ");
  if (bot.displayName !== null) text = text.replace(patternsFor(bot.displayName).strip, " ");
  return text.replace(/\s+/g, " ").trim();
}

/** True for a room of two: the bot and one person (or one marked direct by its invite). */
export function isDirectRoom(room: Room, bot: BotIdentity): boolean {
  return (
    room.getDMInviter() !== undefined ||
    (room.getJoinedMemberCount() === 2 && room.getMember(bot.userId) !== null)
  );
}

/** The event's plain text, bounded, when it is a person's text message (not a notice, an edit or a bot's). */
export function textOf(event: MatrixEvent): string | null {
  if (event.getType() !== "m.room.message" || event.isRedacted()) return null;
  const content = event.getContent();
  // m.notice is what bots post: answering one could start two bots talking to each other for ever.
  if (content["msgtype"] !== "m.text") return null;
  if ((content["m.relates_to"] as { rel_type?: string } | undefined)?.rel_type === "m.replace") return null;
  return typeof content["body"] === "string" ? content["body"].slice(0, MATRIX_QUESTION_LIMIT) : null;
}

/** What the message asks the bot, or null when it is not addressed to it. */
export function addressed(
  event: MatrixEvent,
  room: Room,
  bot: BotIdentity,
  inAnsweredThread: boolean,
): Addressed | null {
  const body = textOf(event);
  if (body === null) return null;
  // A reply's quoted fallback ("> <@alice:x> earlier text") is not part of the question.
  const own = body
    .split("\n")
    .filter((line) => !line.startsWith("> "))
    .join("\n")
    .trim();
  if (COMMAND.test(own)) return { text: own.replace(COMMAND, "").trim(), how: "command" };
  if (mentions(event.getContent(), own, bot)) return { text: withoutMention(own, bot), how: "mention" };
  if (isDirectRoom(room, bot)) return { text: own, how: "dm" };
  if (inAnsweredThread) return { text: own, how: "thread" };
  return null;
}

/** The thread the event belongs to (its root's id), or the event itself as a new thread's root. */
export function threadRootOf(event: MatrixEvent): string {
  const relation = event.getContent()["m.relates_to"] as { rel_type?: string; event_id?: string } | undefined;
  return relation?.rel_type === "m.thread" && typeof relation.event_id === "string"
    ? relation.event_id
    : (event.getId() ?? "");
}
