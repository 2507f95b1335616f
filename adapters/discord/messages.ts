import { performance } from "node:perf_hooks";
import type { Message } from "discord.js";
import type { HandlerContext } from "./interactions.js";
import { rateLimitKey } from "./ops.js";
import { boundQuestion, questionFromMention } from "./questions.js";
import { NO_PINGS } from "./replies.js";

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
 * Answers a mention or a direct message with a reply to it, through the shared flow; past the rate limit, one
 * plain reply, then silence. A reply to one of our answers is a follow-up in that chain (even without a
 * mention); a DM continues the DM.
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
  await context.flow(
    {
      text: question,
      userKey: rateLimitKey(message.author.id),
      userId: message.author.id,
      receivedAt,
      conversation,
      // A DM continues the DM; in a server, a reply to this answer continues from it (replyConversation).
      continuesIn: message.inGuild() ? null : conversation,
      quietUnlessUnderstood: mentioned === null,
    },
    {
      // A message reply is public in its channel or DM: an ephemeral flag (interactions only) does not apply.
      send: async ({ flags: _ephemeral, ...reply }) => (await message.reply(reply)).id,
      tellLimited: (text) => message.reply({ content: text, allowedMentions: NO_PINGS }),
    },
  );
}
