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
 * Its "Revision:" line, which no `docker version` prints (Docker's says "Git commit:"), tells it apart:
 * its version is containerd's, not Docker's.
 */

import type { TextLines } from "./text-lines";

/** The versions one `docker version` server part names, by ecosystem ("docker", "containerd", "runc"). */
export type DockerServerVersions = Partial<Record<"docker" | "containerd" | "runc", string>>;

const SERVER = /^Server:(?:\s|$)/;
const VERSION = /^\s+Version:\s+v?(\d+\.\d+\.\d+[\w.+~-]*)\s*$/;
const BLOCK = /^\s+(Engine|containerd|runc|docker-init):\s*$/;
const CTR_REVISION = /^\s+Revision:\s/;
const PART_BLOCK: Record<string, keyof DockerServerVersions | undefined> = { Engine: "docker", containerd: "containerd", runc: "runc" };
/** Lines read after "Server:" at most: the part is about 20 lines long. */
const MAX_PART_LINES = 40;

/**
 * The versions the `docker version` outputs in the text agree on, by ecosystem; a component they
 * disagree on is left out. `lines`, when the caller has them, are the text's lines.
 */
export function dockerVersionComponents(text: string, lines?: TextLines): DockerServerVersions {
  const parts = dockerServerVersions(text, lines ? lines.openingWith(SERVER_LINE) : serverLines(text));
  const out: DockerServerVersions = {};
  for (const key of ["docker", "containerd", "runc"] as const) {
    const seen = new Set(parts.flatMap((p) => p[key] ?? []));
    if (seen.size === 1) out[key] = [...seen][0] as string;
  }
  return out;
}

const SERVER_LINE = "Server:";

/** Offsets of the lines that open with "Server:". */
function serverLines(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(SERVER_LINE); at >= 0; at = text.indexOf(SERVER_LINE, at + SERVER_LINE.length)) {
    if (at === 0 || text.charCodeAt(at - 1) === 10) out.push(at);
  }
  return out;
}

/** The server parts of the `docker version` outputs starting at `serverAt` (offsets of "Server:" lines). */
function dockerServerVersions(text: string, serverAt: readonly number[]): DockerServerVersions[] {
  const out: DockerServerVersions[] = [];
  for (const at of serverAt) {
    const lines = text.slice(at, at + 4000).split("\n");
    if (!SERVER.test(lines[0] ?? "")) continue;
    const part: DockerServerVersions = {};
    let block: keyof DockerServerVersions | null = "docker";
    let ctr = false;
    for (const line of lines.slice(1, MAX_PART_LINES)) {
      if (!/^\s/.test(line) || !line.trim()) break;
      if (block === "docker" && CTR_REVISION.test(line)) ctr = true;
      const named = BLOCK.exec(line);
      if (named) {
        block = PART_BLOCK[named[1] as string] ?? null;
        continue;
      }
      const version = VERSION.exec(line)?.[1];
      if (version && block && !part[block]) part[block] = version.replace(/-(?:ce|ee)$/, "");
    }
    if (ctr && part.docker) {
      part.containerd ??= part.docker;
      delete part.docker;
    }
    if (Object.keys(part).length) out.push(part);
  }
  return out;
}
