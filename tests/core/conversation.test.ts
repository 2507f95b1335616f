/**
 * Several systems in one message, look-alike names, and follow-up fragments: the properties that must hold
 * for any such message, and a conversation carried by the adapter's context (the core keeps none).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, StructuredQuestion } from "../../src/index.js";
import { contextOf, loadCore, loadDataset } from "../../src/index.js";

const TODAY = "2026-12-02";
const core = loadCore({ asOf: TODAY });
const data = loadDataset();

/** Releases people name by number, of products with a table row: "Debian 7", "CentOS 6.4". */
const releases = data.products
  .filter((product) => product.table === "linux" && product.id !== "linux" && product.variants === undefined)
  .flatMap((product) => product.releases.map((release) => ({ product, release })));
const release = fc.constantFrom(...releases);

describe("a message naming two listed releases", () => {
  it("gets two answers, each about its own release, the first at the top level", () => {
    const joiners = fc.constantFrom(" and ", " or ", ", ", " vs ");
    const frames = fc.constantFrom(
      (a: string, b: string) => `does ${a}${b} work as dom0?`,
      (a: string, b: string) => `${a}${b} as a xen host?`,
      (a: string, b: string) => `which works better as dom0: ${a}${b}?`,
    );
    fc.assert(
      fc.property(release, release, joiners, frames, (one, two, joiner, frame) => {
        fc.pre(one.product.id !== two.product.id);
        const answer = core.answer(
          frame(
            `${one.product.aliases[0]} ${one.release.version}`,
            `${joiner}${two.product.aliases[0]} ${two.release.version}`,
          ),
        );
        expect(answer.answers?.map((each) => [each.product, each.version])).toEqual([
          [one.product.id, one.release.version],
          [two.product.id, two.release.version],
        ]);
        expect(answer.product).toBe(one.product.id);
        expect(answer.verdict).toBe(answer.answers?.[0]?.verdict);
        // Never one answer to the whole message.
        expect(answer.headline).toMatch(/each has its own answer/);
      }),
      { numRuns: 200 },
    );
  });
});

describe("a look-alike name", () => {
  const lookAlikes = [
    ["Oracle VM VirtualBox", "oracle-vm"],
    ["VirtualBox", "oracle-vm"],
    ["RHEV", "rhel"],
    ["Red Hat Virtualization", "rhel"],
    ["oVirt", "rhel"],
    ["SUSE Manager", "sles"],
    ["XenApp", "xenserver"],
    ["XenDesktop", "xenserver"],
    ["Oracle VM Server for SPARC", "oracle-vm"],
  ] as const;
  it("never gets the verdict of the product it resembles", () => {
    const frames = fc.constantFrom(
      (name: string, version: string) => `does ${name} ${version} work as dom0?`,
      (name: string, version: string) => `can ${name} ${version} be a xen host`,
      (name: string, _version: string) => `is ${name} ok as dom0`,
      (name: string, version: string) => `${name} ${version} dom0?`,
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...lookAlikes),
        frames,
        fc.constantFrom("", "3", "4.2", "6", "7.1"),
        ([name, resembled], frame, version) => {
          const answer = core.answer(frame(name, version).replace(/\s+/g, " "));
          expect(answer.product).not.toBe(resembled);
          expect(answer.verdict).toBe("unlisted");
        },
      ),
      { numRuns: 150 },
    );
  });

  it("Citrix Hypervisor, by contrast, is the XenServer row", () => {
    expect(core.answer("is citrix hypervisor 8.2 ok as dom0?").product).toBe("xenserver");
  });
});

describe("a follow-up fragment", () => {
  const fragments = fc
    .tuple(
      fc.constantFrom(
        "what about",
        "and",
        "ok and",
        "how about",
        "and with xen",
        "same for",
        "what about version",
      ),
      fc.constantFrom("6.5", "7", "3.4", "12.04", "4.1", "11"),
      fc.constantFrom("?", "", " then?", " too?"),
    )
    .map(([opening, number, end]) => `${opening} ${number}${end}`);

  it("without a conversation is unclear, and asks for the system by name", () => {
    fc.assert(
      fc.property(fragments, (fragment) => {
        const answer = core.answer(fragment);
        expect(answer.intent).toBe("unclear");
        expect(answer.verdict).toBeNull();
        expect(answer.headline).toMatch(/Which system do you mean/);
      }),
      { numRuns: 100 },
    );
  });

  it("with one, is answered against the conversation's last question", () => {
    const talk = (lines: string[]): Answer[] => {
      let context: StructuredQuestion | null = null;
      return lines.map((line) => {
        const answer = core.answer(line, { context });
        context = contextOf(answer) ?? context;
        return answer;
      });
    };
    const [first, release, xen, codename, other] = talk([
      "does CentOS 6.3 work as dom0?",
      "what about 6.5?",
      "and with Xen 3.4?",
      "ok and wheezy?",
      "the same for SLES?",
    ]);
    expect([first?.product, first?.version, first?.verdict]).toEqual(["centos", "6.3", "no"]);
    expect([release?.product, release?.version]).toEqual(["centos", "6.5"]);
    expect([xen?.product, xen?.version, xen?.xen]).toEqual(["centos", "6.5", "3.4"]);
    // Wheezy's kernel needs Xen >= 4.0: the conversation's Xen 3.4 still applies.
    expect([codename?.product, codename?.version, codename?.xen, codename?.verdict]).toEqual([
      "debian",
      "7",
      "3.4",
      "no",
    ]);
    expect([other?.product, other?.xen]).toEqual(["sles", "3.4"]);
  });

  it("keeps the variant: Scientific Linux 6.3, then 5.7, is still Scientific Linux", () => {
    const first = core.answer("is scientific linux 6.3 ok as dom0?", { asOf: "2014-04-18" });
    const next = core.answer("what about 5.7?", { asOf: "2014-04-18", context: contextOf(first) });
    expect([next.productName, next.version, next.verdict]).toEqual(["Scientific Linux", "5.7", "yes"]);
  });

  it("does not take over a whole question: a question naming its system is answered as asked", () => {
    const context = contextOf(core.answer("does CentOS 6.3 work as dom0?"));
    const answer = core.answer("is Debian 12 ok as a xen host?", { context });
    expect([answer.product, answer.version]).toEqual(["debian", "12"]);
  });
});

describe("sub-questions", () => {
  it("'is that the newest?' answers with the newest release of the system asked about before", () => {
    const context = contextOf(core.answer("is debian 12 ok as dom0?"));
    const answer = core.answer("is that the newest?", { context });
    expect([answer.intent, answer.product]).toEqual(["list", "debian"]);
    expect(answer.headline).toMatch(/newest Debian release .* is 13 \(Trixie\)/);
    expect(core.answer("is that the newest?").intent).toBe("unclear");
  });

  it("'is the distro's own kernel fine' gets the verdict and the page's advice on the distribution's kernel", () => {
    const answer = core.answer("is the distro's own kernel fine for dom0 on debian 12?");
    expect([answer.product, answer.version, answer.verdict]).toEqual(["debian", "12", "yes"]);
    expect(answer.text).toMatch(/On the distribution's own kernel: If your Linux distribution includes/);
  });
});
