import { describe, expect, it } from "vitest";
import { diagnoseBundle, diagnoseFields } from "../../src/engine/diagnose";
import { isOopsFraming } from "../../src/engine/facts/oops-framing";
import { diagnoseHosts } from "../../src/engine/hosts";
import { isWarning, logLevel } from "../../src/engine/log-level";
import { lexicalTerms, lineTokens, matchTokens, signatureTokens } from "../../src/engine/recall";
import { namedDrivers } from "../../src/engine/recall/device-drivers";
import { errnoAgrees, errnoEndings, errnoTextsIn, recordErrnos } from "../../src/engine/recall/errno-texts";
import { isFailure } from "../../src/engine/recall/failure-lines";
import { endsInWord, stem } from "../../src/engine/recall/tokens";
import { loadDataKb } from "../support/data-kb";
import { BNXT_FIRMWARE_RESET, E1000E_OLD_WATCHDOG, MTK_SOC_ETH_WATCHDOG } from "../support/driver-pastes";
import { FIRESHARE_PIDS_LIMIT, RADAR_WRAPPED_EXIT_STATUS, VAST_CSI_PROTOCOL_FAMILY } from "../support/errno-pastes";
import { UBSAN_FRAMING, UBSAN_REPORT } from "../support/oops-pastes";
import { CLEAN_KUBE_PROXY_START, XOR_MARK_KLOG } from "../support/seed-logs";
import { RETOLD_DNS_TICKET, RETOLD_DNS_TICKET_ON_4_19 } from "../support/seed-scenarios";

// The recall tier: token signatures derived from every exact signature, and a lexical fallback over the
// records' own text. It may bring a record in at medium at most, and never on a clean log.
const kb = await loadDataKb();
const XT = "xt-mark-ipv6-typo-2024";
const DNS_RACE = "conntrack-udp-dns-race-5s";
const matches = (kind: "literal" | "regex", pattern: string, line: string) => {
  const words = lineTokens(line);
  return matchTokens(signatureTokens(kind, pattern), words, words.indexOf("\u2026"), endsInWord(line));
};

describe("token signatures", () => {
  it("are derived from literals and regexes alike, without numbers, ids or regex syntax", () => {
    expect(signatureTokens("literal", 'ip6tables-restore v1.8.4 (legacy): unknown option "--xor-mark"')).toEqual([
      "ip6tables",
      "restore",
      "legacy",
      "unknown",
      "option",
      "xor",
      "mark",
    ]);
    expect(
      signatureTokens(
        "regex",
        String.raw`nftables sync failed: /dev/stdin:\d+:\d+-\d+: Error: Could not process rule: (?:No such file|Invalid argument)`,
      ),
    ).toEqual(["nftables", "sync", "failed", "dev", "stdin", "error", "process", "rule"]);
  });

  it("keep the alternatives a message ends in when they name what failed: the line must go on with one of them", () => {
    // Review 31c: without them, "unknown flag: --(?:network-plugin|cni-bin-dir)" matched "unknown flag: --container-runtime".
    const flag = "failed to parse kubelet flag: unknown flag: --(?:network-plugin|cni-bin-dir)";
    expect(signatureTokens("regex", flag).slice(0, -1)).toEqual(["failed", "parse", "kubelet", "flag", "unknown", "flag"]);
    expect(matches("regex", flag, 'err="failed to parse kubelet flag: unknown flag: --container-runtime"')).toBe(false);
    for (const named of ["--network-plugin", "--cni-bin-dir"])
      expect(matches("regex", flag, `Error: failed to parse kubelet flag: unknown flag: ${named}`), named).toBe(true);
    // Alternatives that only say how it failed (errno texts) are still left out, as any dropped alternation.
    const errno = String.raw`nftables sync failed: /dev/stdin:\d+:\d+-\d+: Error: Could not process rule: (?:No such file|Invalid argument)`;
    expect(signatureTokens("regex", errno)).not.toContainEqual(expect.stringContaining("|"));
  });

  it("survive other quoting, escaping, framing and a message quoted with literal \\n separators", () => {
    const sig = 'unknown option "--xor-mark"';
    expect(matches("literal", sig, "exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option '--xor-mark'")).toBe(true);
    expect(
      matches(
        "literal",
        `${sig} plus`,
        String.raw`msg="Failed to execute iptables-restore: exit status 2: unknown option \"--xor-mark\"\nplus more"`,
      ),
    ).toBe(true);
  });

  it("survive systemctl's ellipsis, matching the words it cut by prefix and suffix", () => {
    const sig =
      "failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process";
    const cut =
      "docker: Error response from daemon: failed to create shim task: OCI runtime create fai...error setting cgroup config for procHooks process";
    expect(matches("literal", sig, cut)).toBe(true);
    expect(matches("literal", sig, cut.replace("...", "\u2026"))).toBe(true);
  });

  it("hold a line marked as cut at one end to most of a signature, as a line cut without a mark", () => {
    const sig = "failed to create containerd container: get apparmor_parser version";
    // The ellipsis elides the rest of another message: the start shared with the signature is its generic half.
    expect(matches("literal", sig, "failed to create containerd container: mount callback failed on \u2026:")).toBe(false);
    expect(matches("literal", sig, "failed to create containerd container: get apparmor_parser \u2026")).toBe(true);
    // Cut inside or before the errno that tells failures apart ("operation not permitted" or "not supported"?).
    const pair = "failed to add the host pair interfaces: operation not supported";
    expect(matches("literal", pair, "Error: failed to add the host pair interfaces: operation not supp\u2026")).toBe(true);
    expect(matches("literal", pair, "Error: failed to add the host pair interfaces: operation\u2026")).toBe(false);
  });

  it("hold a line cut on the space after a word to most of a signature, when its text ends in that word", () => {
    // The record's example line (kubernetes-sigs/kubespray#2803) as a paste or a title cut it short.
    const sig = "error getting ipset version, error: executable file not found in $PATH";
    const line =
      "E0519 23:45:37.469160       1 server_others.go:299] can't determine whether to use ipvs proxy, error: error getting ipset version, error: executable file not found";
    expect(matches("literal", sig, line)).toBe(true);
    // Text after the last word (a quote, a full stop) means the line was printed or quoted whole to there.
    expect(matches("literal", sig, `${line}".`)).toBe(false);

    expect(
      matches("regex", "Error during parsing: Unknown directive '?proxy'?", "Corefile:3 - Error during parsing: Unknown directive '.'"),
    ).toBe(false);
    // Nor may the cut drop what tells failures apart, or most of the signature.
    expect(
      matches(
        "literal",
        "failed to add the host pair interfaces: operation not supported",
        "failed to add the host pair interfaces: operation",
      ),
    ).toBe(false);
    expect(matches("literal", sig, "error getting ipset version, error: executable")).toBe(false);
    // The paste's last line cut after small words the signature does not keep ("with", "to"): cut after
    // the word before them. Not a line another follows (it may be wrapped there), nor a number at the end.
    const cut = 'time="2018-03-07T03:32:57Z" level=warning msg="Running modprobe ip_vs failed with';
    const ipvs = (text: string) =>
      diagnoseBundle(kb.compiled, text).findings.some((f) => f.id === "kube-proxy-ipvs-kernel-modules-missing");
    expect(ipvs(`kube-proxy log:\n${cut}\n\n`)).toBe(true);
    // A closing code fence or an empty prompt after it is not more output.
    expect(ipvs(`\`\`\`\n${cut}\n\`\`\`\n`)).toBe(true);
    expect(ipvs(`${cut}\nroot@node1:~# \n`)).toBe(true);
    expect(ipvs(`${cut}\nsomething else`)).toBe(false);
    // Nor does a line that opens a message of its own (a log framing: a timestamp, a klog header): the cut line ends
    // there as at the paste's end (a report's excerpt cut short, then another report's log).
    const next = '2022-03-22T14:49:16.816471729Z stderr F I0322 14:49:16.816456       1 proxier.go:832] "Sync failed" retryingTime="30s"';
    expect(ipvs(`${cut}\n${next}\n`)).toBe(true);
    expect(ipvs(`${cut}\nI0322 14:49:16.816456       1 proxier.go:832] "Sync failed"\n`)).toBe(true);
    // The paste's last line ending in a lone backslash was cut inside an escape (no message ends with one);
    // elsewhere a trailing backslash continues a command on the next line, and an escaped one is text.
    const escaped = 'time="2018-03-07T03:32:57Z" level=warning msg="Running modprobe ip_vs failed \\';
    expect(ipvs(`kube-proxy log:\n${escaped}\n`)).toBe(true);
    expect(ipvs(`${escaped}\n  && echo done`)).toBe(false);
    expect(ipvs(`${escaped}\n${next}\n`)).toBe(true);
    expect(ipvs(`${escaped}\\\n`)).toBe(false);
    expect(ipvs(`${cut.replace(" with", " 17")}`)).toBe(false);
    // The line's last word must be where the signature's head ends, not a later repeat of that word.
    const cri = String.raw`validate CRI v1 runtime API for endpoint \?"[^"\]*\?": rpc error: code = Unimplemented`;
    const unknown =
      'validate CRI v1 runtime API for endpoint "unix:///run/containerd/containerd.sock": rpc error: code = Unknown desc = transport error';
    expect(matches("regex", cri, unknown)).toBe(false);
  });

  it("read a line cut after a word as no record's when it could be cut from two, or another record holds it whole", () => {
    // The flag's name was cut off: kubelet 1.24's --network-plugin or 1.27's --container-runtime?
    const ids = diagnoseBundle(kb.compiled, "Error: failed to parse kubelet flag: unknown flag").findings.map((f) => f.id);
    expect(ids).not.toContain("kubelet-1.27-container-runtime-flag-removed");
    // A message a wrapper split over lines is still read joined when its first part ends on punctuation.
    const split =
      "E0519 23:45:37.469160       1 server_others.go:299] can't determine whether to use ipvs proxy, error: error getting ipset version, error: executable file not found (\nin $PATH)";
    const [f] = diagnoseBundle(kb.compiled, split).findings;
    expect(f?.id).toBe("kube-proxy-ipvs-prereqs-missing");
    expect(f?.evidence.some((e) => e.kind === "log" && e.approximate === "tokens")).toBe(true);
  });

  it("refuse a line with other words inserted between theirs: an inserted word can change the meaning", () => {
    const sig = '-A KUBE-FIREWALL -m comment --comment "kubernetes firewall for dropping marked packets" -j DROP';
    const withMark =
      '-A KUBE-FIREWALL -m comment --comment "kubernetes firewall for dropping marked packets" -m mark --mark 0x8000/0x8000 -j DROP';
    expect(matches("literal", sig, withMark)).toBe(false);
  });

  it("refuse a line missing a word when nothing was cut", () => {
    expect(matches("literal", "error getting ipset version, error: executable file not found", "error getting ipset version")).toBe(false);
  });

  it("keep a choice of single words as one of them, not any word (review 50d F4)", () => {
    const table = String.raw`iptables v1\.8\.[0-9]+ \(legacy\): can.t initialize iptables table .(?:filter|nat|mangle).: Table does not exist \(do you need to insmod\?\)`;
    expect(signatureTokens("regex", table)).toContain("\uE003filter|nat|mangle");
    const line = (name: string) =>
      `iptables failed: iptables v1.8.10 (legacy): can't initialize iptables table \`${name}': Table does not exist (do you need to insmod?)`;
    expect(matches("regex", table, line("nat"))).toBe(true);
    expect(matches("regex", table, line("raw"))).toBe(false);
    // An optional group, or one glued to a word (a name's varying part), stays any words, as before.
    expect(signatureTokens("regex", "prog 'calico_(connect|sendmsg)_v(4|6)': failed to load: -22").join(" ")).not.toContain("|");
    expect(signatureTokens("regex", "mount (?:foo|bar)? failed: bad superblock on the device").join(" ")).not.toContain("|");
  });

  it("refuse a line cut by an ellipsis when what is left of the signature says only that something failed (review 50d F4)", () => {
    // tc's 'Failed to load prog' and a dockerd line cut at an endpoint id share only "error failed … exit status".
    const dockerd =
      'msg="Handler for POST /v1.47/containers/web/start returned error: driver failed programming external connectivity on endpoint web (5b2c...): (iptables failed: iptables --wait -t nat -A DOCKER -p tcp -j DNAT: iptables: No chain/target/match by that name.\\n (exit status 1))"';
    expect(matches("literal", 'error="Failed to load prog with tc: exit status 1"', dockerd)).toBe(false);
  });
});

