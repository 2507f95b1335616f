/**
 * How people ask about TODAY (2026-12-02, every source counts), and the structured answer each must get.
 * Written from the sources, not from the code: the 2014 revision of the wiki page
 * (dom0-kernels-for-xen.2014-04-18.txt), its current revision (dom0-kernels-for-xen.current.txt, read
 * 2026-11-28) and present-day.md. Rule: a release's verdict is that of the newest source that speaks about
 * it; a statement naming the release (a distribution's own document, a closed row such as "5.x only")
 * beats an open row ("and newer", "All versions", "All versions since 11"); a release covered only by an
 * open row is "yes". `mentions: ["2014"]` marks releases where the 2014 table said something different.
 */
import {
  type Case,
  type Expectation,
  faq,
  list,
  nearby,
  no,
  partial,
  support,
  unlisted,
  yes,
  yesOrPartial,
} from "./expectations.js";

export type PresentExpectation = Expectation;
export type PresentCase = Case;

export const PRESENT_PHRASINGS: PresentCase[] = [
  // Debian: current row "4.0 (Etch), 5.0 (Lenny), 6.0 (Squeeze)[1], 7 (Wheezy)[1] and newer" ([1]: Xen >= 4.0);
  // Debian package pages: bullseye Xen 4.14, bookworm 4.17, trixie 4.20. The 2014 table stopped at 7.2.
  ["debian etch still counts as a xen host?", yes("debian", "4.0")],
  ["debian 4.0 dom0", yes("debian", "4.0")],
  ["lenny dom0 ok?", yes("debian", "5.0")],
  ["debain lenny with xen 3.2 as dom0", { ...yes("debian", "5.0"), xen: "3.2" }],
  ["debain squeeze as dom0 today?", yes("debian", "6.0", ["4.0"])],
  // Footnote [1] (both revisions): the Squeeze and Wheezy kernels need Xen >= 4.0.
  ["squeeze dom0 but the hypervisor is xen 3.4", { ...no("debian", "6.0", ["4.0"]), xen: "3.4" }],
  ["debian 6.0.10 still listed as dom0?", yes("debian", "6.0.10")],
  ["wheezy on xen 3.4, will dom0 boot?", { ...no("debian", "7", ["4.0"]), xen: "3.4" }],
  ["wheezy w/ xen 4.1 as the host", { ...yes("debian", "7"), xen: "4.1" }],
  ["debian 7 wheezy dom0 fine?", yes("debian", "7")],
  ["debian 7.8 as a xen host", yes("debian", "7.8")],
  ["debian 8.11 xen dom0", yes("debian", "8.11", ["2014"])],
  ["stretch as dom0?", yes("debian", "9", ["2014"])],
  ["debian 9 dom0 ok", yes("debian", "9", ["2014"])],
  ["buster as a xen dom0?", yes("debian", "10", ["2014"])],
  // "2026" in the question is a year, not a version.
  ["debian 10 dom0 still fine in 2026?", yes("debian", "10", ["2014"])],
  ["bullseye dom0 - which xen comes with it?", yes("debian", "11", ["4.14"])],
  ["debian 11 as xen host", yes("debian", "11", ["4.14", "2014"])],
  ["bookworm as our xen dom0?", yes("debian", "12", ["4.17"])],
  ["debian 12 with xen 4.17 as dom0 ok", { ...yes("debian", "12", ["4.17"]), xen: "4.17" }],
  ["debian 12.8 dom0", yes("debian", "12.8", ["2014"])],
  ["debain bookworm xen host", yes("debian", "12", ["4.17"])],
  ["trixie as a dom0, what xen version do i get?", yes("debian", "13", ["4.20"])],
  ["debian 13 xen dom0 ok?", yes("debian", "13", ["4.20", "2014"])],
  ["@here is debian 13 ok as dom0?", { ...yes("debian", "13"), absent: ["@here"] }],
  ["debian sarge as dom0", no("debian", "3.1", ["4.0"])],
  ["debian 3.0 woody dom0?", no("debian", "3.0", ["4.0"])],
  ["is debian ok as a dom0 nowadays?", yes("debian", null, ["Wheezy"])],

  // Ubuntu: current row "All versions since 11.10 [1]" ([1]: Xen >= 4.0); packages.ubuntu.com: 22.04 Xen
  // 4.16, 24.04 4.17, 25.04 and 26.04 4.20. The 2014 table named only 11.10 and 12.04 LTS.
  ["ubuntu 24.04 lts as xen host", yes("ubuntu", "24.04", ["4.17", "2014"])],
  ["noble dom0 ok?", yes("ubuntu", "24.04", ["4.17"])],
  ["ubuntu server 24.04.1 as xen dom0?", yes("ubuntu", "24.04.1", ["4.17"])],
  ["ubunut 22.04 dom0", yes("ubuntu", "22.04", ["4.16"])],
  ["jammy as a xen dom0, which xen is packaged?", yes("ubuntu", "22.04", ["4.16"])],
  ["ubuntu 20.04 focal dom0", yes("ubuntu", "20.04", ["2014"])],
  ["bionic dom0 still ok?", yes("ubuntu", "18.04", ["2014"])],
  ["ubuntu 18.04 LTS as dom0", yes("ubuntu", "18.04")],
  ["ubuntu 16.04 xenial as xen host", yes("ubuntu", "16.04", ["2014"])],
  ["trusty tahr dom0", yes("ubuntu", "14.04", ["2014"])],
  ["ubuntu 12.10 quantal dom0", yes("ubuntu", "12.10", ["2014"])],
  ["ubuntu precise 12.04 dom0 still ok", yes("ubuntu", "12.04")],
  ["ubuntu oneiric as dom0", yes("ubuntu", "11.10")],
  // Footnote [1] on the Ubuntu row: Xen >= 4.0.
  ["ubuntu 12.04 dom0 with xen 3.4", { ...no("ubuntu", "12.04", ["4.0"]), xen: "3.4" }],
  ["ubuntu 25.04 dom0, what xen version?", yes("ubuntu", "25.04", ["4.20"])],
  ["ubuntu 25.10 xen host", yes("ubuntu", "25.10", ["2014"])],
  ["ubuntu resolute raccoon as dom0", yes("ubuntu", "26.04")],
  ["ubuntu 26.04 dom0 with xen 4.20", { ...yes("ubuntu", "26.04", ["4.20"]), xen: "4.20" }],
  ["ubuntu 11.04 natty as dom0", no("ubuntu", "11.04", ["11.10"])],
  ["lucid lynx dom0?", no("ubuntu", "10.04", ["11.10"])],
  ["ubuntu 8.04 hardy xen host", no("ubuntu", "8.04", ["11.10"])],
  ["ubuntu 9.10 dom0", no("ubuntu", "9.10", ["11.10"])],
  ["is ubuntu still a supported dom0 in 2026?", yes("ubuntu", null, ["11.10"])],

  // Fedora: current row "Full support from Fedora 16 onwards"; Fedora package pages: F42 4.19, F43 4.20,
  // F44 4.21. The 2014 table named 15 (Lovelock), 16 (Verne), 17 (Beefy Miracle).
  ["fedora 44 as xen host, what xen does it ship", yes("fedora", "44", ["4.21"])],
  ["f43 dom0 ok?", yes("fedora", "43", ["4.20"])],
  ["fedroa 42 dom0", yes("fedora", "42", ["4.19"])],
  ["fedora 41 xen dom0", yes("fedora", "41", ["2014"])],
  ["fedora 40 as a xen host", yes("fedora", "40", ["2014"])],
  ["fedora 20 heisenbug dom0", yes("fedora", "20", ["2014"])],
  ["fedora 18 spherical cow as dom0?", yes("fedora", "18", ["2014"])],
  ["fedora beefy miracle still ok as dom0", yes("fedora", "17")],
  ["fedora 16 verne dom0 today", yes("fedora", "16")],
  // Listed in 2014, no longer named by the current row "from Fedora 16 onwards": narrowed, partial.
  ["fedora 15 lovelock as dom0", partial("fedora", "15", ["16", "2014"])],
  ["fedora lovelock dom0 still?", partial("fedora", "15", ["16"])],
  ["fedora 14 dom0", no("fedora", "14", ["16"])],
  ["fedora 12 as xen host", no("fedora", "12", ["16"])],
  ["does fedora work as dom0 today", yes("fedora", null, ["16"])],

  // CentOS and the other RHEL clones: current rows "CentOS and other RHEL clones | 5.x" and
  // "CentOS 6.4+ | 6.4 and newer, use Xen4CentOS".
  ["centos 5.11 dom0", yes("centos", "5.11")],
  ["centos 5 as a xen host still?", yes("centos", "5")],
  ["centos 6.2 as xen host", no("centos", "6.2", ["6.4"])],
  ["cent os 6.0 dom0", no("centos", "6.0", ["6.4"])],
  ["centos 6.3 dom0 or do i need to upgrade", no("centos", "6.3", ["6.4"])],
  ["centos 6.4 dom0 with xen4centos", yes("centos", "6.4")],
  ["centos 6.10 as dom0", yes("centos", "6.10")],
  // CentOS 7: Xen4CentOS covers it, but it reached end of life in 2024 (XCP-ng blog 2020-12-17).
  ["cnetos 7 dom0", yesOrPartial("centos", "7")],
  ["centos 7.9 xen host", yesOrPartial("centos", "7.9")],
  ["centos 7 is eol right? can it still be a dom0", yesOrPartial("centos", "7", ["2024"])],
  // CentOS 8 / Stream: only the open row "6.4 and newer, use Xen4CentOS" speaks; no Xen package established.
  ["centos 8 dom0", yesOrPartial("centos", "8")],
  ["centos stream 8 as xen dom0?", yesOrPartial("centos", "8")],
  ["centos stream 10 xen host", yesOrPartial("centos", "10")],
  ["centos 4.8 dom0", no("centos", "4.8", ["5.x"])],
  // Other clones ride on the clones row, and only its "5.x".
  ["scientific linux 5.11 dom0", yes("centos", "5.11")],
  ["oracle linux 5 as dom0", yes("centos", "5")],
  ["rocky linux 9 xen dom0", no(undefined, "9", ["5.x"])],
  ["rocky 8 as a xen host?", no(undefined, "8")],
  ["almalinux 8 as dom0?", no(undefined, "8", ["5.x"])],
  ["alma 10 dom0", no(undefined, "10")],
  ["oracle linux 9 xen host", no(undefined, "9")],

  // RHEL: current row "5.x only" (closed, names the releases); ZDNet 2010: RHEL 6 dropped Xen as host.
  // No Xen host package is established for RHEL 7-10: answers must not claim one.
  ["rhel 5.11 dom0", yes("rhel", "5.11")],
  ["red hat 5 as xen host", yes("rhel", "5")],
  ["rhel 6.10 dom0", no("rhel", "6.10", ["5.x"])],
  ["rhel 7 xen host?", no("rhel", "7", ["5.x"])],
  ["rhel9 dom0", no("rhel", "9")],
  ["red hat enterprise linux 10 as xen dom0", no("rhel", "10", ["5.x"])],
  ["rhel 4 dom0", no("rhel", "4", ["5.x"])],

  // openSUSE: current row "All versions since 11" (2014: 10.x, 11.x, 12.x, 13.x).
  // 10.x was listed in 2014 and is no longer named: narrowed, partial.
  ["opensuse 10.2 dom0", partial("opensuse", "10.2", ["11", "2014"])],
  ["opensuse 9.3 dom0", no("opensuse", "9.3", ["11"])],
  ["opensuse 11.4 as xen host", yes("opensuse", "11.4")],
  ["opensuse 12.3 dom0 still listed?", yes("opensuse", "12.3")],
  ["opensuze 13.2 dom0", yes("opensuse", "13.2")],
  ["leap 42.3 dom0", yes("opensuse", "42.3", ["2014"])],
  ["opensuse leap 15.5 xen host", yes("opensuse", "15.5")],
  ["tumbleweed dom0?", yes("opensuse", null)],
  ["opensuse tumbleweed as xen dom0, still built?", yes("opensuse", null)],
  // Leap 16: only the open row speaks; whether it ships a Xen host is "not established". Never "no".
  ["leap 16 xen dom0?", support("opensuse", undefined, ["yes", "partial", "unlisted"])],

  // SLES: current row "SUSE Linux Enterprise | All versions since 11" (2014: 10.x, 11.x); SUSE docs: SLES 15
  // a supported Xen host; SLES 16 removed Xen ("no longer run SUSE Linux 16 as Xen host"), which beats the
  // open row.
  ["sles 10 sp3 dom0", partial("sles", "10", ["11", "2014"])],
  ["sles 9 dom0", no("sles", "9", ["11"])],
  ["sles 11 sp4 as xen host", yes("sles", "11")],
  ["SLES 12 SP3 dom0", yes("sles", "12", ["2014"])],
  ["sles 12 sp2 dom0 with kernel-default?", yes("sles", "12")],
  ["sles 15 sp6 dom0 ok?", yes("sles", "15", ["2014"])],
  ["SLE 15 SP5 as a xen host", yes("sles", "15")],
  ["sles 16 xen host?", no("sles", "16", ["16"])],
  ["suse linux enterprise server 16.0 as our dom0", no("sles", undefined, ["16"])],

  // Alpine: current row "2.4.x (2012-05-02)[2] and newer"; Alpine packages: v3.22 and v3.23 Xen 4.20.
  ["alpine 2.4 dom0", yes("alpine", "2.4")],
  ["alpine 2.7 dom0 ok?", yes("alpine", "2.7", ["2014"])],
  ["alpine 3.18 as xen host", yes("alpine", "3.18", ["2014"])],
  ["apline 3.20 xen dom0", yes("alpine", "3.20")],
  ["alpine 3.22 dom0, which xen version?", yes("alpine", "3.22", ["4.20"])],
  ["alpine 3.23 as xen host", yes("alpine", "3.23", ["4.20"])],
  ["alpine linux 2.3 xen host", no("alpine", "2.3", ["2.4"])],
  ["alpine 2.0 dom0", no("alpine", "2.0", ["2.4"])],

  // Mageia: "All versions" (both revisions); releases after 2014 only by the open row (date unknown).
  ["mageia 4 dom0", yes("mageia", "4")],
  ["mageia 2 as xen host", yes("mageia", "2")],
  ["mageia 8 dom0?", yesOrPartial("mageia", "8")],
  ["mageia 9 xen host", yesOrPartial("mageia", "9")],

  // Oracle VM for x86 (OVS): "All versions" (not Oracle Linux, not VirtualBox).
  ["oracle vm server 3.4 dom0", yes("oracle-vm", "3.4")],
  ["ovs 2.2 as dom0", yes("oracle-vm", "2.2")],
  ["oracle vm for x86 as xen host?", yes("oracle-vm")],

  // XenServer / Citrix Hypervisor / XCP: row "All versions, but open source from XenServer 6.2. Before that
  // XCP". 7.x and 8 only by the open row: partial defensible.
  ["xenserver 6.2 dom0", yes("xenserver", "6.2")],
  ["xenserver 5.6 as dom0", yes("xenserver", "5.6")],
  ["xenserver 7.1 as dom0", yesOrPartial("xenserver", "7.1")],
  ["citrix hypervisor 8.2 dom0", yesOrPartial("xenserver", "8.2")],
  ["xcp 1.6 dom0", yes("xenserver", "1.6")],
  ["xen cloud platform as dom0 still?", yes("xenserver")],
  // XCP-ng: current row "All versions"; XCP-ng release docs: 8.3 LTS until 2028-11-30, dom0 on CentOS 7.
  ["xcp-ng as xen host", yes("xcp-ng", null)],
  ["xcp-ng 8.3 dom0 - what is it based on?", yes("xcp-ng", "8.3", ["CentOS 7"])],
  ["xcpng 8.3 lts as dom0, supported until when?", yes("xcp-ng", "8.3", ["2028"])],
  // 8.2 LTS ended 2025-09-16 (release docs): the row still says yes; partial defensible.
  ["xcp-ng 8.2 still ok for dom0?", yesOrPartial("xcp-ng", "8.2", ["2025"])],

  // OpenEmbedded: new current row "All versions since 1.3, via the meta-virtualization layer for ARM and x86".
  ["yocto with meta-virtualization as dom0", yes("openembedded")],
  ["openembedded dom0 on arm?", yes("openembedded")],
  ["meta-virtualization xen host for x86 boards", yes("openembedded")],

  // FreeBSD: Handbook and xen(4): host support since 11.0, PVH only, amd64, needs IOMMU; 13 must boot BIOS;
  // 14 and newer BIOS and UEFI. (The wiki's BSD section could not be read today.)
  ["freebsd dom0?", yes("freebsd", null)],
  ["freebsd as xen dom0 - pv or pvh?", yes("freebsd", null, ["PVH"])],
  ["freebsd 10.3 dom0", no("freebsd", "10.3", ["11"])],
  ["freebsd 9 as xen host", no("freebsd", "9", ["11"])],
  ["freebsd 11.2 xen dom0", yes("freebsd", "11.2")],
  ["frebsd 12 dom0", yes("freebsd", "12")],
  ["freebsd 12.4 dom0 pv or pvh mode?", yes("freebsd", "12.4", ["PVH"])],
  ["freebsd 13 as xen host", support("freebsd", "13", ["yes", "partial"])],
  ["freebsd 13.2 dom0 boot with uefi?", support("freebsd", "13.2", ["yes", "partial"], ["BIOS"])],
  ["freebsd 14 dom0 on a uefi box ok?", yes("freebsd", "14", ["UEFI"])],
  ["freebsd 14.3 xen host", yes("freebsd", "14.3")],
  ["freebsd 15.0 as dom0", yes("freebsd", "15.0")],

  // OpenBSD: xen(4) (2021) does HVM domU guest initialization only: not a dom0.
  ["openbsd 7.5 dom0", no("openbsd", "7.5")],
  ["can openbsd be a xen host?", no("openbsd")],
  ["open bsd as dom0 on xen 4.20", { ...no("openbsd"), xen: "4.20" }],
  ["openbsd 7.6 as xen host", no("openbsd", "7.6")],

  // NetBSD: 2014 BSD table "5.1, 6" (still the wiki's word); NetBSD Xen HowTo: PV dom0, pkgsrc Xen 4.20
  // kernels for 9, 10 and 11.
  ["netbsd 5.1 dom0", yes("netbsd", "5.1")],
  ["netbsd 6 as xen host", yes("netbsd", "6")],
  ["netbds 6.1 dom0", yes("netbsd", "6.1")],
  ["netbsd 5.0 dom0", no("netbsd", "5.0", ["5.1"])],
  ["netbsd 4.0 as dom0", no("netbsd", "4.0", ["5.1"])],
  ["netbsd 9 dom0 ok?", support("netbsd", "9", ["yes", "partial"], ["2014"])],
  ["netbsd 10.1 as xen host", support("netbsd", "10.1", ["yes", "partial"])],

  // OpenSolaris / illumos: 2014 BSD/Unix table (2009.06; illumos "Incomplete"); nothing newer.
  ["opensolaris 2009.06 dom0", yes("opensolaris", "2009.06")],
  ["illumos dom0 today?", partial("illumos")],

  // Qubes OS: its dom0 is Fedora (R4.3: Fedora 41); no wiki row.
  [
    "qubes 4.2 dom0 - is that a supported setup?",
    support("qubes", undefined, ["yes", "partial", "unlisted"], ["Fedora"]),
  ],
  ["qubes os as a xen host", support("qubes", undefined, ["yes", "partial", "unlisted"], ["Fedora"])],

  // Mainline Linux: pvops upstream since 2.6.37 (2014 page, xenproject.org 2011-01-14), without backends;
  // 2.6.39 netback, 3.0 blkback (first fully usable), 3.1 pciback; ARM dom0 from 3.7.
  ["vanilla 2.6.32 as dom0", no("linux", "2.6.32", ["2.6.37"])],
  ["kernel.org 2.6.18 dom0 kernel", no("linux", "2.6.18", ["2.6.37"])],
  ["linux 2.6.36 dom0?", no("linux", "2.6.36", ["2.6.37"])],
  ["mainline 2.6.37 as dom0 ok", support("linux", "2.6.37", ["yes", "partial"])],
  ["kernel 2.6.39 dom0", support("linux", "2.6.39", ["yes", "partial"])],
  ["linux 3.0 as dom0", yes("linux", "3.0")],
  ["upstream linux 3.2 dom0", yes("linux", "3.2")],
  ["linux kernel 3.7 as dom0 on arm", yes("linux", "3.7")],
  ["mainline 4.19 kernel as dom0", yes("linux", "4.19")],
  ["linux 5.10 lts dom0", yes("linux", "5.10")],
  ["linux 6.1 dom0 kernel ok?", yes("linux", "6.1")],
  ["linux 6.6 dom0 on xen 4.20", { ...yes("linux", "6.6"), xen: "4.20" }],
  ["upstream 6.12 as dom0", yes("linux", "6.12")],

  // Systems no source names: product null, unlisted (derivatives of listed distributions included).
  ["void linux dom0 ok?", unlisted()],
  ["slackware 15.0 as a xen host", unlisted()],
  ["linux mint 22 as dom0?", unlisted()],
  ["manjaro xen dom0", unlisted()],
  ["kali as xen host", unlisted()],
  ["windows server 2022 as the xen host?", unlisted()],
  ["macos as dom0", unlisted()],
  ["devuan dom0?", unlisted()],
  // Solaris 11 is not OpenSolaris.
  ["solaris 11 xen dom0", unlisted()],
  // illumos distributions: no source after 2014 (present-day.md: not established).
  ["omnios as xen host", unlisted()],
  ["openindiana dom0", unlisted()],
  // Proxmox VE 9.0 press release: KVM and LXC, no Xen host.
  ["proxmox ve 8 as the xen dom0", support(null, undefined, ["no", "unlisted"], ["KVM"])],
  // present-day.md has facts (ArchWiki, Gentoo app-emulation/xen, nixpkgs virtualisation.xen); no product id.
  ["arch linux as xen dom0", nearby()],
  ["gentoo dom0 ok?", nearby()],
  ["nixos as a xen host", nearby()],

  // FAQ xen-support: Xen's SUPPORT.md table (security support extended to five years on 2026-02-16).
  // On 2026-12-02: security-supported 4.17-4.22; fully supported 4.20, 4.21, 4.22.
  ["xen 4.15 still get security patches?", faq("xen-support", ["2024"])],
  ["xen 4.16 eol date", faq("xen-support", ["2024"])],
  ["is 4.14 end of life?", faq("xen-support", ["2023"])],
  ["xen 4.17 still fully supported?", faq("xen-support", ["2024"])],
  ["xen 4.18 support end date", faq("xen-support", ["2028"])],
  ["when does xen 4.19 security support end", faq("xen-support", ["2029"])],
  ["is xen 4.19 still in full support", faq("xen-support", ["2026"])],
  ["is xen 4.20 still supported", faq("xen-support", ["2030"])],
  ["is 4.21 still fully supported", faq("xen-support", ["2028"])],
  ["how long will xen 4.22 get security updates", faq("xen-support", ["2031"])],
  ["which xen releases are supported right now", faq("xen-support", ["4.17", "4.22"])],
  ["which xen versions are fully supported", faq("xen-support", ["4.20", "4.22"])],
  ["what's the latest xen release", faq("xen-support", ["4.22"])],
  ["when was xen 4.20 released", faq("xen-support", ["2025"])],

  // FAQ pvh-dom0: Experimental in 4.17, "Supported, with caveats" from 4.19; dom0 needs an IOMMU.
  ["can my dom0 run as pvh instead of pv?", faq("pvh-dom0", ["4.19"])],
  ["since which xen version is pvh dom0 supported", faq("pvh-dom0", ["4.19"])],
  ["is pvh dom0 still experimental?", faq("pvh-dom0", ["4.19"])],
  ["pvh dom0 on xen 4.17, production ready?", faq("pvh-dom0", ["experimental"])],
  ["what hardware does a pvh dom0 need", faq("pvh-dom0", ["IOMMU"])],
  ["pvh dom0 without vt-d, possible?", faq("pvh-dom0", ["IOMMU"])],
  ["pvh dom0 on arm?", faq("pvh-dom0")],

  // Other FAQ topics, asked today.
  ["pvops or the old xenlinux kernel for dom0 in 2026?", faq("pvops-vs-xenlinux", ["pv_ops"])],
  ["what is a dom0 anyway", faq("what-is-dom0")],
  ["ubuntu 24.04 as a domU guest, works?", faq("domu-support")],
  ["debian 12 as a guest vm under xen", faq("domu-support")],
  ["should i build my own dom0 kernel or use the distro one", faq("choosing-kernel")],
  ["does the vanilla kernel support xen dom0?", faq("mainline-linux", ["2.6.37"])],
  ["is dom0 support in the mainline kernel these days", faq("mainline-linux")],
  ["do i need to upgrade domU kernels when i upgrade xen", faq("domu-kernel")],
  ["what is mini-os used for", faq("mini-os", ["stub domains"])],
  ["where do i see which features each xen kernel has", faq("kernel-features")],

  // Lists.
  ["which debian releases work as dom0 these days?", list("debian", ["Wheezy"])],
  ["what bsds can run as a xen dom0 today", list(undefined, ["FreeBSD", "NetBSD"])],
  ["which fedora releases are ok for dom0", list("fedora", ["16"])],
  ["what ubuntu versions can be a xen host", list("ubuntu", ["11.10"])],
  ["which opensuse versions support dom0 now", list("opensuse", ["11"])],
  ["which centos versions work as a dom0 today", list("centos", ["6.4"])],
  ["list the distros that can be dom0 now", list(undefined, ["Debian", "XCP-ng"])],

  // Unclear.
  ["hey", { intent: "unclear", verdict: null }],
  ["sdfkjh qwe zzz", { intent: "unclear", verdict: null }],
  ["thx bot", { intent: "unclear", verdict: null }],
  ["hello there!", { intent: "unclear", verdict: null, product: null }],
];
