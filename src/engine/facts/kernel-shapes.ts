/**
 * The output shapes a kernel release is read from inside other lines (a boot log's "Linux version", docker info,
 * an oops's taint line, a label a person typed, a path a tool printed), with what each is worth (MentionShape), and
 * the checks a label's line gets: its role, a bound, a second kernel listed after it, a quote.
 */
import { BOUND_AFTER, NOT_THE_HOSTS, PROSE, proseRelease, proseRole, trimPunctuation } from "./kernel-prose";
import { looksLikeRelease, type UnameFacts } from "./uname";

/** What Ubuntu's login banner ("Welcome to Ubuntu 24.04.2 LTS (GNU/Linux 6.8.0-57-generic x86_64)") names. */
export const LOGIN_BANNER_VIA = "Ubuntu's login banner (the machine the session logged into)";

// The build as uname -v prints it: "#N[suffix]", SMP/PREEMPT words, then the build date's weekday
// ("Tue Sep 25 …") or Debian's "Debian 5.10.70-1 (…)": "Linux 5.4.0 #1 SMP and 5.15.0 too" is prose. The host
// name may be hidden ("Linux ... 5.4.0-94-generic #106-Ubuntu SMP …", "Linux <CENSORED> 5.10.60-v7l+ #1449 SMP …").
export const EMBEDDED_UNAME =
  /\bLinux (?:(?:[A-Za-z0-9][\w.-]*|\.\.\.|…|<[^<>\s]{1,40}>) )?(?=(\d+\.\d+\.\d+\S*))\1 #(?=(\d+\S*))\2(?: (?:SMP|PREEMPT)\S*)+ (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Debian)\b/;

/** Two readings of one release, one perhaps cut short ("kernel 6.8.0-56" and "6.8.0-56-generic"; "6.6.58" and "6.6.58-talos"). */
export const sameRelease = (a: string, b: string): boolean => {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long === short || (long.startsWith(short) && "-.+_".includes(long[short.length] as string));
};
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
export interface MentionShape {
  re: RegExp;
  label?: true;
  via?: string;
  /** Group 2 is the opening of the kernel's `uname -v` that the shape prints after the release. */
  build?: true;
}
/**
 * `uname -r` typed with its output on one line ("uname -r: 5.15.0-127-generic", "$ uname -r => …"): a command line by its
 * prompt, read all the same (facts/index.ts).
 */
