/**
 * A kernel, an OS or a component named inside other output rather than by a section of its own (uname,
 * /proc/version, os-release, `--version`). The kernel: a boot log's "Linux version ..." line under
 * dmesg or journal framing, an oops or WARN header ("CPU: 0 PID: 1 Comm: x Not tainted 6.2.0-rc5 #2"),
 * the boot loader's `BOOT_IMAGE=…/vmlinuz-<release>` in /proc/cmdline or the boot log's "Command line:",
 * `docker info` and `kubectl describe node` ("Kernel Version: ..."), `docker version` ("KernelVersion:
 * ..."), `hostnamectl` ("Kernel: Linux ..."), or a person writing "on kernel 6.1.115-126.197.amzn2023".
 * The OS: `docker info`'s or `hostnamectl`'s "Operating System:", `kubectl describe node`'s "OS Image:",
 * read as the nodes table's OS-IMAGE column. The kubelet and runtime: `kubectl describe node`'s
 * "Kubelet Version" and "Container Runtime Version", the kubelet's own start-up line, `docker info`'s
 * "Server Version"; components named in passing are read by named-versions.ts, distribution releases
 * by named-release.ts. Each is read only when
 * the text names one: two (an upgrade retold, the nodes of `kubectl describe nodes`, a quoted fixed
 * version) decide nothing.
 */
import { type Automaton, buildAutomaton, foldLiteral, scanText } from "../match/aho-corasick";
import type { OsFacts } from "../types";
import type { LineRef } from "./iptables-version";
import { osImageToOs } from "./kube-nodes";
import { NAMED_RELEASE_MARKERS } from "./named-release";
import { KLOG_VERSION_MARKER, NAMED_MARKERS } from "./named-versions";
import { PACKAGE_ROW_MARKERS } from "./package-lists";
import { RHEL_KERNEL_BASE } from "./rpm-kernel";
import { looksLikeRelease, parseProcVersion, parseUnameAll, type UnameFacts } from "./uname";

/**
 * A system summary's "Kernel: 5.15.0-91-generic" (neofetch, inxi, a person's environment list): a digit
 * must follow, or every journald kernel line ("host kernel: ...") would be a candidate.
 */
const KERNEL_LABEL_MARKERS = [..."23456789"].map((d) => `kernel: ${d}`).concat(["kernel: `", "kernel:**", "kernel**"]);
/**
 * Other output that prints `uname -r` under a label of its own: kubeadm's preflight system verification
 * ("KERNEL_VERSION: 5.4.0-197-generic", k8s.io/system-validators' kernel validator), Ubuntu's login banner
 * ("Welcome to Ubuntu 24.04.2 LTS (GNU/Linux 6.8.0-53-generic aarch64)", /etc/update-motd.d/00-header prints
 * uname -o, -r and -m), the Kubernetes bug template's "Kernel (e.g. `uname -a`):" answer, and the kernel's own
 * hung-task and oops lines ("      Not tainted 6.8.0-1026-aws #28-Ubuntu", kernel/hung_task.c and
 * lib/dump_stack.c print the taint flags, the release and the build's first word). What each is worth: MENTIONS.
 */
const LABELLED_RELEASE_MARKERS = ["kernel_version: ", "(gnu/linux ", "(e.g. `uname -a`)"];
/**
 * A program logging the machine's `uname -a` inside its own line: CRIU's "Running on <host> Linux
 * <release> <build> <machine>" (criu/log.c), a container image's "System information: Linux <host>
 * <release> #1 SMP ...". The build after the release ("#1 SMP", "#39~16.04.1-Ubuntu SMP") says it is
 * the kernel's own.
 */
const EMBEDDED_UNAME_MARKERS = [" smp ", " preempt "];
// The build as uname -v prints it: "#N[suffix]", SMP/PREEMPT words, then the build date's weekday
// ("Tue Sep 25 …") or Debian's "Debian 5.10.70-1 (…)": "Linux 5.4.0 #1 SMP and 5.15.0 too" is prose. The host
// name may be hidden ("Linux ... 5.4.0-94-generic #106-Ubuntu SMP …", "Linux <CENSORED> 5.10.60-v7l+ #1449 SMP …").
const EMBEDDED_UNAME =
  /\bLinux (?:(?:[A-Za-z0-9][\w.-]*|\.\.\.|…|<[^<>\s]{1,40}>) )?(?=(\d+\.\d+\.\d+\S*))\1 #(?=(\d+\S*))\2(?: (?:SMP|PREEMPT)\S*)+ (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Debian)\b/;
/**
 * Tools that look in the running kernel's own tree, `/lib/modules/$(uname -r)` or `/boot/config-$(uname -r)`,
 * and print the path when it fails: modprobe ("modprobe: FATAL: Module ip_vs not found in directory
 * /lib/modules/<release>", "modprobe: ERROR: ../libkmod/libkmod.c:586 kmod_search_moddep() could not open
 * moddep file '/lib/modules/<release>/modules.dep.bin'"), Docker's and k3s's check-config ("info: reading
 * kernel config from /boot/config-<release> ..."). In a container too: uname there gives the host's kernel.
 * kube-proxy's ipvs check reads `/lib/modules/$(uname -r)/modules.builtin` ("Failed to read file
 * /lib/modules/<release>/modules.builtin with error …", pkg/proxy/ipvs). Only modprobe's own lines: libkmod's
 * bare "could not open moddep file" also comes from dracut or modinfo building an initramfs for a kernel
 * being installed.
 */
