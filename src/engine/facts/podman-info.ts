/**
 * `podman info`'s OCI runtime, the output Podman's issue template asks for:
 *     ociRuntime:
 *       name: crun
 *       package: crun_0.17+dfsg-1.1ubuntu0.1_amd64
 *       path: /usr/bin/crun
 *       version: |-
 *         crun version 0.17
 *         commit: 0e9229ae34caaebcb86f1fde18de3acaf18c6d9a
 * Podman asked the binary it runs containers with, and its package manager which package owns it: the host's own
 * runtime, as its `--version` would be. The package's build stands for it where it names one (Debian's file name,
 * RPM's "crun-1.8.5-1.fc38.x86_64"; dpkg -S's "crun: /usr/bin/crun" names none), so a distribution's build is judged
 * by that distribution's ranges (verdict.ts, componentChecks); else the binary's own version. Its distribution block
 * is read with the other OS mentions (mentions.ts).
 */

import { CRUN_VERSION, parseRuntimeVersion, runtimeComponent } from "./runtime-version";

/**
 * The block's header, as the one-pass matcher finds it (lower-case): YAML's, JSON's (`podman info --format json`), or the
 * command picking the block out with jq (review 51d F4), whose object follows.
 */
export const PODMAN_RUNTIME_MARKERS = ["ociruntime:", '"ociruntime":', ".ociruntime"];

const HEADER = /^(\s*)(?:ociRuntime:|"ociRuntime":\s*\{)\s*$/;
/** `podman info --format json | jq .host.ociRuntime` (or `-f json`): the block is the object on the next lines. */
const PICKED_BY_JQ = /^\|\s*jq\s+(?:-\S+\s+)*['"]?\.host\.ociRuntime['"]?\s*$/;
const PODMAN_INFO = /\bpodman\s+info\b/;
/**
 * Whether a command line picks the block out with jq: a command, read for the object it prints. Its last pipe feeds jq
 * and the part since the pipe before it runs `podman info`: read from those two pipes, not tried at every `podman info`
 * of a line to its end (review 52a F2: a 128 KB line of them took 6 s).
 */
export function picksOciRuntime(text: string): boolean {
  const pipe = text.lastIndexOf("|");
  if (pipe < 0 || !PICKED_BY_JQ.test(text.slice(pipe))) return false;
  return PODMAN_INFO.test(text.slice(text.lastIndexOf("|", pipe - 1) + 1, pipe));
}
/** The runtimes the knowledge base has ranges for (runc's and crun's own ecosystems); YAML's fields or JSON's. */
const NAME = /^\s+"?name"?:\s*["']?(crun|runc)["']?,?\s*$/;
const PACKAGE = /^\s+"?package"?:\s*["']?(\S+?)["']?,?\s*$/;
/** JSON's version field, its lines joined by "\n" escapes: the first is the binary's version line. */
const JSON_VERSION = /^\s+"version":\s*"([^"\\]*)/;
const DEB_FILE = /^([a-z0-9][a-z0-9.+-]*)_((?:\d+:)?\d[\w.+~:-]*)_[a-z0-9]+$/;
/** RPM's name: its release may carry a module's "+" (RHEL 8's "1.module+el8.9.0+20326+387084d0"). */
const RPM_NVRA = /^([a-z0-9][a-z0-9.+-]*?)-((?:\d+:)?\d+\.\d+[\w.~^]*-[\w.~^+]+)\.(?:x86_64|aarch64|noarch|s390x|ppc64le|armv7hl|i686)$/;
/** dpkg -S's answer ("package: 'crun: /usr/bin/crun'"): a distribution's package whose build podman did not name. */
const OWNER_ONLY = /^\s+package:\s*["']?[a-z0-9][a-z0-9.+-]*: \//;
/**
 * A build whose release holds what the version lacks: a snapshot's commits ("1.0.0-144.dev.gite6555cc.fc32") or a
 * release candidate (RHEL 8's "runc-1.0.0-70.rc92.module+el8.3.1+…" is runc 1.0.0-rc92, not 1.0.0): the binary's own
 * version says more.
 */
const SNAPSHOT = /\.dev\b|\bgit[0-9a-f]|(?:^|[.-])rc\d/;
/**
 * The version line as `crun --version` and `runc --version` print it, read as named-versions.ts and runtime-version.ts
 * read those outputs: a release only (a git build's "1.7.0.0.0.24-b42e" is none), as [runtime, version].
 */
const versionLine = (text: string): [string, string] | undefined => {
  const crun = CRUN_VERSION.exec(text)?.[1];
  if (crun) return ["crun", crun];
  const runc = runtimeComponent(parseRuntimeVersion(text));
  return runc?.[0] === "runc" ? ["runc", runc[1]] : undefined;
};
/** The block is a handful of lines; a longer run of indented lines is not podman's. */
const MAX_BLOCK_LINES = 12;

/** The runtime `podman info`'s block at `line` (1-based) names, as kubectl writes one ("crun://0.17+dfsg-1.1ubuntu0.1"), or null. */
export function podmanRuntime(line: number, lineAt: (line: number) => string | undefined): string | null {
  const head = lineAt(line) ?? "";
  const picked = picksOciRuntime(head) && lineAt(line + 1)?.trim() === "{";
  const indent = picked ? 0 : HEADER.exec(head)?.[1]?.length;
  if (indent === undefined) return null;
  if (picked) line++;
  let name: string | undefined;
  // [package or program, version]: the package's build, and the version line's release.
  let build: [string, string] | undefined;
  let version: [string, string] | undefined;
  let ownerOnly = false;
  for (let n = line + 1; n <= line + MAX_BLOCK_LINES; n++) {
    const text = lineAt(n);
    if (text === undefined || !text.trim()) break;
    if ((/^\s*/.exec(text)?.[0].length ?? 0) <= indent) break;
    name ??= NAME.exec(text)?.[1];
    const pkg = PACKAGE.exec(text)?.[1];
    const file = pkg ? (DEB_FILE.exec(pkg) ?? RPM_NVRA.exec(pkg)) : null;
    if (file?.[1] && file[2] && !SNAPSHOT.test(file[2])) build ??= [file[1], file[2]];
    ownerOnly ||= OWNER_ONLY.test(text);
    version ??= versionLine(JSON_VERSION.exec(text)?.[1] ?? text);
  }
  if (!name) return null;
  // The package of another program (a wrapper's) says nothing of the runtime's build. A distribution's package whose
  // build is not named (dpkg -S's owner) may carry a backported fix its upstream version does not show: left to the
  // version line read as named, hedged (named-versions.ts).
  const value = build?.[0] === name ? build[1] : version?.[0] === name && !ownerOnly ? version[1] : undefined;
  return value ? `${name}://${value}` : null;
}
