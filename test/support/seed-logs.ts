// Real log excerpts used by the seed scenarios, copied verbatim from public reports.

/** kube-proxy on Bottlerocket 1.26.2, kernel 5.15.168: https://github.com/bottlerocket-os/bottlerocket/issues/4295 */
export const XOR_MARK_KLOG = `I1113 16:15:07.928773 1 proxier.go:1464] "Reloading service iptables data" numServices=0 numEndpoints=0 numFilterChains=4 numFilterRules=3 numNATChains=4 numNATRules=5
E1113 16:15:07.931291 1 proxier.go:1481] "Failed to execute iptables-restore" err=<
exit status 2: ip6tables-restore v1.8.4 (legacy): unknown option "--xor-mark"
Error occurred at line: 16
Try \`ip6tables-restore -h' or 'ip6tables-restore --help' for more information.
>
I1113 16:15:07.931308 1 proxier.go:858] "Sync failed" retryingTime="30s"
I1113 16:15:07.931317 1 proxier.go:820] "SyncProxyRules complete" elapsed="22.67239ms"`;

/** kube-proxy on Ubuntu 22.04.5, 5.15.0-127-generic: https://github.com/kubernetes/kube-proxy/issues/25 */
export const XOR_MARK_JOURNALD = `Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]: E0217 11:12:14.212635    9234 proxier.go:1432] "Failed to execute iptables-restore" err=<
Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"
Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]:         Error occurred at line: 11`;

/** The same journal as another host's journald writes it: a bundle's `uname -a` and its journal name one machine. */
export const xorMarkJournaldOf = (host: string) => XOR_MARK_JOURNALD.replaceAll("k8s-192-168-3-26", host);

/**
 * kube-proxy up to 1.25 falling back from IPVS when ipset is missing:
 * https://github.com/kubernetes-sigs/kubespray/issues/2803 (messages as quoted in shared/seed/xt-mark-facts.md).
 */
export const IPVS_FALLBACK = `can't determine whether to use ipvs proxy, error: error getting ipset version, error: executable file not found in $PATH
Can't use ipvs proxier, trying iptables proxier`;

/** A healthy kube-proxy v1.19.4 start-up (minikube): https://github.com/kubernetes/minikube/issues/9798 */
export const CLEAN_KUBE_PROXY_START = `I1129 09:31:26.751639       1 node.go:136] Successfully retrieved node IP: 192.168.49.2
I1129 09:31:26.751870       1 server_others.go:111] kube-proxy node IP is an IPv4 address (192.168.49.2), assume IPv4 operation
W1129 09:31:26.785840       1 server_others.go:579] Unknown proxy mode "", assuming iptables proxy
I1129 09:31:26.785961       1 server_others.go:186] Using iptables Proxier.
W1129 09:31:26.785970       1 server_others.go:456] detect-local-mode set to ClusterCIDR, but no cluster CIDR defined
I1129 09:31:26.785974       1 server_others.go:467] detect-local-mode: ClusterCIDR , defaulting to no-op detect-local
I1129 09:31:26.786167       1 server.go:650] Version: v1.19.4
I1129 09:31:26.786454       1 conntrack.go:52] Setting nf_conntrack_max to 131072
I1129 09:31:26.787185       1 conntrack.go:100] Set sysctl 'net/netfilter/nf_conntrack_tcp_timeout_established' to 86400
I1129 09:31:26.787234       1 conntrack.go:100] Set sysctl 'net/netfilter/nf_conntrack_tcp_timeout_close_wait' to 3600
I1129 09:31:26.787394       1 config.go:315] Starting service config controller
I1129 09:31:26.787407       1 shared_informer.go:240] Waiting for caches to sync for service config`;

/**
 * The seed incident's fleet: one worker upgraded to the broken Ubuntu kernel, its peers not. The table
 * layout is kubectl's `get nodes -o wide`; the values reproduce the scenario of shared/seed/SEED.md.
 */
export const UNEVEN_FLEET = `NAME       STATUS   ROLES           AGE    VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME
master-1   Ready    control-plane   412d   v1.26.3   10.20.0.11     <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.6.20
worker-1   Ready    <none>          412d   v1.26.3   10.20.0.12     <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.6.20
worker-2   Ready    <none>          412d   v1.26.3   10.20.0.13     <none>        Ubuntu 22.04.5 LTS   5.15.0-127-generic   containerd://1.6.20`;

export const UBUNTU_2204_OS_RELEASE = `PRETTY_NAME="Ubuntu 22.04.5 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.5 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian`;

/**
 * `uname -a` of real Ubuntu 22.04 hosts on the seed incident's two kernels, as printed in public
 * reports (5.15.0-126: a Hack The Box "Heal" write-up; 5.15.0-127: a ROCm/ROCm issue of December
 * 2024); only the hostname is the fleet's.
 */
export const unameJammy126 = (host: string) =>
  `Linux ${host} 5.15.0-126-generic #136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux`;
export const unameJammy127 = (host: string) =>
  `Linux ${host} 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux`;
