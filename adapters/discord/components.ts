import type { APIActionRowComponent, APIButtonComponent } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import type { Answer, Dom0Core } from "../../src/types.js";
import { ratingId } from "../common/rating-id.js";
import { dayText } from "../common/sources.js";
import { type ButtonAction, encodeButtonAction } from "./custom-ids.js";
import { DISCORD_CUSTOM_ID_LIMIT } from "./limits.js";

/** Button labels, as the user sees them. */
export const BUTTON_LABELS = { why: "Why?", table: "Show the whole table", today: "Today's table" } as const;

/** The label of a table button: today's table, or the one in force on an older table source's day. */
export function tableLabel(asOf: string | null): string {
  return asOf === null ? BUTTON_LABELS.table : `The table as of ${dayText(asOf)}`;
}

function labelOf(action: ButtonAction): string {
  return action.kind === "why" ? BUTTON_LABELS.why : tableLabel(action.asOf);
}
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
        label: labelOf(action),
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
  if (answer.query !== null && answer.product !== null && answer.notes.length + answer.reasons.length > 0) {
    actions.push({ kind: "why", query: answer.query, asOf: answer.asOf });
  }
  actions.push({ kind: "table", asOf: null });
  return [...buttons(actions), ...ratingRow(answer)];
}

/** The whole-table button alone, under the help. */
export function tableButton(): ButtonRow[] {
  return buttons([{ kind: "table", asOf: null }]);
}

/**
 * Under a table: from today's, a button for each older table source ("The table as of 18 April 2014"); from an
 * older one, the way back to today's.
 */
export function tableSwitchButtons(core: Pick<Dom0Core, "tables">, shown: string | null): ButtonRow[] {
  if (shown !== null) return buttons([{ kind: "table", asOf: null }]).map(withLabel(BUTTON_LABELS.today));
  return buttons(
    core
      .tables()
      .slice(1, 5)
      .map((source) => ({ kind: "table", asOf: source.revision })),
  );
}

function withLabel(label: string): (row: ButtonRow) => ButtonRow {
  return (row) => ({ ...row, components: row.components.map((button) => ({ ...button, label })) });
}
