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
