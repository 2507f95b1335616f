/** A press on a rating button: recorded in the insights, then the buttons give way to a thanks line. */
import type {
  AllMiddlewareArgs,
  RespondArguments,
  SlackAction,
  SlackActionMiddlewareArgs,
} from "@slack/bolt";
import type { Dom0Core } from "../../src/index.js";
import type { Ops } from "../common/ops.js";
import { parseRatingId } from "../common/rating-id.js";
import { answerAgain, decodeReplay } from "../common/replay.js";
import type { Block } from "./block-kit.js";
import { RATING_LABELS, type Rating, withRatingCounted } from "./rating-blocks.js";
import { renderSlackBlocks } from "./render-answer.js";

export type ActionArgs = SlackActionMiddlewareArgs<SlackAction> & AllMiddlewareArgs;
export type ActionHandler = (args: ActionArgs) => Promise<void>;

/** What a press on a rating button we cannot read (forged, or from an older version) gets, privately. */
export const UNREADABLE_RATING_TEXT =
  "Thanks, but I could not read that rating button (it may be from an older version of me). Ask again to rate a fresh answer.";

/**
 * The message to put in place of the rated one. A message others see comes back in the payload: its rating
 * buttons are swapped for the thanks. A private answer does not: it is drawn again from what the button
 * carries (the question as understood, and its day), as the slash command drew it. Failing both, a private thanks beside it.
 */
function thankedMessage(core: Dom0Core, args: ActionArgs, rating: Rating): RespondArguments {
  const { body, action } = args;
  const message = body.type === "block_actions" ? body.message : undefined;
  const blocks: unknown = message?.["blocks"];
  const swapped = Array.isArray(blocks) ? withRatingCounted(blocks as Block[], rating) : null;
  if (message !== undefined && swapped !== null) {
    return { replace_original: true, text: message.text ?? "", blocks: swapped };
  }
  const ephemeral = body.type === "block_actions" && body.container?.["is_ephemeral"] === true;
  const replay = action.type === "button" ? decodeReplay(action.value) : null;
  if (ephemeral && replay !== null) {
    const look = { share: true, showQuestion: true, rating };
    return { replace_original: true, ...renderSlackBlocks(answerAgain(core, replay), look) };
  }
  return { response_type: "ephemeral", replace_original: false, text: RATING_LABELS[rating].thanks };
}

/** Records the rating (platform, what was answered, the user only if the operator opted in) and says so. */
export function ratingPress(core: Dom0Core, ops: Ops): ActionHandler {
  return async (args) => {
    await args.ack();
    const actionId = "action_id" in args.action ? args.action.action_id : undefined;
    const rating = parseRatingId(actionId);
    if (rating === null || !ops.rated("slack", actionId, args.body.user.id)) {
      await args.respond?.({
        response_type: "ephemeral",
        replace_original: false,
        text: UNREADABLE_RATING_TEXT,
      });
      return;
    }
    await args.respond?.(thankedMessage(core, args, rating.rating));
  };
}
