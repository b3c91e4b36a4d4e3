import { KUBE_PROXY } from "./tool-versions";

/**
 * A component's container image named with its tag ("docker.io/flannel/flannel:v0.21.4", "quay.io/calico/node:v3.30.5",
 * "registry.k8s.io/coredns/coredns:v1.10.1", "k8s.gcr.io/coredns:1.6.7", flannel's older "-amd64" tags): what a
 * cluster runs of a CNI or DNS add-on (`kubectl get pods -o wide`, `describe pod`, its manifest). Named, not the
 * host's own output, in a manifest or a sentence: a manifest may be another cluster's or an old revision's; what kubectl
 * prints of the cluster's own workloads is its answer (workloadImages). Only images that are the component itself:
 * flannel's CNI plugin image ("flannel-cni-plugin") or Calico's "pod2daemon-flexvol" are other programs.
 */
const IMAGE_REF =
  /(?:^|[\s"'=(,[])((?:[\w.-]+(?::\d+)?\/)*)([\w.-]+):v?(\d+\.\d+\.\d+)(?:-(?:amd64|arm64|arm|ppc64le|s390x|eksbuild\.\d+|build\d{8}))?(?![\w.+-])/g;
export const IMAGE_COMPONENTS: ReadonlyArray<[ecosystem: string, repository: RegExp, marker: string[], workload?: string]> = [
  // Rancher's copies (RKE1's mirrored-*, RKE2's hardened-* with a "-buildYYYYMMDD" tag; review 67a F5: the images a Rancher
  // cluster shows were not read) are the same releases. A mirror is named after the upstream path, its slashes as dashes
  // (flannel-io/flannel → mirrored-flannel-flannel, review 67i F6).
  ["flannel", /^(?:.*\/)?(?:flannel|mirrored-(?:flannelcni|coreos|flannel)-flannel|hardened-flannel)$/, ["flannel:", "flannel-flannel:"]],
  // Review 31b/31c: "traefik:v3.6.0", "registry.k8s.io/dns/k8s-dns-node-cache:1.15.11", "…/amazon-k8s-cni:v1.10.1-eksbuild.1",
  // "quay.io/cilium/cilium:v1.15.3", "antrea/antrea-agent-ubuntu:v2.0.0", "falcosecurity/falco-no-driver:0.39.2".
  ["traefik", /^(?:.*\/)?traefik$/, ["traefik:"]],
  // kube-proxy's image is the cluster's kube-proxy release (review 31d: "k8s.gcr.io/kube-proxy:v1.18.2" was not read); as the
  // cluster's own answer (workloadImages), kube-proxy's own, which the kubelet's release need not be (review 72b F2).
  ["kubernetes", /^(?:.*\/)?kube-proxy$/, ["kube-proxy:v"], KUBE_PROXY],
  ["k8s-dns-node-cache", /^(?:.*\/)?k8s-dns-node-cache$/, ["k8s-dns-node-cache:"]],
  ["aws-vpc-cni", /^(?:.*\/)?amazon-k8s-cni$/, ["amazon-k8s-cni:"]],
  ["cilium", /^(?:.*\/)?cilium\/cilium$/, ["cilium/cilium:"]],
  [
    "antrea",
    /^(?:.*\/)?antrea\/antrea-(?:ubuntu|agent-ubuntu|controller-ubuntu)$/,
    ["antrea-ubuntu:", "antrea-agent-ubuntu:", "antrea-controller-ubuntu:"],
  ],
  [
    "falco",
    /^(?:.*\/)?falcosecurity\/falco(?:-no-driver|-distroless)?$/,
    ["falcosecurity/falco:", "falcosecurity/falco-no-driver:", "falcosecurity/falco-distroless:"],
  ],
  ["coredns", /^(?:.*\/)?(?:mirrored-coredns-|hardened-)?coredns$/, ["coredns:"]],
  [
    "calico",
    /^(?:.*\/)?(?:calico\/(?:node|cni|kube-controllers|typha)|mirrored-calico-(?:node|cni|kube-controllers|typha)|hardened-calico)$/,
    ["calico/node:", "calico/cni:", "calico/kube-controllers:", "calico/typha:", "mirrored-calico-", "hardened-calico:"],
  ],
];
export const IMAGE_MARKERS = IMAGE_COMPONENTS.flatMap(([, , markers]) => markers);

/**
 * The component images a line names with their tags, as [ecosystem, version]; as a workload's (the cluster's answer), under
 * the ecosystem that reading is written under (kube-proxy's own).
 */
export function imageVersions(text: string, workload = false): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of text.matchAll(IMAGE_REF)) {
    const image = `${m[1] ?? ""}${m[2] ?? ""}`.toLowerCase();
    const component = IMAGE_COMPONENTS.find(([, repository]) => repository.test(image));
    if (component && m[3]) out.push([(workload && component[3]) || component[0], m[3]]);
  }
  return out;
}

/**
 * A kubectl query of the cluster's workloads that prints their images: `get` of DaemonSets, Deployments, StatefulSets or pods
 * with an output that shows them (`-o wide`'s IMAGES column, `-o jsonpath='{..image}'`, `-o yaml|json`, custom columns), or
 * `describe` of one (its "Image:" field). The "to decide" step asks for an add-on's version so (decide-with.ts).
 */
const WORKLOAD_QUERY =
  /(?:^|[\s$#%>])(?:kubectl|kubecolor|oc|k)\b[^|;&]{0,200}?\s(get|describe)\s+[\w.,/-]*\b(?:daemonsets?|ds|deploy(?:ments?)?|statefulsets?|sts|pods?|po)\b[^|;&]*$/;
const SHOWS_IMAGES = /\s(?:-o|--output)[= ]?['"]?(wide|jsonpath|custom-columns|go-template|yaml|json)\b/;
/** A YAML or JSON field, or describe's: the image alone after the key. */
const IMAGE_FIELD = /^\s*-?\s*"?[Ii]mage"?:\s*["']?\S+?["']?,?\s*$/;

/** How a command shows the workloads' images: on every line of its output (a table, jsonpath), on image fields only, or not. */
export function workloadQuery(command: string): "lines" | "fields" | null {
  const query = WORKLOAD_QUERY.exec(command);
  if (!query) return null;
  if (query[1] === "describe") return "fields";
  const output = SHOWS_IMAGES.exec(command)?.[1];
  if (output === "yaml" || output === "json") return "fields";
  // A pods table, wide or not, has no IMAGES column (kubectl's pod printer): an image on its lines is no field of it.
  if (output === "wide" && PODS_ONLY.test(command)) return null;
  return output ? "lines" : null;
}
const PODS_ONLY = /\sget\s+(?:pods?|po)\b(?![,/])/;

/**
 * The component images a line of a workload query's output names (`workloadQuery`): the cluster's own answer, read as the
 * host readings of its add-ons, kube-proxy's under its package's own ecosystem (kube-proxy), since the kubelet's release is
 * not kube-proxy's (review 72b F2).
 */
export function workloadImages(line: string, shown: "lines" | "fields"): Array<[string, string]> {
  return shown === "fields" && !IMAGE_FIELD.test(line) ? [] : imageVersions(line, true);
}
