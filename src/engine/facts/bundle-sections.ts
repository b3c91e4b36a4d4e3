/**
 * Finds the command outputs in a pasted bundle such as
 * `{ uname -a; cat /etc/os-release; kubectl get nodes -o wide; iptables --version; journalctl -u kube-proxy; }`.
 * Outputs are recognised by their shape, so a bundle needs no markers; shell prompts and the commands
 * they show ("root@node:~# uname -r") are used as hints and are neither sections nor logs.
 * Everything else is logs, and a log line must never be taken for a section: klog lines that mention
 * Linux, or logfmt lines (level=error msg=...), do not have the shape of any output below.
 */
import type { BundleSection } from "../types";
import { isIptablesVersionOutput } from "./iptables-version";
import { NODES_HEADER, parseNodesTableAt } from "./kube-nodes";
import { isLogFramed } from "./log-framing";
import { LSB_LINE, LSB_NO_MODULES, OS_RELEASE_LINE, parseOsReleaseValues, SYSTEM_RELEASE_LINE } from "./os-release";
import { parseKubeletVersion, parseRuntimeVersion } from "./runtime-version";
import { TextLines } from "./text-lines";
import { looksLikeBuild, looksLikeRelease, parseProcVersion, parseUnameAll, parseUnameShort, parseVersionSignature } from "./uname";

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
  | "other";

/**
 * "$ ", "# ", "root@node:~# ", "[root@host dir]# ", "(venv) [root@host dir]# ", "user@host:~$ ", "[I] $ ",
 * "x:~/$ ". Not ">": a quoted paste ("> E0217 ...") is still logs.
 */
