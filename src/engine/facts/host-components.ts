/**
 * The kubelet, container runtime and `docker version` components one host's own output shows, from every
 * output of them in the bundle. Two rules keep a pasted comparison from deciding a verdict:
 * - readings of one component that disagree (`kubelet --version` before and after an upgrade, two machines'
 *   `docker info`) give none: which one failed is not known, and taking the first would let the order of the
 *   paste decide, as combineKernel says of kernels;
 * - the daemon's word (`docker version`'s server part, `docker info`'s Server Version, a runtime's own
 *   `--version`, kubectl's Container Runtime Version) outranks the Docker CLI's `docker --version`, which is
 *   the client's: a CI job's CLI talks to a dind service, a CLI is upgraded on its own.
 * Output under a heading that names another machine or an earlier time (output-heading.ts) is read apart and
 * counts as a version the report names, hedged (ExtractedFacts.named).
 */
import { compareComponentVersion, kubernetesRelease } from "../versions";
import { agreedPerKey } from "./agreed";
import type { DockerServerVersions } from "./docker-version";
import { runtimeComponent } from "./runtime-version";

export interface ComponentReadings {
  /** Each `kubelet --version` output, as kubectl writes the version ("v1.26.3"). */
  kubelet: readonly string[];
  /** Each runtime `--version` output, as kubectl writes the runtime ("containerd://1.6.20", "docker://24.0.7"). */
  runtime: readonly string[];
  /** What `docker info`, `kubectl describe node`, `crictl version` and the daemons' start-up lines say (pickComponentMentions). */
  mentioned: { kubelet: string | null; kubeletPids?: readonly string[]; runtimes: readonly string[]; criRuntime?: string };
  /** What the `docker version` server parts agree on. */
  server: DockerServerVersions;
}

export interface HostComponents {
  kubelet: string | null;
  /** The runtime as kubectl writes it: the daemon's, else the Docker CLI's. */
  runtime: string | null;
  /**
   * The daemons' components by ecosystem (docker, containerd, runc, cri-o), each only when its readings agree;
   * Docker's from its CLI when no daemon output names it.
   */
  components: Record<string, string>;
  /** The components whose version only a client printed (Docker's, from `docker --version`): judged, never certainly. */
  fromClient: readonly string[];
  /**
   * Daemons whose binary on disk (`containerd --version`) printed a newer version than the running daemon answered
   * (`crictl version`): an upgrade not yet restarted into. The daemon's judges, and the answer names the binary's.
   */
  onDisk: Readonly<Record<string, string>>;
  /** The components whose own readings disagree: no version of them decides, not even one the report names. */
  disputed: readonly DisputedComponent[];
  /** The CRI runtime `crictl version` names (its RuntimeName: "containerd", "cri-o", "docker"), the one the kubelet talks to. */
  criRuntime: string | null;
}

/** A component the input gives several versions of, with those versions (for the answer to name them). */
export interface DisputedComponent {
  ecosystem: string;
  versions: readonly string[];
}

/** The disputes of several readings together: one per component, its versions merged. */
export function mergeDisputes(all: Iterable<DisputedComponent>): DisputedComponent[] {
  const by = new Map<string, Set<string>>();
  for (const { ecosystem, versions } of all) {
    const seen = by.get(ecosystem) ?? new Set<string>();
    for (const v of versions) seen.add(v);
    by.set(ecosystem, seen);
  }
  return [...by].map(([ecosystem, versions]) => ({ ecosystem, versions: inOrder(versions) }));
}
/** Versions lowest first, for the answer to list them in an order a reader expects ("1.6.3 and 1.6.4"). */
const inOrder = (versions: Iterable<string>) => [...new Set(versions)].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));

/**
 * Components that run as a daemon, whose running version a client can ask: the CRI runtimes kubectl's CONTAINER-RUNTIME
 * column names. The rest (runc, crun and its libseccomp, the tools of tool-versions.ts) are binaries run per container or
 * per command, which that column never shows.
 */
const DAEMONS = new Set(["containerd", "docker", "cri-o"]);
/** Whether version `a` is after `b` (false when either does not parse). */
const newer = (a: string, b: string) => {
  try {
    return compareComponentVersion(a, b) > 0;
  } catch {
    return false;
  }
};

type Reading = readonly [version: string, runtime: string, running: boolean];
/** The most specific reading (a package build over its release), which stands for the ones that agree with it. */
const mostSpecific = (readings: readonly Reading[]): Reading => readings.reduce((a, b) => (b[0].length > a[0].length ? b : a));
/** Whether readings name one build (each the most specific's, or its release). */
const agree = (readings: readonly Reading[]) => {
  const [most] = mostSpecific(readings);
  return readings.every(([v]) => sameBuild(v, most));
};

