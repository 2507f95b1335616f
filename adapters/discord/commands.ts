import type { RESTPutAPIApplicationCommandsJSONBody } from "discord.js";
import { ApplicationCommandOptionType, ApplicationCommandType } from "discord.js";
import { QUESTION_MAX_LENGTH } from "./limits.js";

/** The slash command's name and its options' names, shared by the definitions and the handlers. */
export const COMMAND_NAME = "dom0";
export const OPTION = {
  question: "question",
  os: "os",
  version: "version",
  private: "private",
  help: "help",
} as const;

/** The commands registered with Discord, in the body of the bulk overwrite PUT (which makes it idempotent). */
export const DISCORD_COMMANDS: RESTPutAPIApplicationCommandsJSONBody = [
  {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAME,
    description:
      "Can this OS be the Xen dom0? Answers from the Xen wiki and the distributions' documents, dated.",
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: OPTION.question,
        description: "Your question, e.g. does CentOS 6.3 work as dom0?",
        max_length: QUESTION_MAX_LENGTH,
        required: false,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: OPTION.os,
        description: "The operating system or distribution (start typing to pick one)",
        max_length: 100,
        autocomplete: true,
        required: false,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: OPTION.version,
        description: "Its release (pick the os first; codenames shown)",
        max_length: 100,
        autocomplete: true,
        required: false,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: OPTION.private,
        description: "Only you see the answer",
        required: false,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: OPTION.help,
        description: "What the bot does, with examples",
        required: false,
      },
    ],
  },
];