describe("the numbers a token signature states (review 50d F2)", () => {
  const tokenRecords = (line: string) =>
    diagnoseBundle(kb.compiled, line)
      .findings.filter((f) => f.evidence.some((e) => e.kind === "log" && e.approximate === "tokens"))
      .map((f) => f.id);
  it("refuse a line stating another number where the signature states one: another limit, errno or helper", () => {
    // Cilium's 4.19 limit (131073) and the 6.6 stable regression's million: a line reworded around either number.
    const reworded = (n: string) => `level=warning msg="datapath: BPF program is too large! Processed ${n} insn" subsys=datapath-loader`;
    expect(tokenRecords(reworded("1000001"))).not.toContain("cilium-4.19.208-verifier-complexity-131073");
    expect(tokenRecords(reworded("131073"))).toContain("cilium-4.19.208-verifier-complexity-131073");
    expect(tokenRecords(reworded("131073"))).not.toContain("ebpf-verifier-complexity-stable-regression");
  });

  it("refuse a line returning another errno where the signature states a negative one (review 59c F4)", () => {
    // libbpf's E2BIG (-7) is the verifier-complexity regression's; Falco's modern probe fails with EINVAL (-22).
    const load = (errno: string) => `libbpf: prog 'sys_exit': failed to load: -${errno} (in falco's modern eBPF probe)`;
    expect(tokenRecords(load("22"))).not.toContain("ebpf-verifier-complexity-stable-regression");
  });
});

describe("recall findings", () => {
  it("weighs a resembling line no more than the record's own signature for that line (review 62a F1)", () => {
    // k3s-io/k3s#12712: iptables cut before the chain's name, beside a warning naming another extension (tcp). The
    // masquerade record's signature for the whole line weighs 0.3 ("on its own it only says a target or match was
    // missing"); its resemblance weighed 0.6 and named the record at medium.
    const d = diagnoseBundle(
      kb.compiled,
      "iptables v1.8.11 (nf_tables): RULE_INSERT failed (No such file or directory)\nWarning: Extension tcp revision 0 not supported, missing kernel module?\n",
    );
    const f = d.findings.find((x) => x.id === "iptables-nft-masquerade-target-missing");
    expect(f?.confidence ?? "absent").not.toBe("medium");
    expect(f?.confidence ?? "absent").not.toBe("high");
    for (const e of f?.evidence ?? []) if (e.kind === "log") expect(e.weight).toBeLessThanOrEqual(0.3);
  });

  it("weighs a line holding only a signature's generic tail the least a resemblance can (review 64g F1)", () => {
    // helm/helm#6102 and kubeadm: Kubernetes' wait timeout, the tail of kube-proxy's "failed to acquire new iptables
    // lock: timed out waiting for the condition", named the xtables lock record at medium and as the root cause.
    const d = diagnoseBundle(kb.compiled, "Error: timed out waiting for the condition\n");
    const f = d.findings.find((x) => x.id === "xtables-lock-contention");
    expect(f?.confidence ?? "absent").not.toMatch(/medium|high/);
    for (const e of f?.evidence ?? []) if (e.kind === "log") expect(e.weight).toBeLessThanOrEqual(0.3);
    // A line holding most of the signature's own words is a rewording of it, and still weighs as one.
    const reworded = diagnoseBundle(kb.compiled, "kube-proxy: could not acquire the iptables lock, timed out waiting for the condition\n");
    expect(reworded.findings.find((x) => x.id === "xtables-lock-contention")?.confidence).toBe("medium");
  });

  it("weigh a resemblance beside the only version read, out of range, as that version's 'not affected': low (review 51c F2)", () => {
    // rootlesskit#250's 2021 regression (Docker 20.10.6) words a setup like the Docker 28.0.0-only record's title; no
    // signature matches. The verdict stays unknown beside the resemblance; the finding is no longer medium.
    // The port driver set as Docker's rootless docs set it: the setup the record needs, shown (review 72a F2).
    const paste = (docker: string) =>
      `Rootless Docker ${docker} + RootlessKit v0.14.1 + slirp4netns port driver fails\n$ export DOCKERD_ROOTLESS_ROOTLESSKIT_PORT_DRIVER=slirp4netns\n$ docker --context=rootless run --rm -p 8080:80 nginx:alpine\ndocker: Error response from daemon: driver failed programming external connectivity on endpoint dreamy_gauss (93092ec62bc1): Timed out proxy starting the userland proxy.`;
    const finding = (docker: string) =>
      diagnoseBundle(kb.compiled, paste(docker)).findings.find((f) => f.id === "docker-28.0.0-rootless-slirp4netns-port-driver-tcp");
    expect(finding("20.10.6")).toMatchObject({ confidence: "low", verdict: { status: "unknown" } });
    // In range, the same resemblance keeps its weight.
    expect(finding("28.0.0")?.confidence).toBe("medium");
  });

  it("find the MARK bug in a reworded line, hedged at medium at most", () => {
    const reworded = XOR_MARK_KLOG.replace('unknown option "--xor-mark"', "unknown option '--xor-mark'").replace(
      "ip6tables-restore v1.8.4",
      "ip6tables-restore v1.8.9",
    );
    const d = diagnoseFields(kb.compiled, { uname: "6.6.58", logs: reworded });
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt).toBeDefined();
    expect(xt?.evidence.some((e) => e.kind === "log" && e.approximate === "tokens")).toBe(true);
  });

  it("read a large log's first and last 128 KB for reworded lines, while exact signatures read all of it", () => {
    const reworded = XOR_MARK_KLOG.replace('unknown option "--xor-mark"', "unknown option '--xor-mark'");
    const filler = `${CLEAN_KUBE_PROXY_START}\n`.repeat(Math.ceil((1024 * 1024) / CLEAN_KUBE_PROXY_START.length));
    const foundBy = (log: string) =>
      diagnoseFields(kb.compiled, { uname: "6.6.58", logs: log })
        .findings.find((f) => f.id === XT)
        ?.evidence.flatMap((e) => (e.kind === "log" ? [e.approximate ?? "exact"] : []));
    expect(foundBy(`${reworded}\n${filler}`)).toContain("tokens");
    expect(foundBy(`${filler}${reworded}`)).toContain("tokens");
    // Past the windows (128 KB from either end), in a 1 MB log or in the middle of 2 MB of healthy lines:
    // the reworded line is not read, the exact one is.
    const cut = filler.indexOf("\n", 200 * 1024) + 1;
    expect(foundBy(`${filler.slice(0, cut)}${reworded}\n${filler.slice(cut)}`)).toBeUndefined();
    expect(foundBy(`${filler}${reworded}\n${filler}`)).toBeUndefined();
    expect(foundBy(`${filler}${XOR_MARK_KLOG}\n${filler}`)).toContain("exact");
  });

  it("never liken a line to a record whose own signature refused it", () => {
    // Healthy `conntrack -S` counters: the DNS-race record's regex wants insert_failed above 0, so its
    // words in a zero counter are not its symptom.
    const healthy = [
      "$ conntrack -S",
      "cpu=0   \tfound=0 invalid=12 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0",
      "cpu=1   \tfound=0 invalid=9 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0",
    ].join("\n");
    expect(diagnoseBundle(kb.compiled, healthy).findings).toEqual([]);
    const racing = healthy.replace("insert_failed=0 drop", "insert_failed=317 drop");
    expect(diagnoseBundle(kb.compiled, racing).findings[0]?.id).toBe(DNS_RACE);
  });

  it("do not liken an application's crash loop to a record whose context signature names control-plane pods", () => {
    const app = String.raw`Nov 13 05:07:22 worker-2 kubelet[8685]: E1113 05:07:22.179449    8685 pod_workers.go:1298] "Error syncing pod, skipping" err="failed to \"StartContainer\" for \"app\" with CrashLoopBackOff: \"back-off 10s restarting failed container=app pod=app-7d9f8b6c4-qm2lz_shop(14bad369-7647)\"" pod="shop/app-7d9f8b6c4-qm2lz"`;
    expect(diagnoseBundle(kb.compiled, app).findings).toEqual([]);
  });

  it("hold a finding low that only resembles a line where nothing the record needs is shown (its context)", () => {
    // Two weak facts (review 63c's dockerd modprobe warning in a build container resembled the IPVS modules record at
    // medium, with no sign of IPVS mode). The records' own examples hold such cases: each is a lead, not an answer.
    let seen = 0;
    for (const record of kb.records) {
      for (const e of record.examples) {
        const d = diagnoseFields(kb.compiled, { uname: e.uname, osRelease: e.osRelease, nodes: e.nodes, logs: e.log });
        for (const f of d.findings) {
          const logs = f.evidence.filter((x) => x.kind === "log");
          const resembles = logs.length > 0 && logs.every((x) => x.kind === "log" && x.approximate === "similar");
          if (!resembles || !f.unverified.some((u) => u.includes("this bug needs"))) continue;
          seen++;
          expect(f.confidence, `${record.id}: ${f.id}`).toBe("low");
        }
      }
    }
    expect(seen).toBeGreaterThan(2);
  });

  it("never make a finding high from approximate evidence alone", () => {
    for (const record of kb.records) {
      for (const e of record.examples) {
        const d = diagnoseFields(kb.compiled, { uname: e.uname, osRelease: e.osRelease, nodes: e.nodes, logs: e.log });
        for (const f of d.findings) {
          const logs = f.evidence.filter((x) => x.kind === "log");
          if (logs.length && logs.every((x) => x.kind === "log" && x.approximate))
            expect(f.confidence, `${record.id}: ${f.id}`).not.toBe("high");
        }
      }
    }
  });

  it("find nothing in a clean kube-proxy start-up", () => {
    expect(diagnoseFields(kb.compiled, { logs: CLEAN_KUBE_PROXY_START }).findings).toEqual([]);
  });

  it("bring in, by resemblance, a record whose own text explains an error line no signature matched", () => {
    // The failure retold in other words, as in a ticket: no signature matches it.
    const retold =
      "E1113 16:15:07.931291 1 proxier.go:1481] ip6tables MARK target rejected: --set-xmark needs the IPv6 xt_MARK revision, broken by the CVE-2024-50038 typo backport";
    const d = diagnoseFields(kb.compiled, { logs: retold });
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.evidence[0]).toMatchObject({ kind: "log", approximate: "similar", signature: "similar-text" });
    expect(xt?.confidence).not.toBe("high");
  });

  it("never likens a message ending in another errno than the record's own text ends it with (review 60a F1)", () => {
    // OpenVPN on a host without the tun module (dperson/openvpn-client#169): ENODEV, not runc 1.2's EPERM, and no runc
    // upgrade cures it. The same message ending as the record's does is still likened; a path's own ENOENT, which the
    // record never ends with an errno, still may be.
    const tun = "runc-1.2.0-tun-tap-removed-from-default-devices";
    const ids = (line: string) => diagnoseFields(kb.compiled, { logs: line }).findings.map((f) => f.id);
    expect(ids("ERROR: Cannot open TUN/TAP dev /dev/net/tun: No such device (errno=19)")).not.toContain(tun);
    expect(ids("Cannot open TUN/TAP dev /dev/net/tun: Permission denied (errno=13)")).not.toContain(tun);
    expect(ids("ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)")).toContain(tun);
  });
});

