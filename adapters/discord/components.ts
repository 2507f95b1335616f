import type { APIActionRowComponent, APIButtonComponent } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import type { Answer } from "../../src/types.js";
import { ratingId } from "../common/rating-id.js";
import { type ButtonAction, encodeButtonAction } from "./custom-ids.js";
import { DISCORD_CUSTOM_ID_LIMIT } from "./limits.js";

/** Button labels, as the user sees them. */
export const BUTTON_LABELS = { why: "Why?", table: "Show the whole table" } as const;
/** The rating buttons under every answer, and what replaces them once one is pressed. */
export const RATING_BUTTONS = {
  up: { emoji: "👍", label: "Helpful", thanks: "Thanks: rated helpful" },
  down: { emoji: "👎", label: "Not helpful", thanks: "Thanks: rated not helpful" },
} as const;
/** The custom_id of the disabled "Thanks" button (Discord wants one even on a button nobody can press). */
export const RATED_BUTTON_ID = "dom0:rated";

type ButtonRow = APIActionRowComponent<APIButtonComponent>;

function buttons(actions: ButtonAction[]): ButtonRow[] {
  const components: APIButtonComponent[] = [];
  for (const action of actions) {
    const customId = encodeButtonAction(action);
    if (customId) {
      components.push({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: BUTTON_LABELS[action.kind],
        custom_id: customId,
      });
    }
  }
  return components.length > 0 ? [{ type: ComponentType.ActionRow, components }] : [];
}

/** Thumbs up and down on their own row, so a press can swap the row for its thanks; the id carries the answer. */
function ratingRow(answer: Answer): ButtonRow[] {
  const components = (["up", "down"] as const).map(
    (rating): APIButtonComponent => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      emoji: { name: RATING_BUTTONS[rating].emoji },
      label: RATING_BUTTONS[rating].label,
      custom_id: ratingId(rating, answer),
    }),
  );
  const fits = components.every(
    (button) => "custom_id" in button && button.custom_id.length <= DISCORD_CUSTOM_ID_LIMIT,
  );
  return fits ? [{ type: ComponentType.ActionRow, components }] : [];
}

/** What the rating row becomes once pressed: one disabled button saying the rating was counted. */
export function ratedRow(rating: "up" | "down"): ButtonRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        emoji: { name: RATING_BUTTONS[rating].emoji },
        label: RATING_BUTTONS[rating].thanks,
        custom_id: RATED_BUTTON_ID,
        disabled: true,
      },
    ],
  };
}

/** The buttons under an answer: "Why?" when a verdict has reasons or notes behind it and the whole table on
 *  one row, the rating buttons on a second (two rows of at most two buttons: well inside Discord's 5 × 5). */
export function answerButtons(answer: Answer): ButtonRow[] {
  const actions: ButtonAction[] = [];
  if (
    answer.intent === "support" &&
    answer.product !== null &&
    answer.notes.length + answer.reasons.length > 0
  ) {
    actions.push({ kind: "why", product: answer.product, version: answer.version, xen: answer.xen });
  }
  actions.push({ kind: "table" });
  return [...buttons(actions), ...ratingRow(answer)];
}

/** The whole-table button alone, under the help. */
export function tableButton(): ButtonRow[] {
  return buttons([{ kind: "table" }]);
}
