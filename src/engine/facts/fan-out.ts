import { parseUname, type UnameFacts } from "./uname";

/**
 * Kernels that fan-out tools print host by host under the command that ran uname on a fleet (review 36b:
 * `pdsh -w worker-[1-3] uname -r` read as no kernel, and ansible's as kernels of no host, "unknown" where each host's
 * own kernel decides): each host's `uname -r` or `uname -a` is that host's, a node of a fleet as a `uname -a` line of
 * its own is.
 *   pdsh, clush: every output line is `host: line`;
 *   ansible ad-hoc: `host | CHANGED | rc=0 >>`, then the host's output;
 *   pssh -i (parallel-ssh): `[1] 10:41:28 [SUCCESS] host`, then the host's output.
 * Only under such a command (`commandLines`: 1-based, the bundle's shell commands): a bare `Kernel: 5.15…` line is a
 * label, not a host, and a paste's other lines are never read for these shapes.
 */
export function fanOutKernels(lines: Lines, commandLines: readonly number[]): Array<{ uname: UnameFacts; line: number }> {
  const out: Array<{ uname: UnameFacts; line: number }> = [];
  const commands = new Set(commandLines);
  for (const n of commandLines) {
    if (!FAN_OUT_COMMAND.test(lines.at(n - 1) ?? "")) continue;
    // The command's output: up to the next command.
    for (let i = n; i < lines.length && !commands.has(i + 1); i++) {
      const text = lines.at(i) ?? "";
      const header = ANSIBLE_HEADER.exec(text) ?? PSSH_HEADER.exec(text);
      const prefixed = header ? null : PREFIXED_LINE.exec(text);
      const uname = header?.[1]
        ? hostUname(header[1], lines.at(i + 1) ?? "")
        : prefixed?.[1] && prefixed[2] && !PDSH_OWN.test(text)
          ? hostUname(prefixed[1], prefixed[2])
          : null;
      if (uname) out.push({ uname, line: header ? i + 2 : i + 1 });
    }
  }
  return out;
}

/** The lines of a text, read one by one (facts' TextLines, or an array). */
interface Lines {
  readonly length: number;
  at(i: number): string | undefined;
}

/** A fan-out tool running uname on several hosts. */
const FAN_OUT_COMMAND = /(?:^|[\s$#>])(?:pdsh|clush|ansible|pssh|parallel-ssh)\s(?=.*\buname\b)/;
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
