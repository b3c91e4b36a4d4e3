/**
 * Pastes that show the failure logged under one version and then the change made at the prompt (review 69c F4's inputs,
 * derived from reports already cited: k3s#8947's uname, containerd#6876, crun#1588, rancher/rke2#7438's MARK failure).
 */

/** Ubuntu 22.04: `uname -a` 5.15.0-127, the `--xor-mark` failure, `apt install linux-image-5.15.0-130-generic && reboot`, `uname -a` 5.15.0-130. */
export const KERNEL_REBOOTED_INTO_FIX = `### Before (kernel from yesterday's unattended-upgrades)
$ uname -a
Linux nl1k8s097 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux
$ journalctl -u rke2-server | grep -A2 iptables-restore | tail -3
Dec 17 15:37:54 nl1k8s097 rke2[2211]: E1217 15:37:54.421766    2211 proxier.go:1481] "Failed to execute iptables-restore" err=<
Dec 17 15:37:54 nl1k8s097 rke2[2211]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"
Dec 17 15:37:54 nl1k8s097 rke2[2211]:         Error occurred at line: 16

### After (apt install linux-image-5.15.0-130-generic, reboot)
$ sudo apt install -y linux-image-5.15.0-130-generic && sudo reboot
$ uname -a
Linux nl1k8s097 5.15.0-130-generic #140-Ubuntu SMP Wed Dec 18 17:59:53 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux
$ cat /etc/os-release
NAME="Ubuntu"
VERSION_ID="22.04"
ID=ubuntu
ID_LIKE=debian
`;

/** Raspberry Pi OS 1:6.1.54-1+rpt2, the kmem failure, `apt full-upgrade`, `reboot`, 1:6.1.63-1+rpt1: judged on upstream, hedged. */
export const RPI_KERNEL_REBOOTED_INTO_FIX = `pi@pi-node-2:~ $ uname -a
Linux pi-node-2 6.1.0-rpi4-rpi-v8 #1 SMP PREEMPT Debian 1:6.1.54-1+rpt2 (2023-10-05) aarch64 GNU/Linux
pi@pi-node-2:~ $ sudo journalctl -u k3s-agent --no-pager | tail -3
Nov 23 22:18:55 pi-node-2 k3s[7015]: E1123 22:18:55.259014    7015 manager.go:1106] Failed to create existing container: /kubepods/besteffort: openat2 /sys/fs/cgroup/memory/kubepods/besteffort/memory.kmem.limit_in_bytes: no such file or directory
pi@pi-node-2:~ $ sudo apt update && sudo apt full-upgrade -y
...
Unpacking linux-image-6.1.0-rpi7-rpi-v8 (1:6.1.63-1+rpt1) ...
Setting up linux-image-6.1.0-rpi7-rpi-v8 (1:6.1.63-1+rpt1) ...
pi@pi-node-2:~ $ sudo reboot
pi@pi-node-2:~ $ uname -a
Linux pi-node-2 6.1.0-rpi7-rpi-v8 #1 SMP PREEMPT Debian 1:6.1.63-1+rpt1 (2023-11-24) aarch64 GNU/Linux
`;

const LOOPBACK_EVENT = `$ kubectl describe pod nginx-6799fc88d8-x2x7p | tail -2
  Warning  FailedCreatePodSandBox  12s   kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "59e8c55f09e25ec2c061d3d4be525e894f773f9f577d0b2ed023d112407d3697": plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]
$ containerd --version
containerd containerd.io 1.6.3 f830866066ed06e71bad64871bccfd34daf6309c
`;

/** containerd 1.6.3's loopback event, `apt-get install containerd.io=1.6.4-1`, a restart, `containerd --version` 1.6.4. */
export const CONTAINERD_UPGRADED_TO_FIX = `${LOOPBACK_EVENT}$ sudo apt-get install -y containerd.io=1.6.4-1
Reading package lists... Done
The following packages will be upgraded:
  containerd.io
Preparing to unpack .../containerd.io_1.6.4-1_amd64.deb ...
Unpacking containerd.io (1.6.4-1) over (1.6.3-1) ...
Setting up containerd.io (1.6.4-1) ...
$ sudo systemctl restart containerd
$ containerd --version
containerd containerd.io 1.6.4 212e8b6fa2f44b9c21b2798135fc6fb7c53efc16
$ kubectl get pods
NAME                     READY   STATUS    RESTARTS   AGE
nginx-6799fc88d8-x2x7p   1/1     Running   0          3m
`;

/** The same event and reading with no change since: nothing to say of the present. */
export const CONTAINERD_NOT_UPGRADED = LOOPBACK_EVENT;

/** The same event, then a sentence naming the upgrade: a version named, never one read after the change. */
export const CONTAINERD_UPGRADE_TOLD = `${LOOPBACK_EVENT}We upgraded containerd.io to 1.6.4-1 this morning.
`;

/** crun 1.18's deny-rules error, `dnf upgrade crun`, `crun --version` 1.18.2, `podman run` exit 0. */
export const CRUN_UPGRADED_PAST_FIX = `$ podman run --rm --systemd=always registry.fedoraproject.org/fedora:41 true
Error: OCI runtime error: crun: systemd does not support deny rules for devices
$ crun --version
crun version 1.18
commit: 3d9ddbbba5d7d68de11d4eae3e2b8ea0d8e3e39b
$ sudo dnf upgrade -y crun
Upgrading:
 crun        x86_64    1.18.2-1.fc41    updates    240 k
Complete!
$ crun --version
crun version 1.18.2
commit: 00ab38af875ddd0d1a8226addda52e1de18339b5
$ podman run --rm --systemd=always registry.fedoraproject.org/fedora:41 true
$ echo $?
0
`;

/** The same failure, then a reboot into 5.15.0-128, still a build with the typo. */
export const KERNEL_REBOOTED_STILL_AFFECTED = KERNEL_REBOOTED_INTO_FIX.replace(
  "Linux nl1k8s097 5.15.0-130-generic #140-Ubuntu SMP Wed Dec 18",
  "Linux nl1k8s097 5.15.0-128-generic #138-Ubuntu SMP Wed Dec 11",
).replaceAll("linux-image-5.15.0-130-generic", "linux-image-5.15.0-128-generic");
