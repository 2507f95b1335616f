/** The 👍 and 👎 under an answer, and the thanks that takes their place once one is pressed. */
import type { types } from "@slack/bolt";
import type { Answer } from "../../src/index.js";
import { RATING_ID_PREFIX, ratingId } from "../common/rating-id.js";
import { encodeReplay, replayOf } from "../common/replay.js";
import type { Block } from "./block-kit.js";
import { contextBlock } from "./block-kit.js";
import { SLACK_ACTION_ID_LIMIT, SLACK_BUTTON_VALUE_LIMIT } from "./limits.js";

export type Rating = "up" | "down";

/** The buttons' labels and what replaces them, as the user reads them. */
export const RATING_LABELS: Record<Rating, { button: string; thanks: string }> = {
  up: { button: "👍 Helpful", thanks: "👍 Thanks for the feedback: counted as helpful." },
  down: { button: "👎 Not helpful", thanks: "👎 Thanks for the feedback: counted as not helpful." },
};

/**
 * The two rating buttons for an answer. The action_id carries what was answered (intent, product, verdict,
 * topic), so a press is recorded without a lookup; the value carries the question as understood and its day, so
 * a private answer (whose press payload has no copy of the message) can be drawn again, the same, with the
 * thanks in place of the buttons.
 */
export function ratingButtons(answer: Answer): types.Button[] {
  return (["up", "down"] as const)
    .map(
      (rating): types.Button => ({
        type: "button",
        action_id: ratingId(rating, answer),
        text: { type: "plain_text", text: RATING_LABELS[rating].button, emoji: true },
        value: encodeReplay(replayOf(answer), SLACK_BUTTON_VALUE_LIMIT),
      }),
    )
    .filter((button) => (button.action_id ?? "").length <= SLACK_ACTION_ID_LIMIT);
}

/** The line that replaces the rating buttons once pressed. */
export function ratedContext(rating: Rating): types.ContextBlock {
  return contextBlock([RATING_LABELS[rating].thanks]);
}

function isRatingButton(element: { action_id?: string }): boolean {
  return element.action_id?.startsWith(RATING_ID_PREFIX) === true;
}

/**
 * A message's blocks (as Slack sends them back in block_actions) with the rating buttons taken out of their
 * row and the thanks line put after it; null when the message has no rating buttons left to replace.
 */
export function withRatingCounted(blocks: readonly Block[], rating: Rating): Block[] | null {
  let replaced = false;
  const result: Block[] = [];
  for (const block of blocks) {
    if (block.type !== "actions" || !block.elements.some(isRatingButton)) {
      result.push(block);
      continue;
    }
    const kept = block.elements.filter((element) => !isRatingButton(element));
    if (kept.length > 0) result.push({ ...block, elements: kept });
    if (!replaced) result.push(ratedContext(rating));
    replaced = true;
  }
  return replaced ? result : null;
}
