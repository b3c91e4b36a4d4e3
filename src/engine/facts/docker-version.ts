/**
 * `docker version`: the daemon's part ("Server:") names the engine, and since Docker 1.13 also the
 * containerd and runc it runs, each in an indented block of its own:
 *
 *   Server: Docker Engine - Community
 *    Engine:
 *     Version:          24.0.7
 *    containerd:
 *     Version:          1.6.25
 *    runc:
 *     Version:          1.1.10
 *
 * Older clients print the engine's "Version:" straight under "Server:". The client's part is left out:
 * the client may be newer or older than the daemon that runs the containers.
 *
 * containerd's `ctr version` prints the same shape for containerd itself (cmd/ctr/commands/version):
 *
 *   Server:
 *     Version:  v2.2.0
 *     Revision: 1c4457e00facac03ce1d75f7b6777a7a851e5c41
 *     UUID: 5027141d-e52c-4f81-afac-bed17eee3546
 *
 * Its "Revision:" and "UUID:" lines, which no `docker version` prints (Docker's says "Git commit:"), tell
 * it apart: its version is containerd's, not Docker's. Other tools print a "Server:" part too (velero,
 * `docker version` against Podman's socket, whose "Podman Engine:" block and even its "Engine:" block
 * carry Podman's version): a version straight under "Server:" is Docker's only beside Docker's own
 * "API version:" or "Git commit:" lines, and a part with a "Podman Engine:" block names no Docker at all.
 */

import { VENDOR_BUILD } from "../versions";
import { agreedPerKey } from "./agreed";
import { distroBuild } from "./runtime-version";
import type { TextLines } from "./text-lines";

/** The versions one `docker version` server part names, by ecosystem ("docker", "containerd", "runc"). */
export type DockerServerVersions = Partial<Record<"docker" | "containerd" | "runc", string>>;

const SERVER = /^Server:(?:\s|$)/;
const VERSION = /^\s+Version:\s+v?(\d+\.\d+\.\d+[\w.+~-]*)\s*$/;
/** A block's header, any indented "Name:" alone on its line (" Engine:", " containerd:", " Podman Engine:"). */
const BLOCK = /^\s+([A-Za-z][\w .-]*?):\s*$/;
const PART_BLOCK: Record<string, keyof DockerServerVersions | undefined> = { Engine: "docker", containerd: "containerd", runc: "runc" };
const CTR_LINE = /^\s+(?:Revision|UUID):/;
/** RHEL's and CentOS's own docker names its package under "Server:": " Package version: docker-1.13.1-91.git07f3374.el7.centos.x86_64". */
const PACKAGE_VERSION = /^\s+Package version:\s+docker(?:-[a-z]+)*-(\d+\.\d+\.\d+-\d[\w.]*?)(?:\.(?:x86_64|aarch64|ppc64le|s390x))?\s*$/;
const DOCKER_LINE = /^\s+(?:API version|Git commit):/;
/** The engine's "Git commit:", where Ubuntu's docker.io and Fedora's moby-engine name their package's build. */
const GIT_COMMIT = /^\s+Git commit:\s+(\S+)\s*$/;
const PODMAN_BLOCK = "Podman Engine";

/** Lines read after "Server:" at most: the part is about 20 lines long. */
const MAX_PART_LINES = 40;

/**
 * The versions the `docker version` outputs in the text agree on, by ecosystem, in the groups `place` puts each
 * output in (1-based line of its "Server:"): the host's own, or another machine's or time's (output-heading.ts,
 * component-upgrades.ts), each gathered apart the same way. One pass over the outputs, whatever the groups.
 */