describe("a device message's own driver (review 72a F6)", () => {
  const ENA = "aws-ena-tx-timeout-device-reset";
  const ena = (paste: string) => diagnoseBundle(kb.compiled, paste).findings.find((f) => f.id === ENA);

  it("never likens another driver's message to a record about one driver's, while the same words from that driver still resemble it", () => {
    // A Broadcom bnxt_en TX timeout on a bare-metal Dell (tailscale#20994), and an Intel e1000e's under an older kernel.
    expect(ena(BNXT_FIRMWARE_RESET)).toBeUndefined();
    expect(ena(E1000E_OLD_WATCHDOG)).toBeUndefined();
    // The very same lines printed by the ENA driver: its record's lead, as before, and the weakest one.
    for (const fromEna of [BNXT_FIRMWARE_RESET.replaceAll("bnxt_en ", "ena "), E1000E_OLD_WATCHDOG.replace("(e1000e)", "(ena)")]) {
      expect(ena(fromEna)).toMatchObject({ confidence: "low" });
      expect(ena(fromEna)?.evidence[0]).toMatchObject({ kind: "log", approximate: "similar" });
    }
  });

  it("reads the driver as the kernel prints it: before the device's address, or after the interface in the old watchdog", () => {
    expect(namedDrivers(BNXT_FIRMWARE_RESET)).toEqual(new Set(["bnxt_en"]));
    expect(namedDrivers(E1000E_OLD_WATCHDOG)).toEqual(new Set(["e1000e"]));
    expect(namedDrivers(MTK_SOC_ETH_WATCHDOG)).toEqual(new Set(["mtk_soc_eth"]));
    // dev_printk without an interface (the ENA record's own example), and a device no driver is bound to: its bus's name.
    expect(namedDrivers("[86492.787110] ena 0000:00:05.0: ENA device version: 0.10")).toEqual(new Set(["ena"]));
    expect(namedDrivers("pci 0000:00:05.0: [1d0f:ec20] type 00 class 0x020000")).toEqual(new Set());
    // An address in a sentence or a command names no driver.
    expect(namedDrivers("lspci -s 0000:40:00.0 -vv shows the NIC at 0000:40:00.0: Broadcom BCM57412")).toEqual(new Set());
  });
});

describe("recall over a whole report", () => {
  // Failure lines each too short to resemble a record alone, as a person retells an incident in a ticket.
  const framed = (lines: string[]) => lines.map((m, i) => `Nov 29 02:1${i}:07 node-1 kubelet[812]: ${m}`);
  const reports = {
    "kubelet-orphaned-pod-volume-paths": framed([
      "failed: pods stuck, node shows orphaned pod volumes",
      "error: cleanup of orphaned pod directories not done",
      "volume paths still present on disk, failed again",
    ]),
    "kubelet-fails-with-swap-on": framed([
      "error: swap is enabled on this node",
      "failed: disable swap or set failSwapOn",
      "error: swap space is active, kubelet exits",
    ]),
  };

  it("names the record its failure lines resemble together, as the weakest lead, when nothing else explains them", () => {
    for (const [id, lines] of Object.entries(reports)) {
      for (const line of lines) expect(diagnoseFields(kb.compiled, { logs: line }).findings, line).toEqual([]);
      const [first, ...others] = diagnoseFields(kb.compiled, { logs: lines.join("\n") }).findings;
      expect(first?.id).toBe(id);
      expect(first?.confidence).toBe("low");
      expect(first?.evidence[0]).toMatchObject({ kind: "log", approximate: "similar" });
      expect(others).toEqual([]);
    }
  });

  it("reads a short report with no word of failure whole (a kernel warning), as the weakest lead", () => {
    const warning = "kernel: unregister_netdevice: waiting for cni0 to become free";
    const [first, ...others] = diagnoseFields(kb.compiled, {
      logs: `Message from syslogd@node-3 at Nov 29 02:11:07 ...\n ${warning}`,
    }).findings;
    expect(first).toMatchObject({ id: "unregister-netdevice-refcount-leak", confidence: "low", evidence: [{ approximate: "similar" }] });
    expect(others).toEqual([]);
    // In a long log the same line is one among many that say nothing wrong: no lead.
    const session = (i: number) => `Nov 29 02:11:${String(i).padStart(2, "0")} node-3 systemd[1]: Started Session ${i} of user core.`;
    const long = [warning, ...Array.from({ length: 25 }, (_, i) => session(i))].join("\n");
    expect(diagnoseFields(kb.compiled, { logs: long }).findings).toEqual([]);
  });

  it("never takes informational lines for a report, however close their words", () => {
    const healthy = [
      "I0315 03:48:50.499570       1 config.go:133] Starting endpoints config controller",
      "I0315 03:48:50.499598       1 shared_informer.go:223] Waiting for caches to sync for endpoints config",
      "[INFO] plugin/reload: Running configuration MD5 = 16d10c9396a4095338f9a5f9437a4813",
    ];
    expect(diagnoseFields(kb.compiled, { logs: healthy.join("\n") }).findings).toEqual([]);
  });

  it("reads a short ticket told in sentences whole, when its one failure line alone says too little", () => {
    const ticket = [
      "DNS lookups from pods sometimes take exactly 5 seconds because of a race in conntrack.",
      "It mostly hits alpine (musl) images that send A and AAAA queries in parallel over UDP.",
      "conntrack -S shows insert_failed going up; nothing else fails.",
    ];
    expect(diagnoseFields(kb.compiled, { logs: ticket[2] as string }).findings).toEqual([]);
    const [first, ...others] = diagnoseFields(kb.compiled, { logs: ticket.join("\n") }).findings;
    expect(first).toMatchObject({ id: "conntrack-udp-dns-race-5s", confidence: "low", evidence: [{ approximate: "similar" }] });
    expect(others).toEqual([]);
  });

  it("stays out when anything more precise explained the report", () => {
    const d = diagnoseFields(kb.compiled, { logs: [...reports["kubelet-fails-with-swap-on"], XOR_MARK_KLOG].join("\n") });
    expect(d.findings.map((f) => f.id)).toEqual([XT]);
  });
});

