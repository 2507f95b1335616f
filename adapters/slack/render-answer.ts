/** Renders a core `Answer` as a Slack message: Block Kit with the verdict line first, plus fallback text. */
import type { types } from "@slack/bolt";
import type { Answer, SourceRef, Verdict } from "../../src/index.js";
import { encodeReplay, replayOf } from "../common/replay.js";
import { dayText, differenceWords, differingSources, isSeveral, lineVerdict } from "../common/sources.js";
import { SHARE_ACTION_ID } from "./action-ids.js";
import { type Block, contextBlock, fitBlocks, packedSections, sectionBlock } from "./block-kit.js";
import {
  SLACK_ACTIONS_ELEMENTS_LIMIT,
  SLACK_BUTTON_VALUE_LIMIT,
  SLACK_CONTEXT_TEXT_LIMIT,
  SLACK_FALLBACK_TEXT_LIMIT,
  SLACK_MESSAGE_BLOCKS_LIMIT,
} from "./limits.js";
import { escapeMrkdwn, safeMrkdwn } from "./mrkdwn.js";
import { type Rating, ratedContext, ratingButtons } from "./rating-blocks.js";

/** What Slack receives for one message: blocks for display, `text` for notifications and screen readers. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface RenderAnswerOptions {
  /** Add the "Share in channel" button (ephemeral replies only; never under "I could not tell"). */
  share: boolean;
  /** Quote the question under the answer (for answers others see without the question above them). */
  showQuestion: boolean;
  /**
   * "open": add the 👍 and 👎 rating buttons (never under "I could not tell": that question is recorded as
   * unanswered anyway); "up" or "down": the thanks line in their place, once rated. Default: neither.
   */
  rating?: "open" | Rating;
}

const VERDICT_EMOJI: Record<Verdict, string> = {
  yes: ":white_check_mark:",
  no: ":x:",
  partial: ":warning:",
  unlisted: ":grey_question:",
};

/** The answer as Block Kit: verdict line, reasons, notes, suggestions, then source (and question) as context. */
export function renderSlackBlocks(answer: Answer, options: RenderAnswerOptions): SlackMessage {
  // Several systems: the headline is no verdict of its own; each system's line carries its own mark.
  const emoji = answer.verdict === null || isSeveral(answer) ? "" : `${VERDICT_EMOJI[answer.verdict]} `;
  const leading: Block[] = [sectionBlock(`${emoji}*${escapeMrkdwn(answer.headline)}*`)];
  const markOf = (reason: string): string => {
    const verdict = lineVerdict(answer, reason);
    return verdict ? VERDICT_EMOJI[verdict] : "•";
  };
  leading.push(
    ...packedSections(answer.reasons.map((reason) => `${markOf(reason)} ${escapeMrkdwn(reason.trim())}`)),
  );
  leading.push(...packedSections(answer.notes.map((note) => `_Note:_ ${escapeMrkdwn(note.text)}`)));
  if (answer.suggestions.length > 0) {
    leading.push(
      ...packedSections(
        answer.suggestions.map((s) => `• ${escapeMrkdwn(s)}`),
        "_You could ask:_",
      ),
    );
  }

  const context = [sourceLine(answer.source), ...differenceLines(answer)];
  if (options.showQuestion && answer.question.trim() !== "") {
    context.unshift(`Asked: “${safeMrkdwn(answer.question, SLACK_CONTEXT_TEXT_LIMIT - 10)}”`);
  }
  const trailing: Block[] = [contextBlock(context)];
  const rateable = answer.intent !== "unclear";
  const buttons: types.Button[] = [];
  if (options.share && rateable) buttons.push(shareButton(answer));
  if (options.rating === "open" && rateable) buttons.push(...ratingButtons(answer));
  if (buttons.length > 0) {
    trailing.push({ type: "actions", elements: buttons.slice(0, SLACK_ACTIONS_ELEMENTS_LIMIT) });
  }
  if ((options.rating === "up" || options.rating === "down") && rateable) {
    trailing.push(ratedContext(options.rating));
  }

  return {
    text: safeMrkdwn(answer.text, SLACK_FALLBACK_TEXT_LIMIT),
    blocks: fitBlocks(leading, trailing, SLACK_MESSAGE_BLOCKS_LIMIT, "_(More in the source below.)_"),
  };
}

/** "Source: <url|title>, revision of 18 April 2014 (...)" as escaped mrkdwn. */
export function sourceLine(source: SourceRef): string {
  return `Source: <${escapeMrkdwn(source.url)}|${escapeMrkdwn(source.title)}>, ${escapeMrkdwn(source.dateText)}`;
}

/** One short line per source that gave another verdict: "<url|Dom0 Kernels for Xen>, 18 April 2014, said no". */
function differenceLines(answer: Answer): string[] {
  return differingSources(answer).map(
    (finding) =>
      `<${escapeMrkdwn(finding.url)}|${escapeMrkdwn(finding.title)}>, ${dayText(finding.date)}, ${differenceWords(finding, answer)}`,
  );
}

function shareButton(answer: Answer): types.Button {
  return {
    type: "button",
    action_id: SHARE_ACTION_ID,
    text: { type: "plain_text", text: "Share in channel" },
    value: encodeReplay(replayOf(answer), SLACK_BUTTON_VALUE_LIMIT),
  };
}
