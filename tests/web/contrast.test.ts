/** WCAG AA contrast, computed from the colours in the stylesheet the page serves. */
import { describe, expect, it } from "vitest";
import { PAGE_CSS, VERDICT_COLOURS } from "../../adapters/web/styles.js";
import { AA_NORMAL_TEXT, contrastRatio } from "./contrast.js";

/** Every rule of the stylesheet with its text colour and background, where it sets them. */
function rules(css: string): Array<{ selector: string; color?: string; background?: string }> {
  return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector, body]) => {
    const value = (name: string) => new RegExp(`(?:^|;)${name}:(#[0-9a-fA-F]{3,6})`).exec(body ?? "")?.[1];
    return { selector: (selector ?? "").trim(), color: value("color"), background: value("background") };
  });
}

const all = rules(PAGE_CSS);
const page = all.find((rule) => rule.selector === "body");

describe("the page's colours", () => {
  it("reads the stylesheet: the body and each verdict set both colours", () => {
    expect(page?.color).toBeDefined();
    expect(page?.background).toBeDefined();
    for (const verdict of Object.keys(VERDICT_COLOURS)) {
      expect(all.find((rule) => rule.selector === `.v-${verdict}`)).toMatchObject({
        color: expect.any(String),
        background: expect.any(String),
      });
    }
  });

  it("meets 4.5:1 wherever a rule sets text and background together", () => {
    const paired = all.filter((rule) => rule.color && rule.background);
    expect(paired.length).toBeGreaterThanOrEqual(8);
    for (const rule of paired) {
      expect(contrastRatio(rule.color ?? "", rule.background ?? ""), rule.selector).toBeGreaterThanOrEqual(
        AA_NORMAL_TEXT,
      );
    }
  });

  it("meets 4.5:1 for text coloured alone (links, muted text) on the page's background", () => {
    const alone = all.filter((rule) => rule.color && !rule.background);
    expect(alone.map((rule) => rule.selector)).toEqual(expect.arrayContaining(["a", ".muted,footer"]));
    for (const rule of alone) {
      expect(contrastRatio(rule.color ?? "", page?.background ?? ""), rule.selector).toBeGreaterThanOrEqual(
        AA_NORMAL_TEXT,
      );
    }
  });

  it("computes ratios that can fail: #777 on white is just under AA", () => {
    expect(contrastRatio("#777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 5);
    expect(contrastRatio("rgb(255, 255, 255)", "#0b57d0")).toBeGreaterThan(AA_NORMAL_TEXT);
  });
});
