import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { extractFacts } from "../../src/engine/facts";
import { DEBIAN_ABI_UPLOADS } from "../../src/engine/facts/debian-abi-uploads";
import { changelogAbis, closedAbis } from "../../src/engine/facts/debian-changelog";
import { renderTextReport } from "../../src/engine/report-text";
import { loadDataKb } from "../support/data-kb";

// Debian's `uname -r` before trixie names an ABI ("6.1.0-24-amd64"); its changelog says which uploads built each one.
const fixture = (name: string) => readFile(`test/engine/fixtures/debian-changelog-${name}.txt`, "utf8");
const TUN = "tun-gso-einval-virtio-net-hdr-2024";
const TUN_LOG = "Sep 02 09:14:11 vpn-gw tailscaled[812]: wg: Failed to write packets to TUN device: write /dev/net/tun: invalid argument";
const kb = (await loadDataKb()).compiled;
const BOOKWORM = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian';

describe("the ABI table read from Debian's changelogs", () => {
  it("is what the release's own changelog says, every list closed, for bullseye's 5.10 and bookworm's 6.1", async () => {
    for (const [name, branch] of [
      ["bullseye-5.10.262-1", "5.10"],
      ["bookworm-6.1.187-1", "6.1"],
    ] as const) {
      const read = changelogAbis(await fixture(name));
      expect(read).toMatchObject({ branch, ended: true, unplaced: [] });
      expect(read && closedAbis(read)).toEqual(DEBIAN_ABI_UPLOADS[branch]);
    }
    // Facts the records' own notes give (tun-gso: "6.1.106-1 (ABI 24) … 6.1.106-3 bumps the ABI to 25").
    expect(DEBIAN_ABI_UPLOADS["6.1"]?.[24]).toEqual(["6.1.106-1", "6.1.106-2"]);
    expect(DEBIAN_ABI_UPLOADS["6.1"]?.[25]).toEqual(["6.1.106-3"]);
    expect(DEBIAN_ABI_UPLOADS["6.1"]?.[14]).toEqual(["6.1.64-1"]);
    // Since the suffix is generated, one number per upload, as the archive's image packages name them (review 57e F3):
    // linux-image-6.1.0-47-amd64 6.1.170-3, -50 6.1.176-1; bullseye's -43 5.10.251-5, -46 5.10.262-1.
    expect(DEBIAN_ABI_UPLOADS["6.1"]?.[38]).toEqual(["6.1.147-1"]);
    expect(DEBIAN_ABI_UPLOADS["6.1"]?.[39]).toEqual(["6.1.148-1"]);
    expect(DEBIAN_ABI_UPLOADS["6.1"]?.[47]).toEqual(["6.1.170-3"]);
    expect(DEBIAN_ABI_UPLOADS["6.1"]?.[50]).toEqual(["6.1.176-1"]);
    expect(DEBIAN_ABI_UPLOADS["5.10"]?.[43]).toEqual(["5.10.251-5"]);
    expect(DEBIAN_ABI_UPLOADS["5.10"]?.[46]).toEqual(["5.10.262-1"]);
  });

  it("reads only its own branch, keeps an interleaved branch apart, and leaves open what the changelog leaves open", () => {
    const changelog = [
      "linux (6.1.5-1) unstable; urgency=medium",
      "linux (6.1.4-2) unstable; urgency=medium",
      "linux (6.0.12-1) unstable; urgency=medium",
      "  * Bump ABI to 7",
      "linux (6.1.4-1) unstable; urgency=medium",
      "  * Set ABI to 1",
      "linux (6.1~rc3-1~exp1) experimental; urgency=medium",
      "  * Set ABI to trunk",
      "linux (6.0.3-1) unstable; urgency=medium",
      "  * Bump ABI to 6",
    ].join("\n");
    const read = changelogAbis(changelog);
    // 6.0's bump between two 6.1 uploads moves nothing of 6.1; its release candidates before "Set ABI to 1" are not placed.
    expect(read).toMatchObject({ branch: "6.1", uploads: { 1: ["6.1.4-1", "6.1.4-2", "6.1.5-1"] }, ended: false, unplaced: [] });
    // A branch still named by ABI may add uploads to its last ABI: that list is not closed.
    expect(read && closedAbis(read)).toEqual({});
    const gap = changelogAbis(`linux (6.1.6-1) unstable; urgency=medium\n  * Set ABI to trunk\n${changelog}`);
    expect(gap?.unplaced).toEqual(["6.1.6-1"]);
    expect(gap && closedAbis(gap)).toBeNull();
  });
});