export const UNAME_R_TYPED =
  /^\s*(?:[\w.-]+@[\w.-]+(?::\S*)?\s*)?(?:[$#>]\s*)?`?uname\s+-r`?\s*(?::|=>?|->|\u2192)?\s*`?(?=(\d+\.\d+\.\d+[^\s`,;]*))\1`?\s*$/;
const MD_LABEL = "(?:\\*\\*|__)";
/** A uname printing the release a sentence says the change to ended the trouble (review 69c F1, 69j F3). */
export const CURED_KERNEL_VIA = "a uname of the kernel a sentence says the change to ended the trouble, perhaps booted after the failure";
export const TYPED_VIA = "an answer typed into the report (a Markdown label, a template's field)";
/** Shapes of a mention after a marker, most specific first. */
export const MENTIONS: readonly MentionShape[] = [
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
  // An environment list's line that is only the label and the release, without a colon ("Fedora 41" then "Kernel
  // 6.11.5-300.fc41.x86_64", "- Kernel version 6.8.0-52-generic"): typed as "Kernel: …" is, so beside output naming
  // another release it leaves two kernels (review 63c F1: read as a sentence's, then dropped for another machine's log line).
  {
    re: /^\s*(?:[-*\u2022]\s*)?(?:\*\*|__)?(?:(?:Linux|Running|Current)\s+)?[Kk]ernel(?:\s+(?:version|release))?(?:\*\*|__)?\s+`?(?:Linux\s+)?(?=(\d+\.\d+\.\d+[^\s`,;*]*))\1`?(?:\*\*|__)?\s*$/,
    label: true,
    via: TYPED_VIA,
  },
  // A Markdown table's row naming the kernel, in an environment or versions table ("| Kernel | 5.15.0-91-generic |",
  // "| Host kernel | `6.8.0-45-generic` | `uname -r` |"): typed, and a comparison's row ("| Kernel | 6.1.55 | 6.6.58 |")
  // names two. A label's qualifier of time is read ("| Kernel (after upgrade) | … |": another row of the same table, so
  // two kernels); a row whose other words make the release a fix, a requirement, a bound or another machine's is none
  // (reviews 34c, 34d: "(minimum)", "**fixed**", "5.10.0 (minimum)", "(my laptop)").
  {
    re: /^\s*\|\s*(?:\*\*|__)?(?:(?:host|linux|os|node|running)\s+)?kernel(?:\s+(?:version|release))?(?:\s*\((?:before|after|prior|previous|old|new|current|running)\b[^()|]{0,30}\))?(?:\*\*|__)?\s*\|\s*`?(?:Linux\s+)?(?=(\d+\.\d+\.\d+(?:[-_.~][^\s`|,;]*)?))\1(?![+\w.-])(?![^\n]{0,80}?\b(?:fix(?:ed)?|minimum|min|required|requirement|recommended|target|latest|expected|or (?:later|newer|above)|laptop|container)\b)/i,
    label: true,
    via: TYPED_VIA,
  },
  {
    re: /\bKernel(?:\*\*)? \(e\.g\. `uname -a`\)(?:\*\*)?:\s*`?(?:Linux (?:[A-Za-z][\w.-]* )?)?(?=(\d+\.\d+\.\d+[^\s`,;]*))\1/,
    label: true,
    via: TYPED_VIA,
  },
  // `uname -r` typed with its output on one line, as chat answers are written ("uname -r: 5.15.0-127-generic", "`uname -r`
  // → …", "$ uname -r => …"; review 65e F2: "no kernel version given" beside it): the line holds the command and the
  // release alone. Typed, so hedged as a label's answer is; `$ uname -r` over its output on the next line is a section.
  { re: UNAME_R_TYPED, label: true, via: TYPED_VIA },
  // `docker info` and `kubectl describe node`: "Kernel Version: 5.15.0-1030-aws".
  { re: /\bKernel Version[:\uff1a]\s*(?:Linux\s+)?(?=(\d+\.\d+\.\d+[^\s,;]*))\1/i, label: true },
  // screenFetch's "Kernel: x86_64 Linux 5.15.0-127-generic" (its machine, then the kernel's name and release: review 59d F4).
  {
    re: /\bKernel:\s+(?:x86_64|amd64|aarch64|arm64|armv[67]l|i[3-6]86|ppc64le|s390x|riscv64)\s+Linux\s+(?=(\d+\.\d+\.\d+[^\s,;]*))\1/i,
    label: true,
  },
  // The same summary's label in Chinese, Russian or Japanese ("内核版本：5.15.0-60-generic", "ядро: …", "カーネル: …"), as
  // Chinese issue templates ask for it (review 61c F3): at the line's start, a colon (ASCII or full-width) or a space after.
  {
    re: /^\s*(?:[-*\u2022]\s*)?(?:(?:\u7cfb\u7edf)?\u5185\u6838(?:\u7248\u672c)?|(?:\u0432\u0435\u0440\u0441\u0438\u044f\s+)?\u044f\u0434\u0440[\u043e\u0430]|\u30ab\u30fc\u30cd\u30eb(?:\u30d0\u30fc\u30b8\u30e7\u30f3)?)\s*[:\uff1a]?\s*(?:Linux\s+)?(?=(\d+\.\d+\.\d+[^\s,;\uff0c\uff1b\u3001\u3002]*))\1/i,
    label: true,
  },
  // `sysctl kernel.osrelease` (and `sysctl -a`'s line): the running kernel's release, as `uname -r` prints it (59d F4).
  { re: /^\s*kernel\.osrelease\s*=\s*(?=(\d+\.\d+\.\d+[^\s,;]*))\1/, label: true },
  // hostnamectl's "Kernel: Linux 5.15.0-1030-aws"; a summary that adds the host ("Kernel: Linux node-1 3.10.0-693.tl2").
  { re: /\bKernel:\s+Linux (?:[A-Za-z][\w.-]* (?=\d))?(?=(\d+\.\d+\.\d+[^\s,;]*))\1/i, label: true },
  // A summary's "Kernel: <release>" (inxi, neofetch; podman info's indented "kernel:"; an environment list's "- Linux
  // kernel: …", "Running kernel: …"; not "Host kernel:" nor "Host Kernel:", a VM host's beside its guests': review 48c F2), not journald's
  // "host kernel: <message>", whose message may start with an address ("kernel: 8.8.8.8 sent an invalid ICMP").
  {
    re: /(?:^\s*(?:[-*•]\s*)?(?:(?:[Ll]inux|Running|[Cc]urrent)\s+)?[Kk]ernel|(?<!\b[Hh]ost )\bKernel)[ \t]*:\s+(?!\d+\.\d+\.\d+\.\d+(?![\w-]))(?=(\d+\.\d+\.\d+[^\s,;]*))\1/,
    label: true,
  },
  // Proxmox VE's `pveversion` ("pve-manager/8.0.3/bbf3993334bfa916 (running kernel: 6.2.16-3-pve)"; `pveversion -v` opens
  // with "proxmox-ve: 8.2.0 (running kernel: 6.8.12-2-pve)"): the kernel the node booted.
  { re: /\(running kernel: (?=(\d+\.\d+\.\d+[^\s)]*))\1\)/ },
  // needrestart's batch mode (`needrestart -b`, for scripts and monitoring): "NEEDRESTART-KCUR: 6.1.0-14-amd64" is the running
  // kernel (uname -r, needrestart's lib/NeedRestart/Kernel.pm); KEXP, the newest installed one, is not read (review 66a F1).
  { re: /^\s*NEEDRESTART-KCUR:\s*(?=(\d+\.\d+\.\d+\S*))\1\s*$/ },
  // `docker version` and the Docker API's JSON: KernelVersion: 4.4.0-1060-aws, "KernelVersion":"5.15.0".
  { re: /\bKernelVersion"?:\s*"?([^\s"',}]+)/ },
  // A kernelVersion field: a node's nodeInfo (`kubectl get node -o yaml`), gopsutil's host info as minikube logs it
  // ("hostinfo: {…"kernelVersion":"5.15.0-1019-aws",…}": the workstation's, which a VM driver's node does not
  // share), an image's or a provisioner's metadata (the kernel it is built for).
  { re: /\bkernelVersion"?:\s*"?([^\s"',}]+)/, via: "a kernelVersion field (a node's status, minikube's host info, image metadata)" },
  // Ansible's gathered facts (`ansible -m setup`, a facts cache): "ansible_kernel": "5.15.0-127-generic", the setup module's
  // `uname -r` on the host its "<host> | SUCCESS => {" header names (review 51d F5).
  { re: /^\s*"?ansible_kernel"?:\s*"?(?=(\d+\.\d+\.\d+[^\s"',]*))\1["',\s]*$/, via: "Ansible's facts of a host (ansible_kernel)" },
  // kubeadm's preflight system verification prints "KERNEL_VERSION: <release>" at the start of its line, perhaps
  // under kubeadm's journal framing (an indented or otherwise framed KERNEL_VERSION is a CI variable or a build
  // setting: the kernel something is built for).
  { re: /(?:^|\bkubeadm\[\d+\]: )KERNEL_VERSION: (?=(\d+\.\d+\.\d+[^\s"'\\]*))\1(?:[\s"'\\]|$)/, label: true },
  // Ubuntu's login banner: the machine the session logged into, which may be a bastion's.
  {
    re: /\bWelcome to [^()]{1,80} \(GNU\/Linux (?=(\d+\.\d+\.\d+[^\s)]*))\1 [\w]+\)/,
    via: LOGIN_BANNER_VIA,
  },
  // The boot loader's entry as /proc/cmdline opens or the boot log's "Command line:" shows it: the running
  // kernel's image, "BOOT_IMAGE=(hd0,gpt2)/vmlinuz-5.14.0-427.el9.x86_64". Not inside another line: kexec's
  // --command-line, grubby's args=, GRUB_CMDLINE_LINUX or a PXE APPEND name a kernel to boot, not the running one.
  { re: /(?:^\s*|\bCommand line:\s+)BOOT_IMAGE=(?:\([^)\s]*\))?[^\s=]*?\/vmlinuz-(?=(\d+\.\d+\.\d+[^\s/]*))\1(?:\s|$)/ },
  // An oops or WARN header ("CPU: 0 PID: 3232 Comm: syz-executor.0 Not tainted 6.2.0-rc5 #2"), a hung task's
  // report ("      Tainted: G            X 3.13.0-52-generic #85-Ubuntu"), 3.x's "Pid: 1, comm: nfsd Not tainted …":
  // taint flags are single letters apart, so the release after them is found in one pass. lib/dump_stack.c prints
  // `uname -v` up to its first space, which for Ubuntu's builds is the upload ("#137-Ubuntu", "#59~22.04.1-Ubuntu"), and
  // Debian's kernels add the package's version ("#1  Debian 6.1.64-1", debian/patches' version.patch): read as the
  // build, they name the package build as `uname -v` does (review 52d F1). Another builder's bare "#1" says nothing.
  // RHEL 7's kernels (and CentOS's, Virtuozzo's) print a row of dashes between the taint and the release ("Tainted: P
  // OE  ------------   3.10.0-1062.4.3.el7.x86_64 #1"; review 63g F3: read as a kernel named in a sentence).
  {
    re: /\b(?:Not tainted|Tainted: [A-Z]+(?: +[A-Z]+)*)(?: +-{4,})? +(?=(\d+\.\d+\.\d+\S*))\1 (?=#\d)(?:(#\d+(?:\.\d+)?(?:~[\w.+~]+)?-Ubuntu|#\d+ +Debian (?:\d+:)?\d+\.\d+\.\d+-[\w.+~]+)(?![\w.+~-]))?/,
    build: true,
  },
  // The running kernel's module tree or config as modprobe, kube-proxy and check-config name them.
  { re: MODULE_TREE, via: MODULE_TREE_VIA },
  // `bpftrace --info`'s System section prints uname's sysname, release and version ("  OS: Linux 6.8.0-45-generic #45-Ubuntu
  // SMP …", iovisor/bpftrace src/main.cpp, info()): the line opens with the label; the version may be cut from a paste.
  { re: /^\s*OS: Linux (?=(\d+\.\d+\.\d+\S*))\1(?: #\d|\s*$)/ },
  // Falco's driver loader names the probe or module it downloads or builds after a kernel's `uname -r` (and the number
  // of `uname -v`): "falco_ubuntu-generic_4.15.0-176-generic_185.o", "falco_amazonlinux2_5.10.184-175.731.amzn2.x86_64_1.ko"
  // (falcosecurity/falco's scripts/falco-driver-loader). Named: the loader may be pointed at another kernel.
  {
    re: /\bfalco_[a-z0-9]+(?:-[a-z0-9]+)*_(?=(\d+\.\d+\.\d+[^\s_/]*(?:_64[^\s_/]*)?))\1_\d+\.k?o\b/,
    via: "the driver file Falco's loader named after a kernel's uname -r",
  },
];
/** Not right after a denial ("not working", "no longer good", "isn't fixed"): a role or a label word only when not denied. */
const NOT_DENIED = String.raw`(?<!\b(?:not|nothing|stopped|no longer|never)\s|n['\u2019]t\s)`;
/** A version on a label's line after its release: another kernel ("6.1.115, 6.6.58", "6.6.60 on masters, 6.6.58 on workers"), unless another component's. */
const VERSION_AFTER = /(?<![\w.])\d+\.\d+\.\d+[\w.+~-]{0,120}/g;
/**
 * What comes right before a release listed as another kernel: a separator or a function word ("6.1.115, 6.6.58",
 * "… / 6.6.58", "or 6.6.58", "logged on 6.6.58", "kernel 6.6.58", "the runner VM has 6.10.3": review 55a's aside; "the new
 * 5.15.0-105 nodes": 55a F3). A name before a version makes it another component's ("containerd 2.2.7", "gcc v: 9.3.0",
 * "Gnome 3.36.4").
 */
const LISTED_BEFORE =
  /(?:^|[,;&|(\u2192]|->|\s-|(?<![:/])\/|\b(?:or|and|on|to|vs|versus|then|now|but|became|was|is|with|running|kernel|linux|has|have|had|runs?|uses?|new|newer|old|older|latest)|\bkernel(?:\s+version)?\s*[:\uff1a]|(?<!\b(?:upgraded|updated|upgrading|updating|upgrade|update|moved|migrated|switched|downgraded|downgrading|rolled back|reverted|reverting|went|came)\s)\bfrom)\s*`?$/i;
/**
 * In a label, a word right before "kernel" that makes its value no host's: a requirement, a target, a fix or a
 * kernel not running yet ("Minimum Kernel:", "Fixed kernel version:", "Latest stable Kernel:", "Expected kernel
 * version:"), not a word of a host name before it, not denied ("Not fixed kernel:").
 */
const NOT_THE_HOSTS_LABEL = new RegExp(
  String.raw`${NOT_DENIED}\b(?:minimum|min|required|requires?|recommended|supported|max(?:imum)?|latest|fixed|introduced|patched|unpatched|upstream|target|installed|available|pending|expected|next|planned|candidate|proposed|desired)(?:\s+(?!(?:node|host|machine|server|worker|cluster|system|box|vm)s?\b|(?:since|in|at|under|for|from|to|by|of|on|with)\b)\w+)?\s+(?:linux\s+)?kernel\b`,
  "i",
);
/**
 * A role near a label, on its line ("Good: Kernel Version: 6.6.60", "Working node (worker-2): Kernel …", "Before
 * upgrade: Kernel …", "For comparison, the healthy node shows Kernel …"): perhaps another machine or an earlier
 * kernel, perhaps not ("IPv4 works but IPv6 doesn't. Kernel: …"). Not denied ("Not working -"), not a host name's
 * part ("new-node"). Such a label is read as named: hedged, and one of two beside output naming another release.
 */
const ROLE_NEAR_LABEL = new RegExp(
  String.raw`${NOT_DENIED}\b(?:good|working|works|healthy|unaffected|fine|ok|other|before|prior|pre-upgrade|previous|old|new|default|tested|was|laptop|workstation|desktop)(?=[\s:,;(*|=\u2192])[^\n]{0,40}$`,
  "i",
);
/** The same roles said after the release ("6.6.60 (healthy node)", "6.6.60 -- unaffected", "… where everything works"). */
const ROLE_AFTER = new RegExp(
  String.raw`^[^.\n]{0,40}?${NOT_DENIED}\b(?:good|working|works|healthy|unaffected|fine|ok|other|laptop|workstation|desktop|ci runner)\b`,
  "i",
);
/** After a label's release, words that make it an earlier kernel ("6.6.56 before the upgrade", "(was working)"). */
const EARLIER_AFTER =
  /^\W{0,3}(?:before (?:the |an? )?(?:upgrade|update|upgrading|updating|reboot)|previously|(?:was|were) working|worked(?! around)(?: fine)?)\b/i;
export const ROLE_VIA = "output a role word qualifies (another node's or an earlier kernel's, perhaps)";
/** The Kubernetes bug template's question, whose answer a person typed (a whole `uname -a` included). */
const TEMPLATE_QUESTION = /\bKernel(?:\*\*)? \(e\.g\. `uname -a`\)(?:\*\*)?:\s*`?$/;
/**
 * What else makes output on a line perhaps not the host's, for a release at [start, end): a role word near it (the
 * healthy node's, the kernel before the upgrade), or a template's question it answers (typed). Undefined if none.
 */
export function lineVia(text: string, start: number, end: number): string | undefined {
  const before = text.slice(Math.max(0, start - 60), start);
  if (TEMPLATE_QUESTION.test(before)) return TYPED_VIA;
  const after = text.slice(end);
  return ROLE_NEAR_LABEL.test(before) || EARLIER_AFTER.test(after) || ROLE_AFTER.test(after) ? ROLE_VIA : undefined;
}
/** The label before a release: the clause it sits in, back to the line's last separator, at most 60 characters. */
const labelOf = (text: string, releaseAt: number) => {
  const before = text.slice(Math.max(0, releaseAt - 60), releaseAt).replace(/[\s`*_:]+$/, "");
  return before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf("."), before.lastIndexOf(";"), before.lastIndexOf(":")) + 1);
};
/** Another kernel release on a label's line after the label's own. */
export function otherReleaseAfter(after: string, release: string, skip: ReadonlySet<string> = new Set()): boolean {
  for (const v of after.matchAll(VERSION_AFTER)) {
    const token = trimPunctuation(v[0]);
    if (skip.has(token)) continue;
    if (!sameRelease(token, release) && looksLikeRelease(token) && LISTED_BEFORE.test(after.slice(Math.max(0, v.index - 28), v.index)))
      return true;
  }
  return false;
}
const QUOTED = /^\s*(?:>|\|\s)/;
/** The quote marks opening a line ("> ", "> > ", "| "), not a comparison's ">". */
export const QUOTE_MARK = /^\s*(?:>\s*)+|^\s*\|\s/;
/** syzbot's kernels ("6.6.60-syzkaller") are a report's, never a user's host's. */
const SYZKALLER = /-syzkaller\b/;
const SYZKALLER_VIA = "a syzbot report";
const QUOTED_VIA = "a quoted line (perhaps another report's)";
/** A JSON line holding several nodes (kubectl -v=8's response body, `-o json | jq -c`): which node's kernel is unknown. */
const NODE_LIST = /"kind":\s*"NodeList"|"items":\s*\[/;

/**
 * An output shape's kernel, unless the same line's prose names the host's kernel as another release ("We run
 * kernel 6.6.57; another report showed `modprobe: FATAL: … /lib/modules/6.6.60`"): then the line names two.
 */
export function alongsideProse(text: string, kernels: UnameFacts[]): { kernels: UnameFacts[]; cure: boolean; conflict?: true } {
  const release = kernels[0]?.release;
  if (!release || !/kernel/i.test(text)) return { kernels, cure: false };
  const other = [...text.matchAll(PROSE)].some((m) => {
    const named = proseRelease(m);
    return named !== release && looksLikeRelease(named) && proseRole(text, m) === "host";
  });
  return other ? { kernels: [], cure: false, conflict: true } : { kernels, cure: false };
}

/** The kernel one shape's match gives on its line (see MentionShape), or none, or a conflict. */
export function readShape(
  text: string,
  shape: MentionShape,
  m: RegExpExecArray,
  bare: (release: string | undefined, named?: true) => UnameFacts[],
): { kernels: UnameFacts[]; cure: boolean; conflict?: true } {
  const none = { kernels: [], cure: false };
  const release = m[1] ?? "";
  let role: string | undefined;
  // A fix's or a requirement's words before the shape ("fixed in Linux version 6.6.60 (gregkh@…) #1 SMP").
  if (NODE_LIST.test(text) || notTheHostsBefore(text, m.index)) return none;
  if (shape.label) {
    const end = m.index + m[0].length;
    const after = text.slice(end);
    const releaseAt = end - release.length;
    if (NOT_THE_HOSTS_LABEL.test(labelOf(text, releaseAt)) || BOUND_AFTER.test(after)) return none;
    if (otherReleaseAfter(after, release) || /_\d+\.\d+\.\d+/.test(release)) return { ...none, conflict: true };
    role = lineVia(text, m.index, end);
  }
  // A quoted line ("> Kernel Version: 6.6.60 - no more errors since") may be another report's: named, with its source.
  const via = shape.via ?? quotedVia(text, release) ?? role;
  const build = shape.build && m[2] ? m[2].replace(/ +/g, " ") : null;
  const kernels = bare(release, via ? true : undefined).map((u) => ({ ...u, ...(via ? { via } : {}), ...(build ? { build } : {}) }));
  return alongsideProse(text, kernels);
}

/** Whether a fix's, a cause's or a requirement's words come right before `at` (a line's quote marks aside). */
export const notTheHostsBefore = (text: string, at: number) => NOT_THE_HOSTS.test(text.slice(0, at).replace(QUOTE_MARK, "").slice(-40));

/** Why output on this line is perhaps not the host's: a quote, a syzbot kernel; undefined when nothing says so. */
export function quotedVia(text: string, release: string): string | undefined {
  if (SYZKALLER.test(release)) return SYZKALLER_VIA;
  return QUOTED.test(text) ? QUOTED_VIA : undefined;
}

/**
 * A heading above output ("Output from the working node:", "docker info on my workstation:", "Before the
 * upgrade:", "The maintainer's reproduction in the upstream issue (not our machine):"; see output-heading.ts): the
 * output under it is perhaps another machine's or an earlier kernel's. A
 * heading is short: a long sentence ending in a colon tells a story ("… the old kernel autoremoved, which …:").
 */
/**
 * A heading's words that say its output was copied from another report (reviews 46a-46c): the upstream issue or thread,
 * one an `owner/repo#N` names, its reporter or maintainer, someone who posted it; not one that only cites an issue
 * ("same error as containerd/containerd#6876") over the reporter's own output.
 */
const ANOTHER_REPORT = [
  String.raw`(?:from|in|on) (?:the )?upstream(?: [\w#.-]+)?`,
  String.raw`(?:from|in) (?:the )?(?:linked|original|referenced|same|other) (?:issue|report|bug|thread)`,
  String.raw`(?:reproduction|repro|output|logs?) from (?:the )?(?:issue|report|thread)`,
  String.raw`(?:from|in|per) (?:the )?(?:[\w.-]+\/[\w.-]+#\d+|#\d+|https?:\/\/\S+)`,
  // Another person's output: the OP's, what they had, an @user's, a quote (review 46d F4).
  String.raw`\bthe OP\b|\bOP['\u2019]s\b|\bwhat (?:they|he|she) (?:had|ran|got|posted|saw)\b|(?<=@)[\w-]+['\u2019]s\b|\bquoting\b`,
  // Where it was posted, not who copied or ran it (review 46d F5: "copied from node1", "someone else on the team ran this").
  String.raw`(?:copied|posted|shared|quoted) (?:this |it )?(?:from|in|on) (?:the )?(?:upstream|issue|thread|github|forum|slack|discord|reddit|mailing list|bug)`,
  String.raw`\bsomeone (?:on|in|at) (?:the )?(?:[\w-]+ )?(?:slack|forum|discord|issue|thread|github|reddit|mailing list)`,
  String.raw`the reporter(?:['\u2019]s| has)`,
  String.raw`upstream(?:['\u2019]s)? (?:reproduction|repro|output|machine|environment|setup|ci|test)`,
  String.raw`maintainer['\u2019]s (?:reproduction|repro|output|machine|box|setup|environment|test)`,
  String.raw`not (?:on )?(?:our|my|this) (?:machine|host|node|server|cluster|box)`,
].join("|");
/**
 * "OK" as a machine heading's note ("### k8s-worker-02 (OK)", "### k8s-worker-02 - OK"; review 48c F4): a role only after a
 * machine's name (output-heading.ts asks host-headings.ts), since a step's or a check's result says it too ("### Step 1:
 * docker daemon health - OK"; review 48d F6).
 */
export const HEADING_OK = /(?:[([]\s{0,2}ok\s{0,2}[)\]]|[-\u2013\u2014:]\s{1,2}ok\b)[^\n]*:\s*$/i;
/** A heading that places its output in another report: no word of failure there makes it the failing machine's. */
export const HEADING_OTHER_REPORT = new RegExp(ANOTHER_REPORT, "i");
export const HEADING_ROLE = new RegExp(
  String.raw`${NOT_DENIED}(?<!\b(?:non|not|un)-|\bnothing (?:is |was )?)\b(?:working|works|fine|no (?:problem|issue)s?|healthy|good|unaffected|other|another|laptop|workstation|desktop|local machine|ci runner|bastion|jump[\s-]?(?:host|box|server)|before[\s_-](?:\w+[\s_-])?(?:upgrade|update|upgrading|updating|reboot)|after[\s_-](?:the[\s_-])?(?:downgrade|downgrading|rollback|rolling back|revert(?:ing)?)|previous|old|${ANOTHER_REPORT})\b[^\n]*:\s*$`,
  "i",
);
/**
 * A heading that names the failing machine ("On the old node that fails:", "The failing node (the other one
 * works):"): its role words describe it, not another machine.
 */
export const HEADING_FAILING =
  /\b(?:fail(?:s|ing|ed)?|broken|breaks|crash(?:es|ing)?|hits (?:it|this|the bug)|affected node|(?:problem|bad) (?:node|host|machine|server)|errors|erroring|complain(?:s|ing)?|(?:does ?n[o'\u2019]t|won['\u2019]?t|can[o'\u2019]?t|cannot|no longer) (?:work|start|run|come up)|stuck|hangs|hanging|panics?)\b/i;
