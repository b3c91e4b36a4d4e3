/**
 * Finds the command outputs in a pasted bundle such as
 * `{ uname -a; cat /etc/os-release; kubectl get nodes -o wide; iptables --version; journalctl -u kube-proxy; }`.
 * Outputs are recognised by their shape, so a bundle needs no markers; shell prompts and the commands
 * they show ("root@node:~# uname -r") are used as hints and are neither sections nor logs.
 * Everything else is logs, and a log line must never be taken for a section: klog lines that mention
 * Linux, or logfmt lines (level=error msg=...), do not have the shape of any output below.
 */

import type { BundleSection, NodeRow } from "../types";
import { apiclientOsRelease } from "./apiclient-os";
import { BOOT_MARK, readsReversed, readsThisBoot, rebootRefused, rebootsMachine } from "./boot-marks";
import { listedHosts, loopList, soleUnlabelledTarget } from "./fan-out";
import { FanOutReader, machineOf, type OutputLines } from "./fan-out-reader";
import {
  comparesHosts,
  type FileMachines,
  fileHeading,
  fileHeadsNameMachines,
  HEADING_START,
  HeadedMachines,
  headingMachine,
  headsAnotherMachine,
  hostHeading,
} from "./host-headings";
import { workloadImages, workloadQuery } from "./image-tags";
import { isIptablesVersionOutput } from "./iptables-version";
import { isFileHead, LOG_NAME_IN_COMMAND, ROTATED_IN_COMMAND } from "./log-files";
import { isLogFramed } from "./log-framing";
import { NodeListingReader } from "./node-objects";
import { LSB_LINE, LSB_NO_MODULES, namesRelease, OS_RELEASE_LINE, parseOsReleaseValues, SYSTEM_RELEASE_LINE } from "./os-release";
import { describedPod, dumpedPodLogs, execPod, loggedPods, namespaceChosen, scheduledPod } from "./pod-logs";
import { parseKubeletVersion, parseRuntimeVersion } from "./runtime-version";
import { TextLines } from "./text-lines";
import { readLoggedToolVersions, readsOutput, readToolVersions } from "./tool-versions";
import { looksLikeBuild, looksLikeRelease, parseProcVersion, parseUnameAll, parseUnameShort, parseVersionSignature } from "./uname";
import { MachineNames, sameMachine } from "./uname-fleet";

type Command =
  | "uname-r"
  | "uname-v"
  | "uname"
  | "os-release"
  | "proc-version"
  | "version-signature"
  | "nodes"
  | "iptables"
  | "kube-binary"
  | "module-version"
  | "installed"
  | "other";

/**
 * "$ ", "# ", "root@node:~# ", "[root@host dir]# ", "(venv) [root@host dir]# ", "user@host:~$ ", "[I] $ ",
 * "x:~/$ ". Not ">": a quoted paste ("> E0217 ...") is still logs.
 */
/** The commands a prompt naming only its host is read before (Gentoo's root `worker-2 ~ #`, zsh's `worker-2%`). */
const HOST_PROMPT_COMMANDS = String.raw`(?:sudo\s+)?(?:ssh|journalctl|crictl|docker|podman|nerdctl|ctr|kubectl|cat|uname|dmesg|systemctl|tail|grep|less)\b`;
/**
 * Prompts of other shapes than bash's `user@host:path$` (review 36d: after one of those a later one was read as the first
 * prompt's host): `user@host path $` (Flatcar and Gentoo), `user@host [ path ]#` (Photon), fish's `user@host path>`,
 * PowerShell's `PS C:\path>`, oh-my-zsh's `➜  dir` and starship's `❯`, and a prompt naming only its host before a command.
 */
const OTHER_PROMPTS = [
  String.raw`[\w.-]+@[\w.-]+\s+(?:\[[^\]\n]{0,40}\]|[~/][^\s$#%>]{0,60})\s*[$#%>]`,
  String.raw`PS [A-Za-z]:\\[^>\n]{0,80}>`,
  String.raw`\u279c\s+\S{1,60}(?:\s+git:\([^)\n]{0,60}\))?(?:\s+\u2717)?`,
  String.raw`\u276f`,
  String.raw`[A-Za-z][\w.-]{0,62}(?:\s+[~/][^\s$#%]{0,60})?\s?[$#%](?=\s+${HOST_PROMPT_COMMANDS})`,
].join("|");
export const PROMPT = new RegExp(
  String.raw`^\s*(?:\([^)]*\)\s*)?(?:\[[^\]]*\]\s*)?(?:(?:[\w.-]+@[\w.-]+(?::\S*?)?\s*|[\w.-]*:[~/]\S*?\s*)?[$#%]|${OTHER_PROMPTS})\s+(?=\S)`,
);

const KUBE_BINARY_VERSION = /\b(?:kube-(?:proxy|apiserver|controller-manager|scheduler)|hyperkube\s+\S+)\s+--version\b/;

/** The tools that list what is installed (files under /lib/modules or /boot, packages): the "installed" command kind. */
const INSTALLED_TOOLS = "ls|find|tree|rpm|dpkg(?:-query)?|apt(?:-cache)?|dnf|yum|zypper|pacman|apk|dkms|grubby|kernel-install";

const COMMANDS: Array<[RegExp, Command | ((m: RegExpExecArray) => Command)]> = [
  [/^(?:sudo\s+)?(?:\S*\/)?uname((?:\s+-{1,2}[a-z-]+)*)\s*$/, (m) => unameCommand(m[1] ?? "")],
  [/^(?:sudo\s+)?cat\s+\S*\/proc\/version_signature\s*$/, "version-signature"],
  [/^(?:sudo\s+)?cat\s+\S*\/proc\/version\s*$/, "proc-version"],
  [/^(?:sudo\s+)?cat\s+\S*(?:[a-z]+-release|\*release)\b.*$/, "os-release"],
  [/^(?:sudo\s+)?lsb_release(?:\s+-[a-z]+)*\s*$/, "os-release"],
  // Some of its lines picked out: `grep VERSION_ID /etc/os-release`, `head -3 /usr/lib/os-release` (review 49a F4).
  [/^(?:sudo\s+)?(?:grep|egrep|head|tail|awk|sed)\b.*\s\/(?:etc|usr\/lib)\/os-release\b/, "os-release"],
  [/^(?:sudo\s+)?(?:\S*\/)?(?:kubectl|oc|k)\b.*\bget\s+(?:no|nodes?)\b.*$/, "nodes"],
  [/^(?:sudo\s+)?(?:\S*\/)?ip6?tables(?:-[\w-]+)?\s+(?:-V|--version)\s*$/, "iptables"],
  // Another Kubernetes binary's `--version`, on the host or in its pod ("kubectl -n kube-system exec kube-proxy-x --
  // kube-proxy --version"): it prints "Kubernetes v1.18.2" as the kubelet does, but the version is not the kubelet's.
  [KUBE_BINARY_VERSION, "kube-binary"],
  // A kernel module's own version (`cat /sys/module/ena/version` prints "2.17.0g", `modinfo -F version zfs` "2.2.6-1"):
  // shaped like a release with a distribution's suffix, and no kernel's (review 31a).
  [/^(?:sudo\s+)?(?:cat\s+\S*\/sys\/module\/\S+\/version|modinfo\b.*)\s*$/, "module-version"],
  // What is installed, not what runs: `ls /lib/modules`, `ls /usr/src/kernels/`, `rpm -q --qf '%{VERSION}-…' kernel` print
  // a kernel's bare release too, and after an upgrade not yet booted it is the new one (review 54a F1: "not affected,
  // verified" beside the bug's own oops, while the old kernel still ran). Not beside a command that prints
  // the running kernel: `rpm -q kernel; uname -r` (review 54b F6).
  [
    new RegExp(String.raw`^(?:sudo\s+)?(?:${INSTALLED_TOOLS})\s(?![^\n]*(?:\buname\b|\/proc\/(?:version|sys\/kernel\/osrelease)))[^\n]*$`),
    "installed",
  ],
];

/**
 * A command that runs what follows inside a container ("docker run --rm alpine cat /etc/os-release", "kubectl exec pod
 * -- cat /etc/os-release", an image build's steps (`docker build`, `buildah bud`: a `RUN apt-get install` there changes the
 * image, not the host), `docker compose exec`, `docker attach`, `docker start -ai`, `nerdctl`, `finch`, `kubectl`
 * (`k`, `kubecolor`) `exec|run|debug`, `oc debug|rsh`, `ctr … exec`, `runc exec`, `lxc`/`incus` `exec|shell`,
 * `lxc-attach`, `pct enter`, `machinectl shell`, `systemd-nspawn`, `apptainer`/`singularity`, `toolbox`, `distrobox`):
 * the os-release it prints is the image's, not the host's (a container's uname prints the host's kernel, so only the OS
 * is set apart). Found anywhere on a line, after any shell's prompt (PowerShell's, zsh themes'), `sudo -E`, `ssh node2`,
 * a `set -x` trace; a line with no prompt counts only when it runs `cat …release`, `lsb_release` or a shell: "docker run
 * hangs on our hosts" is prose. One that reads the host's own files (`chroot /host`, `nsenter` into PID 1's namespaces,
 * a mounted `/host/etc/os-release`) prints the host's. RUNNER_WORD picks the lines to try and where (linear); the rest
 * of the pattern reads at most RUNNER_WINDOW characters from the first runner word on, 120 past any one.
 */
const RUNNER_WORD =
  /\b(?:docker|podman|nerdctl|finch|buildah|kubectl|kubecolor|k|oc|crictl|ctr|runc|lxc|incus|lxc-attach|pct|machinectl|systemd-nspawn|apptainer|singularity|toolbox|distrobox|nsenter)\b/;