describe("recall across other tools' wording", () => {
  const first = (logs: string) => diagnoseFields(kb.compiled, { logs }).findings[0];
  const BR = "br-netfilter-not-loaded";

  it("reads a sysctl as one term, written as a key or as a /proc/sys path", () => {
    const key = lexicalTerms('sysctl: "net.bridge.bridge-nf-call-ip6tables"');
    const path = lexicalTerms("/proc/sys/net/bridge/bridge-nf-call-ip6tables");
    expect(key).toContain("bridge-nf-call-ip6tables");
    expect(path).toContain("bridge-nf-call-ip6tables");
    expect(lexicalTerms("modprobe: FATAL: Module br_netfilter not found")).toContain("br-netfilter");
  });

  it("bring in the bridge-netfilter record from a shell's, procps' or a daemon's wording, never high", () => {
    for (const logs of [
      "sh: can't create /proc/sys/net/bridge/bridge-nf-call-ip6tables: nonexistent directory",
      'error: "net.bridge.bridge-nf-call-iptables" is an unknown key',
      "W0612 10:00:01.000000    1 proxier.go:100] bridge-nf-call-iptables is disabled",
    ]) {
      const f = first(logs);
      expect(f?.id, logs).toBe(BR);
      expect(f?.confidence, logs).not.toBe("high");
    }
  });

  it("judge each line of a message quoted inside another with literal \\n separators (an installer's JSON)", () => {
    // An installer's stderr holding a wrapper's retelling of the kubelet's refusal (no signature's wording).
    const ansible = String.raw`    "stderr": "[preflight] WARNING: Connection to \"https://10.0.0.19:6443\" uses proxy \"http://proxy:80\"\n[preflight] Some fatal errors occurred:\n\tkubelet exited: running with swap on is not supported, disable swap or set --fail-swap-on flag to false\n[preflight] If you know what you are doing, you can make a check non-fatal with --skip-preflight-checks",`;
    const f = first(ansible);
    expect(f).toMatchObject({ id: "kubelet-fails-with-swap-on", evidence: [{ approximate: "similar", line: 1 }] });
    expect(f?.confidence).not.toBe("high");
  });

  it("bring in the kubelet's swap refusal retold by an installer's preflight, hedged", () => {
    const f = first("preflight: running with swap on is not supported by kubelet; disable swap");
    expect(f).toMatchObject({ id: "kubelet-fails-with-swap-on", evidence: [{ approximate: "similar" }] });
    expect(f?.confidence).not.toBe("high");
    // kubeadm's own SwapCheck wording (cmd/kubeadm/app/preflight/checks.go) is the record's signature now.
    expect(first("[ERROR Swap]: running with swap on is not supported. Please disable swap")?.evidence[0]).toMatchObject({
      signature: "kubeadm-preflight-swap",
    });
  });

  it("match a warning's words in another tool's wording, and read ip6tables' message as iptables' (never the reverse)", () => {
    const f = first("Warning: iptables-legacy tables present, use ip6tables-legacy to see them");
    expect(f).toMatchObject({ id: "iptables-legacy-nft-mixed-backends", evidence: [{ approximate: "tokens" }] });
    expect(f?.confidence).not.toBe("high");
    const sig = signatureTokens("literal", 'ip6tables-restore v1.8.4 (legacy): unknown option "--xor-mark"');
    expect(matchTokens(sig, lineTokens("iptables-restore v1.8.4 (legacy): unknown option '--xor-mark'"))).toBe(false);
  });

  it("read a runtime's exception as a failure line (.NET's inotify limit)", () => {
    const f = first(
      "Unhandled Exception: System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached.",
    );
    expect(f).toMatchObject({ id: "inotify-max-user-instances-exhausted", evidence: [{ approximate: "similar" }] });
    expect(f?.confidence).not.toBe("high");
  });

  it("read a kernel's table overflow as a failure, under its older wording without the subsystem's prefix", () => {
    const f = first("arp_cache: neighbor table overflow!");
    expect(f).toMatchObject({ id: "neighbour-table-overflow", evidence: [{ approximate: "similar" }] });
    expect(f?.confidence).not.toBe("high");
  });

  it("read a refusal that spells its state out with no failure word as a failure line ('does not exist', 'not implemented')", () => {
    // iptables names a missing chain this way, and a runtime without an API this way: neither line says "error" or "failed".
    const chain = first("kube-proxy[812]: Chain 'KUBE-MARK-DROP' does not exist");
    expect(chain).toMatchObject({ id: "kube-mark-drop-chain-missing", evidence: [{ approximate: "similar" }] });
    expect(chain?.confidence).not.toBe("high");
    const api = first('CRI v1 image API is not implemented for endpoint "unix:///run/containerd/containerd.sock"');
    expect(api).toMatchObject({ id: "kubelet-1.26-cri-v1-required", evidence: [{ approximate: "similar" }] });
    expect(api?.confidence).not.toBe("high");
    // A tool's notice that it will create what is missing is no failure of any record's.
    expect(diagnoseFields(kb.compiled, { logs: 'Release "grafana" does not exist. Installing it now.' }).findings).toEqual([]);
  });

  it("let no looser reading overrule a record's refuting signature on the same line", () => {
    // Elasticsearch logs its bootstrap checks as warnings when it does not enforce them (a node on loopback starts
    // anyway): the record's signature refuses that form, and its token reading must not bring the line back.
    const warned =
      "[2018-12-03T14:13:51,342][WARN ][o.e.b.BootstrapChecks    ] [fDPpOQe] max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]";
    expect(diagnoseFields(kb.compiled, { logs: warned }).findings).toEqual([]);
    const failed =
      "ERROR: [1] bootstrap checks failed\n[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]";
    expect(first(failed)?.id).toBe("elasticsearch-vm-max-map-count-too-low");
  });

  it("explain a bare errno text (no failure word) by resemblance, or point to its record first when a look-alike is near", () => {
    // Two records now hold these words (the memsw record's kubepods memory cgroups too): the line is read as a
    // failure, and its record is the answer's top, as a finding below high or as the first closest record.
    const d = diagnoseFields(kb.compiled, {
      logs: "failed to create cgroup /sys/fs/cgroup/memory/kubepods/burstable/pod1234: no space left on device",
    });
    const f = d.findings[0];
    if (f) {
      expect(f).toMatchObject({ id: "rhel7-memcg-kmem-leak", evidence: [{ approximate: "similar" }] });
      expect(f.confidence).not.toBe("high");
    } else expect(d.closest[0]?.id).toBe("rhel7-memcg-kmem-leak");
  });

  it("read every errno text as a failure, not only the common ones (ETXTBSY's 'Text file busy')", () => {
    const f = first("yarn install: /tmp/yarn--171/node: bad interpreter: Text file busy");
    expect(f).toMatchObject({ id: "io-uring-sqpoll-etxtbsy-6.9", evidence: [{ approximate: "similar" }] });
    expect(f?.confidence).not.toBe("high");
  });

  it("treat a log level written into a signature as framing: the same message under another level still matches", () => {
    expect(signatureTokens("regex", String.raw`\[FATAL\] plugin/loop: Loop \(\S+ -> :53\) detected for zone`)).toEqual([
      "plugin",
      "loop",
      "loop",
      "*",
      "detected",
      "zone",
    ]);
    const f = first(
      '[ERROR] plugin/loop: Loop (127.0.0.1:55953 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting.',
    );
    expect(f).toMatchObject({ id: "coredns-loop-systemd-resolved", evidence: [{ approximate: "tokens" }] });
  });

  it("stay silent on healthy lines that merely mention a disabled feature", () => {
    expect(diagnoseFields(kb.compiled, { logs: "docker: warning: swap limit support is disabled" }).findings).toEqual([]);
  });
});

describe("a tool's own framing and placeholders", () => {
  // kubeadm's framing of any failed preflight check, as `kubeadm init` prints it (kubernetes/kubeadm's phases).
  const preflight = (check: string) =>
    [
      "error execution phase preflight: [preflight] Some fatal errors occurred:",
      `\t${check}`,
      "[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`",
      "To see the stack trace of this error execute with --v=5 or higher",
    ].join("\n");

  it("draws in no record by kubeadm's words alone, whichever check failed (review 32d)", async () => {
    const kb = (await loadDataKb()).compiled;
    for (const check of ["[ERROR Port-6443]: Port 6443 is in use", "[ERROR DirAvailable--var-lib-etcd]: /var/lib/etcd is not empty"]) {
      const d = diagnoseBundle(kb, preflight(check));
      expect(
        d.findings.filter((f) => f.confidence !== "low").map((f) => f.id),
        check,
      ).toEqual([]);
    }
  });

  it("draws in no record by make's report that a target's command failed: the cause is in the command's own lines", async () => {
    const kb = (await loadDataKb()).compiled;
    // A daemon's error ends in "(exit status 3))" on its own line, joined to make's report after it.
    for (const tail of ["(exit status 3))\nmake: *** [Makefile:10: image] Error 1", "make[2]: *** [Makefile:10: image] Error 1"]) {
      expect(
        diagnoseBundle(kb, tail).findings.map((f) => f.id),
        tail,
      ).toEqual([]);
    }
  });

  it("draws in no record at medium by the kernel's header of a failed allocation: which allocation failed is in the stack", async () => {
    const kb = (await loadDataKb()).compiled;
    // raspberrypi/linux#5395 (the Pi's NIC refilling its RX ring) and rfjakob/earlyoom#220 (a laptop low on memory), verbatim.
    const pi = [
      "Mar 22 21:11:57 dill kernel: ksoftirqd/0: page allocation failure: order:0, mode:0xa20(GFP_ATOMIC), nodemask=(null),cpuset=/,mems_allowed=0",
      "Mar 22 21:11:57 dill kernel: CPU: 0 PID: 13 Comm: ksoftirqd/0 Tainted: P         C O       6.1.20-1-rpi-ARCH #1",
      "Mar 22 21:11:57 dill kernel:  kmem_cache_alloc from __netdev_alloc_skb+0xe4/0x198",
      "Mar 22 21:11:57 dill kernel:  __netdev_alloc_skb from bcmgenet_rx_refill+0x38/0x1ec",
    ].join("\n");
    const laptop =
      "[21161.093359] earlyoom: page allocation failure: order:0, mode:0x800(GFP_NOWAIT), nodemask=(null),cpuset=/,mems_allowed=0";
    for (const paste of [pi, laptop])
      expect(
        diagnoseBundle(kb, paste)
          .findings.filter((f) => f.confidence !== "low")
          .map((f) => f.id),
        paste,
      ).toEqual([]);
    // With the record's own frame in the stack, its signature still finds it.
    expect(diagnoseBundle(kb, `${pi}\n[2548650.549276]  veth_alloc_queues+0x20/0x80 [veth]`).findings[0]?.id).toBe(
      "veth-queue-alloc-enomem-many-cpus",
    );
  });

  it("reads a value the tool elides (`=...`) as no cut of the line, so a missing last word is missing", () => {
    expect(lineTokens("make a check non-fatal with `--ignore-preflight-errors=...`")).not.toContain("\u2026");
    expect(lineTokens("Failed to start container ...")).toContain("\u2026");
    const sig = signatureTokens(
      "regex",
      String.raw`validate CRI v1 runtime API for endpoint \\?"[^"\\]*\\?": rpc error: code = Unimplemented`,
    );
    const line =
      'validate CRI v1 runtime API for endpoint "unix:///run/containerd/containerd.sock": rpc error: code = Unavailable desc = x';
    expect(matchTokens(sig, lineTokens(`${line} --ignore-preflight-errors=...`))).toBe(false);
  });
});

