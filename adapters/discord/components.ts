import type { APIActionRowComponent, APIButtonComponent } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import type { Answer } from "../../src/types.js";
import { type ButtonAction, encodeButtonAction } from "./custom-ids.js";

/** Button labels, as the user sees them. */
export const BUTTON_LABELS = { why: "Why?", table: "Show the whole table" } as const;

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

/** The buttons under an answer: "Why?" when a verdict has reasons or notes behind it, and the whole table. */
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
  return buttons(actions);
}

/** The whole-table button alone, under the help. */
export function tableButton(): ButtonRow[] {
  return buttons([{ kind: "table" }]);
}
