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
import { kubernetesRelease } from "../versions";
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
  return [...by].map(([ecosystem, versions]) => ({ ecosystem, versions: [...versions] }));
}

const LOW_LEVEL = new Set(["runc", "crun", "libseccomp"]);

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
  // By ecosystem, the daemon-side readings: [version, the runtime string kubectl would show].
  const daemon = new Map<string, Array<[string, string]>>();
  const add = (runtime: string | null) => {
    const c = runtimeComponent(runtime);
    if (!runtime || !c) return;
    // Pushed, not copied: a paste of many `--version` lines must stay linear.
    const readings = daemon.get(c[0]);
    if (readings) readings.push([c[1], runtime]);
    else daemon.set(c[0], [[c[1], runtime]]);
  };
  const client: string[] = [];
  for (const runtime of r.runtime) {
    if (runtimeComponent(runtime)?.[0] === "docker") client.push(runtime);
    else add(runtime);
  }
  for (const runtime of r.mentioned.runtimes) add(runtime);
  for (const [ecosystem, version] of Object.entries(r.server)) add(`${ecosystem}://${version}`);
  const components: Record<string, string> = {};
  const runtimes: string[] = [];
  const conflicting: DisputedComponent[] = [];
  for (const [ecosystem, readings] of daemon) {
    // The most specific reading (a package build over its release) stands for the agreeing ones.
    const [most] = [...readings].sort((a, b) => b[0].length - a[0].length) as [[string, string]];
    if (!readings.every(([v]) => sameBuild(v, most[0]))) {
      conflicting.push({ ecosystem, versions: [...new Set(readings.map(([v]) => v))] });
      continue;
    }
    components[ecosystem] = most[0];
    // runc and crun (and the libseccomp runc reports) run under a runtime; kubectl's runtime column never names them.
    if (!LOW_LEVEL.has(ecosystem)) runtimes.push((readings[0] as [string, string])[1]);
  }
  // The CLI's version stands for Docker only where no daemon said its own (and two daemons did not disagree).
  const cli = conflicting.some((d) => d.ecosystem === "docker") ? null : one(client);
  const cliVersion = runtimeComponent(cli)?.[1];
  const fromClient = cliVersion !== undefined && components.docker === undefined;
  if (fromClient) components.docker = cliVersion;
  if (r.kubelet.length && !one(r.kubelet)) conflicting.push({ ecosystem: "kubernetes", versions: [...new Set(r.kubelet)] });
  return {
    kubelet,
    runtime: runtimes[0] ?? cli,
    components,
    fromClient: fromClient ? ["docker"] : [],
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
