/**
 * containers/crun#1880 (review 70d F6): `podman run` failing with crun's "unknown version specified", and `crun --version`
 * 1.23.1 in the same paste. Only crun before 1.14.3 prints the line, so the crun on PATH is not the one Podman ran: unknown,
 * and the record's own confirm step says what would decide it.
 */
export const CRUN_PAST_ITS_LINE = [
  "$ podman run --rm --network macvlan-net alpine ping -c 1 8.8.8.8",
  "Error: OCI runtime error: crun: unknown version specified",
  "$ crun --version",
  "crun version 1.23.1",
  "commit: d20b23dba05e822b93b82f2f34fd5dada433e0c2",
  "rundir: /run/user/1000/crun",
  "spec: 1.0.0",
  "+SYSTEMD +SELINUX +APPARMOR +CAP +SECCOMP +EBPF +YAJL",
].join("\n");

export const CRUN_RECORD = "crun-unknown-oci-version-podman5";
/** The record's confirm step's command: the crun Podman runs, which PATH may hide. */
export const CRUN_DECIDE_COMMAND = "podman info --format '{{.Host.OCIRuntime.Path}}'";
export const HEDGE_WORDS = "range verified; the version read may not be the failing one";

/**
 * Review 72b F2: `sysbox-runc --version`'s block, as sysbox#675's journal shows it (without the journal's prefix), beside the
 * dind error of cruizba/ubuntu-dind#35. Sysbox 0.6.1 is inside the record's verified range (before 0.6.6).
 */
export const SYSBOX_VERSION_BESIDE_DIND = [
  "sysbox-runc",
  "        edition:        Community Edition (CE)",
  "        version:        0.6.1",
  'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting "proc" to rootfs at "/proc": mount src=proc, dst=/proc, dstFd=/proc/thread-self/fd/8, flags=0xe: no such file or directory: unknown.',
].join("\n");
export const SYSBOX_RECORD = "sysbox-dind-new-runc-proc-mount-enoent";

/** Review 72b F2: k3s#7096's journal. flannel runs inside k3s there, whose lines they are: no flanneld binary to ask. */
export const K3S_FLANNEL_LINES = [
  "Mar 15 18:00:45 dev01-spa k3s[20998]: E0315 18:00:45.970500   20998 iptables.go:304] Failed to ensure iptables rules: error setting up rules: failed to setup iptables-restore payload: failed to check rule existence: running [/usr/sbin/iptables -t nat -C FLANNEL-POSTRTG -s 10.42.0.0/16 ! -d 224.0.0.0/4 -m comment --comment flanneld masq -j MASQUERADE  --wait]: exit status 2: Bad argument `'",
  "Mar 15 18:00:45 dev01-spa k3s[20998]: Try `iptables -h' or 'iptables --help' for more information.",
].join("\n");
export const FLANNEL_RECORD = "flannel-0.21-empty-random-fully-arg-old-iptables";
