/**
 * Whole chat messages as admins type them, and the structured answer each must get, as of TODAY
 * (2026-12-02, every source counts). Written from the sources, not from the code: the 2014 revision of the
 * wiki page (dom0-kernels-for-xen.2014-04-18.txt), its current revision (dom0-kernels-for-xen.current.txt,
 * read 2026-11-28) and present-day.md. Verdicts follow the same rule as present-phrasings.ts: the newest
 * source that speaks about a release decides; a closed statement naming the release beats an open row.
 *
 * What these cases add to present-phrasings.ts: kernel release strings (`uname -r`) and short forms naming
 * a distribution release; look-alike and ambiguous names; several systems in one message (one answer each,
 * the first also at the top level); lists with a condition; the question inside long messages, pasted logs
 * and chat markup; how-to and sub-questions; questions in other languages (answered in English); follow-up
 * fragments that name no system.
 */
import type { ProductId } from "../../src/index.js";
import {
  type Case,
  type Expectation,
  faq,
  list,
  no,
  partial,
  support,
  unlisted,
  yes,
  yesOrPartial,
} from "./expectations.js";

export type MessageExpectation = Expectation;
export type MessageCase = Case;

/** CentOS 6 as a whole: 6.0-6.3 no, 6.4 and newer yes (Xen4CentOS). */
const centos6 = (): MessageExpectation => support("centos", "6", ["partial", "yes"]);
/** CentOS 7: Xen4CentOS covers it, but it reached end of life in 2024. */
const centos7 = (): MessageExpectation => yesOrPartial("centos", "7");
/** A support answer about a product, no verdict asserted (comparisons without a release). */
const about = (product: ProductId, version?: string | null): MessageExpectation => ({
  intent: "support",
  product,
  ...(version !== undefined ? { version } : {}),
});
/** Several answers: one per system, in order; the top level describes the first (its mentions are left to it). */
const several = (first: MessageExpectation, ...rest: MessageExpectation[]): MessageExpectation => {
  const answers = [first, ...rest];
  return {
    intent: first.intent,
    ...(first.product !== undefined ? { product: first.product } : {}),
    ...(first.version !== undefined ? { version: first.version } : {}),
    ...(first.verdict !== undefined ? { verdict: first.verdict } : {}),
    answers,
  };
};
/** A comparison: one answer each, and the text says the sources do not rank them. */
const compare = (first: MessageExpectation, ...rest: MessageExpectation[]): MessageExpectation => ({
  ...several(first, ...rest),
  mentions: ["do not rank"],
});
/** An `.elN` kernel or short form: two readings, RHEL N first, then CentOS N. */
const el = (rhel: MessageExpectation, centos: MessageExpectation): MessageExpectation =>
  several(rhel, centos);
/** "SUSE 11": openSUSE 11 and SLES 11, in that order (both fall under "All versions since 11"). */
const suse11 = (): MessageExpectation => several(yes("opensuse", "11"), yes("sles", "11"));
/** Asked in another language: answered in English, and the text says so. */
const english = (expected: MessageExpectation): MessageExpectation => ({
  ...expected,
  mentions: [...(expected.mentions ?? []), "English"],
});
/** A follow-up that names no system: nothing to answer without the earlier message. */
const fragment = (): MessageExpectation => ({ intent: "unclear", verdict: null });

