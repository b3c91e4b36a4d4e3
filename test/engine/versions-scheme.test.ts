import { describe, expect, it } from "vitest";
import { compareVersions, schemeForEcosystem } from "../../src/engine/versions";

describe("schemeForEcosystem", () => {
  it("maps the knowledge base's ecosystem keys to an ordering", () => {
    expect(schemeForEcosystem("linux")).toBe("linux");
    expect(schemeForEcosystem("ubuntu:22.04")).toBe("dpkg");
    expect(schemeForEcosystem("debian:12")).toBe("dpkg");
    for (const eco of ["rhel:9", "centos:7", "rocky:9", "almalinux:9", "fedora:41", "amzn:2", "amzn:2023", "ol:9"]) {
      expect(schemeForEcosystem(eco), eco).toBe("rpm");
    }
    expect(schemeForEcosystem("arch")).toBe("pacman");
    for (const eco of ["kubernetes", "iptables", "containerd", "runc", "docker", "systemd"]) {
      expect(schemeForEcosystem(eco), eco).toBe("semver");
    }
  });
});

describe("compareVersions", () => {
  it("uses the scheme's own rules where they disagree", () => {
    // "~" is a pre-release marker for dpkg and rpm but an ordinary separator for pacman.
    expect(compareVersions("dpkg", "1.0~rc1", "1.0")).toBe(-1);
    expect(compareVersions("rpm", "1.0~rc1", "1.0")).toBe(-1);
    expect(compareVersions("pacman", "1.0~rc1", "1.0")).toBe(1);
    // rc candidates: kernel and semver put them first.
    expect(compareVersions("linux", "6.12-rc3", "6.12")).toBe(-1);
    expect(compareVersions("semver", "1.28.0-rc.1", "1.28.0")).toBe(-1);
  });

  it("orders distro kernels in their own scheme", () => {
    // Sources: see versions-dpkg.test.ts and versions-rpm.test.ts.
    expect(compareVersions("dpkg", "5.15.0-126.136", "5.15.0-127.137")).toBe(-1);
    expect(compareVersions("rpm", "5.14.0-412.el9", "5.14.0-427.13.1.el9_4")).toBe(-1);
  });
});
