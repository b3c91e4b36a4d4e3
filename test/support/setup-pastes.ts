/**
 * Real pastes for review 72a's findings on version-only advisories and leads whose setup a paste shows or refutes: the
 * reporters' own text as the review sent it (none of them an eval case; the ipv6nat one is now its record's example), and
 * the firewalld record's near miss for the contrast.
 */

/**
 * k3d-io/k3d#505: the "Which OS", "Which version of k3d" and "Which version of docker" blocks alone (Docker Engine 20.10.2,
 * before 20.10.10): a healthy version dump, no error, no image.
 */
export const K3D_505_VERSIONS = [
  "## Which OS & Architecture",
  "",
  "Linux - NixOS version 21.05pre270342.64b46178838 (Okapi)",
  "",
  "## Which version of `k3d`",
  "",
  "- output of `k3d version`",
  "",
  "```",
  "k3d version",
  "k3d version v3.0.1",
  "k3s version v1.18.6-k3s1 (default)",
  "```",
  "",
  "## Which version of docker",
  "",
  "- output of `docker version` and `docker info`",
  "",
  "```",
  "docker version",
  "Client:",
  " Version:           19.03.12",
  " API version:       1.40",
  " Go version:        go1.15.2",
  " Git commit:        v19.03.12",
  " Built:             Sun Sep 27 20:15:19 2020",
  " OS/Arch:           linux/amd64",
  " Experimental:      false",
  "",
  "Server:",
  " Engine:",
  "  Version:          20.10.2",
  "  API version:      1.41 (minimum version 1.12)",
  "  Go version:       go1.15.8",
  "  Git commit:       v20.10.2",
  "  Built:            Tue Jan  1 00:00:00 1980",
  "  OS/Arch:          linux/amd64",
  "  Experimental:     false",
  " containerd:",
  "  Version:          v1.4.3",
  "  GitCommit:        v1.4.3",
  "```",
].join("\n");

/**
 * spujadas/elk-docker#99: the init script's sysctl write refused in Docker inside an LXC container, and the reporter's own
 * `sysctl vm.max_map_count` at the ELK container's prompt: 262144, Elasticsearch's bootstrap check's limit.
 */
export const ELK_LXC_SYSCTL_READONLY = [
  "Hi, I have the same problem:",
  'sysctl: setting key "vm.max_map_count": Read-only file system',
  "",
  "It arises here `/elasticsearch-init:137`",
  "",
  "On my server Docker install in LXC container, perhaps this is the reason the error.",
  "",
  "root@0b2876b5544a:/opt/logstash# sysctl vm.max_map_count",
  "vm.max_map_count = 262144",
  "",
  "host: Ubuntu 16.04.1 LTS \\n \\l",
  "lxc_container (docker host): Ubuntu 14.04.5 LTS \\n \\l",
  "elk_container: Ubuntu 14.04.3 LTS \\n \\l",
  "",
  "bezr@docker:~/projects/elk-stack$ docker version",
  "Client:",
  " Version:      1.12.3",
  " API version:  1.24",
  " Go version:   go1.6.3",
  " Git commit:   6b644ec",
].join("\n");

/**
 * robbertkl/docker-ipv6nat#82: the container's legacy iptables 1.8.7 cannot find Docker's DOCKER chain on an Ubuntu 24.04
 * (WSL2) host whose Docker is Ubuntu's 26.1.3.
 */
export const IPV6NAT_LEGACY_DOCKER_CHAIN = [
  "Hello! I'm running this container in a WSL2 Ubuntu VM. I'm getting the following error:",
  "",
  "```",
  "2025/03/18 19:37:40 running [/sbin/iptables -t nat -C OUTPUT -m addrtype --dst-type LOCAL -j DOCKER --wait]: exit status 2: iptables v1.8.7 (legacy): Couldn't load target `DOCKER':No such file or directory",
  "",
  "Try `iptables -h' or 'iptables --help' for more information.",
  "```",
  "",
  "docker version and OS",
  "```",
  "docker --version",
  "Docker version 26.1.3, build 26.1.3-0ubuntu1~24.04.1",
  "```",
].join("\n");

/**
 * firewalld/firewalld#844 (the firewalld record's near miss): firewalld's warnings while Docker deletes jumps to chains it
 * has not created yet, in the same legacy iptables 1.8.7 words.
 */
export const FIREWALLD_DOCKER_CLEANUP = [
  "2021-08-25 08:17:43 WARNING: COMMAND_FAILED: '/sbin/iptables -w10 -t nat -D PREROUTING -m addrtype --dst-type LOCAL -j DOCKER' failed: iptables v1.8.7 (legacy): Couldn't load target `DOCKER':No such file or directory",
  "2021-08-25 08:17:43 WARNING: COMMAND_FAILED: '/sbin/iptables -w10 -t nat -D OUTPUT -m addrtype --dst-type LOCAL ! --dst 127.0.0.0/8 -j DOCKER' failed: iptables v1.8.7 (legacy): Couldn't load target `DOCKER':No such file or directory",
].join("\n");