/** One version of a component, however many times shown; null when none or when they disagree. */
function one(values: readonly string[]): string | null {
  const distinct = new Set(values);
  return distinct.size === 1 ? ([...distinct][0] as string) : null;
}

/**
 * Whether two readings name one build: RHEL's `docker version` names its package ("1.13.1-91.git07f3374.el7")
 * where `docker info` says "1.13.1".
 */
export const sameBuild = (a: string, b: string) => a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`);

export function hostComponents(r: ComponentReadings): HostComponents {
  const kubelet = r.kubelet.length ? one(r.kubelet) : r.mentioned.kubelet;
  // By ecosystem, the daemon-side readings: [version, the runtime string kubectl would show, whether the running daemon
  // answered it].
  const daemon = new Map<string, Reading[]>();
  const add = (runtime: string | null, running: boolean) => {
    const c = runtimeComponent(runtime);
    if (!runtime || !c) return;
    // Pushed, not copied: a paste of many `--version` lines must stay linear.
    const readings = daemon.get(c[0]);
    if (readings) readings.push([c[1], runtime, running]);
    else daemon.set(c[0], [[c[1], runtime, running]]);
  };
  const client: string[] = [];
  for (const runtime of r.runtime) {
    if (runtimeComponent(runtime)?.[0] === "docker") client.push(runtime);
    else add(runtime, false);
  }
  for (const runtime of r.mentioned.runtimes) add(runtime, true);
  for (const [ecosystem, version] of Object.entries(r.server)) add(`${ecosystem}://${version}`, true);
  const components: Record<string, string> = {};
  const runtimes: string[] = [];
  const conflicting: DisputedComponent[] = [];
  const onDisk: Record<string, string> = {};
  for (const [ecosystem, all] of daemon) {
    // A daemon's own answer (`crictl version`, `docker version`'s server part, describe node) over its binary's newer
    // `--version`: the file on disk was upgraded and the daemon not yet restarted, so the running process is the older
    // one that logged the failure (review 54d F4: crictl's 1.6.3 beside `containerd --version`'s 1.6.4 was "versions
    // disagree"). Only then: runc and crun have no daemon (`docker info`'s runc is whatever binary dockerd's runtime path
    // finds at the query, another copy than k3s's or a kind node's), and a binary older than the daemon is no pending
    // upgrade but another install or machine (Docker Desktop, minikube, another node's describe): review 55b F1-F5.
    const live = all.filter(([, , running]) => running);
    const disk = all.filter(([, , running]) => !running);
    const pending =
      DAEMONS.has(ecosystem) &&
      live.length &&
      disk.length &&
      !agree(all) &&
      agree(live) &&
      agree(disk) &&
      newer(mostSpecific(disk)[0], mostSpecific(live)[0]);
    const readings = pending ? live : all;
    if (pending) onDisk[ecosystem] = mostSpecific(disk)[0];
    if (!agree(readings)) {
      conflicting.push({ ecosystem, versions: inOrder(readings.map(([v]) => v)) });
      continue;
    }
    components[ecosystem] = mostSpecific(readings)[0];
    if (DAEMONS.has(ecosystem)) runtimes.push((readings[0] as Reading)[1]);
  }
  // The CLI's version stands for Docker only where no daemon said its own (and two daemons did not disagree).
  const cli = conflicting.some((d) => d.ecosystem === "docker") ? null : one(client);
  const cliVersion = runtimeComponent(cli)?.[1];
  const fromClient = cliVersion !== undefined && components.docker === undefined;
  if (fromClient) components.docker = cliVersion;
  if (r.kubelet.length && !one(r.kubelet)) conflicting.push({ ecosystem: "kubernetes", versions: inOrder(r.kubelet) });
  return {
    kubelet,
    runtime: runtimes[0] ?? cli,
    components,
    fromClient: fromClient ? ["docker"] : [],
    onDisk,
    disputed: conflicting,
    criRuntime: r.mentioned.criRuntime ?? null,
  };
}

/** The same readings of another machine's output, as versions the report names (one per ecosystem, or none). */
export function namedComponents(r: ComponentReadings): Record<string, string> {
  return agreedPerKey([
    ...[...r.kubelet, ...(r.mentioned.kubelet ? [r.mentioned.kubelet] : [])].map((v) => ["kubernetes", kubernetesRelease(v)] as const),
    ...[...r.runtime, ...r.mentioned.runtimes].flatMap((runtime) => {
      const c = runtimeComponent(runtime);
      return c ? [c] : [];
    }),
    ...Object.entries(r.server),
  ]);
}