const MODULE_TREE_MARKERS = [
  "found in directory /lib/modules/",
  "moddep file '/lib/modules/",
  "kernel config from /boot/config-",
  "failed to read file /lib/modules/",
];
/** Literals (case-insensitive) a line naming a kernel, an OS or a component holds, by what it may name. */
// "kernel." and "kernel," end a sentence that names a release before the word ("on the Linux 6.1.55 kernel.").
const KERNEL_MARKERS = [
  "linux version ",
  ...MODULE_TREE_MARKERS,
  "kernel ",
  "kernel.",
  "kernel,",
  "kernel: linux ",
  "kernelversion",
  "boot_image=",
  "tainted",
  ...KERNEL_LABEL_MARKERS,
  ...LABELLED_RELEASE_MARKERS,
  ...EMBEDDED_UNAME_MARKERS,
];
/** An RPM kernel's release names itself by its dist tag and architecture ("centos 7.2  3.10.0-514.el7.x86_64"). */
const RPM_ARCH_MARKERS = [".x86_64", ".aarch64"];
const OS_MARKERS = ["operating system: ", "os image: "];
const COMPONENT_MARKERS = [
  "server version: ",
  "storage driver: ",
  "cgroup driver: ",
  "logging driver: ",
  "docker root dir: ",
  "runtimename: ",
  "runtimeversion: ",
];
const COMPONENT_MARKERS_NODE = ["kubelet version: ", "container runtime version: ", 'kubeletversion="', KLOG_VERSION_MARKER];
/** All of them, and the named versions' (named-versions.ts), once each: the one-pass matcher finds the lines that hold one. */
export const MENTION_MARKERS = [
  ...new Set([
    ...KERNEL_MARKERS,
    ...RPM_ARCH_MARKERS,
    ...OS_MARKERS,
    ...COMPONENT_MARKERS,
    ...COMPONENT_MARKERS_NODE,
    ...NAMED_MARKERS,
    ...PACKAGE_ROW_MARKERS,
    ...NAMED_RELEASE_MARKERS,
  ]),
];

/**
 * A line holding a mention marker, as the one-pass matcher found it: with the markers it saw there.
 * The matcher folds case as toLowerCase does on these markers (lower-case ASCII, none ending in "i",
 * the one ASCII letter a non-ASCII capital lowers to, as "i̇") and also reads through CRs and
 * backslashes, so it sees at least the markers the lower-cased line holds: the others need no search.
 */
export interface MentionLine extends LineRef {
  markers?: ReadonlySet<string>;
}

/**
 * The candidate lines sorted by what they may name, each tested once. Only the first lines are read:
 * a report names its versions in its header, its title or its first command outputs, and a large log
 * whose traffic says "docker " on every line must not cost a pass of regexes per line.
 */
export interface MentionLines {
  kernel: LineRef[];
  os: LineRef[];
  components: LineRef[];
  named: LineRef[];
  /** Lines that may be `dpkg-query -W` rows (package-lists.ts), read as nothing else. */
  packageRows: LineRef[];
  releases: LineRef[];
}
const MAX_MENTION_LINES = 2000;
/** A version sits near its marker at a line's start; a longer line (a JSON blob) is read this far only. */
const MAX_MENTION_CHARS = 4000;
export function sortMentions(candidates: readonly MentionLine[]): MentionLines {
  const out: MentionLines = { kernel: [], os: [], components: [], named: [], packageRows: [], releases: [] };
  for (const whole of candidates.slice(0, MAX_MENTION_LINES)) {
    const c = whole.text.length > MAX_MENTION_CHARS ? { ...whole, text: whole.text.slice(0, MAX_MENTION_CHARS) } : whole;
    const lower = c.text.toLowerCase();
    // Of a kind's markers, only those the matcher saw on the line can be in it (some 200 searches otherwise).
    const has = (markers: ReadonlySet<string>) =>
      c.markers ? [...c.markers].some((m) => markers.has(m) && lower.includes(m)) : [...markers].some((m) => lower.includes(m));
    if (has(KERNEL)) out.kernel.push(c);
    if (has(OS)) out.os.push(c);
    if (has(COMPONENT) || has(COMPONENT_NODE)) out.components.push(c);
    if (has(NAMED)) out.named.push(c);
    if (has(PACKAGE_ROWS)) out.packageRows.push(c);
    if (has(RELEASES)) out.releases.push(c);
  }
  return out;
}
const KERNEL = new Set([...KERNEL_MARKERS, ...RPM_ARCH_MARKERS]);
const OS = new Set(OS_MARKERS);
const COMPONENT = new Set(COMPONENT_MARKERS);
const COMPONENT_NODE = new Set(COMPONENT_MARKERS_NODE);
const NAMED = new Set(NAMED_MARKERS);
const PACKAGE_ROWS = new Set(PACKAGE_ROW_MARKERS);
const RELEASES = new Set(NAMED_RELEASE_MARKERS);

