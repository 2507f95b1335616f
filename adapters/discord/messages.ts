import type { Message } from "discord.js";
import type { HandlerContext } from "./interactions.js";
import { boundQuestion, isHelpRequest, questionFromMention } from "./questions.js";
import { answerReply, helpReply } from "./replies.js";

/** The question a message puts to the bot: a direct message whole, a channel message only when it mentions the bot. */
export function questionOfMessage(message: Message, botId: string): string | null {
  if (message.author.bot || message.system) return null;
  if (!message.inGuild()) return boundQuestion(message.content);
  // mentions.users holds direct mentions only: @everyone and role mentions do not summon the bot.
  if (!message.mentions.users.has(botId)) return null;
  return questionFromMention(message.content, botId);
}

/** Answers a mention or a direct message with a reply to it. */
export async function handleMessage(context: HandlerContext, message: Message): Promise<void> {
  const botId = message.client.user.id;
  const question = questionOfMessage(message, botId);
  if (question === null) return;
  const body = isHelpRequest(question) ? helpReply(context.core) : answerReply(context.ask(question));
  await message.reply(body);
}
