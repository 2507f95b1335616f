/** Small Block Kit builders shared by the answer, help and Home renderers; every text goes through here. */
import type { types } from "@slack/bolt";
import {
  SLACK_CONTEXT_ELEMENTS_LIMIT,
  SLACK_CONTEXT_TEXT_LIMIT,
  SLACK_SECTION_TEXT_LIMIT,
} from "./limits.js";
import { truncateMrkdwn } from "./mrkdwn.js";

export type Block = types.KnownBlock;

/** A mrkdwn section; `mrkdwn` must already be escaped. */
export function sectionBlock(mrkdwn: string): types.SectionBlock {
  return {
    type: "section",
    text: { type: "mrkdwn", text: truncateMrkdwn(mrkdwn, SLACK_SECTION_TEXT_LIMIT) },
  };
}

/** A context block of escaped mrkdwn items, at most Slack's ten elements. */
export function contextBlock(items: readonly string[]): types.ContextBlock {
  return {
    type: "context",
    elements: items.slice(0, SLACK_CONTEXT_ELEMENTS_LIMIT).map((text) => ({
      type: "mrkdwn" as const,
      text: truncateMrkdwn(text, SLACK_CONTEXT_TEXT_LIMIT),
    })),
  };
}

/**
 * Packs escaped lines into as few sections as fit Slack's section text limit, so a long list costs few
 * blocks; a single line longer than the limit is cut.
 */
export function packedSections(lines: readonly string[], heading?: string): types.SectionBlock[] {
  const sections: types.SectionBlock[] = [];
  let current = heading ?? "";
  for (const line of lines) {
    const candidate = current === "" ? line : `${current}\n${line}`;
    if (candidate.length > SLACK_SECTION_TEXT_LIMIT && current !== "") {
      sections.push(sectionBlock(current));
      current = line;
    } else {
      current = candidate;
    }
  }
  if (current !== "") sections.push(sectionBlock(current));
  return sections;
}

/**
 * Keeps a message within a block budget: the leading blocks are cut first, the trailing ones (source,
 * buttons) always stay, and a last section says that something was left out.
 */
export function fitBlocks(leading: Block[], trailing: Block[], budget: number, omitted: string): Block[] {
  if (leading.length + trailing.length <= budget) return [...leading, ...trailing];
  const room = Math.max(0, budget - trailing.length - 1);
  return [...leading.slice(0, room), sectionBlock(omitted), ...trailing];
}
