/** A press on a rating button: recorded in the insights, then the rating row becomes a disabled "Thanks". */
import type { ButtonInteraction } from "discord.js";
import { MessageFlags } from "discord.js";
import type { Ops } from "../common/ops.js";
import { parseRatingId, RATING_ID_PREFIX } from "../common/rating-id.js";
import { RATED_BUTTON_ID, ratedRow } from "./components.js";
import { noticeReply } from "./replies.js";

/** What a press on a rating button we cannot read (forged, or from an older bot) gets, privately. */
export const UNREADABLE_RATING_TEXT =
  "Thanks, but I could not read that rating button (it may be from an older version of me). Ask again with `/dom0` to rate a fresh answer.";

function isRatingRow(row: unknown): boolean {
  const components = (row as { components?: unknown } | null)?.components;
  return (
    Array.isArray(components) &&
    components.some((component: { custom_id?: unknown } | null) => {
      const id = component?.custom_id;
      return typeof id === "string" && (id.startsWith(RATING_ID_PREFIX) || id === RATED_BUTTON_ID);
    })
  );
}

/** Whether a button press is a rating, to be routed here before the bot's own button decoder. */
export function isRatingPress(customId: string): boolean {
  return customId.startsWith(RATING_ID_PREFIX);
}

/**
 * Records the rating and updates the answer in place: its other buttons stay, the rating row becomes one disabled
 * button thanking the rater. Discord refuses presses on components a message no longer has, so one answer
 * message yields one rating.
 */
export async function handleRatingPress(ops: Ops, interaction: ButtonInteraction): Promise<void> {
  const rating = parseRatingId(interaction.customId);
  if (rating === null || !ops.rated("discord", interaction.customId, interaction.user.id)) {
    await interaction.reply({ ...noticeReply(UNREADABLE_RATING_TEXT), flags: MessageFlags.Ephemeral });
    return;
  }
  const kept = interaction.message.components.map((row) => row.toJSON()).filter((row) => !isRatingRow(row));
  await interaction.update({ components: [...kept, ratedRow(rating.rating)] });
}