export function dockerVersionComponents<G extends string>(
  lines: TextLines,
  place: (line: number) => G,
): Partial<Record<G, DockerServerVersions>> {
  const at = lines.openingWith(SERVER_LINE);
  // The part's own lines only, up to the first that is not indented: a paste of bare "Server:" lines read 40 lines for
  // each (review 34a: 2 MB took 4.5 s).
  const partText = (line: number) => {
    const part = [lines.at(line - 1) ?? ""];
    for (let n = line; n < line - 1 + MAX_PART_LINES && n < lines.length; n++) {
      const next = lines.at(n) ?? "";
      if (!/^\s/.test(next) || !next.trim()) break;
      part.push(next);
    }
    return part.join("\n");
  };
  // Whose a part is (`place`: a walk up to its heading) is asked only of the parts that name a version: a paste of bare
  // "Server:" lines walked 80 lines up for each (review 34a: 2 MB took 3 s).
  const groups = new Map<G, DockerServerVersions[]>();
  const found = [
    ...at.map((s) => ({ line: s.line, part: dockerServerVersions([partText(s.line)])[0] })),
    ...lines.openingWith(JSON_OPEN).map((s) => ({ line: s.line, part: dockerJsonVersions(lines.at(s.line - 1) ?? "") })),
    ...lines
      .openingWith("{")
      .filter((s) => (lines.at(s.line - 1) ?? "").trimEnd() === "{" && PRETTY_PRINTED.test(lines.at(s.line - 2) ?? ""))
      .map((s) => ({ line: s.line, part: dockerJsonVersions(prettyObject(lines, s.line)) })),
  ];
  for (const s of found) {
    const part = s.part;
    if (!part) continue;
    const group = place(s.line);
    const parts = groups.get(group);
    if (parts) parts.push(part);
    else groups.set(group, [part]);
  }
  const out: Partial<Record<G, DockerServerVersions>> = {};
  for (const [group, parts] of groups) out[group] = agreed(parts);
  return out;
}

/** What the parts agree on, by component. */
const agreed = (parts: readonly DockerServerVersions[]): DockerServerVersions => agreedPerKey(parts.flatMap((p) => Object.entries(p)));

const SERVER_LINE = "Server:";

/**
 * Docker's JSON answers, one line each (reviews 50i F2, 51d): `docker version --format json` (or `'{{json .}}'`) prints
 *
 *   {"Client":{…,"Version":"26.1.0",…},"Server":{"Platform":{…},"Components":[{"Name":"Engine","Version":"26.0.0",…},
 *    {"Name":"containerd","Version":"1.6.28",…},{"Name":"runc","Version":"1.1.12",…},…],"Version":"26.0.0","ApiVersion":…}}
 *
 * (before Docker 17.06 the server part has no components) and `docker info --format json` prints
 * {…,"Driver":"overlay2",…,"DockerRootDir":"/var/lib/docker",…,"ServerVersion":"26.0.0",…}. The client's part is left
 * out, as in the text. Podman's own JSON has no "ApiVersion" (it spells "APIVersion"); a Podman socket answering the
 * docker client names a "Podman Engine" component or Podman's storage root: no Docker.
 */
const JSON_OPEN = '{"';
/**
 * Docker's own numbering: 1.8–1.13 (docker info names its server version from 1.8 on) and 17.03 on (year.month). Another
 * engine answering Docker's API (Podman 3–5, nerdctl's containerd 1.x and 2.x) numbers its releases otherwise.
 */
