/**
 * The API server's node objects in each form kubectl prints them, and salt's fan-out, beside one node's xt-mark symptom
 * (review 70b F7: each was "3 kernels … two machines: a nodes table would decide"). Shapes as the tools print them:
 * `kubectl describe nodes` (kubernetes/kubernetes#32522's System Info layout), `get nodes -o json|yaml`, `cluster-info
 * dump`'s NodeList, PodList and "==== START logs …" sections, salt's default outputter.
 */
const FLEET: ReadonlyArray<readonly [name: string, ip: string, kernel: string]> = [
  ["cp-1", "10.0.0.10", "5.15.0-126-generic"],
  ["worker-1", "10.0.0.11", "5.15.0-126-generic"],
  ["worker-2", "10.0.0.12", "5.15.0-127-generic"],
  ["worker-3", "10.0.0.13", "5.15.0-130-generic"],
];
const SYMPTOM = 'error appending rule: exit status 2: ip6tables v1.8.7 (nf_tables): unknown option "--xor-mark"';
const journal = (node: string) => [
  `$ ssh ${node} sudo journalctl -u kubelet --no-pager | grep -i xor-mark`,
  `Dec 17 15:38:23 ${node} kubelet[1123]:         ${SYMPTOM}`,
];

/** Four `kubectl describe nodes` blocks, then `node`'s journal. */
export const describedNodes = (node: string) =>
  [
    "$ kubectl describe nodes",
    ...FLEET.flatMap(([name, ip, kernel]) => [
      `Name:               ${name}`,
      "Roles:              <none>",
      `Labels:             kubernetes.io/hostname=${name}`,
      "Conditions:",
      "  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message",
      "  ----             ------  -----------------                 ------------------                ------                       -------",
      "  Ready            True    Tue, 17 Dec 2024 15:30:00 +0000   Mon, 02 Dec 2024 09:00:00 +0000   KubeletReady                 kubelet is posting ready status",
      "Addresses:",
      `  InternalIP:  ${ip}`,
      `  Hostname:    ${name}`,
      "System Info:",
      "  Machine ID:                 3f2c9a51d0f54c0e9a7d2b8c1e6f4a90",
      `  Kernel Version:             ${kernel}`,
      "  OS Image:                   Ubuntu 22.04.5 LTS",
      "  Operating System:           linux",
      "  Container Runtime Version:  containerd://1.7.22",
      "  Kubelet Version:            v1.30.6",
      "PodCIDR:                      10.244.1.0/24",
      "Events:                       <none>",
      "",
    ]),
    ...journal(node),
  ].join("\n");

const nodeJson = ([name, ip, kernel]: readonly [string, string, string]) => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name, labels: { "kubernetes.io/hostname": name } },
  status: {
    addresses: [{ address: ip, type: "InternalIP" }],
    conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" }],
    nodeInfo: {
      containerRuntimeVersion: "containerd://1.7.22",
      kernelVersion: kernel,
      kubeletVersion: "v1.30.6",
      osImage: "Ubuntu 22.04.5 LTS",
    },
  },
});

/** `kubectl get nodes -o json`, then `node`'s journal. */
export const nodesJson = (node: string) =>
  [
    "$ kubectl get nodes -o json",
    JSON.stringify({ apiVersion: "v1", items: FLEET.map(nodeJson), kind: "List", metadata: { resourceVersion: "" } }, null, 4),
    ...journal(node),
  ].join("\n");

/** `kubectl get nodes -o yaml`, then `node`'s journal. */
export const nodesYaml = (node: string) =>
  [
    "$ kubectl get nodes -o yaml",
    "apiVersion: v1",
    "items:",
    ...FLEET.flatMap(([name, ip, kernel]) => [
      "- apiVersion: v1",
      "  kind: Node",
      "  metadata:",
      "    labels:",
      `      kubernetes.io/hostname: ${name}`,
      `    name: ${name}`,
      "  status:",
      "    addresses:",
      `    - address: ${ip}`,
      "      type: InternalIP",
      "    conditions:",
      "    - message: kubelet is posting ready status",
      "      reason: KubeletReady",
      '      status: "True"',
      "      type: Ready",
      "    nodeInfo:",
      "      containerRuntimeVersion: containerd://1.7.22",
      `      kernelVersion: ${kernel}`,
      "      kubeletVersion: v1.30.6",
      "      osImage: Ubuntu 22.04.5 LTS",
    ]),
    "kind: List",
    "metadata:",
    '  resourceVersion: ""',
    ...journal(node),
  ].join("\n");

/**
 * Cluster API's Machines as `kubectl get machines -o yaml` prints them: each copies its Node's nodeInfo and names the
 * node in `status.nodeRef`, but is no node itself (review 71i F3), then `node`'s journal.
 */
