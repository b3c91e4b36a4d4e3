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
import { NODES_HEADER, parseNodesTable } from "./kube-nodes";
import { isLogFramed } from "./log-framing";
import { LSB_LINE, LSB_NO_MODULES, OS_RELEASE_LINE, parseOsReleaseValues } from "./os-release";
import { parseKubeletVersion, parseRuntimeVersion } from "./runtime-version";
import { TextLines } from "./text-lines";
import { looksLikeBuild, looksLikeRelease, parseProcVersion, parseUnameAll, parseUnameShort, parseVersionSignature } from "./uname";

type Command = "uname-r" | "uname-v" | "uname" | "os-release" | "proc-version" | "version-signature" | "nodes" | "iptables" | "other";

/**
 * "$ ", "# ", "root@node:~# ", "[root@host dir]# ", "(venv) [root@host dir]# ", "user@host:~$ ", "[I] $ ",
 * "x:~/$ ". Not ">": a quoted paste ("> E0217 ...") is still logs.
 */
const PROMPT = /^\s*(?:\([^)]*\)\s*)?(?:\[[^\]]*\]\s*)?(?:[\w.-]+@[\w.-]+(?::\S*?)?\s*|[\w.-]*:[~/]\S*?\s*)?[$#%]\s+(?=\S)/;

const COMMANDS: Array<[RegExp, Command | ((m: RegExpExecArray) => Command)]> = [
  [/^(?:sudo\s+)?(?:\S*\/)?uname((?:\s+-{1,2}[a-z-]+)*)\s*$/, (m) => unameCommand(m[1] ?? "")],
  [/^(?:sudo\s+)?cat\s+\S*\/proc\/version_signature\s*$/, "version-signature"],
  [/^(?:sudo\s+)?cat\s+\S*\/proc\/version\s*$/, "proc-version"],
  [/^(?:sudo\s+)?cat\s+\S*(?:os-release|\*release|lsb-release)\b.*$/, "os-release"],
  [/^(?:sudo\s+)?lsb_release(?:\s+-[a-z]+)*\s*$/, "os-release"],
  [/^(?:sudo\s+)?(?:\S*\/)?(?:kubectl|oc|k)\b.*\bget\s+(?:no|nodes?)\b.*$/, "nodes"],
  [/^(?:sudo\s+)?(?:\S*\/)?ip6?tables(?:-[\w-]+)?\s+(?:-V|--version)\s*$/, "iptables"],
];

function unameCommand(flags: string): Command {
  const f = flags.replace(/\s+/g, "");
  if (/^-r$|^--kernel-release$/.test(f)) return "uname-r";
  if (/^-v$|^--kernel-version$/.test(f)) return "uname-v";
  return "uname";
}

/** The command a line shows, or null when the line is not a command. */
export function commandOf(line: string): Command | null {
  const prompt = PROMPT.exec(line);
  const rest = (prompt ? line.slice(prompt[0].length) : line).trim();
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
  if (parseKubeletVersion(t)) return "kubelet-version";
  if (parseRuntimeVersion(t)) return "runtime-version";
  return null;
}

export function findSections(lines: readonly string[]): BundleSection[] {
  return readBundle(lines).sections;
}

/**
 * One pass over the bundle: its sections, and the lines that are neither sections nor logs (commands).
 * Given a TextLines, only the lines without a log framing are ever built as strings.
 */
export function readBundle(input: readonly string[] | TextLines): { sections: BundleSection[]; notLogs: Set<number> } {
  const lines: Lines = input instanceof TextLines ? input : arrayLines(input);
  const sections: BundleSection[] = [];
  const commandLines: number[] = [];
  const push = (kind: BundleSection["kind"], start: number, end: number) =>
    sections.push({ kind, lines: [start + 1, end], text: lines.slice(start, end).join("\n") });
  let hint: Command | null = null;
  let firstContent = 0;
  while (firstContent < lines.length && lines.at(firstContent).trim() === "") firstContent++;
  if (firstContent === lines.length) firstContent = -1;
  let i = 0;
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
      const rows = parseNodesTable(lines.slice(i), i + 1);
      if (rows.length) {
        push("nodes", i, i + 1 + rows.length);
        i += 1 + rows.length;
        hint = null;
        continue;
      }
    }
    if (LSB_NO_MODULES.test(t) || (LSB_LINE.test(t) && t.startsWith("Distributor ID:"))) {
      // `lsb_release -a`: an optional "No LSB modules" line, then "Key:\tvalue" lines.
      let end = i + 1;
      while (end < lines.length && LSB_LINE.test(lines.at(end).trim())) end++;
      if (lines.slice(i, end).some((l) => l.trim().startsWith("Distributor ID:"))) {
        push("os-release", i, end);
        i = end;
        hint = null;
        continue;
      }
    }
    if (OS_RELEASE_LINE.test(t)) {
      const end = osReleaseEnd(lines, i);
      if (isOsReleaseBlock(lines.slice(i, end).join("\n"))) {
        push("os-release", i, end);
        i = end;
        hint = null;
        continue;
      }
    }
    const oneLine = oneLineSection(t, hint, i === firstContent);
    if (oneLine) {
      push(oneLine, i, i + 1);
    } else if (hint === "uname-v" && t.startsWith("#")) {
      push("uname", i, i + 1);
    } else {
      const command = commandOf(raw);
      if (command) {
        commandLines.push(i + 1);
        hint = command;
        i++;
        continue;
      }
    }
    hint = null;
    i++;
  }
  const notLogs = new Set(commandLines);
  for (const s of sections) for (let n = s.lines[0]; n <= s.lines[1]; n++) notLogs.add(n);
  return { sections, notLogs };
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