describe("recall across split and wrapped messages", () => {
  const findings = (logs: string) => diagnoseFields(kb.compiled, { logs }).findings;

  it("let a regex's own wildcard (a path, `.*`) stand for any run of words", () => {
    const sig = signatureTokens("regex", String.raw`mkdir /sys/fs/cgroup/memory/\S+: cannot allocate memory`);
    expect(sig).toEqual(["mkdir", "sys", "cgroup", "memory", "*", "cannot", "allocate", "memory"]);
    expect(matchTokens(sig, lineTokens("mkdir /sys/fs/cgroup/memory/docker/0123abcd/pod-x-y-z cannot allocate memory"))).toBe(true);
    // Outside the wildcard the gap rule holds.
    expect(matchTokens(sig, lineTokens("mkdir /sys/fs/cgroup/cpu/extra/words/memory/docker cannot allocate memory"))).toBe(false);
  });

  it("judge a message split over lines by a wrapper as one message, at the line where it starts, hedged", () => {
    // Short lines, each ended by the wrapper (a line a terminal cut, as long as its width, is joined by the exact tier).
    const split = [
      "ERROR: could not apply the firewall rules",
      "Another app is currently holding the xtables lock.",
      "Perhaps you want to use the -w option?",
    ].join("\n");
    const [f] = findings(split);
    expect(f).toMatchObject({ id: "xtables-lock-contention", confidence: "medium" });
    expect(f?.evidence[0]).toMatchObject({ kind: "log", line: 2, approximate: "tokens" });
  });

  it("leave a message a wrapper split after a long line to the exact tier, which reads it whole", () => {
    const split = [
      "ERROR: could not apply the firewall rules",
      "/usr/sbin/ip6tables: Another app is currently holding the xtables lock.",
      "Perhaps you want to use the -w option?",
    ].join("\n");
    const [f] = findings(split);
    expect(f).toMatchObject({ id: "xtables-lock-contention", confidence: "medium" });
    expect(f?.evidence[0]).toMatchObject({ kind: "log", line: 2 });
    expect(f?.evidence[0]).not.toHaveProperty("approximate");
  });

  it("score a message a terminal cut over lines as the same message whole, where a literal runs across the cut", () => {
    // Example lines of two records (amazonlinux/amazon-linux-2023#1086; kubernetes/kube-proxy#25), cut as
    // terminals of these widths cut them, each cut inside one of the record's literals: the message is read
    // whole at its first line, and its later parts are no more witnesses. (Where a cut falls between two
    // literals, inside a path, the parts are still read apart: 100 and 120 columns for the first line.)
    const cases: Array<[string, number[]]> = [
      [
        "failed to create containerd container: mount callback failed on /var/lib/containerd/tmpmounts/containerd-mount2113257072: openat etc/passwd: path escapes from parent",
        [80, 132],
      ],
      [
        'Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"',
        [80, 120, 132],
      ],
    ];
    for (const [line, widths] of cases) {
      const [whole] = findings(line);
      for (const width of widths) {
        const cut = Array.from({ length: Math.ceil(line.length / width) }, (_, k) => line.slice(k * width, (k + 1) * width)).join("\n");
        const [f] = findings(cut);
        expect(f?.id, `${width}`).toBe(whole?.id);
        expect(f?.score, `${width}`).toBe(whole?.score);
        expect(f?.confidence, `${width}`).toBe(whole?.confidence);
        expect(f?.evidence.filter((e) => e.kind === "log").map((e) => e.kind === "log" && e.line)).toEqual([1, 1]);
      }
    }
  });

  it("join a path wrapped onto its own lines back into the failure it belongs to", () => {
    const wrapped = [
      "Error response from daemon: failed to create shim task: OCI runtime create failed:",
      "mkdir /sys/fs/cgroup/memory/docker/0123456789ab/",
      "cannot allocate memory",
    ].join("\n");
    expect(findings(wrapped)[0]).toMatchObject({ id: "rhel7-memcg-kmem-leak", confidence: "medium" });
  });

  it("never join across log records, and never count a line's own exact match twice", () => {
    const framed = [
      "Jan 01 00:00:01 node1 dockerd[1]: mkdir /sys/fs/cgroup/memory/docker/0123456789ab/",
      "Jan 01 00:00:02 node1 dockerd[1]: cannot allocate memory",
    ].join("\n");
    // No token signature across the two records; the whole short report may still resemble the record, as a low lead.
    const joined = findings(framed).find((f) => f.id === "rhel7-memcg-kmem-leak");
    expect(joined?.evidence.some((e) => e.kind === "log" && e.approximate === "tokens") ?? false).toBe(false);
    expect(joined?.confidence ?? "low").toBe("low");
    const exactAfterFailure =
      "iptables-restore: line 12 failed\nAnother app is currently holding the xtables lock. Perhaps you want to use the -w option?";
    const [f] = findings(exactAfterFailure);
    expect(f?.evidence.filter((e) => e.kind === "log")).toHaveLength(1);
  });
});

describe("recall across releases' and tools' wording of one message", () => {
  it("match another grammatical form of a word: an older release's 'cannot found', a plural, a tense", () => {
    expect(stem("found")).toBe(stem("find"));
    expect(stem("chains")).toBe(stem("chain"));
    expect(stem("mounted")).toBe(stem("mount"));
    expect(matches("literal", "failed to bind port on the host interface", "error: failed to bound port on the host interface")).toBe(true);
    // Another word is still another word.
    expect(matches("literal", "failed to bind port on the host interface", "error: failed to close port on the host interface")).toBe(
      false,
    );
  });

  it("read a device name with its number glued on as the pattern's word (`veth[0-9a-f]+`)", () => {
    const sig = String.raw`failed to add the host \(veth[0-9a-f]+\) <=> sandbox \(veth[0-9a-f]+\) pair interfaces: cannot allocate memory`;
    expect(
      matches("regex", sig, "failed to add the host (veth9a1b2c3) <=> sandbox (veth77d0e1f) pair interfaces: cannot allocate memory"),
    ).toBe(true);
    expect(
      matches("regex", sig, "failed to add the host (vethernet) <=> sandbox (vethernet) pair interfaces: cannot allocate memory"),
    ).toBe(false);
  });

  it("accept a line cut short without an ellipsis, and a message behind framing that repeats its first word", () => {
    const sig = "failed to add the host pair interfaces: cannot allocate memory";
    expect(matches("literal", sig, "failed to add the host pair interfaces: cannot allocate memor")).toBe(true);
    // A pager (`less -S`) or a paste cuts the line anywhere: what is left must still be most of the message, up to its end.
    expect(matches("literal", sig, "failed to add the host pair interfaces: cannot allocate me")).toBe(true);
    // …but not where the cut drops what tells failures apart: the errno could be any.
    expect(matches("literal", sig, "failed to add the host pair interfaces: cannot")).toBe(false);
    expect(
      matches("literal", "failed to add the host pair interfaces: operation not supported", "failed to add the host pair interfaces: o"),
    ).toBe(false);
    expect(matches("literal", sig, "failed to add the host pair interfa")).toBe(false);
    expect(matches("literal", sig, "failed to add the host pair interfaces: cannot allocate mutex")).toBe(false);
    expect(matches("literal", sig, "failed to add the host pair interfaces: cannot allocate memory here")).toBe(true);
    expect(matches("literal", sig, "failed to add the host pair interfaces: cannot open device")).toBe(false);
    expect(
      matches(
        "literal",
        sig,
        "failed to create endpoint web on network app_default: failed to add the host pair interfaces: cannot allocate memory",
      ),
    ).toBe(true);
  });

  it("drop a leading program name: another tool or a wrapper prints the same message without it", () => {
    expect(signatureTokens("literal", "bwrap: setting up uid map: Permission denied")).toEqual([
      "setting",
      "uid",
      "map",
      "permission",
      "denied",
    ]);
    expect(matches("literal", "bwrap: setting up uid map: Permission denied", "flatpak: setting up uid map: Permission denied")).toBe(true);
    // Kept when the rest says too little on its own, an errno text aside: it names no failure by itself.
    expect(signatureTokens("literal", "kubelet: swap is on")).toEqual(["kubelet", "swap"]);
    expect(signatureTokens("literal", "inotify_init: too many open files")).toEqual(["inotify_init", "too", "many", "open", "files"]);
    expect(matches("literal", "inotify_init: too many open files", "accept4: too many open files; retrying in 1s")).toBe(false);
  });

  it("let the words of a dropped alternative stand between the words around it, however the spaces were copied", () => {
    // The docker-28 record's regex `Unable to enable (DIRECT ACCESS|LOOPBACK) FILTERING - DROP (?:rule: |rule:  )\(iptables
    // failed: ...` on its own example line, pasted with a longer run of spaces than dockerd's two (the exact regex reads
    // one or two).
    const line =
      "failed to create endpoint spotweb on network docker_bridge: Unable to enable DIRECT ACCESS FILTERING - DROP rule:    (iptables failed: iptables --wait -t raw -A PREROUTING -d 172.18.0.2 ! -i br-1 -j DROP: iptables v1.8.4 (legacy): can't initialize iptables table `raw': Table does not exist";
    const f = diagnoseFields(kb.compiled, { logs: line }).findings[0];
    expect(f).toMatchObject({ id: "docker-28-iptables-raw-table-required", evidence: [{ approximate: "tokens" }] });
    expect(f?.confidence).not.toBe("high");
  });

  it("leave an optional letter out of a word, so the word's common form matches (`ip6?tables`)", () => {
    const sig = String.raw`can't initialize ip6?tables table .nat': Table does not exist \(do you need to insmod\?`;
    expect(signatureTokens("regex", sig)).toContain("iptables");
    expect(
      matches(
        "regex",
        sig,
        "iptables v1.8.11 (legacy): can't initialize iptables table 'nat': Table does not exist (do you need to insmod?)",
      ),
    ).toBe(true);
  });

  it("make no token signature of a regex whose alternatives carried the meaning and left little behind", () => {
    const sig = 'failed to register "bridge" driver: (invalid argument|creating ipset docker-ext-bridges-v[46])';
    expect(signatureTokens("regex", sig)).toEqual([]);
    // Alternatives that only vary around a long message cost nothing: their place holds any words.
    expect(signatureTokens("regex", "Could not process rule: (?:No such file|Invalid argument) in nftables sync of table filter")).toEqual([
      "process",
      "rule",
      "*",
      "nftables",
      "sync",
      "table",
      "filter",
    ]);
  });
});

