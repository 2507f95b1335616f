import { describe, expect, it } from "vitest";

/** What a user sees of one reply, whatever the platform. */
export interface VisibleReply {
  /** Every piece of text the reply shows, in reading order (for Slack: the blocks' texts; Discord: the embed). */
  text: string;
  /** True if the platform would turn mentions in this reply into pings. */
  canPing: boolean;
}

/** The platform's markup for a live mention or broadcast, which a reply must never contain. */
export type PingPattern = RegExp;

/**
 * The behaviour every adapter owes its users, run by each adapter's own tests against the real code path
 * (vercel/chat keeps the same kind of suite): the verdict first, the source named, hostile text harmless.
 */
export function describeAdapterContract(
  platform: string,
  ask: (question: string) => Promise<VisibleReply>,
  pings: readonly PingPattern[],
): void {
  describe(`${platform}: the adapter contract`, () => {
    it("puts the verdict first and names the page it comes from", async () => {
      const reply = await ask("does CentOS 6.3 work as dom0?");
      expect(reply.text.trimStart()).toMatch(/^\W*No\b/);
      expect(reply.text).toContain("6.4");
      expect(reply.text).toContain("Dom0 Kernels for Xen");
      expect(reply.text).toMatch(/wiki\.xenproject\.org\/wiki\/Dom0_Kernels_for_Xen/);
    });

    it("says a yes with its condition", async () => {
      const reply = await ask("is debian squeeze ok as dom0?");
      expect(reply.text.trimStart()).toMatch(/^\W*Yes/);
      expect(reply.text).toMatch(/Xen >= 4\.0/);
    });

    it("says plainly what the table does not cover", async () => {
      const reply = await ask("Does Debian 8 work as dom0?");
      expect(reply.text).toMatch(/not in the table/i);
      expect(reply.text).toContain("April 2014");
    });

    it("answers FAQ questions", async () => {
      const reply = await ask("pvops or xenlinux?");
      expect(reply.text).toContain("pv_ops");
    });

    it("never pings anyone, whatever the question holds", async () => {
      const reply = await ask(
        "@everyone @here <!channel> <!here> <@U0123ABCD> <@&123456789012345678> <@123456789012345678> is centos 6.5 ok?",
      );
      expect(reply.canPing).toBe(false);
      for (const pattern of pings) expect(reply.text).not.toMatch(pattern);
      expect(reply.text.trimStart()).toMatch(/^\W*Yes/);
    });

    it("answers an empty question with a hint, and a huge one without failing", async () => {
      const empty = await ask("");
      expect(empty.text).toMatch(/ask|example/i);
      const huge = await ask(`is ubuntu 12.04 ok as dom0? ${"x".repeat(20_000)}`);
      expect(huge.text.trimStart()).toMatch(/^\W*Yes/);
    });
  });
}
