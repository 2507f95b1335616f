import { describe, expect, it } from "vitest";
import { DISCORD_CUSTOM_ID_LIMIT, parseRatingId, ratingId } from "../../adapters/common/rating-id.js";
import { PRODUCT_IDS, TOPIC_IDS } from "../../src/types.js";
import { fakeAnswer } from "../support/fake-core.js";

describe("rating button ids", () => {
  it("carries what was answered, and reads back to the same rating", () => {
    const id = ratingId("down", fakeAnswer({ intent: "support", product: "centos", verdict: "no" }));
    expect(id).toBe("dom0:rate:down:support:centos:no:-");
    expect(parseRatingId(id)).toEqual({
      rating: "down",
      intent: "support",
      product: "centos",
      verdict: "no",
      topic: null,
    });
    const faq = ratingId(
      "up",
      fakeAnswer({ intent: "faq", product: null, verdict: null, topic: "pvops-vs-xenlinux" }),
    );
    expect(parseRatingId(faq)).toEqual({
      rating: "up",
      intent: "faq",
      product: null,
      verdict: null,
      topic: "pvops-vs-xenlinux",
    });
  });

  it("fits Discord's custom_id limit for every product and topic", () => {
    const longest = Math.max(
      ...PRODUCT_IDS.flatMap((product) =>
        TOPIC_IDS.map(
          (topic) => ratingId("down", { intent: "support", product, verdict: "unlisted", topic }).length,
        ),
      ),
    );
    expect(longest).toBeLessThanOrEqual(DISCORD_CUSTOM_ID_LIMIT);
  });

  it.each([
    "dom0:rate:sideways:support:centos:no:-",
    "dom0:rate:up:support:gentoo:no:-",
    "dom0:rate:up:support:centos:maybe:-",
    "dom0:rate:up:chat:centos:no:-",
    "dom0:rate:up:faq:-:-:not-a-topic",
    "dom0:rate:up:support:centos:no:-:extra",
    "dom0:rate:up:support:centos",
    "dom0:why:centos:6.3:",
    "dom0_share",
    "",
  ])("rejects a forged or foreign id: %s", (id) => {
    expect(parseRatingId(id)).toBeNull();
  });

  it("rejects non-strings and oversized ids", () => {
    expect(parseRatingId(undefined)).toBeNull();
    expect(parseRatingId({ id: "dom0:rate:up:list:-:-:-" })).toBeNull();
    expect(parseRatingId(`dom0:rate:up:list:-:-:-${"x".repeat(200)}`)).toBeNull();
  });
});
