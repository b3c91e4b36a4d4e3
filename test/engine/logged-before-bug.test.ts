import { describe, expect, it } from "vitest";
import { recordStart } from "../../src/engine/bug-start";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { isoDay, loggedDay } from "../../src/engine/facts/logged-day";
import { loggedBeforeBug } from "../../src/engine/logged-before-bug";
import { renderTextReport } from "../../src/engine/report-text";
import { loadDataKb } from "../support/data-kb";
import { DELUGEVPN_TUN_EPERM_2024, K3D_CONNTRACK_2021, OPENVPN_TUNSETIFF_2020 } from "../support/dated-pastes";

// A symptom logged before its bug existed is not that bug (review 72a F1): the log's own dated lines against the earliest
// start date (`introducedOn`) of the record's ranges.
const { compiled: kb, records } = await loadDataKb();
const TUN = "runc-1.2.0-tun-tap-removed-from-default-devices";
const CONNTRACK = "kube-proxy-nf-conntrack-max-readonly-netns-5.12.2";
const findingOf = (text: string, id: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === id);
const recordOf = (id: string) => {
  const r = records.find((x) => x.id === id);
  if (!r) throw new Error(`no record ${id}`);
  return r;
};

describe("a finding whose lines were all logged before its bug existed", () => {
  it("is not that bug: not affected, at the start date's level, and a lead at most", () => {
    // OpenVPN refusing the tun device in July 2020; runc's change that removed tun/tap landed on main on 2022-05-04.
    const f = findingOf(OPENVPN_TUNSETIFF_2020, TUN);
    expect(f?.verdict).toMatchObject({
      status: "not-affected",
      level: "verified",
      reason: "the line was logged on 2020-07-08, before runc 1.2.0-rc.1 existed (its change dates from 2022-05-04, verified)",
    });
    expect(f?.confidence).toBe("low");
    // Every door shows the verdict's reason: the text report as the others.
    expect(renderTextReport(diagnoseBundle(kb, OPENVPN_TUNSETIFF_2020))).toContain(
      "verdict: not affected (verified): the line was logged on 2020-07-08, before runc 1.2.0-rc.1 existed",
    );
  });

  it("changes nothing where a line is dated after the change landed, however long before its release (review 72a's own c15)", () => {
    // March 2024 is before runc 1.2.0-rc.1 (April 2024) but after the change reached main: a development build had it.
    const f = findingOf(DELUGEVPN_TUN_EPERM_2024, TUN);
    expect(f?.verdict.status).toBe("unknown");
    expect(f?.confidence).toBe("medium");
  });

  it("changes nothing where another line of the paste is dated after the start: the early dates may be a clock set late", () => {
    const f = findingOf(`${OPENVPN_TUNSETIFF_2020}\n${DELUGEVPN_TUN_EPERM_2024}`, TUN);
    expect(f?.verdict.reason).not.toContain("was logged on");
    expect(findingOf(`${DELUGEVPN_TUN_EPERM_2024.split("\n")[0]}\n${OPENVPN_TUNSETIFF_2020}`, TUN)?.verdict.status).not.toBe(
      "not-affected",
    );
  });

  it("changes nothing where a symptom line has no year", () => {
    // The record's own gluetun example, as its issue shows it: no date on the line.
    const f = findingOf("ERROR creating tun device: Unix opening TUN device file: operation not permitted", TUN);
    expect(f?.verdict.status).toBe("unknown");
    expect(f?.verdict.reason).not.toContain("was logged on");
  });

  it("dates a kernel regression's start by the day its change reached a public tree, on every stable range", () => {
    expect(recordStart(recordOf(CONNTRACK)).start).toEqual({ date: "2021-04-12", release: "Linux 4.9.269", level: "verified" });
    // k3d's refusal of May 2021 came a month after: still that bug, as before.
    const f = findingOf(K3D_CONNTRACK_2021, CONNTRACK);
    expect(f?.verdict.status).not.toBe("not-affected");
    expect(f?.verdict.reason).not.toContain("was logged on");
  });

  it("gives a record no start while an upstream range is undated, or where its bug has no start", () => {
    // xt-mark's ranges carry no date (its record is at D1's size limit); crun 1.23 needs container-selinux from "0".
    expect(recordStart(recordOf("xt-mark-ipv6-typo-2024"))).toMatchObject({ start: null });
    expect(recordStart(recordOf("crun-1.23-systemd-bpf-device-filter-selinux-prog-run")).timeless).toMatch(/starts at "0"/);
    // A distribution's or package repository's build of a dated upstream range needs no date: Docker's containerd.io here.
    expect(recordStart(recordOf(TUN))).toMatchObject({ start: { date: "2022-05-04", release: "runc 1.2.0-rc.1" }, undated: [] });
  });
});

describe("the day a line says it was written, with its year", () => {
  it("reads ISO 8601, logrus (also behind a journal's year-less prefix), Go's logger (behind compose's column too), ctime and CRI log files", () => {
    const day = (line: string) => {
      const d = loggedDay(line);
      return d === null ? null : isoDay(d);
    };
    // moby/moby#34995, gluetun#884, haugene#1286, binhex/arch-delugevpn#393, k3d-io/k3d#607.
    expect(day(`time="2017-09-26T11:19:42Z" level=error msg="failed to disable IPv6 forwarding for container's interface all"`)).toBe(
      "2017-09-26",
    );
    expect(day(`May 15 23:09:29 ubuntu-s-1vcpu-2gb-ams3-01 dockerd[2944]: time="2020-05-15T23:09:29.283270228Z" level=warning`)).toBe(
      "2020-05-15",
    );
    expect(day("gluetun        | 2022/03/14 11:46:19 ERROR cannot create TUN device file node: operation not permitted")).toBe(
      "2022-03-14",
    );
    expect(day("Wed Jul  8 21:25:58 2020 ERROR: Cannot ioctl TUNSETIFF tun: Operation not permitted (errno=1),")).toBe("2020-07-08");
    expect(day("2024-03-10 13:46:25,238 DEBG 'start-script' stdout output:")).toBe("2024-03-10");
    expect(day("2021-05-16T05:05:31.783130013Z  F0516 05:05:31.782902       7 server.go:495] open …")).toBe("2021-05-16");
    // No year: a journal's own prefix, klog's header. A clock never set is no date.
    expect(day("Mar 10 13:46:25 host openvpn[812]: ERROR: Cannot open TUN/TAP dev /dev/net/tun")).toBeNull();
    expect(day("F0513 15:57:17.447425       1 server.go:495] open /proc/sys/net/netfilter/nf_conntrack_max: permission denied")).toBeNull();
    expect(day("1970-01-01T00:00:12.000000Z stderr F failed")).toBeNull();
  });

  it("dates a line out only 14 days or more before the start: a day either way of a zone, a clock days off", () => {
    const start = { date: "2022-05-04", release: "runc 1.2.0-rc.1", level: "verified" as const };
    const dated = (...days: string[]) => {
      const lines = days.map((d) => `${d} 13:46:25 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)`);
      return loggedBeforeBug(
        start,
        lines.map((_, i) => i),
        (i) => loggedDay(lines[i] ?? ""),
        () => null,
      );
    };
    expect(dated("2022-04-20")).toBeNull();
    expect(dated("2022-04-19")?.status).toBe("not-affected");
    expect(dated("2022-04-19", "2022-04-01")?.reason).toContain("lines were logged from 2022-04-01 to 2022-04-19");
  });
});