export const machinesYaml = (node: string) =>
  [
    "$ kubectl get machines -o yaml",
    "apiVersion: v1",
    "items:",
    ...FLEET.flatMap(([name, , kernel]) => [
      "- apiVersion: cluster.x-k8s.io/v1beta1",
      "  kind: Machine",
      "  metadata:",
      `    name: capi-md-0-${name}`,
      "  status:",
      "    nodeInfo:",
      "      containerRuntimeVersion: containerd://1.7.22",
      `      kernelVersion: ${kernel}`,
      "      kubeletVersion: v1.30.6",
      "      osImage: Ubuntu 22.04.5 LTS",
      "    nodeRef:",
      "      apiVersion: v1",
      "      kind: Node",
      `      name: ${name}`,
    ]),
    "kind: List",
    "metadata:",
    '  resourceVersion: ""',
    ...journal(node),
  ].join("\n");

/** `kubectl cluster-info dump`: its NodeList, its PodList (a kube-proxy pod a node), and the logs of `node`'s pod. */
export const clusterInfoDump = (node: string) => {
  const pod = (name: string) => `kube-proxy-${name.replace(/\W/g, "")}`;
  const nodes = FLEET.map((n) => {
    const { metadata, status } = nodeJson(n);
    return { metadata, status };
  });
  const pods = FLEET.map(([name]) => ({
    metadata: { name: pod(name), namespace: "kube-system" },
    spec: { nodeName: name },
    status: { phase: "Running" },
  }));
  return [
    "$ kubectl cluster-info dump --namespaces kube-system --output-directory=- | less",
    JSON.stringify({ kind: "NodeList", apiVersion: "v1", metadata: { resourceVersion: "4711" }, items: nodes }, null, 4),
    JSON.stringify({ kind: "PodList", apiVersion: "v1", metadata: { resourceVersion: "4711" }, items: pods }, null, 4),
    `==== START logs for container kube-proxy of pod kube-system/${pod(node)} ====`,
    'I1217 15:38:23.503381       1 proxier.go:805] "Syncing iptables rules" ipFamily="IPv6"',
    'E1217 15:38:23.516741       1 proxier.go:1516] "Failed to execute iptables-restore" err=<',
    '	exit status 2: ip6tables-restore v1.8.9 (nf_tables): unknown option "--xor-mark"',
    ' > ipFamily="IPv6"',
    `==== END logs for container kube-proxy of pod kube-system/${pod(node)} ====`,
  ].join("\n");
};

/** `salt 'worker-*' cmd.run 'uname -r'`, then `node`'s journal through salt. */
export const saltFanOut = (node: string) =>
  [
    "root@salt-master:~# salt 'worker-*' cmd.run 'uname -r'",
    ...FLEET.slice(1).flatMap(([name, , kernel]) => [`${name}:`, `    ${kernel}`]),
    `root@salt-master:~# salt '${node}' cmd.run 'journalctl -u kubelet --no-pager | grep xor-mark | tail -1'`,
    `${node}:`,
    `    Dec 17 15:38:23 ${node} kubelet[1123]:         ${SYMPTOM}`,
  ].join("\n");

/** Three `uname -r` readings no host names, and the symptom: which kernel printed it is not said. */
export const threeKernels = [
  "$ uname -r",
  "5.15.0-126-generic",
  "$ uname -r",
  "5.15.0-127-generic",
  "$ uname -r",
  "5.15.0-130-generic",
  `Dec 17 15:38:23 worker-2 kube-proxy[1123]: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"`,
].join("\n");

/**
 * A mid-upgrade cluster (review 70b F6, the pattern of kubernetes/kubernetes#110352): cp-1 and worker-1 Ready on the
 * kubelet 1.27.3 that removed `--container-runtime`, worker-2 NotReady and worker-3 Ready on 1.26.6, and worker-2's kubelet
 * refusing the removed flag.
 */
export const kubeletFlagRemovedMidUpgrade = [
  "$ kubectl get nodes -o wide",
  "NAME       STATUS     ROLES           AGE    VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME",
  "cp-1       Ready      control-plane   400d   v1.27.3   10.1.0.10     <none>        Ubuntu 20.04.6 LTS   5.4.0-152-generic   containerd://1.6.21",
  "worker-1   Ready      <none>          400d   v1.27.3   10.1.0.11     <none>        Ubuntu 20.04.6 LTS   5.4.0-152-generic   containerd://1.6.21",
  "worker-2   NotReady   <none>          400d   v1.26.6   10.1.0.12     <none>        Ubuntu 20.04.6 LTS   5.4.0-152-generic   containerd://1.6.21",
  "worker-3   Ready      <none>          400d   v1.26.6   10.1.0.13     <none>        Ubuntu 20.04.6 LTS   5.4.0-152-generic   containerd://1.6.21",
  "$ ssh worker-2 sudo journalctl -u kubelet -n 3 --no-pager",
  "Jul 07 08:17:04 worker-2 systemd[1]: Started kubelet: The Kubernetes Node Agent.",
  'Jul 07 08:17:04 worker-2 kubelet[5604]: E0707 08:17:04.199967    5604 run.go:74] "command failed" err="failed to parse kubelet flag: unknown flag: --container-runtime"',
  "Jul 07 08:17:04 worker-2 systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE",
].join("\n");