const PROMPT = /^\s*(?:\([^)]*\)\s*)?(?:\[[^\]]*\]\s*)?(?:[\w.-]+@[\w.-]+(?::\S*?)?\s*|[\w.-]*:[~/]\S*?\s*)?[$#%]\s+(?=\S)/;

const KUBE_BINARY_VERSION = /\b(?:kube-(?:proxy|apiserver|controller-manager|scheduler)|hyperkube\s+\S+)\s+--version\b/;

const COMMANDS: Array<[RegExp, Command | ((m: RegExpExecArray) => Command)]> = [
  [/^(?:sudo\s+)?(?:\S*\/)?uname((?:\s+-{1,2}[a-z-]+)*)\s*$/, (m) => unameCommand(m[1] ?? "")],
  [/^(?:sudo\s+)?cat\s+\S*\/proc\/version_signature\s*$/, "version-signature"],
  [/^(?:sudo\s+)?cat\s+\S*\/proc\/version\s*$/, "proc-version"],
  [/^(?:sudo\s+)?cat\s+\S*(?:[a-z]+-release|\*release)\b.*$/, "os-release"],
  [/^(?:sudo\s+)?lsb_release(?:\s+-[a-z]+)*\s*$/, "os-release"],
  [/^(?:sudo\s+)?(?:\S*\/)?(?:kubectl|oc|k)\b.*\bget\s+(?:no|nodes?)\b.*$/, "nodes"],
  [/^(?:sudo\s+)?(?:\S*\/)?ip6?tables(?:-[\w-]+)?\s+(?:-V|--version)\s*$/, "iptables"],
  // Another Kubernetes binary's `--version`, on the host or in its pod ("kubectl -n kube-system exec kube-proxy-x --
  // kube-proxy --version"): it prints "Kubernetes v1.18.2" as the kubelet does, but the version is not the kubelet's.
  [KUBE_BINARY_VERSION, "kube-binary"],
];

/**
 * A command that runs what follows inside a container ("docker run --rm alpine cat /etc/os-release", "kubectl exec pod
 * -- cat /etc/os-release", `docker compose exec`, `nerdctl -n k8s.io exec`, `kubectl run|debug`, `oc debug|rsh`, `ctr
 * task exec`, `lxc exec|shell`, `incus exec|shell`, `toolbox`, `distrobox`): the os-release it prints is the image's, not
 * the host's (a container's uname prints the host's kernel, so only the OS is set apart). Found anywhere on a line,
 * after any shell's prompt (PowerShell's, zsh themes'), `sudo -E`, `ssh node2`, a `set -x` trace; a line with no
 * prompt counts only when it runs `cat …release`, `lsb_release` or a shell: "docker run hangs on our hosts" is prose.
 * One that reads the host's own files (`chroot /host`, `nsenter`, a mounted `/host/etc/os-release`) prints the host's.
 * RUNNER_WORD picks the lines to try (linear); the rest of the pattern reads at most 300 characters past the word.
 */
const RUNNER_WORD = /\b(?:docker|podman|nerdctl|kubectl|oc|crictl|ctr|lxc|incus|toolbox|distrobox)\b/;
const CONTAINER_RUNNER =
  /(?:^|[\s>$#%+/\u276f\u279c])(?:(?:docker|podman|nerdctl)\b[^|;&]{0,300}?\s(?:run|exec)|docker-compose\s+(?:run|exec)|(?:kubectl|oc)\b[^|;&]{0,300}?\s(?:exec|debug|rsh|run)|crictl\s+exec|ctr\b[^|;&]{0,300}?\s(?:run|exec)|(?:lxc|incus)\s+(?:exec|shell)|toolbox\s+(?:run|enter)|distrobox\s+enter)(?:\s|$)/;
/** Commands are short: a longer line (a base64 secret, a minified script) is no runner's, and is not scanned. */
const MAX_COMMAND_LINE = 2000;
const HOST_VIEW = /\bchroot\s+\/host\b|\bnsenter\b|\/host\/etc\//;
const RELEASE_QUERY = /\bcat\s+\S*release\b|\blsb_release\b/;
/**
 * A runner that opens a shell there (`… -- sh`, `/bin/bash --login`, `toolbox enter`, `lxc shell`, or a debug or run of
 * kubectl/oc with no command after `--`, interactive by default for `oc debug`): what follows is the container's until it
 * is left (leavesShell). docker's and podman's `-it` alone does not: `docker exec -it web nginx -v` runs one command.
 */
const OPENS_SHELL =
  /(?:^|[\s/])(?:ba|z|a|da|fi|k)?sh(?:\s+-{1,2}[\w-]+)*\s*$|\b(?:toolbox|distrobox)\s+enter\b|\b(?:oc\s+rsh|(?:lxc|incus)\s+shell)\b/;
const KUBE_INTERACTIVE = /\b(?:kubectl|oc)\b.*\s(?:debug|run)\b/;
/** A prompt whose host is a 12-digit hex id, the host name Docker gives a container ("root@3f2a1b2c3d4e:/# …", "[root@3f2a1b2c3d4e /]# …"). */
const CONTAINER_PROMPT = /^\s*(?:[\w.-]+@[0-9a-f]{12}:\S*|\[[\w.-]+@[0-9a-f]{12}\s[^\]]*\])\s*[$#]\s/;
/**
 * Leaving a shell: `exit` (with a status), Ctrl-D, or `logout` typed at a prompt (alone on a line it is what bash prints
 * on leaving a login shell, after an `exit` already counted).
 */
const EXIT = /(?:^|[$#>%]\s*)(?:exit(?:\s+\d+)?|\^D)\s*$|[$#>%]\s*logout\s*$/;
/** A shell opened inside a container's shell (`su - app`, `sudo -i`, `bash`): its `exit` does not leave the container. */
const NESTED_SHELL = /(?:^|[$#>%]\s*)(?:su(?:\s+-\S*)*(?:\s+[\w.-]+)?|sudo\s+(?:-i|-s|su\b.*)|(?:ba|z|da)?sh)\s*$/;
const EXEC_FAILED =
  /^(?:Error response from daemon: .*(?:is not running|No such container)|OCI runtime exec failed|command terminated with exit code|error: unable to upgrade connection|Error from server \(NotFound\))/;
/** Entering the host from a container's shell for good: a bare `chroot /host`, or `nsenter` into a shell. */
const ENTERS_HOST = /\bchroot\s+\/host\s*$|\bnsenter\b.*\s(?:ba)?sh\s*$/;

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
 * next prompted command), or in a shell opened there (until it is left: `exit`, an exec that never started, the prompt
 * it was opened from back again when that prompt names a user or host, or `chroot /host`).
 */
type ContainerScope = { kind: "none" } | { kind: "output" } | { kind: "shell"; hostPrompt: string | null; nested: number };
const OUTSIDE: ContainerScope = { kind: "none" };

/** The scope a line opens: a container command's output, or a shell in it; null for none. */
function containerScopeOf(line: string): ContainerScope | null {
  if (CONTAINER_PROMPT.test(line)) return EXIT.test(line) ? OUTSIDE : { kind: "shell", hostPrompt: null, nested: 0 };
  if (line.length > MAX_COMMAND_LINE || !RUNNER_WORD.test(line)) return null;
  const runner = CONTAINER_RUNNER.exec(line);
  if (!runner || HOST_VIEW.test(line)) return null;
  const prompt = COMMENT.test(line) ? null : PROMPT.exec(line);
  const rest = line.slice(runner.index);
  const interactive = KUBE_INTERACTIVE.test(rest) && !/\s--\s+\S/.test(rest);
  if ((OPENS_SHELL.test(rest) || interactive) && !RELEASE_QUERY.test(rest)) {
    // A bare "$" or "#" proves nothing when it comes back: sh in a container prints it too.
    const own = prompt?.[0].trim() ?? null;
    return { kind: "shell", hostPrompt: own && /[@:\\\]]/.test(own) ? own : null, nested: 0 };
  }
  const before = line.slice(0, runner.index).trim();
  return prompt || before || RELEASE_QUERY.test(rest) ? { kind: "output" } : null;
}

/**
 * The scope after a line inside a container's shell: left at its `exit` (a nested shell's exit only closes that one), an
 * exec that never started, the host's own prompt, `chroot /host`; one deeper at a nested shell.
 */
function withinShell(line: string, scope: ContainerScope): ContainerScope {
  if (scope.kind !== "shell") return scope;
  const t = line.trim();
  if (EXEC_FAILED.test(t) || ENTERS_HOST.test(t) || (scope.hostPrompt !== null && line.trimStart().startsWith(scope.hostPrompt)))
    return OUTSIDE;
  if (EXIT.test(t)) return scope.nested ? { ...scope, nested: scope.nested - 1 } : OUTSIDE;
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
const COMMAND_START =
  /^(?:sudo\s+)?(?:\S*\/)?(?:uname|cat|lsb_release|kubectl|oc|k|ip6?tables|kube-(?:proxy|apiserver|controller-manager|scheduler)|hyperkube|docker|crictl|nerdctl|podman)\b/;

/** A line after which a container's own output follows: the classic builder's "---> Running in <id>". */
const inContainer = (previous: string) => /^\s*---> Running in \w+\s*$/.test(previous);

/** The command a line shows, or null when the line is not a command. */
export function commandOf(line: string): Command | null {
  const prompt = COMMENT.test(line) ? null : PROMPT.exec(line);
  const rest = (prompt ? line.slice(prompt[0].length) : line).trim();
  if (!COMMAND_START.test(rest)) return prompt ? "other" : null;
  for (const [pattern, kind] of COMMANDS) {
    const m = pattern.exec(rest);
    if (m) return typeof kind === "function" ? kind(m) : kind;
  }
  return prompt ? "other" : null;
}

/** What bundle reading needs of the lines: an array, or a text's lines read on demand. */
interface Lines {
  readonly length: number;
  /** Line i, or "" past the end. */
  at(i: number): string;
  framed(i: number): boolean;
  slice(from: number, to?: number): string[];
}

function arrayLines(lines: readonly string[]): Lines {
  return {
    length: lines.length,
    at: (i) => lines[i] ?? "",
    framed: (i) => isLogFramed(lines[i] ?? ""),
    slice: (from, to) => lines.slice(from, to),
  };
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

/** os-release always has ID= (or at least NAME=) and one more identifying key; env dumps do not. */
function isOsReleaseBlock(text: string): boolean {
  const v = parseOsReleaseValues(text);
  if (v.has("ID")) return true;
  return v.has("NAME") && ["VERSION_ID", "PRETTY_NAME", "ID_LIKE", "VERSION"].some((k) => v.has(k));
}

function oneLineSection(t: string, hint: Command | null, first: boolean): BundleSection["kind"] | null {
  if (parseUnameAll(t) || parseUnameShort(t)) return "uname";
  if (parseProcVersion(t)) return "proc-version";
  if (parseVersionSignature(t)) return "version-signature";
  if (looksLikeBuild(t)) return "uname";
  if (looksLikeRelease(t)) {
    // A bare x.y.z could be any program's version; with a distro suffix, after `uname -r`, or as the
    // very first line of a bundle (`{ uname -r; journalctl ...; } | curl`), it is a kernel.
    if (hint === "uname-r" || hint === "uname" || first || !/^\d+\.\d+\.\d+$/.test(t)) return "uname";
  }
  if (isIptablesVersionOutput(t)) return "iptables-version";
  if (parseKubeletVersion(t)) return hint === "kube-binary" ? null : "kubelet-version";
  const runtime = parseRuntimeVersion(t);
  // runc's libseccomp line counts only inside `runc --version`'s block (runcLibseccomp): slirp4netns, bypass4netns and
  // sysbox-runc print the same words about another binary's library.
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
 * One pass over the bundle: its sections, and the lines that are neither sections nor logs (commands).
 * Given a TextLines, only the lines without a log framing are ever built as strings.
 */
export function readBundle(input: readonly string[] | TextLines): {
  sections: BundleSection[];
  notLogs: Set<number>;
  containerOs: Set<number>;
  gathering: Set<number>;
} {
  const lines: Lines = input instanceof TextLines ? input : arrayLines(input);
  const sections: BundleSection[] = [];
  const commandLines: number[] = [];
  // The lines of an os-release printed inside a container (1-based): no section, and no evidence of the host's OS.
  const containerOs = new Set<number>();
  const setApart = (start: number, end: number) => {
    for (let n = start + 1; n <= end; n++) containerOs.add(n);
  };
  const gathering = new Set<number>();
  // Whether the lines read now are a container's: a command's next output, or a shell opened there.
  let scope: ContainerScope = OUTSIDE;
  const push = (kind: BundleSection["kind"], start: number, end: number) =>
    sections.push({ kind, lines: [start + 1, end], text: lines.slice(start, end).join("\n") });
  let hint: Command | null = null;
  let firstContent = 0;
  while (firstContent < lines.length && lines.at(firstContent).trim() === "") firstContent++;
  if (firstContent === lines.length) firstContent = -1;
  let i = 0;
  let noOsReleaseUntil = 0;
  while (i < lines.length) {
    if (lines.framed(i)) {
      hint = null;
      i++;
      continue;
    }
    const raw = lines.at(i);
    const t = raw.trim();
    if (t === "") {
      i++;
      continue;
    }
    if (NODES_HEADER.test(t)) {
      const rows = parseNodesTableAt((k) => (i + k < lines.length ? lines.at(i + k) : undefined), i + 1);
      const last = rows.at(-1);
      if (last) {
        // Rows may have blank lines between them: the table ends at its last row (1-based, so the next line's index).
        push("nodes", i, last.line);
        i = last.line;
        hint = null;
        continue;
      }
    }
    if (LSB_NO_MODULES.test(t) || (LSB_LINE.test(t) && t.startsWith("Distributor ID:"))) {
      // `lsb_release -a`: an optional "No LSB modules" line, then "Key:\tvalue" lines.
      let end = i + 1;
      while (end < lines.length && LSB_LINE.test(lines.at(end).trim())) end++;
      if (lines.slice(i, end).some((l) => l.trim().startsWith("Distributor ID:"))) {
        if (scope.kind !== "none") setApart(i, end);
        else push("os-release", i, end);
        i = end;
        hint = null;
        if (scope.kind === "output") scope = OUTSIDE;
        continue;
      }
    }
    if (OS_RELEASE_LINE.test(t) && i >= noOsReleaseUntil) {
      const end = osReleaseEnd(lines, i);
      if (isOsReleaseBlock(lines.slice(i, end).join("\n"))) {
        // A container's os-release (after `docker run … cat /etc/os-release`) is no section: it says nothing of the host.
        if (scope.kind !== "none") setApart(i, end);
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
    if (
      t.includes(" release ") &&
      SYSTEM_RELEASE_LINE.test(t) &&
      (hint === null || hint === "os-release") &&
      scope.kind === "none" &&
      !inContainer(lines.at(i - 1))
    ) {
      // `cat /etc/redhat-release` on the host: one line, as strong as the os-release it stands in for.
      // Not after another command (`docker run … cat /etc/redhat-release`) or a build step's output.
      push("os-release", i, i + 1);
      i++;
      hint = null;
      continue;
    }
    const libseccomp = RUNC_BLOCK_START.test(t) ? runcLibseccomp(lines, i) : -1;
    if (libseccomp >= 0) push("runtime-version", libseccomp, libseccomp + 1);
    const oneLine = oneLineSection(t, hint, i === firstContent);
    if (oneLine) {
      push(oneLine, i, i + 1);
    } else if (hint === "uname-v" && t.startsWith("#")) {
      push("uname", i, i + 1);
    } else {
      const command = commandOf(raw);
      scope = withinShell(raw, scope);
      const opened = containerScopeOf(raw);
      // A prompt inside the shell (Docker's hex host name) keeps the prompt the shell was opened from.
      if (opened && !(opened.kind === "shell" && scope.kind === "shell")) scope = opened;
      if (command) {
        commandLines.push(i + 1);
        // The commands that print the host's identity (uname, /proc/version, os-release) and a collector's notes.
        if (IDENTITY_COMMANDS.has(command) || COLLECTOR_NOTE.test(t)) gathering.add(i + 1);
        hint = command;
        // A command that is no container's own ends a one-shot scope; in a shell there, any command is the shell's.
        if (!opened && scope.kind === "output") scope = OUTSIDE;
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
    // A container command's output runs until the next command: warnings and notices of any kind come first.
    hint = null;
    i++;
  }
  const notLogs = new Set(commandLines);
  for (const s of sections) for (let n = s.lines[0]; n <= s.lines[1]; n++) notLogs.add(n);
  return { sections, notLogs, containerOs, gathering };
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