/** The running kernel's module tree or config as modprobe, kube-proxy and check-config name them (MODULE_TREE_MARKERS). */
const MODULE_TREE =
  /\b(?:modprobe: (?:FATAL|WARNING): Module \S+ not found in directory |modprobe: ERROR: \S+ kmod_search_moddep\(\) could not open moddep file '|info: reading kernel config from |Failed to read file (?=\/lib\/modules\/[^\s/]+\/modules\.builtin ))\/(?:lib\/modules\/|boot\/config-)(?=([^\s/'"`\\]+))\1(?:[\s/'"`\\]|$)/;
/**
 * What a module-tree path names is `uname -r` of the machine the tool ran on, which need not be the host
 * the report is about: an Ansible run over several hosts, a CI builder's step, `modprobe -S <release>`,
 * mkinitfs in a chroot, check-config handed another kernel's config. Read as a named kernel, hedged.
 */
const MODULE_TREE_VIA = "a module or config path a tool printed (modprobe, kube-proxy, check-config)";

/**
 * A shape of a mention after a marker; group 1 is the release. `label`: a value a person may have typed or
 * listed after a label, so a list of releases ("Kernel: 6.1.115, 6.6.58", "6.6.60 or 6.6.58") is undecided, and
 * a bound after it ("6.6.60 or newer") or a requirement's word before it ("Minimum Kernel:") makes it no host's.
 * `via`: a kernel the shape names for some machine, not surely the host's (a path a tool printed, a banner, an
 * answer a person typed): read as named, with its source; beside output naming another release, it leaves two.
 */
interface MentionShape {
  re: RegExp;
  label?: true;
  via?: string;
}
const MD_LABEL = "(?:\\*\\*|__)";
const TYPED_VIA = "an answer typed into the report (a Markdown label, a template's field)";
/** Shapes of a mention after a marker, most specific first. */
const MENTIONS: readonly MentionShape[] = [
  // /proc/version inside framing (parsed whole first, build string included), or cut after its builder ("Linux
  // version 5.15.0-91-generic (buildd@lcy02-amd64-045) (gcc …"): not prose's "fixed in Linux version 6.6.60 (commit …)".
  { re: /\bLinux version (?=(\d+\.\d+\.\d+\S*))\1 \((?:[^()\s]*@|gcc|clang)/ },
  // An issue's Markdown answers, typed: "**Kernel version:** Linux 6.8.0-35-generic", "- **Kernel:** `6.12.83-…`",
  // "Kernel: `6.12.92-…`", the Kubernetes bug template's "Kernel (e.g. `uname -a`): 5.4.91-41.139.amzn2.x86_64".
  {
    re: new RegExp(
      `(?:${MD_LABEL}(?:[\\w/ ]{0,24} )?Kernel(?: version)?:${MD_LABEL}|${MD_LABEL}(?:[\\w/ ]{0,24} )?Kernel(?: version)?${MD_LABEL}:|\\bKernel(?: version)?:(?=\\s*\`))\\s*\`?(?:Linux\\s+)?(?=(\\d+\\.\\d+\\.\\d+[^\\s\`,;]*))\\1`,
      "i",
    ),
    label: true,
    via: TYPED_VIA,
  },
  {
    re: /\bKernel(?:\*\*)? \(e\.g\. `uname -a`\)(?:\*\*)?:\s*`?(?:Linux (?:[A-Za-z][\w.-]* )?)?(?=(\d+\.\d+\.\d+[^\s`,;]*))\1/,
    label: true,
    via: TYPED_VIA,
  },
  // `docker info` and `kubectl describe node`: "Kernel Version: 5.15.0-1030-aws".
  { re: /\bKernel Version[:\uff1a]\s*(?:Linux\s+)?(?=(\d+\.\d+\.\d+[^\s,;]*))\1/i, label: true },
  // hostnamectl's "Kernel: Linux 5.15.0-1030-aws"; a summary that adds the host ("Kernel: Linux node-1 3.10.0-693.tl2").
  { re: /\bKernel:\s+Linux (?:[A-Za-z][\w.-]* (?=\d))?(?=(\d+\.\d+\.\d+[^\s,;]*))\1/i, label: true },
  // A summary's "Kernel: <release>" (inxi, neofetch; podman info's indented "kernel:"), not journald's "host kernel:
  // <message>", whose message may start with an address ("kernel: 8.8.8.8 sent an invalid ICMP").
  {
    re: /(?:^\s*(?:[-*•]\s*)?[Kk]ernel|\bKernel):\s+(?!\d+\.\d+\.\d+\.\d+(?![\w-]))(?=(\d+\.\d+\.\d+[^\s,;]*))\1/,
    label: true,
  },
  // `docker version` and the Docker API's JSON: KernelVersion: 4.4.0-1060-aws, "KernelVersion":"5.15.0".
  { re: /\bKernelVersion"?:\s*"?([^\s"',}]+)/ },
  // A kernelVersion field: a node's nodeInfo (`kubectl get node -o yaml`), gopsutil's host info as minikube logs it
  // ("hostinfo: {…"kernelVersion":"5.15.0-1019-aws",…}": the workstation's, which a VM driver's node does not
  // share), an image's or a provisioner's metadata (the kernel it is built for).
  { re: /\bkernelVersion"?:\s*"?([^\s"',}]+)/, via: "a kernelVersion field (a node's status, minikube's host info, image metadata)" },
  // kubeadm's preflight system verification prints "KERNEL_VERSION: <release>" at the start of its line, perhaps
  // under kubeadm's journal framing (an indented or otherwise framed KERNEL_VERSION is a CI variable or a build
  // setting: the kernel something is built for).
  { re: /(?:^|\bkubeadm\[\d+\]: )KERNEL_VERSION: (?=(\d+\.\d+\.\d+[^\s"'\\]*))\1(?:[\s"'\\]|$)/, label: true },
  // Ubuntu's login banner: the machine the session logged into, which may be a bastion's.
  {
    re: /\bWelcome to [^()]{1,80} \(GNU\/Linux (?=(\d+\.\d+\.\d+[^\s)]*))\1 [\w]+\)/,
    via: "Ubuntu's login banner (the machine the session logged into)",
  },
  // The boot loader's entry as /proc/cmdline opens or the boot log's "Command line:" shows it: the running
  // kernel's image, "BOOT_IMAGE=(hd0,gpt2)/vmlinuz-5.14.0-427.el9.x86_64". Not inside another line: kexec's
  // --command-line, grubby's args=, GRUB_CMDLINE_LINUX or a PXE APPEND name a kernel to boot, not the running one.
  { re: /(?:^\s*|\bCommand line:\s+)BOOT_IMAGE=(?:\([^)\s]*\))?[^\s=]*?\/vmlinuz-(?=(\d+\.\d+\.\d+[^\s/]*))\1(?:\s|$)/ },
  // An oops or WARN header ("CPU: 0 PID: 3232 Comm: syz-executor.0 Not tainted 6.2.0-rc5 #2"), a hung task's
  // report ("      Tainted: G            X 3.13.0-52-generic #85-Ubuntu"), 3.x's "Pid: 1, comm: nfsd Not tainted …":
  // taint flags are single letters apart, so the release after them is found in one pass.
  { re: /\b(?:Not tainted|Tainted: [A-Z]+(?: +[A-Z]+)*) +(?=(\d+\.\d+\.\d+\S*))\1 #\d/ },
  // The running kernel's module tree or config as modprobe, kube-proxy and check-config name them.
  { re: MODULE_TREE, via: MODULE_TREE_VIA },
];
/** A version on a label's line after its release: another kernel ("6.1.115, 6.6.58", "6.6.60 on masters, 6.6.58 on workers"), unless another component's. */
const VERSION_AFTER = /(?<![\w.])\d+\.\d+\.\d+[\w.+~-]{0,120}/g;
/**
 * What comes right before a release listed as another kernel: a separator or a function word ("6.1.115, 6.6.58",
 * "… / 6.6.58", "or 6.6.58", "logged on 6.6.58", "kernel 6.6.58"). A name before a version makes it another
 * component's ("containerd 2.2.7", "gcc v: 9.3.0", "Gnome 3.36.4").
 */
const LISTED_BEFORE =
  /(?:^|[,;&|(\u2192]|->|\s-|(?<![:/])\/|\b(?:or|and|on|to|vs|versus|then|now|but|became|was|is|with|running|kernel|linux)|(?<!\b(?:upgraded|updated|upgrading|updating|upgrade|update|moved|migrated|switched|downgraded|downgrading|rolled back|reverted|reverting)\s)\bfrom)\s*`?$/i;
/**
 * In a label, a word right before "kernel" that makes its value no host's: a requirement, a target or a fix
 * ("Minimum Kernel:", "Fixed kernel version:", "Supported Linux kernel:"), not a word of a host name before it.
 */
const NOT_THE_HOSTS_LABEL =
  /(?<!\b(?:not|nothing|stopped|no longer|never)\s|n['\u2019]t\s)\b(?:minimum|min|required|requires?|recommended|supported|tested|max(?:imum)?|latest|fixed|introduced|working|patched|unpatched|good|previous|old|new|upstream|target|installed|available|default|pending|expected|next)(?:\s+(?!(?:node|host|machine|server|worker|cluster|system|box|vm)s?\b|(?:since|in|at|under|for|from|to|by|of)\b)\w+)?\s+(?:linux\s+)?kernel\b/i;
/**
 * A role right before a label, perhaps with a machine noun ("Good: Kernel Version: 6.6.60", "Working node - Kernel
 * Version:"): a machine the trouble is not on. Not a host name's part ("new-node"), nor the failing machine's
 * ("Bad:"), nor denied ("Not working -"), nor a word further back ("IPv4 works but IPv6 doesn't. Kernel:").
 */
const ROLE_BEFORE_LABEL =
  /(?<!\b(?:not|nothing|stopped|no longer|never)\s|n['\u2019]t\s)\b(?:good|working|works|healthy|unaffected|ok|other|before|fixed|expected|pending|installed|default|available|previous|old)(?:\s+(?:node|host|machine|server|worker|box|vm|cluster)s?)?\s*(?::|-|\u2013)?\s*$/i;
/** After a label's release, words that make it an earlier kernel ("6.6.56 before the upgrade", "(was working)"). */
const EARLIER_AFTER =
  /^\W{0,3}(?:before (?:the |an? )?(?:upgrade|update|upgrading|updating)|previously|(?:was|were) working|worked(?: fine)?)\b/i;
/** The label before a release: the clause it sits in, back to the line's last separator, at most 60 characters. */
const labelOf = (text: string, releaseAt: number) => {
  const before = text.slice(Math.max(0, releaseAt - 60), releaseAt).replace(/[\s`*_:]+$/, "");
  return before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf("."), before.lastIndexOf(";"), before.lastIndexOf(":")) + 1);
};
/** Another kernel release on a label's line after the label's own. */
function otherReleaseAfter(after: string, release: string): boolean {
  for (const v of after.matchAll(VERSION_AFTER)) {
    const token = trimPunctuation(v[0]);
    if (!sameRelease(token, release) && looksLikeRelease(token) && LISTED_BEFORE.test(after.slice(Math.max(0, v.index - 28), v.index)))
      return true;
  }
  return false;
}
const QUOTED = /^\s*(?:>|\|\s)/;
/** The quote marks opening a line ("> ", "> > ", "| "), not a comparison's ">". */
const QUOTE_MARK = /^\s*(?:>\s*)+|^\s*\|\s/;
/** syzbot's kernels ("6.6.60-syzkaller") are a report's, never a user's host's. */
const SYZKALLER = /-syzkaller\b/;
const SYZKALLER_VIA = "a syzbot report";
const QUOTED_VIA = "a quoted line (perhaps another report's)";
/** A JSON line holding several nodes (kubectl -v=8's response body, `-o json | jq -c`): which node's kernel is unknown. */
const NODE_LIST = /"kind":\s*"NodeList"|"items":\s*\[/;
// A release followed by more text is taken whole by a lookahead and matched again as \1: JavaScript
// has no possessive quantifier, and without it a long run of digits before a text that fails would be
// re-split at every position (quadratic time on one long line).
/**
 * Prose needs three numbers: "kernel 5.4" or "kernel 6" is a series, not a build. A line may name
 * several: "kernel 6.1.115-126.197.amzn2023", "the Linux 4.14.24-coreos kernel", "kernel `6.8.0-38-generic`", "our
 * kernel version is `Linux 6.8.0-1026-aws x86_64`". A label in brackets is prose
 * too ("on openSUSE Tumbleweed (kernel: 5.12.9-1-default)", "Ubuntu 20.04.4 LTS, kernel: 5.15.0-67-generic"), but not a
 * bare "kernel: <release>", which is
 * journald's kernel line opening with a number or a config's key. (A Debian or Ubuntu kernel package's
 * name, "linux-image-6.8.0-57-generic", was read too for a while: most lines naming one are a package
 * tool's, about a kernel installed, removed or failing to install, not the one running.)
 */
const PROSE =
  /(?:\bkernel (?:version |release )?(?:is |of )?`?(?:Linux )?|[([]kernel:\s*`?|,\s*kernel:\s*`?)v?(\d+\.\d+\.\d+[^\s,;'"`()[\]]*)|\bLinux v?(?=(\d+\.\d+\.\d+[^\s,;'"`()[\]]*))\2 kernel\b/gi;
/** Sentence punctuation closing a release ("kernel 6.1.64."), dropped by a loop: a regex anchored at $ retries every start. */
const trimPunctuation = (text: string): string => {
  let end = text.length;
  while (end > 0 && ".:!?".includes(text[end - 1] as string)) end--;
  return text.slice(0, end);
};
const endsInPunctuation = (text: string) => ".:!?".includes(text.at(-1) ?? "");
/**
 * Words before a release in prose that make it another kernel than the one the host runs: the fix's or
 * the cause's release ("fixed in kernel 6.1.115", "caused by kernel 6.6.57", "the fix is in kernel 6.6.60"), a
 * requirement ("needs kernel 5.13.0"), a bound, the one before an upgrade or a bisection's ends ("upgrading from
 * kernel 6.6.56", "the previous kernel 6.6.56", "last good kernel 6.6.56"). Such a release is not read. An
 * upgrade's target stays read ("after upgrading to kernel 6.8.0-45 it broke"): the host ran it.
 */
const NOT_THE_HOSTS =
  /\b(?:(?:fixed|resolved|introduced|added|merged|backported|landed|removed|changed|regressed)(?:\s+(?:upstream|already|only))?(?:\s+by\s+\w+)?\s+in(?:to)?|since|until|till|before|prior to|as of|starting (?:with|from|in)|requires?|required|needs?|needed|newer than|older than|at least|minimum|recommended|(?:upgrad|updat|migrat|mov|switch)(?:ed|ing) from|(?:caused|broken) by|broke (?:in|with)|first seen (?:in|with|on)|(?:the )?fix is(?: not)?(?: present| available| included)? in|available in|waiting for|previous|older|old|last good|first bad|expected|pending)\s+(?:the\s+|a\s+)?(?:linux\s+)?$|[<>]=?\s*$/i;
/** Words after a release in prose that place it on another machine ("we also run kernel 6.1.70 elsewhere", "… on other nodes"). */
const ELSEWHERE_AFTER =
  /^[`'"]?,?\s*(?:elsewhere|on (?:other|another|some other|the other) (?:nodes?|machines?|hosts?|servers?|clusters?))\b/i;
/** Words after a release in prose that make it a bound ("kernel 5.10.0 or later", "`kernel 6.8.0-56-generic` and above"). */
const BOUND_AFTER = /^[`'"]?\s*(?:(?:or|and) (?:later|newer|above|higher|up)\b|onwards\b)/i;
/**
 * Words right after a release that make it the cure ("upgrading to kernel 4.4.0-142-generic fixed it",
 * "booting kernel 6.8.0-55-generic works fine again", "rolled back to kernel 6.1.55 and the corruption
 * went away"): the kernel the host ran once the trouble was over. The verb must follow the release
 * (only filler words between), so another cure in the clause ("on kernel 6.1.64, a remount fixes it")
 * and a workaround's ("fixed it by disabling THP") are none.
 */
const CURE_AFTER =
  /^\s*,?\s*(?:(?:which|that|finally|also|really|has|have|had|seems to have|seemed to have)\s+){0,2}(?:(?:fixe[sd]|solve[sd]|resolve[sd]|cured|helped)\b(?!\s+(?:(?:it|this|that|the \w+)\s+)?(?:by|with|nothing)\b)|(?:works?|worked)\s+(?:just\s+)?(?:fine|again|well)\b|(?:works?|worked) around (?:it|this|the (?:issue|problem|bug))\b)|^\s*,?\s*((?:[^\s.;:!?()]+\s+){0,6}?)(?:went away|disappeared|(?:is|was) gone|no longer (?:occurs|happens|appears|reproduces))\b/i;
/**
 * Words before a release that make it one where the trouble is absent or cured ("it works fine on kernel
 * 6.1.55", "can't reproduce with kernel 6.1.70", "fixed by upgrading to kernel 6.1.70", "went away after
 * booting kernel 6.1.70"), unless denied ("doesn't work on", "no longer works on", "only works with").
 */
const CURE_BEFORE =
  /(?:(?<!(?:\bnot?|n['\u2019]t|\bonly|\blonger|\bstopped)\s+)\b(?:works?|worked)\s+(?:(?:just\s+)?fine\s+|well\s+)?(?:on|with|under)|\b(?:does not|doesn['\u2019]t|did not|didn['\u2019]t) (?:occur|happen|reproduce)\s+(?:on|with|under)|\bno (?:problems?|issues?) (?:on|with|under)|\b(?:can['\u2019]t|cannot|can not|couldn['\u2019]t|could not) reproduce (?:it |this )?(?:on|with|under)|\b(?:is not|isn['\u2019]t|not) reproducible (?:on|with|under)|\b(?:fixed|resolved|solved) by (?:upgrading|updating|switching|moving|rebooting|booting|downgrading|rolling back)(?: (?:to|into))?|\b(?:went away|disappeared|(?:was|is) gone) (?:after|since|with) (?:booting|upgrading to|updating to|switching to|moving to|rebooting into|downgrading to|rolling back to))\s+(?:the\s+)?(?:linux\s+)?$/i;
/** Words that deny the cure: before the release ("not even kernel 6.1.70 fixed it") or before "went away". */
const DENIED_BEFORE = /\b(?:not|no|never|nothing)\s+(?:even\s+)?(?:the\s+)?(?:linux\s+)?$/i;
const DENIED = /\b(?:not|no|nothing|still|never)\b|n['\u2019]t\b/i;
const CLAUSE_END = /[.;:!?()\u2014]/;
/** How a prose match stands to the host: its kernel, the cure's kernel, or another (a fix, a bound, a requirement). */
/**
 * Other people as the clause's subject before the release: their kernel, retold ("people on Launchpad hit the
 * same error with kernel 6.8.0-57-generic", "users report it on kernel 6.1.55 too"), not the host's.
 */
const OTHERS_BEFORE =
  /\b(?:people|others|other users|another user|users|someone|somebody|a user|many|several (?:people|users)|reporters?)\b[^.;:!?()]*$/i;
/**
 * A present-tense claim about the host's kernel right before the release ("our nodes run kernel 6.6.58", "I'm on
 * kernel …", "we are running kernel …"): output naming another release beside it is another machine's, or the claim
 * is wrong; either way the paste names two.
 */
const HOST_CLAIM_BEFORE =
  /(?<!\b(?:should|could|would|if|when|whether|once|can|may|might|shall|do|does|did)\s+)(?:\b(?:we|i)(?:['\u2019](?:re|m)|\s+(?:are|am))?|\bour(?:\s+[\w-]+){0,3}?\s+(?:nodes?|hosts?|servers?|machines?|cluster|workers?)(?:\s+(?:are|is))?|\ball\s+(?:(?:of\s+)?(?:our|the)\s+)?(?:nodes?|hosts?|servers?|machines?|workers?)(?:\s+(?:are|is))?|\bmy\s+(?:nodes?|hosts?|servers?|cluster)(?:\s+(?:are|is))?)\s+(?:all\s+)?(?:run|runs|running|use|uses|using|on|running\s+on)\s+(?:on\s+)?(?:the\s+)?(?:linux\s+)?$|(?<!\b(?:upgraded|updated|upgrade|update|changed|replaced|rebuilt|patched|downgraded|compiled|built|installed|booted|on|with|to|from|of|in)\s+)\b(?:our|my)\s+$/i;
/**
 * After a claimed release, words that make it another machine's or a working one ("on my laptop", "and cannot
 * reproduce", "in staging and don't see it", "in the other cluster, no problem there"): then it is no claim.
 */
const NOT_A_CLAIM_AFTER =
  /\b(?:in|on|at)\s+(?:the\s+|my\s+|our\s+|a\s+|an\s+)?(?:laptop|workstation|desktop|home|other|another)\b|\b(?:locally|elsewhere)\b|\b(?:can(?:not|['\u2019]t)|don['\u2019]t|doesn['\u2019]t|never)\s+(?:reproduce|see (?:it|this|the (?:issue|problem|error|bug)))\b|\bno (?:problems?|issues?)\b/i;
const proseRole = (text: string, m: RegExpMatchArray): "host" | "cure" | "other" => {
  const at = m.index ?? 0;
  const end = at + m[0].length;
  const before = text.slice(Math.max(0, at - 40), at);
  if (NOT_THE_HOSTS.test(before) || OTHERS_BEFORE.test(text.slice(Math.max(0, at - 80), at))) return "other";
  const after = text.slice(end, end + 40);
  if (BOUND_AFTER.test(after) || ELSEWHERE_AFTER.test(after)) return "other";
  if (CURE_BEFORE.test(before)) return "cure";
  // The release's match may have taken the sentence's full stop ("kernel 6.1.64. Rebooting fixes it").
  const stop = endsInPunctuation(m[0]) ? 0 : after.search(CLAUSE_END);
  const cure = CURE_AFTER.exec(stop < 0 ? after : after.slice(0, stop));
  return cure && !DENIED_BEFORE.test(before) && !DENIED.test(cure[1] ?? "") ? "cure" : "host";
};
/**
 * A RHEL-family kernel's full release standing alone (`uname -r` pasted into a sentence or a table): a
 * RHEL major's own kernel line (el7's 3.10.0, el9's 5.14.0, …), a release and the architecture say it
 * is the kernel. Another package's version-release has the same shape (`podman-5:5.2.2-9.el9_5.x86_64`
 * in dnf's output, `python3 3.9.18-3.el9.x86_64` in a table), so only the kernel's own line for its
 * major counts. Not inside a path (a kernel-devel tree need not be the running kernel) or a package
 * name (`kernel-3.10.0-514.el7.x86_64` in `rpm -qa` is installed, not necessarily running).
 */
const RPM_KERNEL_RELEASE = /(?<![\w./:-])((\d+\.\d+\.\d+)-\d[\w.]*?\.el(\d+)(?:_\d+)?\.(?:x86_64|aarch64))(?![\w/-]|\.\w)/g;

export interface KernelMention {
  uname: UnameFacts;
  line: number;
}

/**
 * The one kernel the candidate lines name, or null when they name none or several. The kernel's own
 * output (a boot log, docker info, an oops header) outranks a sentence. A cure's kernel is one the host
 * ran too, so beside it no sentence decides which kernel failed.
 */
export function pickKernelMention(candidates: readonly LineRef[]): KernelMention | null {
  const output: KernelMention[] = [];
  const named: KernelMention[] = [];
  let cure = false;
  for (const { text, line } of candidates) {
    const mentioned = mentionsIn(text);
    // A logged uname beside another release in the same line ("…; upgrade to kernel 5.15.0-91-generic") is one of two.
    if (mentioned.conflict) return null;
    cure ||= mentioned.cure;
    for (const uname of mentioned.kernels) (uname.named ? named : output).push({ uname, line });
  }
  if (output.length) {
    const own = oneKernel(output);
    // Output beside a typed answer, a quoted line or a tool's path naming another release: two machines' lines (a
    // laptop's docker info beside the answer typed for the cluster, a trace quoted from upstream), or two kernels'.
    // A sentence gives way to output (its kernel is as often the one before an upgrade, a fix's or a comparison's),
    // unless it claims the host's kernel outright ("our nodes run kernel 6.6.58", HOST_CLAIM_BEFORE).
    if (!own) return null;
    const agrees = agreesWith(own.uname);
    return named.some((n) => (n.uname.via || n.uname.claimed) && !agrees(n.uname.release ?? "")) ? null : own;
  }
  return cure ? null : oneKernel(named);
}

/** Two readings of one release, one perhaps cut short ("kernel 6.8.0-56" and "6.8.0-56-generic"; "6.6.58" and "6.6.58-talos"). */
const sameRelease = (a: string, b: string): boolean => {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long === short || (long.startsWith(short) && "-.+_".includes(long[short.length] as string));
};
const suffixParts = (release: string) =>
  release
    .replace(/^\d+\.\d+\.\d+/, "")
    .split(/[-.+_~]/)
    .filter(Boolean);
/**
 * Whether a kernel a person wrote is the one the output shows, written another way: cut short, the package's
 * version ("5.15.0-127.137" for 5.15.0-127-generic #137-Ubuntu, "6.6.58-lts" for 6.6.58-1-lts) or the upstream
 * release the build names ("6.1.115" for 6.1.0-27-amd64 #1 SMP Debian 6.1.115-1).
 */
function agreesWith(output: UnameFacts): (written: string) => boolean {
  const release = output.release ?? "";
  const base = /^\d+\.\d+\.\d+/.exec(release)?.[0];
  // Only the build's version-shaped words ("#137-Ubuntu", "Debian 6.1.115-1"), never its date or time: "Fri Feb 14
  // 15:33:28" would make "6.8.0-33" or "-14" agree with anything.
  const build = output.build ?? "";
  const versions = [...build.matchAll(/(?<![\w.])\d+\.\d+\.\d+[\w.+~-]{0,60}/g)].map((v) => trimPunctuation(v[0]));
  const known = new Set(suffixParts(release));
  const upload = /^#(\d+)/.exec(build)?.[1];
  const seen = new Map<string, boolean>();
  const decide = (written: string): boolean => {
    if (sameRelease(written, release) || versions.some((v) => sameRelease(written, v))) return true;
    // Ubuntu's package version, <base>-<ABI>.<upload>, for the release <base>-<ABI>-<flavour>.
    const ubuntu = /^(\d+\.\d+\.\d+-\d+)\.(\d+)$/.exec(written);
    if (ubuntu && release.startsWith(`${ubuntu[1]}-`) && (!upload || upload === ubuntu[2])) return true;
    return !!base && written.startsWith(base) && suffixParts(written).every((p) => known.has(p));
  };
  return (written) => {
    const known = seen.get(written);
    if (known !== undefined) return known;
    const answer = decide(written);
    seen.set(written, answer);
    return answer;
  };
}

/** The one release the readings give (the fullest, with a build string if any), or null for none or several. */
function oneKernel(readings: readonly KernelMention[]): KernelMention | null {
  let found: KernelMention | null = null;
  for (const r of readings) {
    if (found && !sameRelease(found.uname.release ?? "", r.uname.release ?? "")) return null;
    const fuller = (r.uname.release?.length ?? 0) > (found?.uname.release?.length ?? 0);
    if (!found || fuller || (!found.uname.build && r.uname.build && r.uname.release === found.uname.release)) found = r;
  }
  return found;
}

const OS_MENTION = /\b(?:Operating System|OS Image):\s*(\S.*?)\s*$/i;

/** The one OS the candidate lines name (as a nodes table's OS-IMAGE would), or null for none or several. */
export function pickOsMention(candidates: readonly LineRef[]): OsFacts | null {
  let found: { image: string; os: OsFacts } | null = null;
  for (const { text, line } of candidates) {
    const image = OS_MENTION.exec(text)?.[1];
    const os = image ? osImageToOs(image) : null;
    if (!image || !os) continue;
    if (found && found.image !== image) return null;
    found ??= { image, os: { ...os, lines: [line, line] } };
  }
  return found?.os ?? null;
}

/**
 * `docker info`'s "Server Version" (its driver and root-dir lines tell it from `kubectl version`'s). Podman
 * answers `docker info` on its Docker-compatible socket with its own version; its root dir, containers'
 * storage, tells it from Docker's.
 */
const DOCKER_INFO_SERVER = /^\s*Server Version:\s*(?=(\d+\.\d+\.\d+[\w.+~-]*))\1\s*$/;
const DOCKER_INFO_STORAGE = /^\s*(?:Storage Driver|Cgroup Driver|Logging Driver|Docker Root Dir):\s*\S/;
/**
 * `nerdctl info` prints driver lines and containerd's version as "Server Version" too, but no root dir.
 * Without one, only Docker's own numbering says it is Docker's: 1.8–1.13 (docker info names its server
 * version from 1.8 on) and 17.03 on (year.month); containerd's are 1.0–1.7 and 2.x.
 */
const DOCKER_ROOT_DIR = /^\s*Docker Root Dir:\s*\S/;
const dockerNumbered = (version: string) => {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major >= 17 || (major === 1 && minor >= 8);
};
const PODMAN_ROOT_DIR = /^\s*Docker Root Dir:\s*\S*\/containers\/storage\b/;
/** `crictl version`: "RuntimeName:  containerd", "RuntimeVersion:  v1.7.20" (the CRI runtime the kubelet talks to). */
const CRICTL_RUNTIME_NAME = /^\s*RuntimeName:\s*(containerd|cri-o|docker)\s*$/;
const CRICTL_RUNTIME_VERSION = /^\s*RuntimeVersion:\s*v?(\d+\.\d+\.\d+[\w.+~-]*)\s*$/;
/** `kubectl describe node`'s "Kubelet Version: v1.26.3" and "Container Runtime Version: containerd://1.6.9". */
const KUBELET_VERSION = /^\s*Kubelet Version:\s*(?=(v\d+\.\d+\.\d+[\w.+-]*))\1\s*$/;
const RUNTIME_VERSION = /^\s*Container Runtime Version:\s*(?=((?:containerd|docker|cri-o):\/\/\d+\.\d+\.\d+[\w.+~-]*))\1\s*$/;
/**
 * The kubelet's own start-up line: `"Kubelet version" kubeletVersion="v1.27.3"` (structured, 1.21 on)
 * or, under the kubelet's journal framing, `kubelet[5736]: I0917 … server.go:425] Version: v1.15.3`.
 */
const KUBELET_LOG_STRUCTURED = /"Kubelet version" kubeletVersion="(?=(v\d+\.\d+\.\d+[\w.+-]*))\1"/;
const KUBELET_FRAMING = /\bkubelet\[\d+\]:/;
const SERVER_GO_VERSION = /\bserver\.go:\d+\] Version: (?=(v\d+\.\d+\.\d+[\w.+-]*))\1\s*$/;
const kubeletLogVersion = (text: string) =>
  KUBELET_LOG_STRUCTURED.exec(text)?.[1] ?? (KUBELET_FRAMING.test(text) ? SERVER_GO_VERSION.exec(text)?.[1] : undefined);

/**
 * The kubelet and runtime versions `docker info` or `kubectl describe node` name, written as a nodes
 * table writes them ("v1.26.3", "docker://24.0.7"); each null when none or several.
 */
export function pickComponentMentions(candidates: readonly LineRef[]): { kubelet: string | null; runtime: string | null } {
  const one = (values: Array<string | undefined>) => {
    const distinct = new Set(values.filter((v): v is string => !!v));
    return distinct.size === 1 ? ([...distinct][0] as string) : null;
  };
  const podman = candidates.some((c) => PODMAN_ROOT_DIR.test(c.text));
  const rootDir = candidates.some((c) => DOCKER_ROOT_DIR.test(c.text));
  const driverLines = candidates.some((c) => DOCKER_INFO_STORAGE.test(c.text));
  const kubelet = one([...candidates.map((c) => KUBELET_VERSION.exec(c.text)?.[1]), ...candidates.map((c) => kubeletLogVersion(c.text))]);
  const crictlName = one(candidates.map((c) => CRICTL_RUNTIME_NAME.exec(c.text)?.[1]));
  const crictlVersion = one(candidates.map((c) => CRICTL_RUNTIME_VERSION.exec(c.text)?.[1]));
  const runtime = one([
    ...candidates.map((c) => RUNTIME_VERSION.exec(c.text)?.[1]),
    ...(driverLines && !podman
      ? candidates
          .map((c) => DOCKER_INFO_SERVER.exec(c.text)?.[1])
          .map((v) => (v && (rootDir || dockerNumbered(v)) ? `docker://${v}` : undefined))
      : []),
    crictlName && crictlVersion ? `${crictlName}://${crictlVersion}` : undefined,
  ]);
  return { kubelet, runtime };
}

let markerScanner: Automaton | null = null;

/**
 * Lines of `text` that hold a marker, for callers without the matcher's pass: one scan with the same
 * automaton that pass uses, since testing each of the hundreds of markers against a long text takes
 * hundreds of times longer.
 */
export function mentionLines(text: string): LineRef[] {
  markerScanner ??= buildAutomaton(MENTION_MARKERS.map(foldLiteral));
  const { line: hitLines, lineStart } = scanText(markerScanner, text);
  const out: LineRef[] = [];
  for (let i = 0; i < hitLines.length; i++) {
    const line = hitLines[i] as number;
    if (out.at(-1)?.line === line + 1) continue;
    const start = lineStart[i] as number;
    const end = text.indexOf("\n", start);
    out.push({ text: text.slice(start, end < 0 ? text.length : end), line: line + 1 });
  }
  return out;
}

/** The kernels one line names (its output shape's one, or every release its prose names as the host's), and whether it names a cure's. */
function mentionsIn(text: string): { kernels: UnameFacts[]; cure: boolean; conflict?: true } {
  const at = text.indexOf("Linux version ");
  if (at >= 0) {
    // The kernel's own line carries its build ("#1 SMP …"): "fixed in Linux version 6.6.60 (commit …)" is prose.
    const proc = parseProcVersion(text.slice(at));
    if (proc?.build && !notTheHostsBefore(text, at)) {
      const via = quotedVia(text, proc.release ?? "");
      return alongsideProse(text, [via ? { ...proc, named: true, via } : proc]);
    }
  }
  const found = EMBEDDED_UNAME.exec(text);
  // A fix's words before it ("Fixed in Linux builder 6.6.60 #1 SMP …") make it no host's.
  const embedded = found && !notTheHostsBefore(text, found.index) ? found : null;
  const uname = embedded ? parseUnameAll(text.slice(embedded.index)) : null;
  const bare = (release: string | undefined, named?: true): UnameFacts[] => {
    const r = release === undefined ? undefined : trimPunctuation(release);
    return r && looksLikeRelease(r) ? [{ release: r, build: null, machine: null, hostname: null, ...(named ? { named } : {}) }] : [];
  };
  if (!uname?.release) {
    for (const shape of MENTIONS) {
      const m = shape.re.exec(text);
      if (m) return readShape(text, shape, m, bare);
    }
  }
  let cure = false;
  const read = (m: RegExpMatchArray, release: string | undefined, named?: true): UnameFacts[] => {
    const role = proseRole(text, m);
    if (role === "cure" && bare(release).length) cure = true;
    if (role !== "host") return [];
    const at = m.index ?? 0;
    const rest = text.slice(at + m[0].length, at + m[0].length + 80);
    // The release's match may have taken the sentence's full stop: then nothing after it is the same clause.
    const stop = endsInPunctuation(m[0]) ? 0 : rest.search(/[.;!]\s|[.;!]$/);
    const clause = stop < 0 ? rest : rest.slice(0, stop);
    const claimed = HOST_CLAIM_BEFORE.test(text.slice(Math.max(0, at - 48), at)) && !NOT_A_CLAIM_AFTER.test(clause);
    return bare(release, named).map((u) => (claimed ? { ...u, claimed } : u));
  };
  const matches = [...text.matchAll(PROSE)];
  const prose = matches.flatMap((m) => read(m, m[1] ?? m[2], true));
  // A release the prose already placed (as the host's, the cure's or another's) is not read again by its shape.
  const placed = new Set(matches.map((m) => trimPunctuation(m[1] ?? m[2] ?? "")));
  // An RPM release is the kernel's own output only when it stands alone (a pasted `uname -r`); in a sentence it is named.
  const rpm = [...text.matchAll(RPM_KERNEL_RELEASE)].flatMap((m) => {
    const [, release, base, major] = m;
    if (!release || placed.has(release) || RHEL_KERNEL_BASE[major ?? ""] !== base) return [];
    return read(m, release, text.trim() === release ? undefined : true);
  });
  const others = [...prose, ...rpm].filter((u) => u.release !== uname?.release);
  if (uname?.release) {
    if (others.length) return { kernels: [], cure, conflict: true };
    const via = quotedVia(text, uname.release);
    return { kernels: [via ? { ...uname, named: true, via } : uname], cure };
  }
  return { kernels: others, cure };
}

/**
 * An output shape's kernel, unless the same line's prose names the host's kernel as another release ("We run
 * kernel 6.6.57; another report showed `modprobe: FATAL: … /lib/modules/6.6.60`"): then the line names two.
 */
function alongsideProse(text: string, kernels: UnameFacts[]): { kernels: UnameFacts[]; cure: boolean; conflict?: true } {
  const release = kernels[0]?.release;
  if (!release || !/kernel/i.test(text)) return { kernels, cure: false };
  const other = [...text.matchAll(PROSE)].some((m) => {
    const named = trimPunctuation(m[1] ?? m[2] ?? "");
    return named !== release && looksLikeRelease(named) && proseRole(text, m) === "host";
  });
  return other ? { kernels: [], cure: false, conflict: true } : { kernels, cure: false };
}

/** The kernel one shape's match gives on its line (see MentionShape), or none, or a conflict. */
function readShape(
  text: string,
  shape: MentionShape,
  m: RegExpExecArray,
  bare: (release: string | undefined, named?: true) => UnameFacts[],
): { kernels: UnameFacts[]; cure: boolean; conflict?: true } {
  const none = { kernels: [], cure: false };
  const release = m[1] ?? "";
  // A fix's or a requirement's words before the shape ("fixed in Linux version 6.6.60 (gregkh@…) #1 SMP").
  if (NODE_LIST.test(text) || notTheHostsBefore(text, m.index)) return none;
  if (shape.label) {
    const end = m.index + m[0].length;
    const after = text.slice(end);
    const releaseAt = end - release.length;
    // Wide enough that the role word and the words denying it are seen whole; the pattern keeps the role near.
    const roleBefore = ROLE_BEFORE_LABEL.test(text.slice(Math.max(0, m.index - 60), m.index));
    if (roleBefore || NOT_THE_HOSTS_LABEL.test(labelOf(text, releaseAt)) || BOUND_AFTER.test(after) || EARLIER_AFTER.test(after))
      return none;
    if (otherReleaseAfter(after, release) || /_\d+\.\d+\.\d+/.test(release)) return { ...none, conflict: true };
  }
  // A quoted line ("> Kernel Version: 6.6.60 - no more errors since") may be another report's: named, with its source.
  const via = shape.via ?? quotedVia(text, release);
  const kernels = bare(release, via ? true : undefined).map((u) => (via ? { ...u, via } : u));
  return alongsideProse(text, kernels);
}

/** Whether a fix's, a cause's or a requirement's words come right before `at` (a line's quote marks aside). */
const notTheHostsBefore = (text: string, at: number) => NOT_THE_HOSTS.test(text.slice(0, at).replace(QUOTE_MARK, "").slice(-40));

/** Why output on this line is perhaps not the host's: a quote, a syzbot kernel; undefined when nothing says so. */
function quotedVia(text: string, release: string): string | undefined {
  if (SYZKALLER.test(release)) return SYZKALLER_VIA;
  return QUOTED.test(text) ? QUOTED_VIA : undefined;
}
