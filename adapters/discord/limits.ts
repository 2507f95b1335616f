/** Discord's platform limits, named so the renderer and the handlers cite them instead of magic numbers. */

/** Characters in an embed's description. */
export const DISCORD_EMBED_DESCRIPTION_LIMIT = 4096;
/** Characters in an embed's title. */
export const DISCORD_EMBED_TITLE_LIMIT = 256;
/** Characters in an embed footer's text. */
export const DISCORD_EMBED_FOOTER_LIMIT = 2048;
/** Characters across every text of all embeds in one message. */
export const DISCORD_EMBED_TOTAL_LIMIT = 6000;
/** Embeds in one message. */
export const DISCORD_EMBEDS_PER_MESSAGE = 10;
/** Characters in a message's plain content. */
export const DISCORD_MESSAGE_CONTENT_LIMIT = 2000;
/** Choices an autocomplete response may offer. */
export const DISCORD_AUTOCOMPLETE_CHOICES_LIMIT = 25;
/** Characters in an autocomplete choice's name (what the user sees) and in its string value. */
export const DISCORD_CHOICE_NAME_LIMIT = 100;
export const DISCORD_CHOICE_VALUE_LIMIT = 100;
/** Characters in a component's custom_id, which is all the state a button carries back. */
export const DISCORD_CUSTOM_ID_LIMIT = 100;
/** Buttons in one action row. */
export const DISCORD_BUTTONS_PER_ROW = 5;
/** Action rows in one message. */
export const DISCORD_ACTION_ROWS_PER_MESSAGE = 5;
/** Characters in a button's label. */
export const DISCORD_BUTTON_LABEL_LIMIT = 80;
/** Discord's own cap on a string option's length; the command asks for less (QUESTION_MAX_LENGTH). */
export const DISCORD_STRING_OPTION_LIMIT = 6000;
/** How long the bot has to send the first response to an interaction, in milliseconds. */
export const DISCORD_INTERACTION_RESPONSE_DEADLINE_MS = 3000;

/** The longest question the command accepts; longer text from a malformed payload is cut to this. */
export const QUESTION_MAX_LENGTH = 300;
/** The message flag that makes an interaction response visible only to the user who asked. */
export const EPHEMERAL_FLAG = 64;
