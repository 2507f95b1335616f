import type { APIActionRowComponent, APIButtonComponent, APIEmbed, MessageMentionOptions } from "discord.js";
import type { Answer, Dom0Core } from "../../src/types.js";
import { answerButtons, tableButton } from "./components.js";
import { renderDiscordEmbed, renderHelpEmbed } from "./render.js";

/** Sent with every message: nothing the bot writes can ping anyone, whatever the question held. */
export const NO_PINGS: MessageMentionOptions = { parse: [], repliedUser: false };

/** A reply's body, before the platform call (interaction reply or message reply) adds its own fields. */
export interface ReplyBody {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: MessageMentionOptions;
}

/** An answer as a reply: its embed and its buttons. */
export function answerReply(answer: Answer): ReplyBody {
  return {
    embeds: [renderDiscordEmbed(answer)],
    components: answerButtons(answer),
    allowedMentions: NO_PINGS,
  };
}

/** The help as a reply, with the whole-table button. */
export function helpReply(core: Dom0Core): ReplyBody {
  return {
    embeds: [renderHelpEmbed(core)],
    components: tableButton(),
    allowedMentions: NO_PINGS,
  };
}

/** A short plain notice (unknown command, stale button, apology); fixed text, never user input. */
export function noticeReply(text: string): ReplyBody {
  return { embeds: [{ description: text }], components: [], allowedMentions: NO_PINGS };
}
