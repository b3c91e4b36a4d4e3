/**
 * Real `systemctl status` pastes (none of them an eval case or a record's example) for review 72a F4: a message's own
 * "..." is no cut, and a pager's chop marks nothing.
 */

/**
 * tailscale/tailscale#16932 (2025-08), the description's first lines: tailscaled in a Proxmox LXC. tailscaled's own "wgengine.NewUserspaceEngine(tun
 * \"tailscale0\") ..." ends a line narrower than the lines the same terminal showed whole: nothing was cut.
 */
export const TAILSCALED_STATUS_OWN_ELLIPSIS = [
  "* tailscaled.service - Tailscale node agent",
  "     Loaded: loaded (/lib/systemd/system/tailscaled.service; enabled; preset: enabled)",
  "     Active: active (running) since Sat 2025-08-23 20:23:11 IST; 491ms ago",
  "       Docs: https://tailscale.com/kb/",
  "   Main PID: 1332 (tailscaled)",
  "      Tasks: 8 (limit: 18687)",
  "     Memory: 6.9M",
  "        CPU: 60ms",
  "     CGroup: /system.slice/tailscaled.service",
  "             `-1332 /usr/sbin/tailscaled --state=/var/lib/tailscale/tailscaled.state --socket=/run/tailscale/tailscaled.sock --port=41641",
  "",
  "Aug 23 20:23:11 mylxc tailscaled[1332]: dns: using *dns.directManager",
  "Aug 23 20:23:11 mylxc tailscaled[1332]: dns: inotify: NewDirWatcher: context canceled",
  'Aug 23 20:23:11 mylxc tailscaled[1332]: wgengine.NewUserspaceEngine(tun "tailscale0") ...',
  "Aug 23 20:23:11 mylxc systemd[1]: Started tailscaled.service - Tailscale node agent.",
  "Aug 23 20:23:11 mylxc tailscaled[1332]: Linux kernel version: 6.14.8-2-pve",
  "Aug 23 20:23:11 mylxc tailscaled[1332]: is CONFIG_TUN enabled in your kernel? `modprobe tun` failed with: modprobe: FATAL: Module tun not found in directory /lib/modules/6.14.8-2-pve",
].join("\n");

/**
 * docker/cli#2039 (2019-12), the description: dockerd refusing its daemon.json, shown through systemctl's pager, which chopped two
 * lines at the terminal's 107th column ("/etc/docker/d", "status=1/FAILU") and marked nothing; systemd's own
 * "Starting Docker Application Container Engine..." is no cut.
 */
export const DOCKER_STATUS_PAGER_CHOPPED = [
  " docker.service - Docker Application Container Engine",
  "   Loaded: loaded (/lib/systemd/system/docker.service; enabled; vendor preset: enabled)",
  "   Active: failed (Result: exit-code) since Tue 2019-12-31 03:10:03 IST; 1min 39s ago",
  "     Docs: https://docs.docker.com",
  "  Process: 10087 ExecStart=/usr/bin/docker daemon -H fd:// (code=exited, status=1/FAILURE)",
  " Main PID: 10087 (code=exited, status=1/FAILURE)",
  "",
  "Dec 31 03:10:03 NAP-CE-LAP-033 systemd[1]: Starting Docker Application Container Engine...",
  "Dec 31 03:10:03 NAP-CE-LAP-033 docker[10087]: unable to configure the Docker daemon with file /etc/docker/d",
  "Dec 31 03:10:03 NAP-CE-LAP-033 systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILU",
  "Dec 31 03:10:03 NAP-CE-LAP-033 systemd[1]: docker.service: Failed with result 'exit-code'.",
  "Dec 31 03:10:03 NAP-CE-LAP-033 systemd[1]: Failed to start Docker Application Container Engine.",
].join("\n");