describe("a Debian kernel known by its ABI name alone", () => {
  it("is judged through the uploads built under that name when they all give one answer", async () => {
    const judge = (release: string) => {
      const d = diagnoseBundle(kb, `$ uname -r\n${release}\n$ cat /etc/os-release\n${BOOKWORM}\n${TUN_LOG}`);
      return { d, verdict: d.findings.find((f) => f.id === TUN)?.verdict };
    };
    const affected = judge("6.1.0-24-amd64");
    expect(affected.d.facts.kernel?.package).toMatchObject({ ecosystem: "debian:12", version: "", uploads: ["6.1.106-1", "6.1.106-2"] });
    expect(affected.verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(affected.verdict?.certain).not.toBe(false);
    expect(affected.verdict?.reason).toMatch(
      /built only by 6\.1\.106-1 and 6\.1\.106-2 \(the distribution's changelog\), and each gives this answer/,
    );
    expect(renderTextReport(affected.d)).toMatch(
      /debian:12 package linux 6\.1\.106-1 or 6\.1\.106-2 \(the uploads built under this ABI name\)/,
    );
    expect(judge("6.1.0-25-amd64").verdict).toMatchObject({ status: "not-affected", level: "verified" });
    expect(judge("6.1.0-23-amd64").verdict?.status).toBe("not-affected");
    // An ABI no changelog lists stays unknown, naming the output that prints the version.
    expect(judge("6.1.0-90-amd64").verdict?.reason).toMatch(/its package version is not known: `uname -v`/);
  });

  it("is judged so on every node of a nodes table, which never carries uname -v (review 56a F2)", async () => {
    const header =
      "NAME   STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME";
    const row = (name: string, abi: number) =>
      `${name}   Ready    <none>   10d   v1.29.3   10.0.0.${abi}   <none>        Debian GNU/Linux 12 (bookworm)   6.1.0-${abi}-amd64   containerd://1.6.20`;
    const d = diagnoseBundle(
      kb,
      [header, row("gw-1", 24), row("gw-2", 10), `gw-1 tailscaled[812]: ${TUN_LOG.split(": ").slice(1).join(": ")}`].join("\n"),
    );
    const finding = d.findings.find((f) => f.id === TUN);
    expect(finding?.verdict).toMatchObject({ status: "affected", level: "verified" });
    const versions = finding?.evidence.filter((e) => e.kind === "version") ?? [];
    expect(versions.find((e) => e.subject.startsWith("node gw-2"))).toMatchObject({ result: "not-affected" });
    expect(versions.find((e) => e.subject.startsWith("node gw-2"))?.reason).toMatch(/6\.1\.37-1, 6\.1\.38-1, and 6\.1\.38-2/);
  });
});

it("reads the upstream version of an ABI whose uploads share it, for records ranged upstream only", () => {
  expect(extractFacts("$ uname -r\n6.1.0-24-amd64").kernel).toMatchObject({ upstream: "6.1.106", upstreamCertainty: "derived" });
  // ABI 23 is 6.1.98-1 or 6.1.99-1: no one upstream version.
  expect(extractFacts("$ uname -r\n6.1.0-23-amd64").kernel?.upstream).toBeNull();
});