const CONTAINER_RUNNER =
  /(?:^|[\s>$#%+/\u276f\u279c])(?:(?:docker|podman|nerdctl|finch)\b[^|;&]{0,120}?\s(?:run|exec|build|attach|start\s+-\w*a\w*i|start\s+-\w*i\w*a)|docker-compose\s+(?:run|exec|build)|buildah\s+(?:bud|build|run)|(?:kubectl|kubecolor|k|oc)\b[^|;&]{0,120}?\s(?:exec|debug|rsh|run)|crictl\s+exec|(?:ctr|runc)\b[^|;&]{0,120}?\s(?:run|exec)|(?:lxc|incus)\s+(?:exec|shell)|lxc-attach|pct\s+enter|machinectl\s+shell|systemd-nspawn|(?:apptainer|singularity)\s+(?:shell|exec|run)|toolbox\s+(?:run|enter)|distrobox\s+enter|nsenter)(?:\s|$)/;
/** The runners that build an image (its steps print no os-release of theirs). */
const IMAGE_BUILD = /\s(?:build|bud)(?:\s|$)/;
/** Commands are short: a longer line (a base64 secret, a minified script) is no runner's, and is not scanned. */
const MAX_COMMAND_LINE = 2000;
const RUNNER_WINDOW = 400;
const HOST_VIEW = /\bchroot\s+\/host\b|\bnsenter\b[^|;&]{0,200}?(?:-t\s*1|--target[=\s]1)\b|\/host\/etc\//;
const RELEASE_QUERY = /\bcat\s+\S*release\b|\blsb_release\b/;
/**
 * A runner that opens a shell there (`… -- sh`, `/bin/bash --login`, `toolbox enter`, `lxc shell`, `pct enter`,
 * `apptainer shell`, `docker attach`, or a debug or run of kubectl/oc with no command after `--`, interactive by default
 * for `oc debug`). docker's `-it` alone does not: `docker exec -it web nginx -v` runs one command; but a container's own
 * prompt after it opens one (see containerScopeAfter).
 */
const OPENS_SHELL =
  /(?:^|[\s/])(?:ba|z|a|da|fi|k)?sh(?:\s+-{1,2}[\w-]+)*\s*$|\b(?:toolbox|distrobox)\s+enter\b|\b(?:oc\s+rsh|(?:lxc|incus)\s+shell|lxc-attach|pct\s+enter|machinectl\s+shell|systemd-nspawn|(?:apptainer|singularity)\s+shell|docker\s+(?:attach|start))\b/;
const KUBE_INTERACTIVE = /\b(?:kubectl|kubecolor|k|oc)\b[^|;&]{0,120}?\s(?:debug|run)\b/;
/** A prompt whose host is a 12-digit hex id, the host name Docker gives a container ("root@3f2a1b2c3d4e:/# …", "[root@3f2a1b2c3d4e /]# …"). */
const CONTAINER_PROMPT = /^\s*(?:[\w.-]+@[0-9a-f]{12}:\S*|\[[\w.-]+@[0-9a-f]{12}\s[^\]]*\])\s*[$#]\s/;
/**
 * A build step running a command in the image, as a CI log prints it with no prompt: the classic builder's "Step 3/5 :
 * RUN …" and "---> Running in <id>", buildah's "STEP 3/5: RUN …". Its output is the image's until STEP_END.
 */
const BUILD_STEP = /^\s*(?:Step \d+\/\d+ : RUN\s|(?:\[\d+\/\d+\] )?STEP \d+(?:\/\d+)?: RUN\s|---> Running in \w+\s*$)/;
/**
 * Where a build step's output ends: the layer it committed, the next step, the build's end or failure (the classic
 * builder's "The command '…' returned a non-zero code", podman's "Error: building at STEP"). Any prompt ends it too: a
 * step opens no shell. Not a `set -x` trace: `RUN set -eux; apt-get install …` traces inside the step.
 */
const STEP_END =
  /^\s*(?:-+> (?!Running in)|Removing intermediate container\b|Successfully (?:built|tagged)\b|COMMIT\b|(?:\[\d+\/\d+\] )?STEP \d|Step \d|The command '.*' returned a non-zero code|Error: building at STEP)/;
/** A CI runner's job running in an image (GitLab's Docker executor): everything the job prints is the image's. */
const CI_IN_IMAGE = /^Using (?:Docker|Kubernetes) executor with image /;
/**
 * Leaving a shell: `exit` (with a status) or Ctrl-D at a shell's prompt or alone, `logout` at a prompt (alone on a line
 * it is what bash prints on leaving a login shell). A client's prompt ("mysql> exit", ">>> exit") leaves that client.
 */
const EXIT = /(?:^|[$#%]\s*)(?:exit(?:\s+\d+)?|\^D)\s*$|[$#%]\s*logout\s*$/;
/**
 * A shell opened inside a container's shell (`su - app`, `sudo -i`, `sudo bash`, `/bin/bash`, `ssh host` to another
 * machine): its `exit` closes that one.
 */
const NESTED_SHELL =
  /(?:^|[$#%]\s*)(?:su\b[^|;&]{0,100}|ssh\s+[\w.@:-]+(?:\s+-\S+)*|sudo\b[^|;&]{0,100}?\s(?:-i|-s|su\b[^|;&]{0,100}|(?:\S*\/)?(?:ba|z|da)?sh)|(?:\S*\/)?(?:ba|z|da)?sh)\s*$/;
/** A run that names its container after a host: the host's network or UTS namespace, or a host name of its own. */
const HOST_NAMED = /\s(?:--net(?:work)?[= ]host|--uts[= ]host|-h\s|--hostname[= ])/;
/** A command in the container failed to start: it opened no shell (a `docker run` the daemon refused prints its error). */
const EXEC_FAILED =
  /^(?:Error response from daemon: .*(?:is not running|No such container)|docker: Error response from daemon: |Error: (?:OCI runtime|crun: |runc: )|OCI runtime exec failed|command terminated with exit code|error: unable to upgrade connection|Error from server \(NotFound\))/;
/** Entering the host from a container's shell for good: a bare `chroot /host`, or `nsenter` into PID 1 and a shell. */
const ENTERS_HOST = /\bchroot\s+\/host\s*$|\bnsenter\b[^|;&]{0,200}?(?:-t\s*1|--target[=\s]1)\b[^|;&]{0,200}?\s(?:ba)?sh\s*$/;
/** Where a person's telling moves on: a Markdown heading or a bold label. */
const NEW_PART = /^(?:#{1,6}\s|\*\*[^*]{1,80}\*\*)/;
/** The host's next command in a trace or a CI log: `+ cat /etc/os-release`, GitHub Actions' "Run cat /etc/os-release". */
const TRACED_RELEASE_QUERY = /^(?:\++\s+|Run\s+)(?:sudo\s+)?(?:cat\s+\S*release\b|lsb_release\b)/;
/** What may stand before a runner on a line with no prompt this reader knows: another shell's prompt, `sudo`, `ssh host`. */
const RUNNER_PREFIX = /[>$#%~\u276f\u279c]$|^(?:\++|sudo|doas|ssh|env|time)\b/;

/** Commands whose output names the host (its kernel build, its OS), not what failed on it. */
const IDENTITY_COMMANDS: ReadonlySet<Command> = new Set<Command>([
  "uname",
  "uname-r",
  "uname-v",
  "proc-version",
  "version-signature",
  "os-release",
]);
/** `known-bugs collect`'s own notes (src/cli/known-bugs/collect.ts): "# known-bugs collect …", "# skipped: …". */
export const COLLECTOR_NOTE = /^#\s+(?:known-bugs collect\b|skipped:\s)/;

/**
 * Where the reading stands with containers: outside, after a command run in one (its output is the image's until the
 * host's next command), or in a shell opened there (until it is left). `prompt`: the prompt of the line that ran it,
 * when it names a user or host (a bare "$" or "#" proves nothing: sh in a container prints it too); `bare`: that line
 * had no prompt at all.
 */
type ContainerScope =
  | { kind: "none" }
  | {
      kind: "output" | "shell";
      prompt: string | null;
      bare: boolean;
      nested: number;
      onHost?: number;
      hostFile?: true;
      step?: true;
      /** The run gave the container a host's name (`--network host`, `--uts host`, `-h NAME`): its prompt may name one. */
      hostNamed?: true;
      /** A one-shot run whose output a host command reads (PIPED_OUT): it opened no shell. */
      pipedOut?: true;
      /** The node a `kubectl debug node/NAME` shell runs on: what `chroot /host` there reads is that node's (review 53c F2). */
      node?: string;
    };
const OUTSIDE: ContainerScope = { kind: "none" };

/** The host part of a prompt naming one: "root@node2:~# ", "[admin@web-1 ~]$ ", "(venv) user@box:~$ ". */
const PROMPT_HOST = new RegExp(
  String.raw`^\s*(?:\([^)]*\)\s*)?(?:\[?[\w.-]+@([\w-][\w.-]*)(?:(?::\S*?)?(?:\s[^\]]*\])?\s*[$#%]|\s+(?:\[[^\]\n]{0,40}\]|[~/][^\s$#%>]{0,60})\s*[$#%>])|(?!(?:ba|da|k|tc|c|z)?sh-\d)([A-Za-z][\w-]{0,62}[\w.-]*)(?:\s+[~/][^\s$#%]{0,60})?\s?[$#%](?=\s+${HOST_PROMPT_COMMANDS}))\s`,
);

/**
 * `ssh` run as the command (at the line's start, after a prompt, `sudo` or a shell operator; not `systemctl restart ssh`):
 * its options (those taking a value, then the flags), then `[user@]host`.
 */
// A shell loop's body too (`for n in node2 node3; do ssh $n crio version; done`), whose target is a variable: another
// machine, though the paste cannot name which (review 47c F7: its output was read as the prompt's host's).
const SSH_TARGET =
  /(?:^|[;&|(]\s*|[$#%>]\s+|\b(?:do|then)\s+|\bxargs\s+(?:-\S+\s+)*|\bsudo\s+(?:-\S+\s+)*)ssh\s+(?:(?:-[bcDEeFIiJLlmOopQRSWw]\s*\S+|-[46AaCfGgKkMNnqsTtVvXxYy]+)\s+)*(?:[\w.-]+@)?\[?"?([A-Za-z0-9][\w.:-]*|\$\{?[A-Za-z_]\w*\}?|\{\})/;
/**
 * `mosh` run as the command: its options (`-p 60001`, `--ssh="ssh -p 2222"`, `--predict=always`), then `[user@]host`. It
 * opens a shell on the host as `ssh` does, or runs the command after the host there (review 42b F4).
 */
const MOSH_TARGET =
  /(?:^|[;&|(]\s*|[$#%>]\s+|\bsudo\s+(?:-\S+\s+)*)mosh\s+(?:(?:-p\s*\d+|--[\w-]+=(?:"[^"]*"|'[^']*'|\S+)|-[46an]+)\s+)*(?:[\w.-]+@)?([A-Za-z0-9][\w.:-]*)/;
/**
 * A pod's logs or a command in it through the cluster's API, or the cluster's own objects (`describe`, events, `get`, but
 * the nodes table: kube-nodes.ts), and the tools that tail pods' logs (stern, kubetail; review 48d F4): the pod may be on
 * any node, not the prompt's machine (review 44a F2: a pod's events at a bare prompt were taken for the bare uname's node).
 */
const THROUGH_CLUSTER =
  /(?:^|[\s'"])(?:(?:kubectl|kubecolor|k|oc)\b[^|;&]{0,120}?\s(?:logs|exec|debug|rsh|run|attach|describe|events|get(?!\s+(?:nodes?|no)\b))(?:\s|$)|(?:stern|kubetail)\s)/;

/**
 * The machine a command's output comes from, as its line says: the host an `ssh` runs it on; "" for a pod's logs or
 * command through the cluster's API (a pod may be on any node); else the prompt's host (whole, in lower case: "node1" or
 * node1.example.com, as the shell's prompt prints it), or null. A local runtime's container (`docker logs`, `crictl logs`,
 * `docker exec`, `lxc exec`) ran on the prompt's machine, on its kernel (review 36b): that host, though the container's
 * own hostname (in a kind node's journal, a shell's prompt in it) names none.
 * `ssh`: the line's sshTarget, read once by the caller.
 */
function printerOf(raw: string, ssh: string | undefined): string | null {
  // An address stays whole: it is a machine, though no uname prints it (symptom-hosts reads EC2's ip-10-0-0-5 as 10.0.0.5).
  // A loop's `ssh $n` ran on the machines it went through, one after another: those its list names, as a fan-out tool's
  // gathered block names several ("node2,node3"), else as a command through the cluster (review 47c F7).
  if (ssh) return ssh.startsWith("$") || ssh === "{}" ? loopHosts(raw, ssh) : machineOf(ssh);
  if (THROUGH_CLUSTER.test(raw)) return "";
  return promptHost(raw);
}

/**
 * The host a prompt names, in lower case, or null: the whole name a prompt prints (`\H`), since two nodes may share the
 * first label (review 40a F2: worker-1.dc2's prompt was judged on worker-1.dc1's row); machineIndex and sameMachine match
 * it to a short name where one side gives only that.
 */
const promptHost = (raw: string): string | null => {
  const m = PROMPT_HOST.exec(raw);
  return (m?.[1] ?? m?.[2])?.toLowerCase() ?? null;
};

/**
 * A description through the cluster's API, whatever its flags (`describe -n prod pod web-0`): a pod's `Node:` field
 * names the node its events come from (no other kind's description has one).
 */
const DESCRIBES = /(?:^|\s)(?:kubectl|kubecolor|k|oc)\b[^|;&]{0,120}?\sdescribe(?:\s|$)/;
/** `kubectl describe pod`'s node field: "Node:         web-2/10.0.1.12", or "<none>" for a pod no node runs. */
const NODE_FIELD = /^Node:\s+(<none>|[A-Za-z0-9][\w.-]*)(?:\/\S*)?\s*$/;

/** A local runtime's logs of a container (`docker logs`, `crictl logs`): the container's output. */
const CONTAINER_LOGS = /(?:^|\s)(?:docker|podman|nerdctl|crictl)\s+logs(?:\s|$)/;
/**
 * The container a one-shot `docker exec` runs its command in (`docker exec -it kind-worker2 crictl logs …`): its name,
 * after the runner's options.
 */
const EXEC_CONTAINER =
  /^(?:sudo\s+(?:-\S+\s+)*)?(?:docker|podman|nerdctl)\s+(?:container\s+)?exec\s+(?:(?:-[euw]|--(?:env|env-file|user|workdir|detach-keys))\s+\S+\s+|--?[\w-]+(?:=\S+)?\s+)*([\w.-]+)\s+\S/;
/** The node a `docker exec` runs in when the paste names its container as a machine (a kind or k3d node's row), else undefined. */
function execNode(raw: string, machines: MachineNames): string | undefined {
  const name = EXEC_CONTAINER.exec(afterPrompt(raw).trim())?.[1];
  return name && machines.has(name) ? machineOf(name) : undefined;
}
/** Whether a command line runs a command in a container or prints a container's logs (its output is the container's). */
const readsContainer = (raw: string): boolean => raw.length <= MAX_COMMAND_LINE && (CONTAINER_RUNNER.test(raw) || CONTAINER_LOGS.test(raw));

/**
 * A command reading the logs of the machine it runs on: its journal, its kernel's ring buffer, a unit's status, its files
 * under /var/log, a local runtime's container logs (which ran on its kernel), or a container it runs there (the daemon's
 * refusal is that machine's: review 44a F6, a laptop's own `docker run` was judged on a node's row). Its prompt's host
 * printed what follows (a daemon elsewhere, remote-daemon.ts, makes the command that machine's).
 */
const READS_HERE =
  /^(?:sudo\s+(?:-\S+\s+)*)?(?:journalctl|dmesg|systemctl\s+status|(?:docker|podman|nerdctl|crictl)\s+logs|(?:docker|podman|nerdctl)\s+(?:container\s+)?(?:run|create|start)\b|(?:tail|cat|less|more|grep|egrep|zcat|zgrep|head)\b[^|;&]*\s\/var\/log\/)/;
/** A log reader given a system log's name relative to /var/log (`cd /var/log`, then `tail -n 50 syslog`: review 51b F2). */
const READS_LOG_NAMED = /^(?:sudo\s+(?:-\S+\s+)*)?(?:tail|cat|less|more|grep|egrep|zcat|zgrep|zless|xzgrep|xzcat|head)\b[^|;&]*$/;
const readsHere = (raw: string): boolean => {
  if (raw.length > MAX_COMMAND_LINE) return false;
  const command = afterPrompt(raw).trim();
  if (READS_HERE.test(command)) return true;
  const reader = /^[^|;&]*/.exec(command)?.[0] ?? "";
  return READS_LOG_NAMED.test(reader) && LOG_NAME_IN_COMMAND.test(reader);
};
/**
 * A log read from another time or another machine's files: an earlier boot's journal (`journalctl -b -1`, `-xb -1`, a boot id), a
 * journal file or directory copied from elsewhere (`--file`, `-D`, `--root`), a rotated log (`/var/log/syslog.1`, `.gz`, or
 * logrotate's `dateext` names, the default on RHEL, Fedora, SUSE and Amazon Linux: `/var/log/messages-20240526`; log-files.ts).
 * Its lines ran on whatever kernel that boot had (review 48e F1, F2; review 50b F1).
 */
const READS_PAST = new RegExp(
  `${/\bjournalctl\b[^|;&]*\s(?:(?:-[a-zA-Z]*b|--boot)(?:\s+|=)?(?:-(?!0\b)\d+|[1-9]\d*|[0-9a-f]{32})\b|--file\b|-[a-zA-Z]*D\b|--directory\b|--root\b)/.source}|${ROTATED_IN_COMMAND.source}`,
);
export const readsPast = (raw: string): boolean => raw.length <= MAX_COMMAND_LINE && READS_PAST.test(afterPrompt(raw));

const ANSIBLE_KERNEL = /^"ansible_kernel":\s*"(\d+\.\d+\.\d+[^\s"]*)",?$/;
const ANSIBLE_KERNEL_VERSION = /^"ansible_kernel_version":\s*"(#\d[^"]*)",?$/;
/** Facts lines searched for the kernel's version beside its release: Ansible sorts a host's facts by name, so it is next. */
const ANSIBLE_REACH = 3;
/** `uname -rv` as Ansible's facts at line `i` give it ("ansible_kernel", then "ansible_kernel_version"), or null. */
function ansibleUname(lines: Lines, i: number): string | null {
  const release = ANSIBLE_KERNEL.exec(lines.at(i).trim())?.[1];
  if (!release) return null;
  for (let k = i + 1; k <= i + ANSIBLE_REACH && k < lines.length; k++) {
    const version = ANSIBLE_KERNEL_VERSION.exec(lines.at(k).trim())?.[1];
    if (version) return `${release} ${version}`;
  }
  return null;
}

/**
 * The kdump `crash` utility's banner (and its `sys` command) prints the dumped kernel's uname fields one a line,
 * "     RELEASE: 5.15.0-25-generic" then "     VERSION: #25-Ubuntu SMP Wed Mar 30 15:54:22 UTC 2022" (crash's
 * kernel.c, display_sys_stats): the kernel that crashed, or the live one for `DUMPFILE: /proc/kcore` (review 53a F5).
 */
// No `\d+…\S*$` here: a long run of digits before a space would be re-split at every position (review 54c F1).
const CRASH_RELEASE = /^RELEASE: +(\S+)$/;
const RELEASE_START = /^\d+\.\d+\.\d/;
const CRASH_VERSION = /^VERSION: +(#\d.*)$/;
/** `uname -rv` as crash's banner at line `i` gives it (RELEASE, then VERSION on the next line), or null. */
function crashBannerUname(lines: Lines, i: number): string | null {
  const found = CRASH_RELEASE.exec(lines.at(i).trim())?.[1];
  const release = found && RELEASE_START.test(found) ? found : undefined;
  const version = release && i + 1 < lines.length ? CRASH_VERSION.exec(lines.at(i + 1).trim())?.[1] : undefined;
  return release && version ? `${release} ${version}` : null;
}

/** A line of a listing of names (`ls`, `rpm -q`): words of a file's or a package's name, no colon or bracket. */
const LISTED_NAMES = /^[\w.+~@/-]+(?:[ \t]+[\w.+~@/-]+)*$/;

/** A line's text after its prompt, if it has one (a comment's "# Note:" is none). */
function afterPrompt(line: string): string {
  const prompt = COMMENT.test(line) ? null : PROMPT.exec(line);
  return prompt ? line.slice(prompt[0].length) : line;
}

/** A prompt that names no machine: `$ `, `# `, `% `. */
const BARE_PROMPT = /^\s*[$#%]\s+\S/;
/** A command that ends the shell it is typed in. */
const LEAVES_SHELL = /^(?:[$#%]|[~/]\S*\s[$#]|(?:ba|z|da)?sh-\d+(?:\.\d+)*[$#])\s+(?:exit|logout)\s*$/;
/**
 * What ssh prints as the remote shell ends, or when none was opened (review 42b F3: after a timed-out or refused `ssh
 * web-2`, the next bare prompt's failure was judged on web-2's versions, "not affected, certain", where it was web-1's):
 * its own connection errors, a changed host key, a refused login, a server that gives no shell (GitHub's greeting).
 */
const SSH_ENDED =
  /^(?:Connection to \S+ closed\.?|ssh: (?:connect to host|Could not resolve hostname)\b.*|(?:\S+@\S+: )?Permission denied \(.*|Host key verification failed\.|Connection (?:closed|reset) by .*|kex_exchange_identification: .*|.*\bdoes not provide shell access\.?)$/;
/** The shells interactive `ssh` commands opened, one inside another: the innermost is the one a bare prompt is. */
class SshSessions {
  private readonly open: string[] = [];
  get current(): string | null {
    return this.open.at(-1) ?? null;
  }
  opened(machine: string): void {
    this.open.push(machine);
  }
  /** `exit` or `logout` at the innermost shell's prompt. */
  left(): void {
    this.open.pop();
  }
  /** A named prompt: the paste says which machine from here on. */
  clear(): void {
    this.open.length = 0;
  }
  /** ssh's own line on an ended or failed connection ("Connection to web-2 closed."): that one and those inside it. */
  ended(line: string): void {
    const host = /^Connection to (\S+?)\.? closed/.exec(line)?.[1];
    const at = host === undefined ? this.open.length - 1 : this.open.findLastIndex((m) => sameMachine(m, host));
    // The host's shell was already left (`exit`, then ssh's "Connection to web-2 closed."): nothing more ends.
    if (at >= 0) this.open.length = at;
  }
}

/** ssh's options for no remote shell: no command (-N), into the background (-f), no terminal (-T), a forward or query only. */
const NO_SHELL_OPTION = /^-[46AaCgKkMqsVvXxYy]*[NfTWOGQ]/;
/** A command after the target that opens a shell there: `sudo -i`, `sudo su -`, `sudo -s`, a shell itself. */
const OPENS_REMOTE_SHELL = /^['"]?(?:sudo\s+(?:-i|-s|su(?:\s+-)?)|su(?:\s+-)?|(?:ba|z|fi)?sh|exec\s+(?:ba|z)?sh)['"]?$/;
/** Whether a command line's `ssh` (or `mosh`) logs into a shell: nothing to run after its target, or a shell opened there. */
function interactiveSsh(raw: string): boolean {
  const after = afterPrompt(raw);
  const mosh = MOSH_TARGET.exec(after);
  if (mosh) {
    const rest = after
      .slice(mosh.index + mosh[0].length)
      .replace(/^\s*--\s*/, "")
      .trim();
    return rest === "" || OPENS_REMOTE_SHELL.test(rest);
  }
  const m = SSH_TARGET.exec(after);
  if (m === null) return false;
  const options = after.slice(0, m.index + m[0].length).split(/\s+/);
  if (options.some((o) => NO_SHELL_OPTION.test(o))) return false;
  const rest = after.slice(m.index + m[0].length).trim();
  return rest === "" || OPENS_REMOTE_SHELL.test(rest);
}

/**
 * The machine a command line runs its command on through `ssh` or `mosh`, read after any prompt's own text (oh-my-zsh's
 * "➜  ~ ssh …"), or through a fan-out tool that labels nothing on its one target (`pdsh -N -w worker-2 …`).
 */
function sshTarget(raw: string): string | undefined {
  const after = afterPrompt(raw);
  const m = SSH_TARGET.exec(after) ?? SSH_TARGET.exec(raw);
  if (m) return lastHop(m, m.input);
  return MOSH_TARGET.exec(after)?.[1] ?? soleUnlabelledTarget(raw);
}

/** The remote command's own `ssh` as its first word, after the first hop's late options and a quote. */
const NEXT_HOP = /^\s*(?:-[46AaCfGgKkMNnqsTtVvXxYy]+\s+)*['"]?(?=(?:sudo\s+(?:-\S+\s+)*)?ssh\s)/;
/**
 * The machine a chain of `ssh` runs its command on: `ssh -t bastion ssh worker-2 …` and `ssh bastion 'ssh worker-2 …'` run
 * it on worker-2, the last hop (review 53g F1: worker-2's log was judged on the bastion's kernel, "not affected", certain).
 */
function lastHop(first: RegExpExecArray, line: string): string | undefined {
  let m: RegExpExecArray | null = first;
  let target = first[1];
  for (let hop = 0; m && hop < MAX_HOPS; hop++) {
    const rest = line.slice(m.index + m[0].length);
    const next = NEXT_HOP.exec(rest);
    if (!next) break;
    const remote = rest.slice(next[0].length);
    m = SSH_TARGET.exec(remote);
    if (m?.index !== 0) break;
    target = m[1];
    line = remote;
  }
  return target;
}
const MAX_HOPS = 3;

/**
 * The machines a shell loop's variable (`$n`, xargs' `{}`) goes through ("for n in node2 node3; do ssh $n …"), joined
 * with ","; unlisted (`while read h`, a loop over several lines, xargs: review 47d F1), the variable itself, which names
 * another machine than any the paste names, and may be any of them (logged-versions.ts mayBeOn).
 */
function loopHosts(raw: string, variable: string): string {
  const list = loopList(raw, variable.replace(/^\$\{?|\}$/g, ""));
  const hosts = list === undefined ? null : listedHosts(list);
  return hosts ? hosts.map(machineOf).join(",") : variable;
}

/** A shell loop whose body the next lines type (no `do` on its own line), as a prompt's command. */
const LOOP_OPEN = /\b(?:for\s+\w+\s+in\s+[^;\n]*|while\s+[^;\n]*)$/;
/** The shell's continuation prompt (PS2) before a line of the loop's body. */
const CONTINUATION = /^\s*>\s?/;
/** The command at line `i` (0-based) with the continuation lines after it, joined as the shell reads them (review 47d F1's a06). */
function withContinuations(lines: { readonly length: number; at(i: number): string }, i: number): string {
  const parts = [lines.at(i)];
  for (let j = i + 1; j < lines.length && j <= i + MAX_CONTINUATIONS && CONTINUATION.test(lines.at(j)); j++)
    parts.push(lines.at(j).replace(CONTINUATION, ""));
  return parts.join("; ");
}
const MAX_CONTINUATIONS = 20;

/**
 * The machine a container scope's commands run on: the node a `kubectl debug node/NAME` pod runs on (review 53e F5: its
 * `uname -r` is that node's kernel, its /host that node's files), else the host the prompt that opened it names, or null.
 */
const scopeMachine = (scope: ContainerScope): string | null =>
  scope.kind === "none" ? null : (scope.node ?? (scope.prompt ? promptHost(`${scope.prompt} `) : null));

/** The host a `uname -a` line names ("Linux web-2 5.15.0-88-generic #98-Ubuntu …"). */
const UNAME_HOST = /^Linux\s+([\w.-]+)\s+\d/;
const namedPrompt = (prompt: string | undefined): string | null => (prompt && /[@:\\\]]/.test(prompt) ? prompt : null);

/**
 * Whether what is read now is a container's: not the host's files through `chroot /host` from it, nor one of the host's
 * files under `/host/etc/` that a command in the shell prints (`cat /host/etc/os-release`, until the next prompt).
 */
const inContainerNow = (scope: ContainerScope): boolean => scope.kind !== "none" && scope.onHost === undefined && !scope.hostFile;
/** A command in a container's shell that prints one of the host's files (the host's root mounted at /host). */
const HOST_FILE_READ = /\b(?:cat|head|tail|grep|less|more)\b[^|;&]{0,80}?\s\/host\/etc\/\S*release\b/;
/** Every release file a command line names (`/etc/os-release`, `/host/etc/os-release`, `/usr/lib/os-release`). */
const RELEASE_PATH = /(?:^|[\s'"=])(\/\S*release)\b/g;
/** Whether the line prints the host's release file and no other (a line printing the image's too mixes the two). */
const readsHostFileOnly = (t: string): boolean =>
  HOST_FILE_READ.test(t) && [...t.matchAll(RELEASE_PATH)].every((m) => (m[1] as string).startsWith("/host/"));
/**
 * A prompt a container's shell prints without a user or host: a path alone, as BusyBox's sh and Alpine's ash do
 * ("/ # ", "~ $ "), or the shell's name and version, as bash and sh do in RHEL-based images and `oc debug` ("sh-4.4# ").
 */
const PATH_PROMPT = /^\s*(?:[~/]\S*\s|(?:ba|z|da)?sh-\d+(?:\.\d+)*)[$#]\s+(?=\S)/;
/**
 * Stdin piped into the runner (`echo … | docker exec -i web sh`, `… | sudo podman exec -i c sh`): no shell for a person.
 * One pipe: `docker start web || docker exec -it web sh` opens one.
 */
const PIPED_INTO = /(?<!\|)\|\s*(?:(?:sudo|doas)(?:\s+-\S+)*\s+)?$/;
/**
 * Stdin read from a file by the shell the runner starts, the command's last word (`docker exec -i web sh < probe.sh`),
 * not a heredoc, nor a placeholder (`docker exec -it <container> bash`) or a comparison in a sentence.
 */
const STDIN_FILE = /(?:^|\s)(?:ba|a|z|da|k|fi)?sh(?:\s+-{1,2}[\w-]+)*\s+<\s*[^<>\s]+\s*$/;

/** The scope a line opens: a container command's output, or a shell in it; null for none. */
function containerScopeOf(line: string): ContainerScope | null {
  if (CONTAINER_PROMPT.test(line)) return EXIT.test(line) ? OUTSIDE : { kind: "shell", prompt: null, bare: false, nested: 0 };
  if (CI_IN_IMAGE.test(line)) return { kind: "shell", prompt: null, bare: false, nested: 0 };
  if (BUILD_STEP.test(line)) return { kind: "output", prompt: null, bare: true, nested: 0, step: true };
  const word = line.length > MAX_COMMAND_LINE ? -1 : line.search(RUNNER_WORD);
  if (word < 0) return null;
  // The runner near its first word only: a line of many runner words ("oc oc oc …") costs no pass per word.
  const from = Math.max(0, word - 1);
  const runner = CONTAINER_RUNNER.exec(line.slice(from, word + RUNNER_WINDOW));
  if (!runner) return null;
  // A node's debugging pod viewing the node's own root (`kubectl debug node/NAME … -- chroot /host …`) prints that node's
  // output; another runner's view of its host's root, its host's.
  const viewed = HOST_VIEW.test(line);
  if (viewed && !DEBUGGED_NODE.test(line.slice(from, word + RUNNER_WINDOW))) return null;
  // A build prints no os-release: one a release query after it on the line prints is the host's (`docker build . && cat …`).
  if (IMAGE_BUILD.test(runner[0]) && RELEASE_QUERY.test(line)) return null;
  const prompt = COMMENT.test(line) ? null : PROMPT.exec(line);
  const at = from + runner.index;
  const rest = line.slice(at, at + RUNNER_WINDOW);
  const interactive = KUBE_INTERACTIVE.test(rest) && !/\s--\s+\S/.test(rest);
  const own = namedPrompt(prompt?.[0].trim());
  const before = line.slice(0, at).trim();
  // A shell fed by a pipe or a file runs what it is given and leaves: its output ends like a one-shot command's.
  const fed = PIPED_INTO.test(before) || STDIN_FILE.test(rest);
  const debugged = DEBUGGED_NODE.exec(rest)?.[1];
  // `kubectl debug node/NAME -it … -- chroot /host`: a shell in the node's own root at once; with a command after it, that
  // command's output is the node's (53e F5).
  if (debugged && viewed) {
    const shell = HOST_SHELL.test(rest) && !fed;
    return { kind: shell ? "shell" : "output", prompt: own, bare: prompt === null, nested: 0, onHost: 0, node: machineOf(debugged) };
  }
  if ((OPENS_SHELL.test(rest) || interactive) && !RELEASE_QUERY.test(rest) && !fed) {
    const node = debugged;
    return { kind: "shell", prompt: own, bare: prompt === null, nested: 0, ...(node ? { node: machineOf(node) } : {}) };
  }
  const command = prompt !== null || fed || RUNNER_PREFIX.test(before) || RELEASE_QUERY.test(rest);
  if (!command) return null;
  return {
    kind: "output",
    prompt: own,
    bare: prompt === null,
    nested: 0,
    ...(HOST_NAMED.test(rest) ? { hostNamed: true as const } : {}),
    ...(PIPED_OUT.test(rest.replace(QUOTED, "")) ? { pipedOut: true as const } : {}),
  };
}
/** A debugging pod's command that is a shell in the node's root (`-- chroot /host`, perhaps naming the shell). */
const HOST_SHELL = /\s-it?\b[^|;&]*\s--\s+chroot\s+\/host(?:\s+\/?(?:usr\/)?(?:bin\/)?(?:ba)?sh)?\s*$/;
/** The node `kubectl debug node/NAME` (or `oc debug node/NAME`) opens its shell on, in the host's namespaces. */
const DEBUGGED_NODE = /\b(?:kubectl|kubecolor|k|oc)\b[^|;&]{0,120}?\sdebug\s+(?:[^|;&\s]+\s+){0,6}?node\/([A-Za-z0-9][\w.-]{0,252})/;

/**
 * The run's output piped into a command of the host (`docker run … ls -alh / | grep tmp`): no shell of the container can
 * be left open at a terminal after it (review 47a F3: the next named prompt, the host's own, was taken for one). A pipe
 * inside a quoted command (`sh -c "a | b"`) is the container's; `||` is no pipe.
 */
const PIPED_OUT = /(?<!\|)\|(?!\|)/;
const QUOTED = /"[^"\n]*"|'[^'\n]*'/g;

/**
 * The scope after a line read inside one. A one-shot command's output ends at the host's next command (its own prompt
 * again, a bare prompt after a bare one, a trace or CI step printing a release), a failed exec, or the next part of a
 * Markdown telling; another named prompt is the container's own: a shell. A shell ends at its own `exit` (a nested
 * shell's only closes that one), a failed exec, the prompt it was opened from, `chroot /host`; one opened from a line with
 * no prompt also at a heading or a `$ ` prompt (the telling moved on).
 */
function containerScopeAfter(line: string, scope: ContainerScope, machines: MachineNames): ContainerScope {
  if (scope.kind === "none" || line.length > MAX_COMMAND_LINE) return scope;
  const t = line.trim();
  if (EXEC_FAILED.test(t)) return OUTSIDE;
  const prompt = COMMENT.test(line) ? null : PROMPT.exec(line);
  const own = prompt?.[0].trim();
  const back = scope.prompt !== null ? line.trimStart().startsWith(scope.prompt) : false;
  if (scope.kind === "output") {
    if (back || NEW_PART.test(t) || TRACED_RELEASE_QUERY.test(t) || (scope.step && STEP_END.test(t))) return OUTSIDE;
    if (!prompt) return scope;
    if (scope.step) return OUTSIDE;
    // Another named prompt than the one the command was typed at is the container's: the command opened a shell. Not one
    // naming a machine the paste names elsewhere (a table's row, a uname's host, a prompt outside): that machine's (review
    // 41a F2: web-2's `docker version` after web-3's failed `docker run` was judged web-3's).
    // Not the run's own machine either: `docker run -it --network host ubuntu` opens a shell named as the host (review 41b F2).
    const host = promptHost(line);
    const opener = scopeMachine(scope);
    const elsewhere = host !== null && machines.has(host) && !scope.hostNamed && !(opener !== null && sameMachine(host, opener));
    return namedPrompt(own) && own !== scope.prompt && !elsewhere && !scope.pipedOut ? { ...scope, kind: "shell" } : OUTSIDE;
  }
  if (back || (scope.bare && (NEW_PART.test(t) || own === "$"))) return OUTSIDE;
  // The host's file a command printed ends at the next prompt (BusyBox's "/ # " too); a prompted command reading one starts it.
  if ((prompt || PATH_PROMPT.test(line)) && (scope.hostFile || HOST_FILE_READ.test(t))) {
    const { hostFile: _printed, ...inShell } = scope;
    if (readsHostFileOnly(t)) return { ...inShell, hostFile: true };
    scope = inShell;
  }
  // `chroot /host` from a debugging shell: the host's own files until its `exit`, then the container's again.
  if (ENTERS_HOST.test(t)) return { ...scope, nested: scope.nested + 1, onHost: scope.nested + 1 };
  if (EXIT.test(t)) {
    if (!scope.nested) return OUTSIDE;
    if (scope.onHost !== scope.nested) return { ...scope, nested: scope.nested - 1 };
    const { onHost: _left, ...inside } = scope;
    return { ...inside, nested: scope.nested - 1 };
  }
  return NESTED_SHELL.test(t) ? { ...scope, nested: scope.nested + 1 } : scope;
}

function unameCommand(flags: string): Command {
  const f = flags.replace(/\s+/g, "");
  if (/^-r$|^--kernel-release$/.test(f)) return "uname-r";
  if (/^-v$|^--kernel-version$/.test(f)) return "uname-v";
  return "uname";
}

/**
 * A bare "# " before a capitalised word is a comment, not root's prompt: iptables-save prints "# Warning:
 * iptables-legacy tables present…" and "# Generated by …", and Markdown titles start so. Commands are
 * lower-case; an all-capitals keyword (Prometheus' "# HELP", "# TYPE") is metadata, not text either.
 */
const COMMENT = /^\s*#\s+[A-Z][a-z]/;

/**
 * The program words every COMMANDS pattern starts with: a log's unframed lines (klog block bodies,
 * wrapped messages) are read once by this instead of by each pattern.
 */
const COMMAND_START = new RegExp(
  String.raw`^(?:sudo\s+)?(?:\S*\/)?(?:uname|cat|lsb_release|kubectl|oc|k|ip6?tables|kube-(?:proxy|apiserver|controller-manager|scheduler)|hyperkube|docker|crictl|nerdctl|podman|modinfo|grep|egrep|head|tail|awk|sed|${INSTALLED_TOOLS})\b`,
);

/** The command a line shows, or null when the line is not a command. */
export function commandOf(line: string): Command | null {
  const prompt = COMMENT.test(line) ? null : PROMPT.exec(line);
  // A deploy script's `set -x` trace of a container CLI or its daemon's setting is a command too (review 41b F4: `+ export
  // DOCKER_HOST=ssh://…` then `+ docker compose up -d` in a CI log was the runner's own daemon).
  const traced = prompt ? null : TRACED_DAEMON_COMMAND.exec(line);
  const rest = (prompt ? line.slice(prompt[0].length) : traced ? line.slice(traced[0].length) : line).trim();
  const typed = prompt !== null || traced !== null;
  if (!COMMAND_START.test(rest)) return typed ? "other" : null;
  for (const [pattern, kind] of COMMANDS) {
    // A listing's command only after a prompt (a line of prose or a log may start with "find" or "apt" too), or alone on
    // its line listing the kernels' own folders, as a code block quotes it without one (review 54b F2).
    if (kind === "installed" && !typed && !KERNELS_LISTED.test(rest)) continue;
    const m = pattern.exec(rest);
    if (m) return typeof kind === "function" ? kind(m) : kind;
  }
  return typed ? "other" : null;
}
/** `ls` of the folders that hold one entry per installed kernel, and nothing else on the line. */
const KERNELS_LISTED = /^(?:sudo\s+)?ls(?:\s+-[\w-]+)*\s+\/(?:(?:usr\/)?lib\/modules|usr\/src\/kernels|boot)\/?$/;

/** xtrace's `+ ` (`++ ` nested) before a container CLI or a setting of its daemon. */
const TRACED_DAEMON_COMMAND =
  /^\s*\+{1,3} (?=(?:sudo\s+)?(?:(?:export|declare\s+-\w+|unset)\s+(?:\S+\s+)*?(?:DOCKER|CONTAINER)_|(?:DOCKER|CONTAINER)_\w+=|eval\s|(?:docker|podman)(?:-compose)?\s))/;

/** What bundle reading needs of the lines: an array, or a text's lines read on demand. */
interface Lines extends OutputLines {
  slice(from: number, to?: number): string[];
  includes(literal: string): boolean;
}

function arrayLines(lines: readonly string[]): Lines {
  return {
    length: lines.length,
    at: (i) => lines[i] ?? "",
    framed: (i) => isLogFramed(lines[i] ?? ""),
    slice: (from, to) => lines.slice(from, to),
    includes: (literal) => lines.some((l) => l.includes(literal)),
  };
}

/** The few lines a command printed, up to the next prompt. */
function printedAfter(lines: Lines, command: number): string[] {
  const out: string[] = [];
  for (let k = command + 1; k < Math.min(lines.length, command + 6); k++) {
    const text = lines.at(k);
    if (PROMPT.test(text)) break;
    out.push(text);
  }
  return out;
}

/** Lines [start, end) that form an os-release block: KEY=value lines, allowing single blank lines inside. */
function osReleaseEnd(lines: Lines, start: number): number {
  let end = start;
  let i = start;
  while (i < lines.length) {
    const t = lines.at(i).trim();
    if (OS_RELEASE_LINE.test(t)) {
      end = i + 1;
    } else if (t !== "" || !OS_RELEASE_LINE.test(lines.at(i + 1).trim())) {
      break;
    }
    i++;
  }
  return end;
}

/**
 * What a command reading the os-release file picked out of it (`grep VERSION_ID /etc/os-release`, `cat /etc/os-release |
 * grep -E 'PRETTY|VERSION'`): a key that names the release, which os-release's own reader places (facts/index.ts).
 */
const isOsReleasePart = (text: string): boolean => namesRelease(parseOsReleaseValues(text));

/** os-release always has ID= (or at least NAME=) and one more identifying key; env dumps do not. */
function isOsReleaseBlock(text: string): boolean {
  const v = parseOsReleaseValues(text);
  if (v.has("ID")) return true;
  return v.has("NAME") && ["VERSION_ID", "PRETTY_NAME", "ID_LIKE", "VERSION"].some((k) => v.has(k));
}

/** Text, a literal `\n`, then more text. */
const ESCAPED_LINES = /\S\s*\\n\s*\S/;
/** `uname -a` up to its "GNU/Linux" (or Android's "Android"), and more words after it on the same line. */
const GLUED_UNAME = /^(Linux \S+ (?:\S+ )?\d+\.\d+\.\d+\S* #\d[^\n]{0,300}? (?:GNU\/Linux|Android))\s+\S/;

function oneLineSection(t: string, hint: Command | null, first: boolean, indented: boolean): BundleSection["kind"] | null {
  if (parseUnameAll(t) || parseUnameShort(t)) return "uname";
  if (parseProcVersion(t)) return "proc-version";
  if (parseVersionSignature(t)) return "version-signature";
  if (looksLikeBuild(t)) return "uname";
  if (looksLikeRelease(t) && hint !== "module-version" && hint !== "installed") {
    // A bare x.y.z could be any program's version; with a distro suffix, after `uname -r`, or as the
    // very first line of a bundle (`{ uname -r; journalctl ...; } | curl`), it is a kernel.
    if (hint === "uname-r" || hint === "uname" || first || !/^\d+\.\d+\.\d+$/.test(t)) return "uname";
  }
  if (isIptablesVersionOutput(t)) return "iptables-version";
  if (parseKubeletVersion(t)) return hint === "kube-binary" ? null : "kubelet-version";
  const runtime = parseRuntimeVersion(t);
  // runc's libseccomp line counts only inside `runc --version`'s block (runcLibseccomp): slirp4netns, bypass4netns and
  // sysbox-runc print the same words about another binary's library.
  // `podman info` quotes crun's version line indented in its runtime block, which podman-info.ts reads with the package's build.
  if (runtime?.startsWith("crun://") && indented) return null;
  if (runtime && !runtime.startsWith("libseccomp://")) return "runtime-version";
  return null;
}

/**
 * `runc --version`'s first line, any build ("runc version 1.1.12", Ubuntu's "1.1.12-0ubuntu3", Debian's
 * "1.0.0~rc93+ds1"), and its later lines: "commit: …", "spec: …", "go: …", then "libseccomp: 2.5.4".
 */
const RUNC_BLOCK_START = /^runc version \S+$/;
const RUNC_BLOCK_LINE = /^(?:commit|spec|go): \S/;

/** Where the libseccomp line of the `runc --version` block whose first line is at `i` sits, or -1 (blank lines allowed). */
function runcLibseccomp(lines: Lines, i: number): number {
  for (let k = i + 1; k < Math.min(lines.length, i + 7); k++) {
    const t = lines.at(k).trim();
    if (parseRuntimeVersion(t)?.startsWith("libseccomp://")) return k;
    if (t !== "" && !RUNC_BLOCK_LINE.test(t)) return -1;
  }
  return -1;
}

export function findSections(lines: readonly string[]): BundleSection[] {
  return readBundle(lines).sections;
}

/**
 * One pass over the bundle: its sections, the lines that are neither sections nor logs (commands), and what a
 * container printed (its os-release apart) and which commands print the host's identity (see ExtractedFacts).
 * Given a TextLines, only the lines without a log framing are ever built as strings.
 */
export function readBundle(input: readonly string[] | TextLines): {
  sections: BundleSection[];
  notLogs: Set<number>;
  containerOs: Set<number>;
  containerOutput: Set<number>;
  gathering: Set<number>;
  /**
   * Each command line (1-based, in order) with the machine its output comes from (printerOf: an `ssh` target, else the
   * host its prompt names, "root@node2:~# …", "[admin@web-1 ~]$ …", as its name in lower case or an address, whole;
   * compare them with sameMachine), "" for a container's or fetched logs, or null.
   */
  commandHosts: Array<[number, string | null]>;
  /**
   * The command lines whose output is a container's (a local runtime's `logs`, `exec` or `run`, a command typed in a
   * container's shell): a host name in it (a kind node's journal) is the container's, no machine's.
   */
  containerCommands: Set<number>;
  /**
   * The lines of a node's debugging pod (`kubectl debug node/NAME -it`, no `chroot /host`), with the node: a container's
   * output all the same (its os-release is the image's), but its uname prints that node's kernel (review 53e F5).
   */
  nodeShellLines: Map<number, string>;
  /** The output of a command listing what is installed (`ls /lib/modules`, `rpm -q … kernel`): no running kernel's name. */
  installedOutput: Set<number>;
  /**
   * The command lines run on another machine through `ssh`, and fan-out tools' headers over one host's output (printerOf's
   * host is its target, not a prompt's).
   */
  sshCommands: Set<number>;
  /** Where a dshbak or `clush -b` block starts (1-based): its lines, to the next label, every host of its header printed. */
  gatheredBlocks: Set<number>;
  /** The command lines reading the logs of the machine their prompt names (journalctl, dmesg, `crictl logs`: READS_HERE). */
  localReads: Set<number>;
  /** The command lines reading logs of another boot or from copied files (READS_PAST), wherever they run. */
  pastReads: Set<number>;
  /** The lines heading one file's part of `tail` or `head` over several files ("==> node-b.dmesg <=="), in order. */
  fileHeads: number[];
  /** The lines of journalctl's boot separators (boot-marks.ts), in order, and the command lines of reversed journals. */
  bootMarks: number[];
  reversedReads: Set<number>;
  /** The command lines that reboot their machine (`reboot`, `systemctl reboot`: boot-marks.ts), in order. */
  rebootCommands: number[];
  /** The command lines reading the running boot's log only (`journalctl -b`, `dmesg`: boot-marks.ts). */
  currentReads: Set<number>;
  /** The command lines typed at a bare prompt (`$ docker run …`) of no shell `ssh` opened: the paste's own machine's. */
  bareCommands: Set<number>;
  /**
   * In a pod's description (`kubectl describe pod`), each `Node:` field's line (1-based, in order) with the node it names
   * ("" for `<none>`, a pod not scheduled) and its command's line: the node the lines after it, the pod's events, are from.
   */
  describedNodes: Array<[line: number, node: string, command: number]>;
  /** The pod each `kubectl describe pod <name>` command describes, by its line. */
  describedPods: Map<number, string>;
  /** The namespace an earlier `kubens` or `set-context` made the context's, by the line of each command after it (none: ""). */
  contextNamespaces: Map<number, string>;
  /**
   * The words that may name its pod of each `kubectl logs` command, and the pod each `kubectl exec` runs in, by its line
   * (pod-logs.ts): what they print is that pod's node's.
   */
  commandPods: Map<number, string[]>;
  /** Each Scheduled event's line with the pod it assigns and the node, as scheduledPod reads it. */
  scheduledPods: Array<[line: number, pod: string, node: string]>;
  /** The lines of headings naming the machine the lines after them come from (host-headings.ts): labels, not commands. */
  headingLines: ReadonlySet<number>;
  /** The nodes the paste's listings give, in order: tables' rows, described and JSON or YAML node objects (node-objects.ts). */
  nodeRows: NodeRow[];
  /** The pods a listing places on their nodes ("<namespace>/<name>", node): `cluster-info dump`'s PodList. */
  listedPods: Array<[pod: string, node: string]>;
} {
  const lines: Lines = input instanceof TextLines ? input : arrayLines(input);
  const sections: BundleSection[] = [];
  const commandLines: number[] = [];
  // The lines of an os-release printed inside a container (1-based): no section, and no evidence of the host's OS.
  const containerOs = new Set<number>();
  const nodeShellLines = new Map<number, string>();
  const installedOutput = new Set<number>();
  let listing = false;
  const setApart = (start: number, end: number) => {
    for (let n = start + 1; n <= end; n++) containerOs.add(n);
  };
  const gathering = new Set<number>();
  // Every line a container printed (1-based), its os-release included: it names the image's release, not the host's.
  const containerOutput = new Set<number>();
  const commandHosts: Array<[number, string | null]> = [];
  const containerCommands = new Set<number>();
  const sshCommands = new Set<number>();
  const gatheredBlocks = new Set<number>();
  const localReads = new Set<number>();
  const pastReads = new Set<number>();
  const bootMarks: number[] = [];
  const fileHeads: number[] = [];
  // Lines a section's reading starts but a literal `\n` continues: still log lines.
  const escapedLines = new Set<number>();
  const reversedReads = new Set<number>();
  const rebootCommands: number[] = [];
  const currentReads = new Set<number>();
  const bareCommands = new Set<number>();
  const describedNodes: Array<[number, string, number]> = [];
  const describedPods = new Map<number, string>();
  // The namespace the paste's kubectl context is in (namespaceChosen), "" until a command chooses one; by command line.
  let contextNamespace = "";
  const contextNamespaces = new Map<number, string>();
  const commandPods = new Map<number, string[]>();
  const scheduledPods: Array<[number, string, string]> = [];
  // Whether the paste's headings name two machines (decided at its first such heading), and the lines of those headings.
  let comparing: boolean | undefined;
  // The level of the heading whose machine the lines read now are (0: none), and the machines headed so far.
  let machineLevel = 0;
  const headedMachines = new HeadedMachines();
  // Whether the paste's `==> file <==` parts name machines: some part shows the machine it is named after (host-headings.ts).
  let fileMachines: FileMachines | null | undefined;
  const headingLines = new Set<number>();
  // The `kubectl describe` command whose output is read now, if any (its line): a pod's `Node:` field in it names its node.
  let describing = 0;
  // The machines the paste has named so far: its nodes table's rows, its uname lines' hosts, its prompts outside a container.
  const machines = new MachineNames();
  // Whether the lines read now are a container's: a command's next output, or a shell opened there.
  let scope: ContainerScope = OUTSIDE;
  // The machines interactive `ssh` commands logged into, the innermost last: a bare prompt (`$ `, `# `) after one is that
  // machine's shell, until a prompt names a machine, the shell exits (back to the one it was opened from: review 44a, a
  // nested `ssh web-2` from web-1) or ssh says the connection closed (review 40a F5: web-2's failed run at `$` was judged
  // on web-1's Docker).
  const sessions = new SshSessions();
  const push = (kind: BundleSection["kind"], start: number, end: number) =>
    sections.push({ kind, lines: [start + 1, end], text: lines.slice(start, end).join("\n") });
  let hint: Command | null = null;
  // The command line `hint` was read from (0-based).
  let hintLine = 0;
  // How the command being read shows the cluster's workloads' images (image-tags.ts), until a blank line or the next command.
  let workloads: "lines" | "fields" | null = null;
  let firstContent = 0;
  while (firstContent < lines.length && lines.at(firstContent).trim() === "") firstContent++;
  if (firstContent === lines.length) firstContent = -1;
  let i = 0;
  let noOsReleaseUntil = 0;
  // Whether the paste may hold a version command's output behind a log's framing: most logs hold none, and their framed
  // lines are never built as strings.
  const loggedTools = lines.includes("sysbox-");
  const fanOut = new FanOutReader(lines, { commandLines, commandHosts, sshCommands, gatheredBlocks });
  const nodeListings = new NodeListingReader(lines);
  const nodeRows: NodeRow[] = [];
  const listedPods: Array<[string, string]> = [];
  // What a host printed on its label's line, read as a line of its own: its uname, its iptables -V.
  const output = (i: number, printed: string | null | undefined) => {
    const kind = printed ? oneLineSection(printed, null, false, false) : null;
    if (kind && printed) sections.push({ kind, lines: [i + 1, i + 1], text: printed });
  };
  while (i < lines.length) {
    const taken = fanOut.first(i);
    if (taken) {
      output(i, taken.output);
      i = taken.next;
      continue;
    }
    if (lines.framed(i)) {
      // A version command's output a log holds (sysbox.service's journal: tool-versions.ts), read as it is read bare.
      const logged = loggedTools ? readLoggedToolVersions(lines, i) : null;
      hint = null;
      if (!logged) {
        i++;
        continue;
      }
      for (const [ecosystem, version] of logged.readings)
        sections.push({ kind: "tool-version", lines: [logged.from + 1, logged.to + 1], text: `${ecosystem}://${version}` });
      i = logged.to + 1;
      continue;
    }
    const raw = lines.at(i);
    const t = raw.trim();
    if (t === "") {
      workloads = null;
      i++;
      continue;
    }
    if (t.charCodeAt(0) === 45 && BOOT_MARK.test(t)) bootMarks.push(i + 1);
    else if (t.charCodeAt(0) === 61 && isFileHead(t)) fileHeads.push(i + 1);
    if (sessions.current !== null && SSH_ENDED.test(t)) {
      sessions.ended(t);
      commandHosts.push([i + 1, sessions.current]);
    }
    const labelled = fanOut.labels(i, t);
    if (labelled) {
      // Its hosts' output from here on, no container's.
      output(i, labelled.output);
      scope = OUTSIDE;
      hint = null;
      i = labelled.next;
      continue;
    }
    // The API server's node objects, in whichever form kubectl printed them (node-objects.ts: a table, `describe nodes`,
    // `-o json|yaml`, `cluster-info dump`'s NodeList and PodList; review 70b F7).
    const nodeListing = nodeListings.at(i, t);
    if (nodeListing) {
      fanOut.end();
      // Rows may have blank lines between them: the table ends at its last row. Of the objects, only the lines their facts
      // were read from are no log lines (a node's conditions and events may show a symptom).
      for (const [from, to] of nodeListing.spans) push("nodes", from, to + 1);
      nodeRows.push(...nodeListing.rows);
      listedPods.push(...nodeListing.pods);
      for (const row of nodeListing.rows) {
        machines.add(machineOf(row.name));
        // By its address too: a heading naming another address is another machine (review 54b F3).
        if (row.internalIp) machines.add(machineOf(row.internalIp));
      }
      // `kubectl get nodes`' output is the table: what follows it, until another command, is no longer shown to be the
      // prompt's machine's (review 36e: a node's log pasted after the table, below a sentence naming it).
      commandHosts.push([nodeListing.last + 2, null]);
      i = nodeListing.last + 1;
      hint = null;
      continue;
    }
    if (LSB_NO_MODULES.test(t) || (LSB_LINE.test(t) && t.startsWith("Distributor ID:"))) {
      // `lsb_release -a`: an optional "No LSB modules" line, then "Key:\tvalue" lines.
      let end = i + 1;
      while (end < lines.length && LSB_LINE.test(lines.at(end).trim())) end++;
      if (lines.slice(i, end).some((l) => l.trim().startsWith("Distributor ID:"))) {
        if (inContainerNow(scope)) setApart(i, end);
        else push("os-release", i, end);
        i = end;
        hint = null;
        if (scope.kind === "output") scope = OUTSIDE;
        continue;
      }
    }
    if (OS_RELEASE_LINE.test(t) && i >= noOsReleaseUntil) {
      const end = osReleaseEnd(lines, i);
      const block = lines.slice(i, end).join("\n");
      if (isOsReleaseBlock(block) || (hint === "os-release" && isOsReleasePart(block))) {
        // A container's os-release (after `docker run … cat /etc/os-release`) is no section: it says nothing of the host.
        if (inContainerNow(scope)) setApart(i, end);
        else push("os-release", i, end);
        i = end;
        hint = null;
        if (scope.kind === "output") scope = OUTSIDE;
        continue;
      }
      // A block without ID (or NAME) has no tail that holds one: its later lines need not be tried, or
      // a long run of KEY=value lines (an environment dump) costs a pass over the rest for each line.
      noOsReleaseUntil = end;
    }
    if (t.includes(" release ") && SYSTEM_RELEASE_LINE.test(t) && (hint === null || hint === "os-release") && !inContainerNow(scope)) {
      // `cat /etc/redhat-release` on the host: one line, as strong as the os-release it stands in for.
      // Not after another command (`docker run … cat /etc/redhat-release`) or in a build step's output.
      push("os-release", i, i + 1);
      i++;
      hint = null;
      continue;
    }
    // Ansible's facts of a host: its setup module's `uname -r` and `uname -v`, read as that host's `uname -rv` (review 51d F5).
    const ansible = t.startsWith('"ansible_kernel"') ? ansibleUname(lines, i) : null;
    if (ansible && !inContainerNow(scope)) sections.push({ kind: "uname", lines: [i + 1, i + 1], text: ansible });
    // Bottlerocket's API answer about its OS (`apiclient get os`): its os-release's fields, read as that file.
    const apiOs = t.includes('"pretty_name"') ? apiclientOsRelease(lines, i) : null;
    if (apiOs && !inContainerNow(scope)) sections.push({ kind: "os-release", lines: [i + 1, i + 1], text: apiOs });
    const crashed = t.startsWith("RELEASE: ") ? crashBannerUname(lines, i) : null;
    if (crashed && !inContainerNow(scope)) sections.push({ kind: "uname", lines: [i + 1, i + 2], text: crashed });
    const libseccomp = RUNC_BLOCK_START.test(t) ? runcLibseccomp(lines, i) : -1;
    if (libseccomp >= 0) push("runtime-version", libseccomp, libseccomp + 1);
    // A line that goes on past a literal `\n` is several lines escaped into one (`echo "$(uname -a)\n$(dmesg | tail)"`): a
    // log line, whose later parts a section would hide from the scan (review 50a F4).
    // Its first part is still read as what it is (a uname's kernel: review 50h F2), and the whole line stays a log line.
    // So is a `uname -a` with a log line glued after its "GNU/Linux" (a chat client that drops a paste's line breaks:
    // review 65e F1, where the kube-proxy line after it went unread and the answer said no known bug matched).
    const glued = GLUED_UNAME.exec(t)?.[1];
    const escaped = (t.includes("\\n") && ESCAPED_LINES.test(t)) || glued !== undefined;
    const own = glued ?? (escaped ? t.slice(0, t.indexOf("\\n")).trimEnd() : t);
    // A component's own version command's output (tool-versions.ts), some of it read only after its command ("v0.22.0").
    const read = escaped ? null : readToolVersions(lines, i, hint !== null ? lines.at(hintLine) : null);
    const tool = read?.readings.every(([ecosystem]) => readsOutput(ecosystem, inContainerNow(scope))) ? read : null;
    // Every line of a listing of what is installed is one (`ls -1 /lib/modules`: one release a line).
    const oneLine = tool
      ? null
      : oneLineSection(own, listing && LISTED_NAMES.test(t) ? "installed" : hint, i === firstContent, raw !== raw.trimStart());
    if (tool) {
      for (const [ecosystem, version] of tool.readings)
        sections.push({ kind: "tool-version", lines: [tool.from + 1, tool.to + 1], text: `${ecosystem}://${version}` });
    } else if (oneLine && escaped) {
      sections.push({ kind: oneLine, lines: [i + 1, i + 1], text: own });
      escapedLines.add(i + 1);
    } else if (oneLine) {
      push(oneLine, i, i + 1);
      const named = oneLine === "uname" && !inContainerNow(scope) ? UNAME_HOST.exec(t)?.[1] : undefined;
      if (named) machines.add(machineOf(named));
    } else if (hint === "uname-v" && t.startsWith("#")) {
      push("uname", i, i + 1);
    } else {
      const command = commandOf(raw);
      const wasInside = inContainerNow(scope);
      scope = containerScopeAfter(raw, scope, machines);
      const opened = containerScopeOf(raw);
      // A shell opened in a kind or k3d node (`docker exec -it kind-control-plane bash`, the node a row the paste names) is a
      // session on that machine, as an `ssh` into it would be: its prompts name the node, whose lines they print (review 44a
      // F4: `crictl logs` at `root@kind-control-plane:/#` was judged on the laptop's containerd, "high, affected, certain").
      const entered = opened?.kind === "shell" && !inContainerNow(scope) ? execNode(raw, machines) : undefined;
      // A prompt inside the shell (Docker's hex host name) keeps the prompt the shell was opened from.
      if (opened && !entered && !(opened.kind === "shell" && scope.kind === "shell")) scope = opened;
      if (command) {
        fanOut.command(raw);
        commandLines.push(i + 1);
        describing = DESCRIBES.test(raw) ? i + 1 : 0;
        // A namespace kubens or set-context chose names the pods of the kubectl commands after it (review 51b F4); one it goes
        // back to is unknown here, the same one for the commands after it only.
        const chosen = namespaceChosen(raw);
        if (chosen !== null) contextNamespace = chosen === "-" ? `-${i + 1}` : chosen;
        if (contextNamespace) contextNamespaces.set(i + 1, contextNamespace);
        const described = describing ? describedPod(raw, contextNamespace) : null;
        if (described) describedPods.set(i + 1, described);
        const logged = raw.includes("logs") ? loggedPods(raw, contextNamespace) : [];
        const exec = raw.includes("exec") ? execPod(raw, contextNamespace) : null;
        if (logged.length || exec) commandPods.set(i + 1, exec ? [...logged, exec] : logged);
        // A command typed in a container's shell acts there (an `apt-get install` changes the image, not the host), on
        // the machine whose prompt opened the shell: the container's own prompt names none.
        const inside = inContainerNow(scope) && (wasInside || CONTAINER_PROMPT.test(raw));
        // A loop typed over several lines (`for h in node2 node3`, then `> do`, `>   ssh $h …`, `> done`) is one command.
        const typed = LOOP_OPEN.test(raw) ? withContinuations(lines, i) : raw;
        const ssh = inside ? undefined : sshTarget(typed);
        // A kind or k3d node is a container the paste names as a machine (a row of its table): what a command run in it
        // prints is that node's (review 44a F4: `docker exec kind-control-plane crictl logs` at a laptop's prompt was
        // judged on the laptop's containerd, "high, affected, certain").
        // The shell's own output before its first prompt (a paste that left the prompts out) is the node's too.
        const node = entered ?? (inside || ssh ? undefined : execNode(raw, machines));
        const session = sessions.current;
        // A shell in a node's container prints BusyBox's path prompt or a shell's version prompt (`/ #`, `sh-5.1#`) as well.
        const inSession: boolean = !inside && !ssh && session !== null && (BARE_PROMPT.test(raw) || PATH_PROMPT.test(raw));
        // The node's own root a `kubectl debug node/NAME` shell reached (`chroot /host`): that node's (review 53c F2).
        // The debugging pod's own shell runs on that node too: its lines are that node's container's, whatever prompt
        // (BusyBox's "/ # " is no command's) they follow (review 53e F5).
        const debugged =
          scope.kind !== "none" && (scope.onHost !== undefined || scope.hostFile || (scope === opened && !wasInside))
            ? scope.node
            : undefined;
        // A pod's logs or the cluster's objects are the cluster's output wherever kubectl runs: over `ssh bastion` or in a
        // session on it, as at its own prompt, the pod may be on any node (review 53g F1: `ssh bastion kubectl logs` was
        // judged on the bastion's kernel, "not affected", verified).
        const throughCluster =
          !inside && !debugged && !node && (ssh !== undefined || inSession) && THROUGH_CLUSTER.test(afterPrompt(typed));
        const printer = inside
          ? scopeMachine(scope)
          : (debugged ?? node ?? (throughCluster ? "" : inSession ? session : printerOf(typed, ssh)));
        commandHosts.push([i + 1, printer]);
        if (!inside && !ssh && !inSession && printer) machines.add(printer);
        if (!inside && !ssh && !inSession && printer === null && BARE_PROMPT.test(raw)) bareCommands.add(i + 1);
        if (inside || readsContainer(raw)) containerCommands.add(i + 1);
        if (entered) sessions.opened(entered);
        else if (!inside && ssh && interactiveSsh(raw)) sessions.opened(machineOf(ssh));
        else if (!inside && !ssh && !inSession) sessions.clear();
        else if (inSession && LEAVES_SHELL.test(t)) sessions.left();
        if ((ssh || inSession || node) && !throughCluster) sshCommands.add(i + 1);
        else if (!inside && readsHere(raw)) localReads.add(i + 1);
        if (readsPast(raw)) pastReads.add(i + 1);
        if (readsReversed(raw)) reversedReads.add(i + 1);
        else if (readsThisBoot(afterPrompt(raw).trim()) && !readsPast(raw)) currentReads.add(i + 1);
        if (!inside && rebootsMachine(afterPrompt(raw).trim()) && !rebootRefused(printedAfter(lines, i))) rebootCommands.push(i + 1);
        if (inside) containerOutput.add(i + 1);
        if (inside && scope.kind !== "none" && scope.node) nodeShellLines.set(i + 1, scope.node);
        // The commands that print the host's identity (uname, /proc/version, os-release) and a collector's notes.
        if (IDENTITY_COMMANDS.has(command) || COLLECTOR_NOTE.test(t)) gathering.add(i + 1);
        hint = command;
        hintLine = i;
        workloads = workloadQuery(raw);
        listing = command === "installed";
        i++;
        continue;
      }
      if (opened) {
        // A bare `docker run … cat /etc/os-release`: still a log line, but what it prints next is the image's.
        hint = null;
        i++;
        continue;
      }
    }
    // `cluster-info dump`'s head of a pod's logs: what follows is the cluster's output, that pod's, as after `kubectl logs`.
    const dumped = t.charCodeAt(0) === 61 ? dumpedPodLogs(t) : null;
    if (dumped !== null) {
      fanOut.end();
      commandLines.push(i + 1);
      commandHosts.push([i + 1, ""]);
      if (dumped) commandPods.set(i + 1, [dumped]);
      hint = null;
      i++;
      continue;
    }
    // A heading naming a machine, in a paste that heads two machines so: what follows is that machine's, as after its
    // prompt; a heading there of the same level or above that names none ends the machine's part (host-headings.ts).
    const first = t.charCodeAt(0);
    // "#", "*", "_", "<", "-" or "=" first: a cheap test on every line before HEADING_START's; "==> " a file's part (`tail`
    // over files), other "=" and "-" runs a separator.
    const fileHead = first === 61 && t.startsWith("==> ");
    if (fileHead && fileMachines === undefined) fileMachines = fileHeadsNameMachines(lines, i);
    const heading =
      (first === 35 || first === 42 || first === 95 || first === 60 || first === 45 || first === 61) && !fileHead && HEADING_START.test(t)
        ? hostHeading(t)
        : fileHead
          ? fileHeading(lines, i, fileMachines)
          : undefined;
    // Decided at the first heading naming a machine: a heading before it ends no machine's part.
    if (heading?.host && comparing === undefined) comparing = comparesHosts(lines, i) || headsAnotherMachine(heading, machines);
    const machine = heading && comparing ? headingMachine(heading, headedMachines, machineLevel) : undefined;
    if (heading && machine !== undefined) {
      sessions.clear();
      if (machine) sessions.opened(machine);
      commandHosts.push([i + 1, machine]);
      // As a fan-out tool's header does: the machine printed what follows, whether a nodes table lists it or not.
      if (machine) sshCommands.add(i + 1);
      headingLines.add(i + 1);
      scope = OUTSIDE;
      if (heading.host) headedMachines.add(heading.host);
      machineLevel = machine ? heading.level : 0;
    }
    // A container command's output runs until the host's next command: warnings and notices of any kind come first.
    if (inContainerNow(scope)) containerOutput.add(i + 1);
    if (inContainerNow(scope) && scope.kind !== "none" && scope.node) nodeShellLines.set(i + 1, scope.node);
    // A listing's lines are names (a release, a package): a line of anything else (a log, a sentence) ends it.
    listing &&= LISTED_NAMES.test(t);
    if (listing) installedOutput.add(i + 1);
    const field = describing ? NODE_FIELD.exec(raw) : null;
    if (field) describedNodes.push([i + 1, field[1] === "<none>" ? "" : machineOf(field[1] ?? ""), describing]);
    const scheduled = scheduledPod(raw);
    if (scheduled) scheduledPods.push([i + 1, scheduled.pod, scheduled.node]);
    // The images kubectl printed of the cluster's workloads: its own answer of its add-ons' versions.
    if (workloads)
      for (const [ecosystem, version] of workloadImages(raw, workloads))
        sections.push({ kind: "workload-image", lines: [i + 1, i + 1], text: `${ecosystem}://${version}` });
    hint = null;
    i++;
  }
  const notLogs = new Set(commandLines);
  for (const s of sections) for (let n = s.lines[0]; n <= s.lines[1]; n++) if (!escapedLines.has(n)) notLogs.add(n);
  for (const n of containerOs) containerOutput.add(n);
  return {
    sections,
    notLogs,
    containerOs,
    containerOutput,
    nodeShellLines,
    installedOutput,
    gathering,
    commandHosts,
    containerCommands,
    sshCommands,
    gatheredBlocks,
    localReads,
    pastReads,
    bootMarks,
    fileHeads,
    reversedReads,
    rebootCommands,
    currentReads,
    bareCommands,
    describedNodes,
    describedPods,
    contextNamespaces,
    commandPods,
    scheduledPods,
    headingLines,
    nodeRows,
    listedPods,
  };
}

/** 1-based numbers of the non-blank lines that are neither a section nor a shell command: the logs. */

/** Non-blank lines that are neither a recognised section nor a shell command. */
export function logLineNumbers(lines: readonly string[]): number[] {
  const { notLogs } = readBundle(lines);
  const out: number[] = [];
  lines.forEach((line, i) => {
    if (line.trim() && !notLogs.has(i + 1)) out.push(i + 1);
  });
  return out;
}
