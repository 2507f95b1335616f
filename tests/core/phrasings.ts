/**
 * How people ask, and the structured answer each must get. Written from the wiki page, not from the code:
 * every row, footnote, topic, alias, codename, typo and trap of the page has at least one line here.
 */
import type { Intent, ProductId, TopicId, Verdict } from "../../src/index.js";

export interface Expectation {
  intent: Intent;
  product?: ProductId | null;
  version?: string | null;
  xen?: string | null;
  verdict?: Verdict | null;
  topic?: TopicId | null;
  /** Each must appear in the answer's text (case-insensitive). */
  mentions?: string[];
  /** None may appear in the answer's text. */
  absent?: string[];
}

type Case = [question: string, expected: Expectation];

const yes = (product: ProductId, version: string | null = null, mentions?: string[]): Expectation => ({
  intent: "support",
  product,
  version,
  verdict: "yes",
  ...(mentions ? { mentions } : {}),
});
const no = (product: ProductId, version: string | null, mentions?: string[]): Expectation => ({
  intent: "support",
  product,
  version,
  verdict: "no",
  ...(mentions ? { mentions } : {}),
});
/** A release newer than any the table lists: not listed, saying the table's date. */
const newer = (product: ProductId, version: string, mentions: string[] = []): Expectation => ({
  intent: "support",
  product,
  version,
  verdict: "unlisted",
  mentions: ["April 2014", ...mentions],
});
/** A release that existed when the table was written but is not in its row: left out, so no (not "newer"). */
const leftOut = (product: ProductId | undefined, version: string, mentions: string[] = []): Expectation => ({
  intent: "support",
  ...(product ? { product } : {}),
  version,
  verdict: "no",
  mentions: ["April 2014", "released", ...mentions],
});
const unlisted = (mentions: string[] = []): Expectation => ({
  intent: "support",
  product: null,
  verdict: "unlisted",
  mentions: ["not listed", ...mentions],
});
const faq = (topic: TopicId, mentions?: string[]): Expectation => ({
  intent: "faq",
  topic,
  verdict: null,
  ...(mentions ? { mentions } : {}),
});

