import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { renderTextReport } from "../../src/engine/report-text";
import { loadDataKb } from "../support/data-kb";

const kb = (await loadDataKb()).compiled;

/**
 * What a container's program logged with its own iptables' version is its image's, not the host's (review 72a F7).
 * linuxserver/docker-wireguard#42: wg-quick inside the container traces its command, and the image's iptables-restore
 * fails.
 */
const WG_QUICK = ["[#] iptables-restore -n", "iptables-restore v1.6.1: iptables-restore: unable to initialize table 'raw'"];

describe("an iptables version a container's log names is not the host's", () => {
  it.each([
    ["`docker logs`", ["$ docker logs wireguard", ...WG_QUICK]],
    ["`docker compose logs`", ["$ docker compose logs wireguard", ...WG_QUICK.map((l) => `wireguard  | ${l}`)]],
    ["`kubectl logs --prefix`", WG_QUICK.map((l) => `[pod/wireguard-7d9f/wireguard] ${l}`)],
  ])("%s: the report names no host iptables", (_form, lines) => {
    const d = diagnoseBundle(kb, lines.join("\n"));
    expect(d.facts.iptables).toBeNull();
    expect(renderTextReport(d)).not.toMatch(/^iptables: 1\.6\.1/m);
  });

  it("the same lines with nothing of a container are the iptables the paste shows", () => {
    expect(diagnoseBundle(kb, WG_QUICK.join("\n")).facts.iptables).toMatchObject({ version: "1.6.1" });
  });

  it("a kube-proxy pod's legacy iptables does not rule out the host's iptables-nft bug (its kubelet's rules)", () => {
    // kubernetes#76431's listing of the host's KUBE-FIREWALL (kubelet's DROP rule, thousands of copies), beside kube-proxy's
    // pod log from kubernetes#99031, whose image runs ip6tables-restore 1.8.5 in legacy mode.
    const paste = [
      "$ kubectl -n kube-system logs kube-proxy-x7k2p",
      "E0212 11:16:50.751646       1 proxier.go:1619] Failed to execute iptables-restore: exit status 2 (ip6tables-restore v1.8.5 (legacy): ip6tables-restore: unable to initialize table 'nat'",
      "$ iptables -L -v -n | grep 'kubernetes firewall for dropping marked packets'",
      "    0     0 DROP       all  --  *      *       0.0.0.0/0            0.0.0.0/0            mark match 0x8000/0x8000 /* kubernetes firewall for dropping marked packets */",
    ].join("\n");
    const d = diagnoseBundle(kb, paste);
    const finding = [...d.findings, ...d.advisories].find((f) => f.id === "iptables-nft-1.8.1-1.8.2-check-bug");
    expect(finding).toBeDefined();
    expect(finding?.verdict.status).not.toBe("not-affected");
    expect(d.facts.iptables).toBeNull();
  });
});