describe("the closest records, when nothing matched", () => {
  const healthy = Array.from(
    { length: 40 },
    (_, i) => `I1129 09:31:${String(i).padStart(2, "0")}.751639       1 proxier.go:820] "SyncProxyRules complete" elapsed="22.67239ms"`,
  ).join("\n");

  it("are offered for a report that describes a failure, through every door", () => {
    const alone = diagnoseBundle(kb.compiled, RETOLD_DNS_TICKET).closest.map((c) => c.id);
    expect(alone[0]).toBe(DNS_RACE);
    expect(diagnoseFields(kb.compiled, { logs: RETOLD_DNS_TICKET }).closest.map((c) => c.id)).toEqual(alone);
    const hosts = diagnoseHosts(kb.compiled, [
      { name: "a", bundle: RETOLD_DNS_TICKET },
      { name: "b", bundle: healthy },
    ]);
    expect(hosts.closest[0]?.id).toBe(DNS_RACE);
  });

  it("are none that share only the words of a program's output structure (review 65b F4: 'shares: paths, kind')", () => {
    // Rust notify's error as `{:?}` prints it: its keys say nothing of a failure.
    const d = diagnoseBundle(kb.compiled, 'Error: Error { kind: MaxFilesWatch, paths: ["/home/u/proj"] }');
    for (const c of d.closest)
      expect(
        c.sharedWords.some((w) => !["kind", "paths"].includes(w)),
        c.id,
      ).toBe(true);
  });

  it("carry the verdict the input's versions decide, as a check against that record gives it, and none otherwise", () => {
    const d = diagnoseBundle(kb.compiled, RETOLD_DNS_TICKET_ON_4_19);
    const dns = d.closest.find((c) => c.id === DNS_RACE);
    expect(dns?.verdict?.status).toBe("affected");
    expect(dns?.verdict).toEqual(diagnoseBundle(kb.compiled, RETOLD_DNS_TICKET_ON_4_19, undefined, DNS_RACE).focus?.verdict);
    // Nothing decides without a version: a closest record lists no versions it lacks.
    expect(diagnoseBundle(kb.compiled, RETOLD_DNS_TICKET).closest.filter((c) => c.verdict)).toEqual([]);
    // The uname's words describe no failure: they liken the report to no record.
    const shared = d.closest.flatMap((c) => c.sharedWords);
    for (const word of ["x86_64", "gnu", "linux", "smp"]) expect(shared).not.toContain(word);
  });

  it("carry no verdict the versions do not settle: a context the input does not show, a version named in passing, a bug whose components must meet", () => {
    const verdictOf = (text: string, id: string) => {
      const d = diagnoseBundle(kb.compiled, text);
      expect(d.findings).toEqual([]);
      expect(d.closest.map((c) => c.id)).toContain(id);
      return d.closest.find((c) => c.id === id)?.verdict;
    };
    // AppArmor 4's runc profile: an engine in range on Ubuntu 22.04 (AppArmor 3) is no answer; the check says why.
    const APPARMOR4 = "apparmor4-runc-profile-container-stop-signal-denied";
    const jammy = `$ cat /etc/os-release\nNAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\n$ docker version\nServer: Docker Engine - Community\n Engine:\n  Version:          24.0.7\n  API version:      1.43 (minimum version 1.12)\n$ docker stop web\nError response from daemon: cannot stop container: web: tried to kill container, but did not receive an exit event`;
    expect(verdictOf(jammy, APPARMOR4)).toBeUndefined();
    expect(diagnoseBundle(kb.compiled, jammy, undefined, APPARMOR4).focus?.verdict).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/which the input does not show$/),
    });
    // A sentence's version may be a laptop's: its "not affected" beside words like the bug's settles nothing.
    const laptop =
      "On our Ubuntu 24.04 server docker stop hangs and containers are killed after the timeout, no graceful shutdown. Pods stay Terminating.\nThe same compose file on my laptop with Docker 27.3.1 stops fine.";
    expect(verdictOf(laptop, APPARMOR4)).toBeUndefined();
    // The runc CVE fix needs an old kernel and a Docker of that month: the kernel alone settles nothing.
    const centos =
      "Containers will not start on our CentOS 7 host after yum update. docker run exits right away and the daemon says the runc init process died before it could read its bootstrap data.\nuname -r: 3.10.0-957.el7.x86_64";
    expect(verdictOf(centos, "runc-cve-2019-5736-fix-old-kernels-init-p-broken-pipe")).toBeUndefined();
  });

  it("are ranked on a person's commands too, not on the host's identity (uname, os-release), the commands printing it or a collector's notes", () => {
    const checkpoint = "$ podman container checkpoint --keep web\nError: failed to checkpoint container web: exit status 1";
    expect(diagnoseBundle(kb.compiled, checkpoint).closest.map((c) => c.id)).toContain(
      "criu-4.0-vdso-vvar-vclock-kernel-6.13-checkpoint-fails",
    );
    // What `known-bugs collect` prints around one symptom line: its words are the tool's, not the failure's.
    const collected = [
      "# known-bugs collect 1.0.0 at 2026-12-02T08:00:00Z",
      "$ uname -a",
      "Linux node1 5.15.0-91-generic #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023 x86_64 x86_64 x86_64 GNU/Linux",
      "$ iptables --version",
      "iptables v1.8.7 (nf_tables)",
      "# skipped: ip6tables --version: not found",
      "# skipped: nft --version: not found",
      "# skipped: journalctl -u kube-proxy --no-pager -n 300: no entries",
      "# skipped: kubectl get nodes -o wide: not found",
      "the node reboots every few hours",
    ].join("\n");
    const shared = diagnoseBundle(kb.compiled, collected).closest.flatMap((c) => c.sharedWords);
    expect(shared.length).toBeGreaterThan(0);
    // The notes' words and the uname's; `iptables --version`'s output stays (its backend can be what went wrong).
    for (const word of ["ip6tables", "nft", "entries", "kube-proxy", "skipped", "gnu", "x86_64"]) expect(shared).not.toContain(word);
  });

  it("in the hosts form, carry the fleet's verdict: affected when one host is, in that host's words", () => {
    const other = RETOLD_DNS_TICKET_ON_4_19.replace("4.19.0", "6.8.0-1026-aws #28-Ubuntu");
    const fleet = diagnoseHosts(kb.compiled, [
      { name: "a", bundle: other },
      { name: "b", bundle: RETOLD_DNS_TICKET_ON_4_19 },
    ]);
    const dns = fleet.closest.find((c) => c.id === DNS_RACE);
    expect(dns?.verdict?.status).toBe("affected");
    expect(dns?.verdict?.reason).toMatch(/^host b\b/);
  });

  it("are not offered for a log that reports no failure, long or short, nor beside a finding", () => {
    expect(diagnoseBundle(kb.compiled, healthy).closest).toEqual([]);
    expect(diagnoseBundle(kb.compiled, healthy.split("\n").slice(0, 3).join("\n")).closest).toEqual([]);
    expect(diagnoseBundle(kb.compiled, XOR_MARK_KLOG).closest).toEqual([]);
  });

  it("read a long report's start and end: a retold incident after megabytes of healthy lines still finds its record", () => {
    const long = `${healthy}\n`.repeat(Math.ceil((1024 * 1024) / healthy.length));
    const d = diagnoseBundle(kb.compiled, `${long}${RETOLD_DNS_TICKET}`);
    expect(d.findings).toEqual([]);
    expect(d.closest[0]?.id).toBe(DNS_RACE);
  });
});

describe("an envelope's severity is not the message's (review 39a)", () => {
  it("likens no healthy daemon line to a record because a log export marked every stderr line ERROR", async () => {
    const kb = (await loadDataKb()).compiled;
    // `gcloud logging read` prints YAML, folding a long textPayload; GKE gives a container's stderr severity ERROR.
    const entry = (n: number, payload: string) =>
      [
        "---",
        `insertId: x${n}`,
        "logName: projects/p/logs/stderr",
        "resource:",
        "  labels:",
        "    cluster_name: c1",
        "  type: k8s_container",
        "severity: ERROR",
        `textPayload: ${payload}`,
        `timestamp: 2024-05-01T10:00:0${n}.123456789Z`,
      ].join("\n");
    const paste = [
      entry(1, 'time="2024-05-01T10:00:00.223456789Z" level=info msg="[graphdriver] using prior storage\n  driver: overlay2"'),
      entry(
        2,
        'time="2024-05-01T10:00:01.123456789Z" level=info msg="Docker\n  daemon" commit=8e96db1 containerd-snapshotter=false storage-driver=overlay2\n  version=26.1.3',
      ),
      entry(3, 'time="2024-05-01T10:00:01.223456789Z" level=info msg="Daemon has completed initialization"'),
    ].join("\n");
    expect(diagnoseBundle(kb, paste).findings.filter((f) => f.confidence !== "low")).toEqual([]);
  });
});

