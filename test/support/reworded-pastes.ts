/**
 * Real pastes (none of them an eval case or a record's example) for review 70d's findings on reworded matches and
 * resemblances.
 */

/** docker/compose#4106 (2016): docker-compose 1.9 against a 1.13 daemon whose minimum API is 1.25, not Docker 29's 1.44. */
export const COMPOSE_MIN_API_1_25 = [
  "PS C:\\Source\\Musicstore> docker-compose -f .\\docker-compose.windows.yml up",
  "ERROR: client version 1.22 is too old. Minimum supported API version is 1.25, please upgrade your client to a newer version",
].join("\n");

/**
 * A journal after `kill -SIGHUP $(pidof dockerd)` (a public notes file, 2019-08-21): a pre-23 dockerd only warns of the
 * "graph" key and goes on; Docker 23 refuses it in other words.
 */
export const GRAPH_DEPRECATION_WARNING = [
  'Aug 21 16:02:40 YZ-25-58-1.h.chinabank.com.cn dockerd[2894702]: time="2019-08-21T16:02:40.158669220+08:00" level=info msg="Got signal to reload configuration, reloading from: /etc/docker/daemon.json"',
  'Aug 21 16:02:40 YZ-25-58-1.h.chinabank.com.cn dockerd[2894702]: time="2019-08-21T16:02:40.158945480+08:00" level=warning msg="The \\"graph\\" config file option is deprecated. Please use \\"data-root\\" instead."',
].join("\n");

/**
 * A blog's `kubectl logs` of a crash-looping CoreDNS (a public notes page on systemd-resolved loops): the loop line without
 * the `[FATAL]` level and on port 1053, so only the record's token signature matches it.
 */
export const COREDNS_LOOP_NO_LEVEL = [
  "$ kubectl -n kube-system logs coredns-5c98d7d4d8-tfs4q",
  'plugin/loop: Loop (127.0.0.1:55953 -> :1053) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 4547991504243258144.3688648895315093531."',
].join("\n");

/**
 * release-plz/release-plz#1118 (2023): a binary built on Debian 12 run in a Debian 11 image. No signature matches it; it
 * resembles the containerd 1.6.7 glibc record at medium, a lead, not that bug.
 */
export const RELEASE_PLZ_GLIBC = [
  "$ docker run --rm --entrypoint  /bin/bash -it marcoieni/release-plz:latest",
  "",
  "root@dc215ff1b5a3:/app# release-plz",
  "release-plz: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.32' not found (required by release-plz)",
  "release-plz: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by release-plz)",
  "release-plz: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.33' not found (required by release-plz)",
].join("\n");
