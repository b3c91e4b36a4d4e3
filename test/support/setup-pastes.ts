/**
 * Real pastes for review 72a's findings on version-only advisories and leads whose setup a paste shows or refutes: the
 * reporters' own text as the review sent it (none of them an eval case).
 */

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