describe("an errno's number beside its text (review 68b F3)", () => {
  it("is the errno again, not a word of the message: error(13) and error(22) end one message two ways", () => {
    expect([...errnoEndings("mount error(13): Permission denied").keys()]).toEqual(["mount error"]);
    expect([...errnoEndings("Cannot open TUN/TAP dev /dev/net/tun: No such device (errno=19)").keys()]).toEqual(["dev dev/net/tun"]);
    const record = recordErrnos("mount error(22): Invalid argument");
    expect(errnoAgrees("mount error(13): Permission denied", record)).toBe(false);
    expect(errnoAgrees("mount error(22): Invalid argument", record)).toBe(true);
  });
});

describe("errno texts that differ (review 71a F1, F3)", () => {
  const SECCOMP = "new-libc-images-on-old-docker-seccomp";
  const NFS41 = "nfs41-exchgid-pnfs-ds-protocol-not-supported-2023";
  const ids = (paste: string) => diagnoseBundle(kb.compiled, paste).findings.map((f) => f.id);

  it("keys a message by the call it names, whatever form its errno's number takes: nginx's (11: …), Python's [Errno 11]", () => {
    expect([...errnoEndings("pthread_create() failed (11: Resource temporarily unavailable)").keys()]).toEqual(["pthread_create failed"]);
    expect([...errnoEndings("os.fork failed: [Errno 11] Resource temporarily unavailable").keys()]).toEqual(["os.fork failed"]);
    const record = recordErrnos("runtime/cgo: pthread_create failed: Operation not permitted");
    expect(errnoAgrees("pthread_create() failed (11: Resource temporarily unavailable)", record)).toBe(false);
    expect(errnoAgrees("pthread_create() failed (1: Operation not permitted)", record)).toBe(true);
  });

  it("reads glibc's neighbouring errno texts as themselves: Protocol family not supported is no Protocol not supported", () => {
    expect(errnoTextsIn("mount.nfs: mount(2): Protocol family not supported")).toEqual(new Set(["protocol family not supported"]));
    expect(errnoTextsIn("socket: Socket type not supported")).toEqual(new Set(["socket type not supported"]));
    expect(errnoTextsIn("accept: Too many open files in system")).toEqual(new Set(["too many open files in system"]));
    // A record giving other errno texts only is not resembled by the line, whatever the message.
    expect(errnoAgrees("mount.nfs: Protocol family not supported", recordErrnos("mount.nfs: Protocol not supported"))).toBe(false);
  });

  it("names no record by a reworded line or a resemblance whose errno text differs from the record's (F3: EPFNOSUPPORT)", () => {
    const d = diagnoseBundle(kb.compiled, VAST_CSI_PROTOCOL_FAMILY);
    expect(d.findings.map((f) => f.id)).not.toContain(NFS41);
    // Still the closest record to read, with no claim that it matched.
    expect(d.closest.map((c) => c.id)).toContain(NFS41);
    // The record's own errno still finds it, exactly and reworded.
    expect(ids("mount.nfs: mount(2): Protocol not supported")).toContain(NFS41);
    expect(ids("detail = mount.nfs: mount(2) call: Protocol not supported")).toContain(NFS41);
  });

  it("reads three complete EAGAIN messages as three, and likens none of them to the EPERM record (F1)", () => {
    expect(ids(FIRESHARE_PIDS_LIMIT)).not.toContain(SECCOMP);
    for (const line of FIRESHARE_PIDS_LIMIT.split("\n").slice(2)) expect(ids(line), line).toEqual([]);
  });
});

describe("a failure message complete in itself continues no line before it (review 71a F1)", () => {
  const findings = (logs: string) => diagnoseFields(kb.compiled, { logs }).findings;

  it("joins no message that opens with its own head: a call's failure, an error's name", () => {
    // Were they joined, the EAGAIN lines would read as one message: the evidence would span them.
    const evidence = diagnoseBundle(kb.compiled, FIRESHARE_PIDS_LIMIT).findings.flatMap((f) => f.evidence);
    expect(evidence.filter((e) => e.kind === "log" && e.text.includes("BlockingIOError") && e.text.includes("fork()"))).toEqual([]);
  });

  it("weighs a resemblance only lines read joined carry no more than the record's weakest signature", () => {
    const f = findings(RADAR_WRAPPED_EXIT_STATUS).find((x) => x.id === "firewalld-reload-wipes-docker-chains");
    const weakest = Math.min(...(kb.compiled.records.find((r) => r.id === f?.id)?.signatures.map((s) => s.weight) ?? [0]));
    expect(f?.evidence.find((e) => e.kind === "log")).toMatchObject({ line: 2, approximate: "similar" });
    expect(f?.evidence.every((e) => e.kind !== "log" || e.weight <= weakest)).toBe(true);
    expect(f?.confidence).toBe("low");
  });
});

describe("a line that only warns or gives notice is likened to no record (review 69a)", () => {
  const similarIds = (paste: string) =>
    diagnoseBundle(kb.compiled, paste)
      .findings.filter((f) => f.evidence.some((e) => e.kind === "log" && e.approximate === "similar"))
      .map((f) => f.id);
  const first = (logs: string) => diagnoseFields(kb.compiled, { logs }).findings[0];
  // Docker's start-up clean-up deletes its old jumps before it creates the DOCKER chain: each -D warns, harmlessly.
  const cleanup =
    "'/usr/sbin/iptables -w10 -t nat -D OUTPUT -m addrtype --dst-type LOCAL -j DOCKER' failed: iptables v1.8.4 (legacy): Couldn't load target `DOCKER':No such file or directory";

  it("reads a warning's level in its framing, whatever failure its message words, and not the kernel's WARN splat", () => {
    for (const line of [
      `Mar 04 08:12:31 web-3 firewalld[812]: WARNING: COMMAND_FAILED: ${cleanup}`,
      `2023-03-04 08:12:31 WARNING: COMMAND_FAILED: ${cleanup}`,
      `W0304 08:12:31.118734    4121 rules.go:88] COMMAND_FAILED: ${cleanup}`,
      'time="2023-03-04T08:12:31Z" level=warning msg="failed to load plugin" error="no such file or directory"',
      `[WARNING] COMMAND_FAILED: ${cleanup}`,
      `warn: COMMAND_FAILED: ${cleanup}`,
      // logrus' terminal form (podman, docker's CLI, rke): the level's first four letters, then the seconds since start.
      'WARN[0000] failed to load plugin io.containerd.snapshotter.v1.overlayfs  error="no such file or directory"',
      'WARN[2019-11-14T18:15:28.310530982Z] Failed to find memory cgroup, you may need to add "cgroup_memory=1"',
    ])
      expect(isWarning(line), line).toBe(true);
    for (const line of [
      'ERRO[0000] Error adding network: failed to create bridge "cni0": could not add "cni0": operation not supported',
      "FATA[0115] [workerPlane] Failed to bring up Worker Plane: Failed to verify healthcheck",
      `2023-03-04 08:12:31 ERROR: COMMAND_FAILED: ${cleanup}`,
      "[  123.456789] WARNING: CPU: 3 PID: 0 at net/sched/sch_generic.c:467 dev_watchdog+0x21b/0x230",
      "WARNING: at net/sched/sch_generic.c:265 dev_watchdog+0x1f1/0x200() (Not tainted)",
      'level=error msg="iptables failed" stderr="Warning: Extension MARK revision 0 not supported"',
    ])
      expect(isWarning(line), line).toBe(false);
    // logrus' terminal FATA is a fatal line (rke's healthcheck failure ends the run), its ERRO neither fatal nor a warning.
    expect(logLevel("FATA[0115] [workerPlane] Failed to bring up Worker Plane")).toBe("fatal");
    expect(logLevel("ERRO[0000] error waiting for container: context canceled")).toBe("other");
  });

  it("likens no warning to a record by resemblance, in any framing (69a F2: firewalld's -D clean-up warnings)", () => {
    // The reload record's regex takes only -A/-I: its resemblance made these start-up warnings a medium root cause.
    for (const line of [
      `Mar 04 08:12:31 web-3 firewalld[812]: WARNING: COMMAND_FAILED: ${cleanup}`,
      `2023-03-04 08:12:31 WARNING: COMMAND_FAILED: ${cleanup}`,
      `W0304 08:12:31.118734    4121 rules.go:88] COMMAND_FAILED: ${cleanup}`,
      `[WARNING] COMMAND_FAILED: ${cleanup}`,
      `warn: COMMAND_FAILED: ${cleanup}`,
    ])
      expect(similarIds(line), line).toEqual([]);
    // A journal of them, with iptables' usage hint under each, is no more than its lines.
    const journal = [1, 2, 3]
      .map(
        (n) =>
          `2023-03-04 08:12:3${n} WARNING: COMMAND_FAILED: ${cleanup}\n\nTry \`iptables -h' or 'iptables --help' for more information.`,
      )
      .join("\n\n");
    const d = diagnoseBundle(kb.compiled, journal);
    expect(d.findings.map((f) => f.id)).not.toContain("firewalld-reload-wipes-docker-chains");
    expect(d.rootCause ?? null).toBeNull();
  });

  it("still matches a warning exactly or by a token signature: only resemblance is refused", () => {
    // firewalld#503's probe of a chain a reload removed: the record's own (weak) signature for the warning.
    const probe =
      "firewalld[3418]: WARNING: COMMAND_FAILED: '/usr/sbin/iptables -w2 -t nat -nL DOCKER-INGRESS' failed: iptables: No chain/target/match by that name.";
    expect(diagnoseBundle(kb.compiled, probe).findings.map((f) => f.id)).toContain("firewalld-reload-wipes-docker-chains");
    // iptables' own "Warning:" is a warning by its framing, and the mixed-backends record's message in other words.
    const warned = "Warning: iptables-legacy tables present, use ip6tables-legacy to see them";
    expect(isWarning(warned)).toBe(true);
    const f = first(warned);
    expect(f).toMatchObject({ id: "iptables-legacy-nft-mixed-backends", evidence: [{ approximate: "tokens" }] });
  });

  // iptables >= 1.8.8 prints this notice before every failed restore; kube-proxy's error wrapper puts its exit status first.
  const restore = (failure: string) =>
    [
      'E0304 08:12:31.118734       1 proxier.go:1556] "Failed to execute iptables-restore" err=<',
      "\texit status 2: Ignoring deprecated --wait-interval option.",
      `\tiptables-restore v1.8.9 (nf_tables): ${failure}`,
      "\tError occurred at line: 212",
      "\tTry `iptables-restore -h' or 'iptables-restore --help' for more information.",
      ' > ipFamily="IPv4"',
    ].join("\n");

  it("reads no wrapper's exit status before a notice as a failure line (69a F1: the IPv6 MARK record on an IPv4 restore)", () => {
    const ids = diagnoseBundle(
      kb.compiled,
      restore("Couldn't load target `KUBE-SEP-7KQ3HFZ2XWXG4ZOE':No such file or directory"),
    ).findings.map((f) => f.id);
    expect(ids).not.toContain(XT);
    // The same notice above the classic missing KUBE-MARK-DROP: that record alone, no "separate problem" of IPv6.
    const drop = diagnoseBundle(kb.compiled, restore("Couldn't load target `KUBE-MARK-DROP':No such file or directory"));
    expect(drop.findings.map((f) => f.id)).toEqual(["kube-mark-drop-chain-missing"]);
    // Under journald's framing too (k3s' embedded kube-proxy), and with another exit status.
    const k3s = [
      'Mar 04 08:12:31 node-7 k3s[20431]: E0304 08:12:31.118734   20431 proxier.go:1556] "Failed to execute iptables-restore" err=<',
      "Mar 04 08:12:31 node-7 k3s[20431]:         exit status 1: Ignoring deprecated --wait-interval option.",
      "Mar 04 08:12:31 node-7 k3s[20431]:         iptables-restore: line 57 failed",
      'Mar 04 08:12:31 node-7 k3s[20431]:  > ipFamily="IPv4"',
    ].join("\n");
    expect(diagnoseBundle(kb.compiled, k3s).findings.map((f) => f.id)).not.toContain(XT);
    // The IPv6 bug's own line after the same notice still names it.
    const ipv6 = restore('unknown option "--xor-mark"').replaceAll("iptables-restore", "ip6tables-restore").replace("IPv4", "IPv6");
    expect(diagnoseBundle(kb.compiled, ipv6).findings[0]?.id).toBe(XT);
  });
});

