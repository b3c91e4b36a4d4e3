#!/bin/sh
# known-bugs collect for hosts without Node: the same bundle as `known-bugs collect`, with sh and
# coreutils only (grep for the module list). Each output follows a "$ command" line; notes are "# " lines.
#   sh collect.sh > "$(hostname).txt"            # or: ssh worker-2 sh -s < bin/collect.sh > worker-2.txt
#   KNOWN_BUGS_LINES=300 (log lines kept)  KNOWN_BUGS_TIMEOUT=10 (seconds per command, with coreutils' timeout)
# Redact afterwards on a machine with Node: known-bugs redact worker-2.txt (or known-bugs diagnose --redact).
set -u
LINES=${KNOWN_BUGS_LINES:-300}
TIMEOUT=${KNOWN_BUGS_TIMEOUT:-10}
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
LC_ALL=C SYSTEMD_PAGER= PAGER=cat SYSTEMD_COLORS=0
export PATH LC_ALL SYSTEMD_PAGER PAGER SYSTEMD_COLORS
MODULES='^(ip6?_tables|x_tables|xt_MARK|xt_mark|xt_conntrack|nf_tables|nft_compat|nf_conntrack|nf_nat|br_netfilter|ip_vs[a-z_]*|ip_set[a-z_]*|overlay|vxlan|ip6?table_[a-z]+) '
ERR=$(mktemp 2>/dev/null || echo "/tmp/known-bugs-collect.$$")
trap 'rm -f "$ERR"' EXIT INT TERM

have() { command -v "$1" >/dev/null 2>&1; }
limited() { if have timeout; then timeout "$TIMEOUT" "$@"; else "$@"; fi; }
skip() { printf '# skipped: %s: %s\n' "$1" "$2"; }
show() { printf '$ %s\n%s\n' "$1" "$2"; }

# run "shown command" tool args...: the output after its command line, or a note.
run() {
  shown=$1; shift
  if ! have "$1"; then skip "$shown" "$1 not found"; return 1; fi
  out=$(limited "$@" 2>"$ERR"); rc=$?
  if [ "$rc" -eq 124 ]; then skip "$shown" "timed out after $TIMEOUT s"; return 1; fi
  if [ "$rc" -ne 0 ]; then
    why=$(head -n 1 "$ERR" | cut -c1-300); [ -n "$why" ] || why=$(printf '%s\n' "$out" | head -n 1 | cut -c1-300)
    skip "$shown" "exit status $rc: $why"; return 1
  fi
  [ -n "$out" ] || out=$(cat "$ERR")
  return 0
}

readable() { # readable FILE SHOWN: the file's text, or a note
  if [ ! -e "$1" ]; then skip "$2" "not present"; return 1; fi
  if [ ! -r "$1" ]; then skip "$2" "permission denied"; return 1; fi
  out=$(cat "$1"); return 0
}

noentries() { [ "$(printf '%s' "$out" | tr -d '\n')" = "-- No entries --" ]; }

printf '# known-bugs collect sh at %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
run "uname -a" uname -a && show "uname -a" "$out"
readable /proc/version "cat /proc/version" && show "cat /proc/version" "$out"
[ -e /proc/version_signature ] && readable /proc/version_signature "cat /proc/version_signature" && show "cat /proc/version_signature" "$out"
if [ -e /etc/os-release ]; then osr=/etc/os-release; else osr=/usr/lib/os-release; fi
readable "$osr" "cat $osr" && show "cat $osr" "$out"
for tool in iptables ip6tables nft kubelet containerd docker runc; do
  run "$tool --version" "$tool" --version && show "$tool --version" "$out"
done
shown="grep -E '$MODULES' /proc/modules"
if readable /proc/modules "$shown"; then
  out=$(grep -E "$MODULES" /proc/modules)
  if [ -n "$out" ]; then show "$shown" "$out"; else skip "$shown" "none of the modules of interest is loaded"; fi
fi

kernel_done=
if have journalctl && out=$(limited journalctl -k --no-pager -n "$LINES" 2>/dev/null) && ! noentries; then
  show "journalctl -k --no-pager -n $LINES" "$out"; kernel_done=1
fi
if [ -z "$kernel_done" ] && run "dmesg | tail -n $LINES" dmesg; then
  show "dmesg | tail -n $LINES" "$(printf '%s\n' "$out" | tail -n "$LINES")"
fi
if have journalctl; then
  for unit in kube-proxy kubelet containerd docker; do
    shown="journalctl -u $unit --no-pager -n $LINES"
    if run "$shown" journalctl -u "$unit" --no-pager -n "$LINES"; then
      if noentries; then skip "$shown" "no entries"; else show "$shown" "$out"; fi
    fi
  done
fi
for f in /var/log/containers/calico-node-*.log /var/log/containers/cilium-*.log /var/log/containers/kube-flannel-*.log /var/log/containers/kube-proxy-*.log; do
  [ -e "$f" ] || continue
  if [ ! -r "$f" ]; then skip "tail -n $LINES $f" "permission denied"; continue; fi
  show "tail -n $LINES $f" "$(tail -n "$LINES" "$f")"
done
run "kubectl get nodes -o wide" kubectl get nodes -o wide --request-timeout=5s && show "kubectl get nodes -o wide" "$out"
exit 0
