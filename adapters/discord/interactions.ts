import { performance } from "node:perf_hooks";
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  CommandInteractionOptionResolver,
  Interaction,
} from "discord.js";
import { MessageFlags } from "discord.js";
import type { Dom0Core } from "../../src/types.js";
import type { ConversationMemory } from "../common/conversations.js";
import type { AskedQuestion, FlowOutcome, Renderer, Transport } from "../common/flow.js";
import type { Ops } from "../common/ops.js";
import { RATE_LIMIT_REPLY } from "../common/rate-limit.js";
import { answerAgain } from "../common/replay.js";
import { osChoices, versionChoices } from "./autocomplete.js";
import { COMMAND_NAME, OPTION } from "./commands.js";
import { tableSwitchButtons } from "./components.js";
import { decodeButtonAction } from "./custom-ids.js";
import { rateLimitKey } from "./ops.js";
import { questionFromOptions, replayOfWhy } from "./questions.js";
import { handleRatingPress, isRatingPress } from "./ratings.js";
import { renderTableEmbeds, renderWhyEmbed } from "./render.js";
import { NO_PINGS, noticeReply, type ReplyBody } from "./replies.js";

/** What the handlers need: the core, the function every question goes through, and the operations layer. */
export interface HandlerContext {
  core: Dom0Core;
  ops: Ops;
  /** The shared question flow, rendering Discord replies. */
  flow: DiscordFlow;
  /** A slash command's answer, public or for the asker alone (help is always for the asker alone). */
  renderers: { public: Renderer<DiscordReply>; private: Renderer<DiscordReply> };
  /** Each reply chain's and DM's last question, for follow-ups. */
  conversations: ConversationMemory;
}

/** A reply body as the flow sends it: ephemeral when the asker alone should see it. */
export type DiscordReply = ReplyBody & { flags?: MessageFlags.Ephemeral };
export type DiscordFlow = (
  asked: AskedQuestion,
  transport: Transport<DiscordReply>,
  render?: Renderer<DiscordReply>,
) => Promise<FlowOutcome>;

type Options = Pick<CommandInteractionOptionResolver, "get">;

/** An option's value if it has the expected type; a malformed interaction yields null, never a throw. */
function optionOf<T extends string | boolean>(
  options: Options,
  name: string,
  type: "string" | "boolean",
): T | null {
  const value = options.get(name)?.value;
  return typeof value === type ? (value as T) : null;
}

async function replyTo(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  body: ReplyBody,
  ephemeral: boolean,
) {
  await interaction.reply({ ...body, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
}

async function onCommand(
  context: HandlerContext,
  interaction: ChatInputCommandInteraction,
  receivedAt: number,
): Promise<void> {
  if (interaction.commandName !== COMMAND_NAME) {
    await replyTo(
      interaction,
      noticeReply(`This command is not mine any more; try \`/${COMMAND_NAME}\`.`),
      true,
    );
    return;
  }
  const options = interaction.options;
  const ephemeral = optionOf<boolean>(options, OPTION.private, "boolean") === true;
  const question = questionFromOptions(context.core, {
    question: optionOf<string>(options, OPTION.question, "string"),
    os: optionOf<string>(options, OPTION.os, "string"),
    version: optionOf<string>(options, OPTION.version, "string"),
  });
  const wantsHelp = question === null || optionOf<boolean>(options, OPTION.help, "boolean") === true;
  // Every rate-limited command is told, not only the first: an interaction left without a response shows its
  // user an error, and an ephemeral reply is seen by that user alone, so the channel stays quiet.
  const tellLimited = () => replyTo(interaction, noticeReply(RATE_LIMIT_REPLY), true);
  await context.flow(
    {
      text: wantsHelp ? "help" : question.question,
      userKey: rateLimitKey(interaction.user.id),
      userId: interaction.user.id,
      receivedAt,
      conversation: null,
      ...(wantsHelp ? {} : { replay: question }),
    },
    { send: (body) => interaction.reply(body), tellLimited, stayQuiet: tellLimited },
    ephemeral ? context.renderers.private : context.renderers.public,
  );
}

async function onAutocomplete(context: HandlerContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.data.find((option) => option.focused);
  const typed = typeof focused?.value === "string" ? focused.value : "";
  if (interaction.commandName !== COMMAND_NAME || !focused) {
    await interaction.respond([]);
  } else if (focused.name === OPTION.os) {
    await interaction.respond(osChoices(context.core, typed));
  } else if (focused.name === OPTION.version) {
    await interaction.respond(
      versionChoices(context.core, optionOf<string>(interaction.options, OPTION.os, "string"), typed),
    );
  } else {
    await interaction.respond([]);
  }
}

async function onButton(context: HandlerContext, interaction: ButtonInteraction): Promise<void> {
  if (isRatingPress(interaction.customId)) return handleRatingPress(context.ops, interaction);
  const action = decodeButtonAction(interaction.customId);
  if (action === null) {
    await replyTo(interaction, noticeReply("This button is out of date; ask again with `/dom0`."), true);
  } else if (action.kind === "table") {
    const rows = context.core.table(action.asOf === null ? {} : { asOf: action.asOf });
    const embeds = renderTableEmbeds(rows, context.core.source, action.asOf);
    const components = tableSwitchButtons(context.core, action.asOf);
    await replyTo(interaction, { embeds, components, allowedMentions: NO_PINGS }, true);
  } else {
    const answer = answerAgain(context.core, replayOfWhy(context.core, action));
    await replyTo(
      interaction,
      { embeds: [renderWhyEmbed(answer)], components: [], allowedMentions: NO_PINGS },
      true,
    );
  }
}

/**
 * Routes one interaction to its handler; anything not ours gets a short private notice (or nothing, if it cannot
 * be answered). Slash commands are rate limited per user; autocomplete and buttons are not (see the README).
 */
export async function handleInteraction(
  context: HandlerContext,
  interaction: Interaction,
  receivedAt: number = performance.now(),
): Promise<void> {
  if (interaction.isAutocomplete()) return onAutocomplete(context, interaction);
  if (interaction.isChatInputCommand()) return onCommand(context, interaction, receivedAt);
  if (interaction.isButton()) return onButton(context, interaction);
  if (interaction.isRepliable()) {
    await interaction.reply({ ...noticeReply("I only answer `/dom0`."), flags: MessageFlags.Ephemeral });
  }
}
