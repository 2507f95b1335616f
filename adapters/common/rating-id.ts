/** The rating buttons' ids: what was answered travels in the id, so recording a rating needs no lookup. */

import type { Answer, Intent, Verdict } from "../../src/types.js";
import { PRODUCT_IDS, type ProductId, TOPIC_IDS, type TopicId } from "../../src/types.js";

/** Every rating id starts with this; route on it (Bolt: `app.action(/^dom0:rate:/)`). */
export const RATING_ID_PREFIX = "dom0:rate:";
/** Discord's custom_id limit (Slack's action_id allows 255); every rating id fits. */
export const DISCORD_CUSTOM_ID_LIMIT = 100;

const INTENTS: readonly Intent[] = ["support", "list", "faq", "unclear"];
const VERDICTS: readonly Verdict[] = ["yes", "no", "partial", "unlisted"];
const NONE = "-";

/** What a rating button carries. */
export interface RatingPayload {
  rating: "up" | "down";
  intent: Intent;
  product: ProductId | null;
  verdict: Verdict | null;
  topic: TopicId | null;
}

/** The id of the thumbs-up or thumbs-down button under this answer, e.g. `dom0:rate:up:support:centos:no:-`. */
export function ratingId(
  rating: "up" | "down",
  answer: Pick<Answer, "intent" | "product" | "verdict" | "topic">,
): string {
  return [
    "dom0",
    "rate",
    rating,
    answer.intent,
    answer.product ?? NONE,
    answer.verdict ?? NONE,
    answer.topic ?? NONE,
  ].join(":");
}

function member<T extends string>(allowed: readonly T[], value: string | undefined): T | null | undefined {
  if (value === NONE) return null;
  return allowed.find((item) => item === value);
}

/** Parses a button id from a platform payload; null for anything that is not a well-formed rating id. */
export function parseRatingId(id: unknown): RatingPayload | null {
  if (typeof id !== "string" || id.length > DISCORD_CUSTOM_ID_LIMIT || !id.startsWith(RATING_ID_PREFIX)) {
    return null;
  }
  const [rating, intent, product, verdict, topic, ...rest] = id.slice(RATING_ID_PREFIX.length).split(":");
  const parsedIntent = INTENTS.find((item) => item === intent);
  const parsedProduct = member(PRODUCT_IDS, product);
  const parsedVerdict = member(VERDICTS, verdict);
  const parsedTopic = member(TOPIC_IDS, topic);
  if (
    (rating !== "up" && rating !== "down") ||
    parsedIntent === undefined ||
    parsedProduct === undefined ||
    parsedVerdict === undefined ||
    parsedTopic === undefined ||
    rest.length > 0
  ) {
    return null;
  }
  return { rating, intent: parsedIntent, product: parsedProduct, verdict: parsedVerdict, topic: parsedTopic };
}
