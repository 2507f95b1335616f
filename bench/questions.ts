/** A mix of what people ask: support questions with versions, codenames, Xen versions, typos, FAQ, lists, noise. */
export const BENCH_QUESTIONS = [
  "does CentOS 6.3 work as dom0?",
  "Does CentOS 6.5 work as dom0?",
  "is Debian squeeze OK with Xen 3.4?",
  "Will Debian 7.4 work as dom0?",
  "Ubuntu 12.04 LTS dom0",
  "can ubuntu precise be a dom0?",
  "Does Ubuntu 14.04 work as dom0?",
  "Fedora 14 as a dom0?",
  "SLES 11 SP2 dom0?",
  "Scientific Linux 5.7 dom0 support?",
  "Does cenots 6.4 work as dom0?",
  "debain lenny dom0?",
  "FreeBSD dom0 support?",
  "Can Arch Linux be a dom0?",
  "vanilla kernel 2.6.32 as dom0?",
  "Does Illumos support dom0?",
  "NetBSD 5.0 dom0",
  "pvops or xenlinux, which one should I choose?",
  "Which dom0 kernel should I use?",
  "Can CentOS 6.3 run as a domU guest?",
  "Which Debian versions support dom0?",
  "list all distros with dom0 support",
  "hello",
  "asdf qwerty",
  "<!channel> @everyone is **RHEL 6.2** ok as dom0 with xen 4.1?",
  "",
];

/**
 * A long message as admins paste them: a story, a `uname -a`, an `xl info` excerpt, a URL, then a question about
 * five systems. Cut to 2,000 characters, as the core cuts every question.
 */
export const LONG_MESSAGE = (() => {
  const story =
    "hey all, long time lurker here. we run a small hosting shop with about 40 boxes, mostly vmware, but the licensing changes are killing us so we are looking at xen again. ";
  const pasted = [
    "uname -a",
    "Linux xen01 4.19.0-27-amd64 #1 SMP Debian 4.19.316-1 (2024-06-25) x86_64 GNU/Linux",
    "xl info",
    "release                : 4.19.0-27-amd64",
    "xen_version            : 4.17.5",
    "see https://wiki.xenproject.org/wiki/Dom0_Kernels_for_Xen for the table.",
  ].join("\n");
  const question = "\nso: does debian 12, ubuntu 22.04, centos 7, sles 15 or fedora 40 work as dom0?";
  const filler = story.repeat(20).slice(0, 2000 - pasted.length - question.length - 1);
  return `${filler}\n${pasted}${question}`;
})();
