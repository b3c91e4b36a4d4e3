import { parseUname, type UnameFacts } from "./uname";

/**
 * Kernels that fan-out tools print host by host (review 36b: `pdsh -w worker-[1-3] uname -r` read as no kernel, and
 * ansible's as kernels of no host, "unknown" where each host's own kernel decides): each host's `uname -r` or
 * `uname -a` is that host's, a node of a fleet as a `uname -a` line of its own is.
 *   pdsh, clush: every output line is `host: line`; read only under the command that ran uname (a bare `Kernel: 5.15…`
 *     line is a label, not a host);
 *   ansible ad-hoc: `host | CHANGED | rc=0 >>`, then the host's output;
 *   pssh -i: `[1] 10:41:28 [SUCCESS] host`, then the host's output.
 */
export function fanOutKernels(text: string, lines: Lines): Array<{ uname: UnameFacts; line: number }> {
  // Most pastes hold none of these tools' marks: no line is read then (a 10 MB log is mostly lines no reader needs).
  if (!MARKS.some((m) => text.includes(m))) return [];
  const out: Array<{ uname: UnameFacts; line: number }> = [];
  let prefixed = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines.at(i) ?? "";
    if (PREFIXING_COMMAND.test(text)) {
      prefixed = true;
      continue;
    }
    const header = ANSIBLE_HEADER.exec(text) ?? PSSH_HEADER.exec(text);
    if (header?.[1]) {
      prefixed = false;
      const uname = hostUname(header[1], lines.at(i + 1) ?? "");
      if (uname) out.push({ uname, line: i + 2 });
      continue;
    }
    if (!prefixed || PDSH_OWN.test(text)) continue;
    const line = PREFIXED_LINE.exec(text);
    const uname = line?.[1] && line[2] ? hostUname(line[1], line[2]) : null;
    if (uname) out.push({ uname, line: i + 1 });
    // Another command's output, or a prompt: the fan-out's lines have ended.
    else if (!line) prefixed = false;
  }
  return out;
}

/** The lines of a text, read one by one (facts' TextLines, or an array's `at`: "" past the end). */
interface Lines {
  readonly length: number;
  at(i: number): string | undefined;
}

/** What each tool prints, one of which a paste holding its output must contain. */
const MARKS = ["pdsh", "clush", " | CHANGED | rc=0 >>", " | SUCCESS | rc=0 >>", "[SUCCESS] "];

/** A command line running uname through pdsh or clush (whose output lines are prefixed with their host). */
const PREFIXING_COMMAND = /(?:^|[\s$#>])(?:pdsh|clush)\s(?=.*\buname\b)/;
/** `host: output`: a host name (no spaces, not a time), then the line it printed. */
const PREFIXED_LINE = /^\s*([A-Za-z0-9][\w.-]*[A-Za-z0-9_]|[A-Za-z0-9]): (.+)$/;
/** pdsh's own messages ("pdsh@admin: worker-4: ssh exited with exit code 255"). */
const PDSH_OWN = /^\s*pdsh@/;
/** ansible ad-hoc's per-host header of a command's output. */
const ANSIBLE_HEADER = /^\s*(\S+) \| (?:CHANGED|SUCCESS) \| rc=0 >>\s*$/;
/** pssh -i's per-host header. */
const PSSH_HEADER = /^\s*\[\d+\] \d\d:\d\d:\d\d \[SUCCESS\] ([^\s:]+)(?::\d+)?\s*$/;

/** A host's uname output line as that host's kernel: a release, or a whole `uname -a` (its own host name kept). */
function hostUname(host: string, output: string): UnameFacts | null {
  const uname = parseUname(output.trim());
  if (!uname?.release) return null;
  return { ...uname, hostname: uname.hostname ?? host };
}