export const dockerNumbered = (version: string): boolean => {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major >= 17 || (major === 1 && minor >= 8);
};
/** A `docker info` answer with many registry mirrors and plugins runs to a few KB; longer lines are no such answer. */
const MAX_JSON_CHARS = 64 * 1024;
const JSON_VERSION = /^v?(\d+\.\d+\.\d+[\w.+~-]*)$/;
/** A package build's length at most ("24.0.7-0ubuntu2~22.04.1"); a longer "GitCommit" is none (review 51g F2: its test cost grew with the square). */
const MAX_BUILD = 100;
const PODMAN_STORAGE = "/containers/storage";
/** The server part's key, on one line or pretty-printed. */
const SERVER_PART = /"Server":\s*\{/;

/**
 * The same answers pretty-printed by `jq` (`docker version --format json | jq`, `docker info -f '{{json .}}' | jq .`): the
 * command, then an object over many lines, "{" to the "}" that opens its own line (review 51f F5).
 */
/** Docker asked for its whole answer as JSON and piped to jq (`docker info -f '{{json .}}' | jq`): jq's filter follows. */
export const DOCKER_JSON_TO_JQ = String.raw`\bdocker\s+(?:version|info|system\s+info)\s+(?:--format|-f)[=\s]*(["']?)(?:json|\{\{\s*json\s+\.\s*\}\})\1\s*\|\s*jq`;
const PRETTY_PRINTED = new RegExp(String.raw`${DOCKER_JSON_TO_JQ}(?:\s+(?:-\S+|'\.'|"\."|\.))*\s*$`);
/** Lines of a pretty-printed answer read at most: `docker info`'s runs to about 150. */
const MAX_PRETTY_LINES = 400;
/** The object opening on `line` (1-based), its lines joined, or "" where it does not close within MAX_PRETTY_LINES. */
function prettyObject(lines: TextLines, line: number): string {
  const parts: string[] = [];
  for (let n = line; n < line + MAX_PRETTY_LINES && n <= lines.length; n++) {
    const text = lines.at(n - 1);
    parts.push(text);
    if (n > line && text.trimEnd() === "}") return parts.join("\n");
  }
  return "";
}

function dockerJsonVersions(text: string): DockerServerVersions | null {
  const t = text.trim();
  if (t.length > MAX_JSON_CHARS || !t.endsWith("}") || !(SERVER_PART.test(t) || t.includes('"ServerVersion":'))) return null;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return null;
  }
  const object = (v: unknown): Record<string, unknown> | null =>
    v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  const version = (v: unknown) => (typeof v === "string" ? JSON_VERSION.exec(v)?.[1]?.replace(VENDOR_BUILD, "") : undefined);
  const answer = object(value);
  const server = object(answer?.Server);
  if (server) {
    const components: Array<Record<string, unknown>> = Array.isArray(server.Components)
      ? (server.Components as unknown[]).flatMap((c) => {
          const o = object(c);
          return o ? [o] : [];
        })
      : [];
    if (components.some((c) => typeof c.Name === "string" && c.Name.includes("Podman")) || !("ApiVersion" in server)) return null;
    const named = (name: string) => version(components.find((c) => c.Name === name)?.Version);
    const part: DockerServerVersions = {};
    const docker = named("Engine") ?? version(server.Version);
    // The distribution's build the engine's commit names, as in the text (Ubuntu's docker.io: "24.0.7-0ubuntu2~22.04.1").
    const commit = typeof server.GitCommit === "string" && server.GitCommit.length <= MAX_BUILD ? server.GitCommit : null;
    const build = commit && docker ? distroBuild(docker, commit) : null;
    if (docker) part.docker = build ?? docker;
    const containerd = named("containerd");
    const runc = named("runc");
    if (containerd) part.containerd = containerd;
    if (runc) part.runc = runc;
    return Object.keys(part).length ? part : null;
  }
  const root = answer?.DockerRootDir;
  const docker = version(answer?.ServerVersion);
  // Podman's own root, or a release outside Docker's numbering (Podman with its graph root moved: review 51f F2), is no Docker.
  return docker && typeof root === "string" && !root.includes(PODMAN_STORAGE) && dockerNumbered(docker) ? { docker } : null;
}

/** The server parts of the `docker version` outputs, each given as its text from its "Server:" line on. */
function dockerServerVersions(partTexts: readonly string[]): DockerServerVersions[] {
  const out: DockerServerVersions[] = [];
  for (const partText of partTexts) {
    const lines = partText.split("\n");
    if (!SERVER.test(lines[0] ?? "")) continue;
    const part: DockerServerVersions = {};
    // The version straight under "Server:", before any block: whose it is, its neighbours say.
    let top: string | null = null;
    let block: keyof DockerServerVersions | "top" | null = "top";
    let ctr = false;
    let docker = false;
    let podman = false;
    let pkg: string | null = null;
    let engineBuild: string | null = null;
    for (const line of lines.slice(1, MAX_PART_LINES)) {
      if (!/^\s/.test(line) || !line.trim()) break;
      if (block === "top") {
        ctr ||= CTR_LINE.test(line);
        docker ||= DOCKER_LINE.test(line);
        // The distribution's build, with its backports: judged as that (verdict.ts, componentChecks).
        pkg ??= PACKAGE_VERSION.exec(line)?.[1] ?? null;
      }
      // ctr prints "Revision:" with nothing after it for a build without one (Ubuntu's): no block header.
      const named = CTR_LINE.test(line) ? null : BLOCK.exec(line);
      if (named) {
        podman ||= named[1] === PODMAN_BLOCK;
        block = PART_BLOCK[named[1] as string] ?? null;
        continue;
      }
      if (block === "docker" || block === "top") engineBuild ??= GIT_COMMIT.exec(line)?.[1] ?? null;
      const version = VERSION.exec(line)?.[1]?.replace(VENDOR_BUILD, "");
      if (!version || !block) continue;
      if (block === "top") top ??= version;
      else part[block] ??= version;
    }
    // The distribution's build the engine's "Git commit:" names, judged as that (review 34a: Ubuntu's docker.io was upstream's).
    const distro = engineBuild ? distroBuild(part.docker ?? top ?? "", engineBuild) : null;
    if (distro && part.docker) part.docker = distro;
    else if (distro && top && docker) pkg ??= distro;
    if (podman) delete part.docker;
    else if (top && ctr) part.containerd ??= top;
    else if (top && docker) part.docker ??= pkg?.startsWith(`${top}-`) ? pkg : top;
    if (Object.keys(part).length) out.push(part);
  }
  return out;
}
