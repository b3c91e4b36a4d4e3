/**
 * A kernel named inside other output rather than by `uname` or /proc/version of its own: a boot log's
 * "Linux version ..." line under dmesg or journal framing, `docker info` and `kubectl describe node`
 * ("Kernel Version: ..."), `hostnamectl` ("Kernel: Linux ..."), or a person writing "on kernel
 * 6.1.115-126.197.amzn2023". Read only when the text names one release: two (an upgrade retold, the
 * nodes of `kubectl describe nodes`, a quoted fixed version) decide nothing.
 */
import type { LineRef } from "./iptables-version";
import { looksLikeRelease, parseProcVersion, type UnameFacts } from "./uname";

/** Literals (case-insensitive) one of which a line naming a kernel holds: the one-pass matcher finds those lines. */
export const KERNEL_MENTION_MARKERS = ["linux version ", "kernel ", "kernel: linux "];

/** Shapes of a mention after a marker, most specific first; group 1 is the release. */
const MENTIONS = [
  // /proc/version inside framing (parsed whole first, build string included), or its release alone.
  /\bLinux version (\S+)(?: \(|\s*$)/,
  /\bKernel Version:\s*(\S+)/i,
  /\bKernel:\s+Linux (\S+)/i,
];
/** Prose needs three numbers: "kernel 5.4" or "kernel 6" is a series, not a build. A line may name several. */
const PROSE = /\bkernel (?:version |release |is |of )?v?(\d+\.\d+\.\d+[^\s,;'"()]*)/gi;
const TRAILING_PUNCTUATION = /[.:!?]+$/;

export interface KernelMention {
  uname: UnameFacts;
  line: number;
}

/** The one kernel the candidate lines name, or null when they name none or several. */
export function pickKernelMention(candidates: readonly LineRef[]): KernelMention | null {
  let found: KernelMention | null = null;
  for (const { text, line } of candidates) {
    for (const uname of mentionsIn(text)) {
      if (found && found.uname.release !== uname.release) return null;
      // The same release again: keep the reading that carries a build string.
      if (!found || (!found.uname.build && uname.build)) found = { uname, line };
    }
  }
  return found;
}

/** Lines of `text` that hold a marker, for callers without the matcher's pass. */
export function kernelMentionLines(text: string): LineRef[] {
  const out: LineRef[] = [];
  const lower = text.toLowerCase();
  if (!KERNEL_MENTION_MARKERS.some((m) => lower.includes(m))) return out;
  const lines = text.split("\n");
  lines.forEach((l, i) => {
    const ll = l.toLowerCase();
    if (KERNEL_MENTION_MARKERS.some((m) => ll.includes(m))) out.push({ text: l, line: i + 1 });
  });
  return out;
}

/** The kernels one line names: its output shape's one, or every release its prose names. */
function mentionsIn(text: string): UnameFacts[] {
  const at = text.indexOf("Linux version ");
  if (at >= 0) {
    const proc = parseProcVersion(text.slice(at));
    if (proc) return [proc];
  }
  const bare = (release: string | undefined): UnameFacts[] => {
    const r = release?.replace(TRAILING_PUNCTUATION, "");
    return r && looksLikeRelease(r) ? [{ release: r, build: null, machine: null, hostname: null }] : [];
  };
  for (const shape of MENTIONS) {
    const m = shape.exec(text);
    if (m) return bare(m[1]);
  }
  return [...text.matchAll(PROSE)].flatMap((m) => bare(m[1]));
}
