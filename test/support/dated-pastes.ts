/**
 * Real logs whose own lines carry their year, for the rule that a symptom logged before its bug existed is not that bug
 * (review 72a F1; src/engine/logged-before-bug.ts). Each is the reporter's text as the thread shows it.
 */

/**
 * haugene/docker-transmission-openvpn#1286 (BramvdHoek, 2020-07-08): OpenVPN 2.4.7 on an ARM host refused the TUNSETIFF
 * ioctl, two years before runc's change that removed tun/tap from the default device rules (2022-05-04). Trailing commas
 * are the reporter's.
 */
export const OPENVPN_TUNSETIFF_2020 = [
  "RTNETLINK answers: Operation not permitted,",
  "Wed Jul  8 21:25:56 2020 OpenVPN 2.4.7 arm-unknown-linux-gnueabihf [SSL (OpenSSL)] [LZO] [LZ4] [EPOLL] [PKCS11] [MH/PKTINFO] [AEAD] built on Feb 20 2019,",
  "Wed Jul  8 21:25:58 2020 ERROR: Cannot ioctl TUNSETIFF tun: Operation not permitted (errno=1),",
  "Wed Jul  8 21:25:58 2020 Exiting due to fatal error,",
].join("\n");

/**
 * binhex/arch-delugevpn#393 (2024-03-10, review 72a's c15 input): a Docker container in a privileged Proxmox LXC, the
 * runc record's exact line, dated after the runc change landed on main (May 2022) though before any release had it.
 */
export const DELUGEVPN_TUN_EPERM_2024 = [
  "2024-03-10 13:46:25 TCP/UDP: Preserving recently used remote address: [AF_INET]181.214.218.67:1197",
  "2024-03-10 13:46:25 UDPv4 link local: (not bound)",
  "2024-03-10 13:46:25 UDPv4 link remote: [AF_INET]181.214.218.67:1197",
  "2024-03-10 13:46:25,238 DEBG 'start-script' stdout output:",
  "2024-03-10 13:46:25 [brussels420] Peer Connection Initiated with [AF_INET]181.214.218.67:1197",
  "2024-03-10 13:46:25,257 DEBG 'start-script' stdout output:",
  "2024-03-10 13:46:25 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)",
  "2024-03-10 13:46:25 Exiting due to fatal error",
].join("\n");

/**
 * k3d-io/k3d#607 (kpango, 2021-05-16): `docker logs -t` of k3s v1.20.6+k3s1 on Arch's 5.12.3 kernel, the kube-proxy
 * refusal a month after the kernel change reached net-next (2021-04-12).
 */
export const K3D_CONNTRACK_2021 = [
  "2021-05-16T05:05:31.782141843Z  I0516 05:05:31.781934       7 server.go:650] Version: v1.20.6+k3s1",
  "2021-05-16T05:05:31.783060048Z  I0516 05:05:31.782851       7 conntrack.go:103] Set sysctl 'net/netfilter/nf_conntrack_max' to 524288",
  "2021-05-16T05:05:31.783130013Z  F0516 05:05:31.782902       7 server.go:495] open /proc/sys/net/netfilter/nf_conntrack_max: permission denied",
].join("\n");
