import { performance } from "node:perf_hooks";
import type { Message } from "discord.js";
import { RATE_LIMIT_REPLY } from "../common/rate-limit.js";
import type { HandlerContext } from "./interactions.js";
import { rateLimitKey, reportAnswered } from "./ops.js";
import { boundQuestion, isHelpRequest, questionFromMention } from "./questions.js";
import { answerReply, helpReply, NO_PINGS } from "./replies.js";

/** The question a message puts to the bot: a direct message whole, a channel message only when it mentions the bot. */
export function questionOfMessage(message: Message, botId: string): string | null {
  if (message.author.bot || message.system) return null;
  if (!message.inGuild()) return boundQuestion(message.content);
  // mentions.users holds direct mentions only: @everyone and role mentions do not summon the bot.
  if (!message.mentions.users.has(botId)) return null;
  return questionFromMention(message.content, botId);
}

/** The conversation a message continues: its DM, or the answer of ours it replies to. */
function conversationOf(message: Message): string | null {
  if (!message.inGuild()) return `discord:dm:${message.channelId}:${message.author.id}`;
  const repliedTo = message.reference?.messageId;
  return repliedTo ? `discord:answer:${repliedTo}` : null;
}

/**
 * Answers a mention or a direct message with a reply to it; past the rate limit, one plain reply, then silence.
 * A reply to one of our answers is a follow-up in that chain (even without a mention); a DM continues the DM.
 */
export async function handleMessage(
  context: HandlerContext,
  message: Message,
  receivedAt: number = performance.now(),
): Promise<void> {
  const botId = message.client.user.id;
  const conversation = conversationOf(message);
  const previous = conversation === null ? null : context.conversations.recall(conversation);
  const chained =
    previous !== null && message.inGuild() && !message.author.bot && !message.system
      ? questionFromMention(message.content, botId)
      : null;
  const mentioned = questionOfMessage(message, botId);
  const question = mentioned ?? chained;
  if (question === null) return;
  const decision = context.ops.admit(rateLimitKey(message.author.id));
  if (decision === "limited") return;
  if (decision === "limited-first") {
    await message.reply({ content: RATE_LIMIT_REPLY, allowedMentions: NO_PINGS });
    return;
  }
  if (isHelpRequest(question)) {
    await message.reply(helpReply(context.core));
    return;
  }
  const answer = context.ask(question, { context: previous });
  // A reply in the chain that does not mention us and asks nothing we understand ("thanks!") gets no answer.
  if (mentioned === null && answer.intent === "unclear") return;
  const sent = await message.reply(answerReply(answer));
  // A reply to this answer continues from it; so does the next message of a DM.
  context.conversations.remember(`discord:answer:${sent.id}`, answer);
  if (!message.inGuild() && conversation !== null) context.conversations.remember(conversation, answer);
  reportAnswered(context.ops, { answer, receivedAt, userId: message.author.id, questionText: question });
}