export const MESSAGE_PHRASINGS: MessageCase[] = [
  // ---------------------------------------------------------------------------------------------------------
  // Kernel release strings (`uname -r`) and short forms. Debian ABI X.Y.0-N-flavour: 2.6.18 Etch 4.0,
  // 2.6.26 Lenny 5.0, 2.6.32 Squeeze 6.0, 3.2.0 Wheezy 7, 3.16.0 Jessie 8, 4.9.0 Stretch 9, 4.19.0 Buster 10,
  // 5.10.0 Bullseye 11, 6.1.0 Bookworm 12, 6.12.x+deb13 Trixie 13. Debian current row: "4.0 (Etch), 5.0
  // (Lenny), 6.0 (Squeeze)[1], 7 (Wheezy)[1] and newer" ([1]: Xen >= 4.0).
  ["uname -r says 2.6.32-5-xen-amd64, is that a supported dom0", yes("debian", "6.0", ["4.0"])],
  ["2.6.26-2-xen-amd64 dom0 ok?", yes("debian", "5.0")],
  ["old box runs 2.6.26-2-xen-686 as dom0 still valid", yes("debian", "5.0")],
  ["running 2.6.18-6-xen-amd64 on the old box, still a valid dom0?", yes("debian", "4.0")],
  ["3.2.0-4-amd64 dom0", yes("debian", "7")],
  ["`3.2.0-4-686-pae` as a xen host", yes("debian", "7")],
  ["3.16.0-6-amd64 as dom0?", yes("debian", "8")],
  ["is 4.9.0-13-amd64 fine for dom0", yes("debian", "9")],
  ["4.9.0-8-686-pae as dom0 on a 32 bit box", yes("debian", "9")],
  ["4.19.0-27-cloud-amd64 can that be dom0", yes("debian", "10")],
  ["4.19.0-21-rt-amd64 dom0 ok", yes("debian", "10")],
  ["5.10.0-33-amd64 xen host ok", yes("debian", "11")],
  ["kernel is 5.10.0-28-cloud-amd64 hmm can it run dom0", yes("debian", "11")],
  ["6.1.0-28-amd64 dom0?", yes("debian", "12")],
  ["6.1.0-37-rt-amd64 as dom0", yes("debian", "12")],
  ["6.12.48+deb13-amd64 dom0", yes("debian", "13")],
  ["6.12.57+deb13-arm64 as xen dom0 on arm", yes("debian", "13")],
  // "Debian 5.10.70-1" and "#1 SMP" in uname -a are the package version and build, not Debian 5 / product linux.
  [
    "Linux xen1 5.10.0-9-amd64 #1 SMP Debian 5.10.70-1 (2021-09-30) x86_64 GNU/Linux can this be dom0",
    yes("debian", "11"),
  ],
  [
    "Linux srv 3.16.0-4-amd64 #1 SMP Debian 3.16.43-2+deb8u5 (2017-09-19) x86_64 GNU/Linux\nis it ok as dom0",
    yes("debian", "8"),
  ],
  // Footnote [1]: the Squeeze and Wheezy kernels need Xen >= 4.0.
  ["2.6.32-5-xen-amd64 dom0 with xen 3.4", { ...no("debian", "6.0", ["4.0"]), xen: "3.4" }],
  ["3.2.0-4-amd64 on xen 3.2 as dom0??", { ...no("debian", "7", ["4.0"]), xen: "3.2" }],

  // Ubuntu X.Y.0-N-generic (and -generic-pae, -server, -virtual, -lowlatency), named by the release that
  // ships it first. Current row "All versions since 11.10 [1]": 10.04 is before it.
  ["2.6.32-21-generic as dom0", no("ubuntu", "10.04", ["11.10"])],
  ["2.6.32-38-server dom0 ok?", no("ubuntu", "10.04", ["11.10"])],
  ["3.2.0-23-generic-pae dom0 ok?", yes("ubuntu", "12.04")],
  ["3.2.0-126-virtual as xen host", yes("ubuntu", "12.04")],
  ["3.13.0-24-generic can be dom0?", yes("ubuntu", "14.04")],
  ["3.13.0-32-lowlatency as a dom0", yes("ubuntu", "14.04")],
  ["4.4.0-21-generic xen host", yes("ubuntu", "16.04")],
  ["4.15.0-20-generic dom0", yes("ubuntu", "18.04")],
  ["5.4.0-42-generic works as dom0 or not", yes("ubuntu", "20.04")],
  ["5.15.0-91-generic dom0", yes("ubuntu", "22.04")],
  ["6.8.0-45-generic dom0 ok", yes("ubuntu", "24.04")],
  [
    "Linux web01 4.15.0-213-generic #224-Ubuntu SMP Mon Jun 19 13:30:12 UTC 2023 x86_64 x86_64 x86_64 GNU/Linux — dom0 ok?",
    yes("ubuntu", "18.04"),
  ],
  [
    "uname -a: Linux nuc 5.15.0-25-generic #25-Ubuntu SMP Wed Mar 30 15:54:22 UTC 2022 x86_64 GNU/Linux can i run xen on it as dom0",
    yes("ubuntu", "22.04"),
  ],

  // Fedora .fcN: current row "Full support from Fedora 16 onwards"; 15 listed in 2014 only (narrowed).
  ["3.6.10-4.fc18.x86_64 dom0", yes("fedora", "18")],
  ["3.1.0-7.fc16.x86_64 xen host?", yes("fedora", "16")],
  ["2.6.33.3-85.fc13.x86_64 as a xen host", no("fedora", "13", ["16"])],
  ["2.6.38.6-26.rc1.fc15.x86_64 dom0", partial("fedora", "15")],
  ["6.11.4-301.fc41.x86_64 xen host?", yes("fedora", "41")],
  ["`6.17.1-300.fc43.x86_64` dom0 ok", yes("fedora", "43")],

  // SUSE -xen / -default: 2.6.16 SLES 10, 2.6.32 and 3.0 SLES 11, 3.12 SLES 12. SLE current row "All versions
  // since 11" (2014: 10.x, 11.x): SLES 10 is narrowed, partial.
  ["3.0.101-63-xen dom0", yes("sles", "11")],
  ["3.0.101-108.13-default as dom0", yes("sles", "11")],
  ["2.6.32.12-0.7-xen xen host", yes("sles", "11")],
  ["2.6.16.60-0.21-xen still ok as dom0", partial("sles", "10")],
  ["3.12.28-4-default dom0", yes("sles", "12")],
  ["3.12.74-60.64.40-default as a xen host", yes("sles", "12")],

  // RHEL family .elN: two readings, RHEL N then CentOS N. RHEL "5.x only" (RHEL 6 dropped Xen as a host);
  // CentOS "5.x" and "6.4 and newer, use Xen4CentOS"; Xen4CentOS also covers 7.
  ["2.6.32-431.el6.x86_64 dom0?", el(no("rhel", "6"), centos6())],
  ["3.10.0-1160.el7.x86_64 can be dom0", el(no("rhel", "7"), centos7())],
  ["`3.10.0-957.27.2.el7.x86_64` as xen host", el(no("rhel", "7"), centos7())],
  ["2.6.18-419.el5xen as dom0", el(yes("rhel", "5"), yes("centos", "5"))],
  ["2.6.18-398.el5 dom0 still ok", el(yes("rhel", "5"), yes("centos", "5"))],
  // The Xen4CentOS kernel is still an el7 kernel: never the mainline kernel.
  ["4.9.241-37.el7.x86_64 dom0", el(no("rhel", "7"), centos7())],
  // CentOS 8 and 9 (Stream): only the open row "6.4 and newer, use Xen4CentOS" speaks.
  ["4.18.0-513.5.1.el8_9.x86_64 dom0", el(no("rhel", "8"), yesOrPartial("centos", "8"))],
  ["5.14.0-427.13.1.el9_4.x86_64 xen host", el(no("rhel", "9"), yesOrPartial("centos", "9"))],

  // Short forms.
  ["el6 dom0?", el(no("rhel", "6"), centos6())],
  ["is el7 ok as a xen host", el(no("rhel", "7"), centos7())],
  ["el5 dom0", el(yes("rhel", "5"), yes("centos", "5"))],
  ["fc18 dom0", yes("fedora", "18")],
  ["F18 as xen host", yes("fedora", "18")],
  ["fc15 dom0", partial("fedora", "15")],
  ["f14 as dom0", no("fedora", "14", ["16"])],
  ["deb9 dom0 ok", yes("debian", "9")],
  ["deb10 xen host", yes("debian", "10")],
  ["u20.04 dom0", yes("ubuntu", "20.04")],
  ["sles12sp3 as dom0", yes("sles", "12")],
  ["sles11sp4 dom0", yes("sles", "11")],
  ["leap15.5 xen host", yes("opensuse", "15.5")],
  ["stretch/sid dom0", yes("debian", "9")],
  ["bookworm-backports kernel as dom0", yes("debian", "12")],

  // Kernel versions without a distribution mark: the mainline kernel (pvops dom0 upstream since 2.6.37).
  ["4.9.12 as dom0", yes("linux")],
  ["kernel 5.10 dom0", yes("linux")],
  ["3.2.0 vanilla as dom0", yes("linux")],
  ["6.6.58 from kernel.org dom0", yes("linux")],
  ["self-built 2.6.36.4 kernel as dom0", no("linux", undefined, ["2.6.37"])],
  ["my kernel is 2.6.32.61, dom0 ok?", no("linux", undefined, ["2.6.37"])],

  // ---------------------------------------------------------------------------------------------------------
  // Look-alikes and ambiguous names. Oracle VM VirtualBox is not Oracle VM for x86 (OVS); RHEV / Red Hat
  // Virtualization / oVirt are KVM-based; SUSE Manager is a management product; Citrix Hypervisor is XenServer.
  ["oracle vm virtualbox as dom0", unlisted(["VirtualBox"])],
  ["can virtualbox be a xen dom0", unlisted(["VirtualBox"])],
  ["virtualbox 7.1 as xen host?", unlisted(["VirtualBox"])],
  ["Oracle VM VirtualBox 6.1 dom0 ok", unlisted(["VirtualBox"])],
  ["oracle virtualbox dom0", unlisted(["VirtualBox"])],
  ["rhev 3.6 as dom0", unlisted()],
  ["red hat virtualization 4.4 as a xen host", unlisted()],
  ["rhev-h dom0 ok?", unlisted()],
  ["ovirt 4.5 dom0", unlisted()],
  ["ovirt node as xen host", unlisted()],
  ["suse manager 4.3 dom0", unlisted()],
  ["can suse manager be the xen host", unlisted()],
  ["citrix hypervisor 8.1 as a xen host", yesOrPartial("xenserver", "8.1")],
  ["is citrix hypervisor ok as dom0", yesOrPartial("xenserver")],
  // The real Oracle VM: "Oracle VM for x86 (OVS) | All versions".
  ["oracle vm 3.4 dom0", yes("oracle-vm", "3.4")],
  // XCP is the XenServer row ("Before that XCP"); XCP-ng is its own row.
  ["xcp 1.1 as dom0", yes("xenserver", "1.1")],
  ["xcp-ng 8.1 dom0", yesOrPartial("xcp-ng", "8.1")],
  // Citrix products named Xen* that are not hypervisors.
  ["citrix xenapp 7.15 as dom0", unlisted()],
  ["xendesktop as a dom0", unlisted()],
  // The OVS row is "for x86": Oracle VM Server for SPARC is another product (LDoms).
  ["oracle vm server for sparc as dom0", support(undefined, undefined, ["unlisted", "no"])],
  // Derivatives carrying a Debian codename are not Debian.
  ["linux mint debian edition 6 as dom0", unlisted()],
  ["raspbian buster dom0", unlisted()],
  ["raspberry pi os bookworm as xen dom0", unlisted()],
  ["amazon linux 2 as dom0", unlisted()],
  // Solaris is not OpenSolaris.
  ["solaris 10 as xen host", unlisted()],
  // Oracle Linux is a RHEL clone (clones row "5.x"), not Oracle VM.
  ["oracle linux 6 dom0", no(undefined, "6")],
  // "SUSE 11" alone: openSUSE 11 and SLES 11.
  ["suse 11 dom0", suse11()],
  ["SuSE 11 as xen host?", suse11()],
  ["is suse 11 still ok for dom0", suse11()],
  // A service pack is SLES only.
  ["suse 11 sp3 dom0", yes("sles", "11")],

  // ---------------------------------------------------------------------------------------------------------
  // Several systems or releases in one message: one answer each (up to five), the first at the top level.
  ["does squeeze and lucid both work", several(yes("debian", "6.0"), no("ubuntu", "10.04"))],
  ["centos 5 or sles 11?", several(yes("centos", "5"), yes("sles", "11"))],
  ["rhel 5 and 6?", several(yes("rhel", "5"), no("rhel", "6"))],
  [
    "debian 7, ubuntu 12.04 and fedora 17?",
    several(yes("debian", "7"), yes("ubuntu", "12.04"), yes("fedora", "17")),
  ],
  ["centos 6.3 or 6.4 for dom0", several(no("centos", "6.3"), yes("centos", "6.4"))],
  ["fedora 14 vs 16 as xen host", several(no("fedora", "14"), yes("fedora", "16"))],
  ["jessie or stretch for a dom0", several(yes("debian", "8"), yes("debian", "9"))],
  ["bionic and focal as dom0?", several(yes("ubuntu", "18.04"), yes("ubuntu", "20.04"))],
  ["trusty/xenial dom0 ok", several(yes("ubuntu", "14.04"), yes("ubuntu", "16.04"))],
  ["precise vs lucid as xen host", several(yes("ubuntu", "12.04"), no("ubuntu", "10.04"))],
  ["netbsd 5.0 and 5.1 dom0", several(no("netbsd", "5.0"), yes("netbsd", "5.1"))],
  ["sles 10 and 11 as dom0", several(partial("sles", "10"), yes("sles", "11"))],
  ["opensuse 10.3 or 11.4 for the xen host", several(partial("opensuse", "10.3"), yes("opensuse", "11.4"))],
  ["alpine 2.3 or 2.4 dom0", several(no("alpine", "2.3"), yes("alpine", "2.4"))],
  ["freebsd 10.3 or 11.2 as dom0", several(no("freebsd", "10.3"), yes("freebsd", "11.2"))],
  ["openbsd 7.5 or freebsd 14.3 as dom0", several(no("openbsd", "7.5"), yes("freebsd", "14.3"))],
  ["debian 12 or ubuntu 24.04 as the xen host", several(yes("debian", "12"), yes("ubuntu", "24.04"))],
  ["alpine 3.22 and debian 13 dom0?", several(yes("alpine", "3.22"), yes("debian", "13"))],
  ["ubuntu 11.04 and 11.10 as dom0", several(no("ubuntu", "11.04"), yes("ubuntu", "11.10"))],
  ["fedora 15 or 16", several(partial("fedora", "15"), yes("fedora", "16"))],
  ["rhel 6 or centos 6.5 for dom0", several(no("rhel", "6"), yes("centos", "6.5"))],
  ["centos 5.11 and rhel 5.11 dom0", several(yes("centos", "5.11"), yes("rhel", "5.11"))],
  ["sles 11 & sles 12 dom0", several(yes("sles", "11"), yes("sles", "12"))],
  [
    "do debian 13, ubuntu 26.04 and fedora 44 work as dom0",
    several(yes("debian", "13"), yes("ubuntu", "26.04"), yes("fedora", "44")),
  ],
  [
    "is netbsd 6 or opensolaris 2009.06 a usable dom0",
    several(yes("netbsd", "6"), yes("opensolaris", "2009.06")),
  ],
  ["does xenserver 6.2 or xcp 1.6 work as dom0", several(yes("xenserver", "6.2"), yes("xenserver", "1.6"))],
  [
    "oracle vm 3.4 and citrix hypervisor 8.2 dom0",
    several(yes("oracle-vm", "3.4"), yesOrPartial("xenserver", "8.2")),
  ],
  ["centos 7 or rocky 9 for a new dom0", several(centos7(), no(undefined, "9"))],
  [
    "can rhel 5, centos 5, sles 10 and opensuse 11 all be dom0",
    several(yes("rhel", "5"), yes("centos", "5"), partial("sles", "10"), yes("opensuse", "11")),
  ],
  [
    "debian 9, ubuntu 18.04, fedora 28, sles 12 and alpine 3.8 as dom0?",
    several(
      yes("debian", "9"),
      yes("ubuntu", "18.04"),
      yes("fedora", "28"),
      yes("sles", "12"),
      yes("alpine", "3.8"),
    ),
  ],
  // Six releases: only the first five are answered.
  [
    "etch lenny squeeze wheezy jessie stretch - all ok as dom0?",
    several(
      yes("debian", "4.0"),
      yes("debian", "5.0"),
      yes("debian", "6.0"),
      yes("debian", "7"),
      yes("debian", "8"),
    ),
  ],
  // A Xen version in the message applies to every release in it (footnote [1]: Xen >= 4.0).
  ["squeeze and wheezy on xen 3.4", { ...several(no("debian", "6.0"), no("debian", "7")), xen: "3.4" }],
  [
    "ubuntu 12.04 and debian 7 with xen 4.1",
    { ...several(yes("ubuntu", "12.04"), yes("debian", "7")), xen: "4.1" },
  ],
  [
    "lenny + squeeze as dom0 with xen 4.0",
    { ...several(yes("debian", "5.0"), yes("debian", "6.0")), xen: "4.0" },
  ],
  // Comparisons: each answered, and the sources do not rank them.
  ["which is better as dom0, debian or centos?", compare(about("debian"), about("centos"))],
  ["xcp-ng or xenserver for dom0, which is better", compare(about("xcp-ng"), about("xenserver"))],
  ["freebsd vs netbsd as xen host, which one should i pick", compare(about("freebsd"), about("netbsd"))],
  ["is sles 16 or opensuse leap 15.6 better for dom0", compare(no("sles", "16"), yes("opensuse", "15.6"))],
  [
    "which is the better dom0, ubuntu 22.04 or debian 12",
    compare(yes("ubuntu", "22.04"), yes("debian", "12")),
  ],
  [
    "what's best for dom0: alpine, debian or fedora?",
    compare(about("alpine"), about("debian"), about("fedora")),
  ],
  ["debian vs ubuntu for dom0, which one is better?", compare(about("debian"), about("ubuntu"))],

  // ---------------------------------------------------------------------------------------------------------
  // Lists with a condition: filtered.
  ["which ubuntu versions can't be dom0", list("ubuntu", ["11.04"])],
  ["what ubuntu releases dont work as dom0", list("ubuntu", ["10.04"])],
  ["which debian releases don't work as dom0", list("debian", ["3.1"])],
  ["which fedora versions are not supported as dom0", list("fedora", ["16"])],
  ["what centos versions dont work as dom0", list("centos", ["6.3"])],
  ["which sles versions can't be dom0 anymore", list("sles", ["16"])],
  ["which bsds can't be dom0", list(undefined, ["OpenBSD"])],
  // The NetBSD row ("5.1, 6") is left out of the answer; FreeBSD (host since 11.0) is a Unix that works.
  ["which unix systems besides NetBSD work as dom0", list(undefined, ["FreeBSD"], ["5.1, 6"])],
  ["which bsd works as dom0 besides freebsd", list(undefined, ["NetBSD"])],
  ["list every bsd that works as a xen host except openbsd", list(undefined, ["FreeBSD", "NetBSD"])],
  ["which os besides linux can be dom0", list(undefined, ["NetBSD"])],
  ["the newest Ubuntu that works as dom0", list("ubuntu", ["26.04"])],
  ["latest debian that can be dom0", list("debian", ["Trixie"])],
  ["newest fedora that works as dom0", list("fedora", ["44"])],
  ["newest rhel that can be dom0", list("rhel", ["5"])],
  ["oldest debian that works as dom0", list("debian", ["Etch"])],
  ["oldest ubuntu that works as dom0", list("ubuntu", ["11.10"])],
  ["which CentOS versions work", list("centos", ["6.4"])],
  ["which rhel versions work as dom0", list("rhel", ["5"])],
  ["which alpine versions work as dom0", list("alpine", ["2.4"])],
  ["which freebsd versions can be dom0", list("freebsd", ["11"])],
  ["which netbsd versions work as xen host", list("netbsd", ["5.1"])],
  ["which ubuntu lts releases work as dom0", list("ubuntu", ["12.04"])],
  ["ubuntu versions before 12.04 that work as dom0", list("ubuntu", ["11.10"])],
  ["which debian versions after wheezy support dom0", list("debian", ["Trixie"])],
  ["which debian releases work with xen 3.4", { ...list("debian", ["Lenny"]), xen: "3.4" }],
  ["which debian releases don't need xen 4.0", list("debian", ["Lenny"])],
  ["everything that needs Xen 4.0", list(null, ["Squeeze"])],
  ["which distros need xen >= 4.0 for dom0", list(null, ["Wheezy"])],
  ["which linux kernels can be dom0", faq("mainline-linux", ["2.6.37"])],
  ["which rhel clones work as dom0", list(undefined, ["5.x"])],
  ["what systems have incomplete dom0 support", list(undefined, ["Illumos"])],

  // ---------------------------------------------------------------------------------------------------------
  // Long messages, pasted logs and chat markup: the sentence that asks decides intent and product.
  ["<@U123ABC> does debian 12 work as dom0?", { ...yes("debian", "12"), absent: ["<@U123ABC>"] }],
  ["<!channel> anyone know if centos 6.3 can be dom0", { ...no("centos", "6.3"), absent: ["<!channel>"] }],
  [
    "<@U024BE7LH|bob> is opensuse leap 15.6 a good dom0",
    { ...yes("opensuse", "15.6"), absent: ["<@U024BE7LH"] },
  ],
  [
    "<!here> quick q\ncentos 7.9 dom0 with xen4centos ok?",
    { ...yesOrPartial("centos", "7.9"), absent: ["<!here>"] },
  ],
  ["<#C024BE7LR|xen-users> asked: can freebsd 14 be the xen host", yes("freebsd", "14")],
  [
    "<@U0LAN0Z89> <@U0LAN0Z90> can either of you tell me if xenserver 7.1 can be dom0",
    yesOrPartial("xenserver", "7.1"),
  ],
  [
    "<https://wiki.xenproject.org/wiki/Dom0_Kernels_for_Xen|the wiki page> - does trixie count as dom0?",
    yes("debian", "13"),
  ],
  [
    "<@123456789012345678> is ubuntu 22.04 ok as a xen host",
    { ...yes("ubuntu", "22.04"), absent: ["<@123456789012345678>"] },
  ],
  [
    "<@!876543210987654321> alpine 3.22 dom0?",
    { ...yes("alpine", "3.22"), absent: ["<@!876543210987654321>"] },
  ],
  ["<@&987654321098765432> does fedora 42 work as dom0", yes("fedora", "42")],
  ["<:thinking:112233445566778899> can netbsd 10 be dom0", support("netbsd", "10", ["yes", "partial"])],
  ["||is debian 9 ok as dom0||", yes("debian", "9")],
  ["**can** __centos 6.4__ be dom0?", yes("centos", "6.4")],
  ["**does** `fedora 40` work as *dom0*?", yes("fedora", "40")],
  ["bot, pls: `is centos 6.2 ok as dom0` thx", no("centos", "6.2")],
  ["`uname -r` gives `5.15.0-91-generic`, can this be dom0?", yes("ubuntu", "22.04")],
  [
    "```\nLinux xen01 4.19.0-27-amd64 #1 SMP Debian 4.19.316-1 (2024-06-25) x86_64 GNU/Linux\n```\ncan this box be dom0",
    yes("debian", "10"),
  ],
  [
    "uname -a\nLinux xen01 4.19.0-21-amd64 #1 SMP Debian 4.19.249-2 (2022-06-30) x86_64 GNU/Linux\ncan this box be dom0?",
    yes("debian", "10"),
  ],
  [
    'cat /etc/os-release\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nwill this work as dom0?',
    yes("debian", "12"),
  ],
  // ID_LIKE=debian does not make it Debian.
  [
    'NAME="Ubuntu"\nVERSION="22.04.4 LTS (Jammy Jellyfish)"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="22.04"\nthat\'s our base image, ok for dom0?',
    yes("ubuntu"),
  ],
  ["$ cat /etc/redhat-release\nCentOS release 6.3 (Final)\n\ncan we use it as dom0", no("centos", "6.3")],
  [
    "cat /etc/SuSE-release\nSUSE Linux Enterprise Server 11 (x86_64)\nVERSION = 11\nPATCHLEVEL = 4\ndom0 ok?",
    yes("sles", "11"),
  ],
  [
    "xl info says\n```\nhost                   : xen01\nrelease                : 6.1.0-28-amd64\nversion                : #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)\nmachine                : x86_64\nnr_cpus                : 16\nxen_major              : 4\nxen_minor              : 17\nxen_extra              : .5\nxen_version            : 4.17.5\n```\nis bookworm a supported dom0?",
    yes("debian", "12"),
  ],
  [
    "dmesg | grep -i xen\n[    0.000000] Xen: using vcpuop timer interface\n[    0.000000] installing Xen timer for CPU 0\n[    1.234567] xen:balloon: Initialising balloon driver\nthat's on ubuntu 24.04, so dom0 should work right?",
    yes("ubuntu", "24.04"),
  ],
  // "gcc (Debian 10.2.1-6)" is the compiler's version, not Debian 10.
  [
    "(XEN) Xen version 4.14.6 (Debian 4.14.6-1) (pkg-xen-devel@lists.alioth.debian.org) (gcc (Debian 10.2.1-6) 10.2.1 20210110) debug=n\nis that bullseye xen ok for dom0?",
    yes("debian", "11"),
  ],
  [
    "my grub has `multiboot2 /boot/xen-4.14-amd64.gz dom0_mem=2048M,max:2048M` and `module2 /vmlinuz-5.10.0-9-amd64 root=/dev/md0` - is debian 11 fine as dom0?",
    yes("debian", "11"),
  ],
  [
    'GRUB_CMDLINE_XEN_DEFAULT="dom0_mem=4096M,max:4096M dom0_max_vcpus=2"\nin /etc/default/grub on alpine 3.23, does alpine work as dom0',
    yes("alpine", "3.23"),
  ],
  ["we boot with dom0_mem=4G dom0_max_vcpus=4 on sles 12 sp5, is that a supported dom0?", yes("sles", "12")],
  ["CONFIG_XEN_DOM0=y is set in my .config, does fedora 38 work as dom0", yes("fedora", "38")],
  [
    "i have CONFIG_XEN_BLKDEV_BACKEND=m and CONFIG_XEN_NETDEV_BACKEND=m built, which debian releases work as dom0?",
    list("debian", ["Wheezy"]),
  ],
  [
    "getting `xl: error: Could not open /proc/xen/privcmd` on fedora 41, is fedora 41 even supported as dom0?",
    yes("fedora", "41"),
  ],
  ["i read https://wiki.xenproject.org/wiki/Dom0_Kernels_for_Xen but is rhel 7 ok as dom0?", no("rhel", "7")],
  [
    "per https://www.debian.org/releases/stretch/ blah, anyway does ubuntu 18.04 work as dom0",
    yes("ubuntu", "18.04"),
  ],
  [
    "https://docs.xcp-ng.org/releases/release-8-3/ - is xcp-ng 8.2 still ok as dom0",
    yesOrPartial("xcp-ng", "8.2"),
  ],
  [
    "> Debian 4.0 (Etch), 5.0 (Lenny), 6.0 (Squeeze)\nso does ubuntu 20.04 count as dom0 too?",
    yes("ubuntu", "20.04"),
  ],
  [
    "hey all, long time lurker. we run a small hosting shop, about 40 boxes, mostly vmware but the licensing changes are killing us so we're looking at xen again. our standard image used to be centos 7 but that's eol now. question: does debian 12 work as dom0?",
    yes("debian", "12"),
  ],
  [
    "we upgraded the hypervisor last week and the fans are loud as hell lol. anyway does netbsd 9 work as dom0",
    support("netbsd", "9", ["yes", "partial"]),
  ],
  [
    "## question\n- box: supermicro x11\n- os: opensuse leap 15.5\n- ram: 128G\ncan it be dom0?",
    yes("opensuse", "15.5"),
  ],
  [
    "ok so after 3 days of fighting with pci passthrough on 2 nics i give up on that, different q: can openbsd 7.6 be the xen host",
    no("openbsd", "7.6"),
  ],

  // ---------------------------------------------------------------------------------------------------------
  // How-to and sub-questions. Building or configuring a dom0 kernel is the mainline kernel's topic: the page
  // points to its Mainline_Linux_Kernel_Configs instructions there.
  ["how do I enable CONFIG_XEN_DOM0?", faq("mainline-linux", ["Mainline_Linux_Kernel_Configs"])],
  ["what kernel options do I need for dom0?", faq("mainline-linux", ["Mainline_Linux_Kernel_Configs"])],
  [
    "which kernel config flags does a dom0 kernel need",
    faq("mainline-linux", ["Mainline_Linux_Kernel_Configs"]),
  ],
  [
    "do i need CONFIG_XEN_BACKEND in my dom0 kernel",
    faq("mainline-linux", ["Mainline_Linux_Kernel_Configs"]),
  ],
  [
    "dom0 kernel .config - what do i need to turn on",
    faq("mainline-linux", ["Mainline_Linux_Kernel_Configs"]),
  ],
  ["how do i make a kernel that boots as dom0", faq("mainline-linux", ["Mainline_Linux_Kernel_Configs"])],
  ["what features does each xen kernel have", faq("kernel-features")],
  ["which kernel should I use for dom0", faq("choosing-kernel")],
  ["should i use the distro kernel or compile my own for dom0", faq("choosing-kernel")],
  ["since when does mainline linux support dom0", faq("mainline-linux", ["2.6.37"])],
  ["which kernel version first had dom0 support", faq("mainline-linux", ["2.6.37"])],
  ["first upstream kernel that could boot as dom0?", faq("mainline-linux", ["2.6.37"])],
  ["when did dom0 support land in the vanilla kernel", faq("mainline-linux", ["2.6.37"])],
  ["what version of linux added xen dom0 support", faq("mainline-linux", ["2.6.37"])],
  ["since which kernel is dom0 upstream?", faq("mainline-linux", ["2.6.37"])],
  ["pvops vs xenlinux for dom0, which one", faq("pvops-vs-xenlinux", ["pv_ops"])],

  // ---------------------------------------------------------------------------------------------------------
  // Other languages: understood, answered in English, and the text says so.
  // German.
  ["funktioniert Debian 12 als Xen-Host?", english(yes("debian", "12"))],
  ["kann CentOS 6.3 als dom0 laufen?", english(no("centos", "6.3"))],
  ["welche Ubuntu-Versionen unterstützen dom0?", english(list("ubuntu", ["11.10"]))],
  ["läuft FreeBSD 14 als Xen dom0?", english(yes("freebsd", "14"))],
  ["geht SLES 16 als Xen-Host?", english(no("sles", "16"))],
  ["unterstützt Fedora 40 dom0?", english(yes("fedora", "40"))],
  // French.
  ["Debian 11 fonctionne-t-il comme dom0 ?", english(yes("debian", "11"))],
  ["quelles versions d'Ubuntu fonctionnent comme dom0 ?", english(list("ubuntu", ["11.10"]))],
  ["est-ce que RHEL 7 peut être un hôte Xen ?", english(no("rhel", "7"))],
  ["openSUSE Leap 15.6 marche en dom0 ?", english(yes("opensuse", "15.6"))],
  ["NetBSD 6 est-il supporté comme hôte Xen ?", english(yes("netbsd", "6"))],
  ["quelles versions de Debian supportent dom0", english(list("debian", ["Wheezy"]))],
  // Spanish.
  ["¿CentOS 7 sirve como dom0?", english(centos7())],
  ["¿funciona Ubuntu 24.04 como host de Xen?", english(yes("ubuntu", "24.04"))],
  ["¿qué versiones de Fedora funcionan como dom0?", english(list("fedora", ["16"]))],
  ["¿OpenBSD puede ser dom0?", english(no("openbsd"))],
  ["¿Alpine 3.22 soporta dom0?", english(yes("alpine", "3.22"))],
  ["¿qué versiones de CentOS funcionan como dom0?", english(list("centos", ["6.4"]))],
  // Portuguese.
  ["O openSUSE Leap 15.5 funciona como dom0?", english(yes("opensuse", "15.5"))],
  ["o Debian 13 funciona como host Xen?", english(yes("debian", "13"))],
  ["quais versões do Ubuntu funcionam como dom0?", english(list("ubuntu", ["11.10"]))],
  ["o RHEL 6 suporta dom0?", english(no("rhel", "6"))],
  ["XCP-ng 8.3 funciona como dom0?", english(yes("xcp-ng", "8.3"))],
  ["o Alpine 2.3 funciona como dom0?", english(no("alpine", "2.3"))],
  // Russian.
  ["Работает ли Debian 11 как dom0?", english(yes("debian", "11"))],
  ["Может ли CentOS 5 быть хостом Xen?", english(yes("centos", "5"))],
  ["Какие версии Ubuntu поддерживают dom0?", english(list("ubuntu", ["11.10"]))],
  ["Поддерживает ли FreeBSD 10.3 dom0?", english(no("freebsd", "10.3"))],
  ["Fedora 15 работает как dom0?", english(partial("fedora", "15"))],
  ["какие версии fedora работают как dom0", english(list("fedora", ["16"]))],
  // Chinese.
  ["Debian 12 能作为 Xen 的 dom0 吗？", english(yes("debian", "12"))],
  ["哪些 Ubuntu 版本支持 dom0？", english(list("ubuntu", ["11.10"]))],
  ["CentOS 6.2 可以做 Xen 主机吗？", english(no("centos", "6.2"))],
  ["SLES 15 支持 dom0 吗？", english(yes("sles", "15"))],
  ["FreeBSD 13 能当 dom0 吗", english(support("freebsd", "13", ["yes", "partial"]))],
  ["哪些 Debian 版本可以做 dom0", english(list("debian", ["Wheezy"]))],
  // Japanese.
  ["Ubuntu 22.04 は Xen の dom0 として使えますか？", english(yes("ubuntu", "22.04"))],
  ["Debian 10 は dom0 として動きますか", english(yes("debian", "10"))],
  ["どの Fedora のバージョンが dom0 をサポートしていますか？", english(list("fedora", ["16"]))],
  ["RHEL 8 は Xen ホストになれますか？", english(no("rhel", "8"))],
  ["NetBSD 5.1 は dom0 に対応していますか", english(yes("netbsd", "5.1"))],
  ["openSUSE 10.3 は dom0 として使えますか", english(partial("opensuse", "10.3"))],

  // ---------------------------------------------------------------------------------------------------------
  // Follow-up fragments that name no system: unclear, no verdict.
  ["what about 6.5?", fragment()],
  ["and with Xen 3.4?", fragment()],
  ["and 12.04?", fragment()],
  ["what about the newer ones", fragment()],
  ["same question for xen 4.17", fragment()],
  ["ok and the next release?", fragment()],
  ["and the lts one?", fragment()],
  ["what about version 7", fragment()],
  ["and on arm?", fragment()],
  ["what about the 32-bit version", fragment()],
  ["same for the older one?", fragment()],
  ["and 7?", fragment()],
  ["what if xen is 4.1 instead", fragment()],
  // Not fragments: each names a system (a codename or a name).
  ["ok and wheezy?", yes("debian", "7")],
  ["and what about trusty?", yes("ubuntu", "14.04")],
  ["ok what about freebsd then", yes("freebsd")],

  // ---------------------------------------------------------------------------------------------------------
  // Misses found by an independent set written after these features (kept here so they stay fixed).
  ["6.1.0-0.deb11.17-amd64 dom0?", yes("debian", "11")],
  ["ubuntu LTS releases usable as xen host?", list("ubuntu", ["22.04", "24.04"], ["23.10"])],
  ["debian releases that work with xen 3.x as dom0", list("debian", ["Lenny"], ["Wheezy,"])],
  ["which fedora versions were dropped from the dom0 list", list("fedora", ["15"])],
  [
    "[    0.000000] Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) that's our current dom0. does fedora 39 work as dom0 too?",
    yes("fedora", "39"),
  ],
  ["menuconfig options for a xen dom0 pls", faq("mainline-linux")],
  ["since when does linux support running as dom0", faq("mainline-linux", ["2.6.37"])],
  ["which centos releases need xen4centos for dom0", { ...list("centos", ["6.4"]), xen: null }],
  ["which ubuntu releases are too old for dom0", list("ubuntu", ["11.04"], ["12.04 (Precise Pangolin):"])],
  ["Ist SLES 10 noch als Xen-Host geeignet?", english(partial("sles", "10"))],
  ["¿Puedo usar Debian 8 como dom0?", english(yes("debian", "8"))],
  ["Dá para usar o FreeBSD 14 como dom0?", english(yes("freebsd", "14"))],
];