export const PHRASINGS: Case[] = [
  // CentOS: "CentOS and other RHEL clones 5.x" and "CentOS 6.4+ 6.4 and newer".
  ["does CentOS 6.3 work as dom0?", no("centos", "6.3", ["6.4"])],
  ["Does CentOS 6.5 work as dom0?", yes("centos", "6.5")],
  ["centos 6.4 dom0", yes("centos", "6.4")],
  ["CentOS 6.4+ as a xen host?", yes("centos", "6.4")],
  ["centos 5.8 dom0?", yes("centos", "5.8")],
  ["is centos 5.x fine for dom0", yes("centos", "5")],
  ["Can I use CentOS 7 as a Xen dom0?", yes("centos", "7", ["6.4 and newer"])],
  [
    "CentOS 6 dom0?",
    { intent: "support", product: "centos", version: "6", verdict: "partial", mentions: ["6.4", "6.3"] },
  ],
  ["centos 6.0 as dom0", no("centos", "6.0", ["6.4"])],
  ["CentOS 4 dom0?", no("centos", "4", ["5.x"])],
  ["Does CentOS work as dom0?", yes("centos", null, ["5.x", "6.4"])],
  ["cent os 6.5 xen dom0", yes("centos", "6.5")],
  ["Does cenots 6.4 work as dom0?", yes("centos", "6.4")],
  ["centso 5.5 dom0", yes("centos", "5.5")],
  ["centos 6,5 dom0", yes("centos", "6.5")],
  ["CentOS 7 with Xen 4.4?", { ...yes("centos", "7"), xen: "4.4" }],
  // Other RHEL clones ride on the CentOS row, and only its 5.x part.
  ["Scientific Linux 5.7 dom0 support?", yes("centos", "5.7", ["Scientific Linux"])],
  ["scientific linux 6.4 dom0", leftOut(undefined, "6.4", ["5.x"])],
  ["Oracle Linux 5 as dom0?", yes("centos", "5", ["Oracle Linux", "not Oracle VM"])],
  ["OEL 5.9 dom0?", yes("centos", "5.9")],
  ["OL 5.8 dom0?", yes("centos", "5.8", ["Oracle Linux"])],
  ["SL 5.5 dom0", yes("centos", "5.5", ["Scientific Linux"])],
  ["Oracle Linux 6 as dom0?", leftOut("centos", "6")],
  ["Rocky Linux 9 dom0", { intent: "support", version: "9", verdict: "unlisted", mentions: ["5.x"] }],
  // RHEL 5.x
  ["is RHEL 5 ok for dom0", yes("rhel", "5")],
  ["rhel 5.10 dom0", yes("rhel", "5.10")],
  [
    "Red Hat Enterprise Linux 6.2 as dom0?",
    { intent: "support", product: "rhel", version: "6.2", verdict: "no", mentions: ["5.x"] },
  ],
  ["RHEL 4 dom0", no("rhel", "4", ["5.x"])],
  ["Red Hat dom0", yes("rhel", null, ["5.x"])],
  ["redhat 5.4 as xen host", yes("rhel", "5.4")],
  // Debian: 4.0 (Etch), 5.0 (Lenny), 6.0 (Squeeze)[1], 7.0 / 7.1 / 7.2 (Wheezy)[1]
  ["does debian squeeze support dom0", { ...yes("debian", "6.0", ["Xen >= 4.0"]) }],
  ["Debian squeeze dom0 with Xen 3.4?", { ...no("debian", "6.0", ["4.0", "3.4"]), xen: "3.4" }],
  ["is Debian squeeze OK with Xen 4.0?", { ...yes("debian", "6.0"), xen: "4.0" }],
  ["is wheezy OK with Xen 3.4?", { ...no("debian", "7", ["4.0"]), xen: "3.4" }],
  ["Squeeze dom0, hypervisor 3.4", { ...no("debian", "6.0", ["4.0"]), xen: "3.4" }],
  ["debian squeeze xen3.4 dom0", { ...no("debian", "6.0", ["4.0"]), xen: "3.4" }],
  ["I'm on Xen 3.2, can lenny be my dom0?", { ...yes("debian", "5.0"), xen: "3.2" }],
  ["Debian 7.1 dom0", yes("debian", "7.1")],
  ["Will Debian 7.4 work as dom0?", yes("debian", "7.4", ["Wheezy"])],
  ["debian 7 as dom0", yes("debian", "7")],
  ["Debian 6.0.10 dom0", yes("debian", "6.0.10")],
  ["Is Debian 3.1 (Sarge) supported as dom0?", no("debian", "3.1", ["4.0"])],
  ["debian sarge dom0", no("debian", "3.1", ["Etch"])],
  ["debain lenny dom0?", yes("debian", "5.0")],
  ["Debian lenny with xen 3.2", { ...yes("debian", "5.0"), xen: "3.2" }],
  ["debian etch dom0", yes("debian", "4.0")],
  ["Does Debian 8 work as dom0?", newer("debian", "8", ["Wheezy"])],
  ["debian jessie dom0?", newer("debian", "8")],
  ["Debian bookworm as a dom0", newer("debian", "12")],
  [
    "Which Debian versions support dom0?",
    { intent: "list", product: "debian", mentions: ["Etch", "Lenny", "Squeeze", "Wheezy"] },
  ],
  ["Does Debian work as dom0?", yes("debian", null, ["Etch", "Wheezy"])],
  [
    "Debian with Xen 3.4 as dom0?",
    {
      ...yes("debian", null, ["Etch", "Lenny"]),
      xen: "3.4",
      absent: ["tables list Debian 4.0 (Etch), 5.0 (Lenny), 6.0"],
    },
  ],
  // Fedora: 15 (Lovelock)[4], 16 (Verne), 17 (Beefy Miracle) [1]
  ["Fedora 16 dom0", yes("fedora", "16")],
  ["Is Fedora 15 a dom0?", { ...yes("fedora", "15"), absent: ["Based on Ubuntu"] }],
  ["fedora lovelock dom0?", { ...yes("fedora", "15"), absent: ["Based on Ubuntu"] }],
  ["will fedora beefy miracle run xen dom0", yes("fedora", "17")],
  ["fedora verne as dom0", yes("fedora", "16")],
  ["Fedora 14 as a dom0?", no("fedora", "14", ["15"])],
  ["Fedora 18 dom0", leftOut("fedora", "18")],
  ["Fedora 16 with Xen 3.4", { ...no("fedora", "16", ["4.0"]), xen: "3.4" }],
  ["fedroa 17 dom0", yes("fedora", "17")],
  ["fedora dom0?", yes("fedora", null, ["Lovelock", "Verne", "Beefy Miracle"])],
  // Mageia: all versions
  ["Does Mageia 4 work as dom0?", yes("mageia", "4")],
  ["mageia dom0", yes("mageia", null, ["All versions"])],
  ["Mageia 1 as xen host", yes("mageia", "1")],
  // Ubuntu: 11.10 [1], 12.04 LTS [1]
  ["Ubuntu 12.04 LTS dom0", yes("ubuntu", "12.04", ["4.0"])],
  ["can ubuntu precise be a dom0?", yes("ubuntu", "12.04")],
  ["ubuntu oneiric dom0", yes("ubuntu", "11.10")],
  ["Ubuntu 11.10 as dom0?", yes("ubuntu", "11.10", ["Xen >= 4.0"])],
  ["Ubuntu 12.04.3 dom0", yes("ubuntu", "12.04.3")],
  ["Ubuntu 10.04 dom0?", no("ubuntu", "10.04", ["11.10"])],
  ["ubuntu lucid dom0", no("ubuntu", "10.04", ["11.10"])],
  ["ubuntu 11.04 dom0", no("ubuntu", "11.04", ["11.10"])],
  // 14.04 came out on 17 April 2014, the day before this revision: it existed and was left out.
  ["Does Ubuntu 14.04 work as dom0?", leftOut("ubuntu", "14.04", ["17 April 2014"])],
  ["ubuntu trusty dom0", leftOut("ubuntu", "14.04")],
  ["Ubuntu 12.10 as dom0?", leftOut("ubuntu", "12.10")],
  [
    "Ubuntu 12 dom0",
    { intent: "support", product: "ubuntu", version: "12", verdict: "partial", mentions: ["12.04", "12.10"] },
  ],
  ["Ubuntu 12.04 dom0 on Xen 4.1", { ...yes("ubuntu", "12.04"), xen: "4.1" }],
  ["ubuntu 12.04 with xen 3.4", { ...no("ubuntu", "12.04", ["4.0"]), xen: "3.4" }],
  ["Does Ubuntu work with Xen 3.4 as dom0?", { ...no("ubuntu", null, ["4.0"]), xen: "3.4" }],
  ["Does Ubuntu work as dom0?", yes("ubuntu", null, ["11.10", "12.04"])],
  ["ubunut 12.04 dom0", yes("ubuntu", "12.04")],
  ["ubuntu server 12.04 dom0", yes("ubuntu", "12.04")],
  // openSUSE: 10.x, 11.x, 12.x, 13.x
  ["opensuse 12.3 dom0", yes("opensuse", "12.3")],
  ["OpenSUSE 13.1 as dom0 host", yes("opensuse", "13.1")],
  ["opensuse 10.0 dom0", yes("opensuse", "10.0")],
  ["open suse 11.4 dom0", yes("opensuse", "11.4")],
  ["opensuze 13.2 dom0", yes("opensuse", "13.2")],
  ["opensuse 9.3 dom0", no("opensuse", "9.3", ["10.x"])],
  ["openSUSE 42.1 dom0", newer("opensuse", "42.1")],
  // Oracle VM for x86 (OVS): all versions; not Oracle Linux
  ["Oracle VM 3.2 dom0?", yes("oracle-vm", "3.2")],
  ["is OVS ok as dom0", yes("oracle-vm")],
  ["oracle vm server for x86 dom0", yes("oracle-vm")],
  // SLES: 10.x, 11.x
  ["SLES 11 SP2 dom0?", yes("sles", "11")],
  ["sles 10 dom0", yes("sles", "10")],
  ["SUSE Linux Enterprise Server 12 dom0?", newer("sles", "12")],
  ["Is SLES 9 supported?", no("sles", "9", ["10.x"])],
  // XenServer: all versions, open source from 6.2; XCP before
  ["XenServer 6.2 dom0", yes("xenserver", "6.2", ["open source"])],
  ["xenserver 6.0 as dom0", yes("xenserver", "6.0", ["XCP"])],
  ["Can XCP be used as dom0?", yes("xenserver", null, ["XCP", "all versions"])],
  ["xen cloud platform 1.6 dom0", yes("xenserver", "1.6")],
  // Alpine Linux: 2.4.x [2]
  ["alpine linux 2.4 dom0", yes("alpine", "2.4", ["See wiki"])],
  ["Does Alpine 2.4.1 work as dom0?", yes("alpine", "2.4.1")],
  ["Alpine 2.3 dom0?", no("alpine", "2.3", ["2.4"])],
  ["alpine 2.7 dom0", leftOut("alpine", "2.7")],
  // NetBSD: 5.1, 6 [1] [2] [5]
  ["NetBSD 6 as dom0?", yes("netbsd", "6", ["NetBSD Xen Project HowTo"])],
  ["netbsd 6.1 dom0", yes("netbsd", "6.1")],
  ["NetBSD 5.1 dom0", yes("netbsd", "5.1")],
  ["NetBSD 5.0 dom0", no("netbsd", "5.0", ["5.1"])],
  ["NetBSD 5.2 dom0", no("netbsd", "5.2", ["5.1", "6"])],
  ["NetBSD 7 dom0", newer("netbsd", "7")],
  ["netbds 6 dom0", yes("netbsd", "6")],
  [
    "NetBSD 5 dom0?",
    { intent: "support", product: "netbsd", version: "5", verdict: "partial", mentions: ["5.1"] },
  ],
  // OpenSolaris: 2009.06 [3]; Illumos: Incomplete [4]
  ["OpenSolaris 2009.06 dom0?", yes("opensolaris", "2009.06", ["discontinued"])],
  ["OpenSolaris 2008.11 dom0", no("opensolaris", "2008.11", ["2009.06"])],
  [
    "Does Illumos support dom0?",
    { intent: "support", product: "illumos", verdict: "partial", mentions: ["unmaintained"] },
  ],
  ["illumso dom0", { intent: "support", product: "illumos", verdict: "partial" }],
  // Mainline Linux: pv_ops upstream since 2.6.37, needs Xen >= 4.0
  ["Does Linux 3.2 work as dom0?", yes("linux", "3.2", ["2.6.37"])],
  ["vanilla kernel 2.6.32 as dom0?", no("linux", "2.6.32", ["2.6.37"])],
  ["Is Linux 2.6.37 enough for dom0?", yes("linux", "2.6.37")],
  ["Does the 3.2 kernel work as dom0?", yes("linux", "3.2")],
  ["kernel 2.6.18 dom0", no("linux", "2.6.18", ["2.6.37", "xenlinux"])],
  ["Linux 3.2 dom0 with Xen 3.4", { ...no("linux", "3.2", ["4.0"]), xen: "3.4", absent: ["is listed"] }],
  ["linux kernel 3.10 as dom0 on xen 4.2", { ...yes("linux", "3.10"), xen: "4.2" }],
  // Mini-OS is not a dom0
  [
    "Can Mini-OS be a dom0?",
    { intent: "support", product: "mini-os", verdict: "no", mentions: ["stub domains"] },
  ],
  // Systems the table never names
  ["FreeBSD dom0 support?", unlisted(["FreeBSD"])],
  ["Is FreeBSD 10 ok for dom0?", unlisted(["FreeBSD"])],
  ["Can Arch Linux be a dom0?", unlisted(["Arch Linux"])],
  ["Windows Server 2012 as dom0?", unlisted(["Windows"])],
  ["what about gentoo as dom0?", unlisted(["Gentoo"])],
  ["Does XCP-ng work as dom0?", unlisted(["XCP-ng"])],
  ["Qubes as dom0?", unlisted(["Qubes"])],
  ["Solaris 11 dom0", unlisted(["OpenSolaris"])],
  ["Can I use Foobar as dom0?", unlisted()],
  ["Hi, does Slackware work as dom0?", unlisted(["Slackware"])],
  // FAQ topics
  ["pvops or xenlinux, which one should I choose?", faq("pvops-vs-xenlinux", ["pv_ops"])],
  [
    "what's the difference between pv_ops and xenlinux kernels?",
    faq("pvops-vs-xenlinux", ["2.6.37", "2.6.18"]),
  ],
  ["Should I use pvops?", faq("pvops-vs-xenlinux")],
  ["I need xenlinux patches, where do I get them?", faq("pvops-vs-xenlinux", ["SLES"])],
  ["Which dom0 kernel should I use?", faq("choosing-kernel", ["distribution"])],
  ["what kernel should I use for dom0?", faq("choosing-kernel")],
  ["Should I compile my own dom0 kernel?", faq("choosing-kernel")],
  ["Is it better to use my distribution's dom0 kernel?", faq("choosing-kernel", ["security updates"])],
  ["which dom0 kernel for debian?", { ...faq("choosing-kernel"), product: "debian" }],
  ["Do I need to upgrade my domU kernel when I upgrade Xen?", faq("domu-kernel", ["backwards compatible"])],
  ["can domU kernel versions differ from the dom0 kernel version?", faq("domu-kernel")],
  ["Does the vanilla Linux kernel support Xen?", faq("mainline-linux", ["2.6.37"])],
  ["is xen in mainline linux?", faq("mainline-linux")],
  ["Since which Linux version is dom0 support in mainline?", faq("mainline-linux", ["2.6.37"])],
  ["Is there a minimum kernel version for dom0?", faq("mainline-linux", ["2.6.37"])],
  ["What is Mini-OS?", faq("mini-os", ["stub domains"])],
  ["what are stub domains for?", faq("mini-os")],
  ["what is dom0?", faq("what-is-dom0")],
  ["What does dom0 mean?", faq("what-is-dom0")],
  ["Is dom0 the host?", faq("what-is-dom0")],
  ["What is a dom0 kernel?", { ...faq("what-is-dom0"), product: null }],
  ["Can CentOS 6.3 run as a domU guest?", { ...faq("domu-support"), product: "centos" }],
  ["Can Windows run as a domU?", faq("domu-support", ["XenDomUSupport"])],
  ["ubuntu 12.04 as a guest", faq("domu-support")],
  ["Where can I find which features each Xen kernel has?", faq("kernel-features", ["XenKernelFeatures"])],
  // Lists
  [
    "Which BSDs can run dom0?",
    { intent: "list", mentions: ["NetBSD", "OpenSolaris", "Illumos"], absent: ["Mageia"] },
  ],
  ["list all distros with dom0 support", { intent: "list", mentions: ["Mageia", "XenServer", "Debian"] }],
  [
    "What versions of CentOS work as dom0?",
    { intent: "list", product: "centos", mentions: ["5.x", "6.4 and newer"] },
  ],
  ["which ubuntu releases can be dom0", { intent: "list", product: "ubuntu", mentions: ["11.10", "12.04"] }],
  ["show me the table", { intent: "list", mentions: ["Alpine Linux", "NetBSD"] }],
  [
    "Which CentOS version do I need for dom0?",
    { intent: "list", product: "centos", mentions: ["6.4 and newer"] },
  ],
  ["What's the best distro for dom0?", { intent: "list", mentions: ["Debian", "XenServer"] }],
  ["Recommend a dom0 distribution", { intent: "list", verdict: null }],
  ["BSD dom0?", { intent: "list", mentions: ["NetBSD"], absent: ["Debian"] }],
  ["What Xen version does Debian Squeeze need?", { ...yes("debian", "6.0", ["Xen >= 4.0"]) }],
  [
    "What Linux distributions have a dom0 kernel?",
    { intent: "list", product: null, mentions: ["Mageia"], absent: ["NetBSD"] },
  ],
  [
    "Which Unix systems support dom0?",
    { intent: "list", mentions: ["NetBSD", "Illumos"], absent: ["Debian"] },
  ],
  ["Which OSes can be dom0?", { intent: "list", mentions: ["Debian", "NetBSD"] }],
  // Unclear, and near misses
  [
    "hello",
    { intent: "unclear", verdict: null, product: null, mentions: ["I answer whether", "April 2014"] },
  ],
  ["what can you do?", { intent: "unclear", verdict: null, mentions: ["I answer whether"] }],
  ["asdf qwerty", { intent: "unclear", verdict: null }],
  ["", { intent: "unclear", verdict: null }],
  ["   \t  ", { intent: "unclear", verdict: null }],
  ["Does dom0 need a lot of RAM?", { intent: "unclear", verdict: null }],
  ["does it work as dom0?", { intent: "unclear", verdict: null }],
  ["is centre ok?", { intent: "unclear", verdict: null }],
  ["windoze dom0?", unlisted(["Windows"])],
  ["fedaro 17 dom0?", { intent: "unclear", verdict: null, mentions: ["Did you mean", "Fedora"] }],
  ["Ubuntoo 12.04 dom0?", yes("ubuntu", "12.04")],
  ["rehl 5 dom0", yes("rhel", "5")],
  // Hostile text is answered, never echoed
  ["@everyone does centos 6.3 work as dom0?", { ...no("centos", "6.3"), absent: ["@everyone"] }],
  ["<!channel> debian 7?", { ...yes("debian", "7"), absent: ["<!channel>"] }],
  ["<@U123> is **ubuntu 12.04** ok?", { ...yes("ubuntu", "12.04"), absent: ["<@U123>", "**"] }],
  ["DEBIAN 7 DOM0", yes("debian", "7")],
];