describe("a kernel report's framing (review 70a F1)", () => {
  const header = UBSAN_FRAMING;
  const report = UBSAN_REPORT;
  const VETH = "veth-queue-alloc-enomem-many-cpus";
  const ids = (text: string) => diagnoseBundle(kb.compiled, text).findings.map((f) => f.id);

  it("names no bug from the framing alone, pasted bare, from dmesg or from the journal, with <TASK> or <IRQ>", () => {
    const irq = header.map((l) => (l === "<TASK>" ? "<IRQ>" : l));
    const dmesg = header.map((l, i) => `[40145.6${i}4353] ${l}`);
    const journal = header.map((l) => `Aug 09 04:12:31 node-3 kernel: ${l}`);
    for (const lines of [header, irq, dmesg, journal]) {
      const d = diagnoseBundle(kb.compiled, lines.join("\n"));
      expect(
        d.findings.map((f) => f.id),
        lines[1],
      ).toEqual([]);
      // Nor is a record that shares only the framing's words ("hardware", "standard") a closest one.
      expect(
        d.closest.map((c) => c.id),
        lines[1],
      ).toEqual([]);
    }
  });

  it("reads a report by its headline and its own frames: the UBSAN report names no veth bug", () => {
    expect(ids(report.join("\n"))).not.toContain(VETH);
    const d = diagnoseBundle(kb.compiled, report.join("\n"));
    expect(d.rootCause ?? null).toBeNull();
    for (const c of d.closest) expect(c.sharedWords).not.toEqual(expect.arrayContaining(["hardware"]));
  });

  it("gives the same answer whatever the framing around the headline says", () => {
    // Another machine's framing (a Dell's, an older kernel's 3.x frame with its address) changes nothing.
    const dell = report.map((l) =>
      l.replace(/^Hardware name: .*/, "Hardware name: Dell Inc. PowerEdge R6615/067N9T, BIOS 1.9.5 09/12/2024"),
    );
    const old = report.map((l) => l.replace(/^dump_stack_lvl\S+/, " [<ffffffff81686ac3>] dump_stack+0x19/0x1b"));
    const bare = report.filter((l) => !header.includes(l));
    expect(ids(report.join("\n"))).toEqual(ids(bare.join("\n")));
    expect(ids(dell.join("\n"))).toEqual(ids(bare.join("\n")));
    expect(ids(old.join("\n"))).toEqual(ids(bare.join("\n")));
  });

  it("takes as framing only the forms every report prints: a headline, RIP and a report's own frames stay", () => {
    for (const framing of [
      ...header,
      "CPU: 0 UID: 0 PID: 1 Comm: systemd Not tainted 6.12.1 #1",
      "Tainted: [P]=PROPRIETARY_MODULE, [O]=OOT_MODULE",
      "RSP: 0018:ffffb3c1c0b27d48 EFLAGS: 00010246",
      "RAX: 0000000000000000 RBX: ffff9a0c4a3e2000 RCX: 0000000000000000",
      "Code: 48 89 e5 41 57 41 56 <0f> 0b",
      "Modules linked in: veth xt_nat nf_conntrack overlay",
      "? watchdog_timer_fn+0x1d0/0x250",
      "entry_SYSCALL_64_after_hwframe+0x6e/0xd8",
      "dump_stack_lvl (lib/dump_stack.c:107)",
      "</TASK>",
    ])
      expect(isOopsFraming(framing), framing).toBe(true);
    for (const headline of [
      "UBSAN: array-index-out-of-bounds in kernel/bpf/lpm_trie.c:194:14",
      "general protection fault, probably for non-canonical address 0x9e759c37ee555c76: 0000 [#1] SMP PTI",
      "WARNING: CPU: 1 PID: 16 at net/ipv4/af_inet.c:157 inet_sock_destruct+0x1a2/0x1d0",
      "BUG: kernel NULL pointer dereference, address: 0000000000000008",
      "RIP: 0010:trie_update_elem+0x152/0x300",
      "trie_update_elem+0x152/0x300",
      "veth_alloc_queues+0x25/0x80 [veth]",
      // Not a kernel's at all: an API's error code.
      "Code: AccessDenied",
      "CPU: high usage on node-3",
    ])
      expect(isOopsFraming(headline), headline).toBe(false);
  });
});

describe("a compound naming a setting (review 70a F6)", () => {
  // cri-o/cri-o#7569 (Rocky 9.3, 2023): the sentence naming the boot setting resembled the pre-cgroup-v2 runtime record,
  // the one record quoting `systemd.unified_cgroup_hierarchy`, over the report's quoted kubelet error.
  const report = [
    "on rockylinux 9.3 with systemd.unified_cgroup_hierarchy=0, 'kubeadm init' work well.",
    "but on rockylinux 9.3 default with systemd.unified_cgroup_hierarchy=1, 'kubeadm init' failed.",
    "kubulet failed to boot with the error 'cgroup manager.Set failed: openat2 /sys/fs/cgroup/kubepods.slice/cpu.weight: no such file or directory'",
  ].join("\n");

  it("names no record by a compound of generic words alone: it anchors a line only beside another word few records hold", () => {
    const d = diagnoseBundle(kb.compiled, report);
    expect(d.findings.map((f) => f.id)).toEqual([]);
    // Still a search result to check.
    expect(d.closest.map((c) => c.id)).toContain("runtime-pre-cgroupv2-on-unified-host");
  });

  it("still lets a compound only one record holds anchor a short line beside a rare word of that record", () => {
    const line = "error: net.bridge.bridge-nf-call-iptables is not set, bridged traffic bypasses iptables";
    const [f] = diagnoseBundle(kb.compiled, line).findings;
    expect(f?.id).toBe("br-netfilter-not-loaded");
    expect(f?.evidence[0]).toMatchObject({ approximate: "similar" });
  });
});

describe("a command line's options name settings, not failures (review 73a F5)", () => {
  // The swap record's own fix turns kubelet's swap check off with `--fail-swap-on=false` (in KUBELET_EXTRA_ARGS): a paste
  // showing that command, or the environment file, reports the check disabled, not the failure.
  it("reads no failure in an option's name or value", () => {
    expect(isFailure("kubelet --fail-swap-on=false")).toBe(false);
    expect(isFailure("KUBELET_EXTRA_ARGS=--fail-swap-on=false")).toBe(false);
    expect(isFailure('ExecStart=/usr/bin/kubelet "--fail-swap-on=false" --cgroup-driver=systemd')).toBe(false);
  });

  it("still reads the failure a line words around an option", () => {
    expect(isFailure("Error: unknown flag: --fail-swap-on")).toBe(true);
    expect(isFailure("kubelet --fail-swap-on=false: failed to run Kubelet: running with swap on is not supported")).toBe(true);
  });

  it("likens the command that turns the swap check off to no record", () => {
    const paste = ["$ cat /etc/default/kubelet", "KUBELET_EXTRA_ARGS=--fail-swap-on=false", "$ kubelet --version", "Kubernetes v1.10.0"];
    expect(diagnoseBundle(kb.compiled, paste.join("\n")).findings.map((f) => f.id)).not.toContain("kubelet-fails-with-swap-on");
  });
});
