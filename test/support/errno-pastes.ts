/**
 * Real pastes (none of them an eval case or a record's example) for review 71a's findings on messages glued into one and
 * on errno texts that differ.
 */

/**
 * ShaneIsrael/fireshare#572 (2026-04): a container's PID limit of 2048 on Unraid. Three complete messages, each ending
 * EAGAIN: nginx's, its master's and Python's. Each alone resembles nothing.
 */
export const FIRESHARE_PIDS_LIMIT = [
  "Fireshare fails to start on high-core-count hosts with restrictive container PID limits",
  "The container's default PID limit on Unraid for Nvidia-runtime containers is 2048, and Fireshare can't start under that.",
  "pthread_create() failed (11: Resource temporarily unavailable)",
  'fork() failed while spawning "worker process"',
  "BlockingIOError: [Errno 11] Resource temporarily unavailable",
].join("\n");

/**
 * vast-data/vast-csi#15: kubelet's event for a CSI NFS mount refused with EPFNOSUPPORT ("Protocol family not supported"),
 * which the NFSv4.1 EXCHANGE_ID record (EPROTONOSUPPORT, "Protocol not supported") never gives.
 */
export const VAST_CSI_PROTOCOL_FAMILY = [
  "mount_options = ['nolock', 'vers=4']",
  '  Warning  FailedMount  9s  kubelet  MountVolume.SetUp failed for volume "pvc" : rpc error: code = Unknown desc = [NodePublishVolume]. Mounting virtualIP:/abc/pvc failed',
  "    detail = mount.nfs: mount(2): Protocol family not supported",
  "             mount.nfs: Protocol family not supported",
  "Nov 05 18:28:32 node3 rpc.gssd[4041516]: ERROR: unable to resolve x.x.x.x(virtual ip) to hostname: Name or service not known",
].join("\n");

/**
 * RADAR-base/RADAR-Docker#234 (2020-12): dockerd's iptables error, its "(exit status 1))" wrapped onto a line of its own.
 * Only the two lines read joined resemble the firewalld record.
 */
export const RADAR_WRAPPED_EXIT_STATUS = [
  "==> Creating docker network - hadoop",
  "Error response from daemon: Failed to Setup IP tables: Unable to enable DROP INCOMING rule: (iptables failed: iptables --wait -I DOCKER-ISOLATION-STAGE-1 -i br-4e7032a36bae ! -d 192.168.240.0/20 -j DROP: iptables: No chain/target/match by that name.",
  "(exit status 1))",
].join("\n");
