import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";

// What some records' signatures reach, read against the programs' own code (audit 35c).
const kb = (await loadDataKb()).compiled;
const finding = (text: string, id: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === id);

describe("Docker 28.0.0's rootless slirp4netns refusal", () => {
  const ID = "docker-28.0.0-rootless-slirp4netns-port-driver-tcp";

  it("takes no 28.0.1+ warning for the bug: from 28.0.1 the words name the IPv6 protocol of the binding dockerd skips", () => {
    // libnetwork/drivers/bridge/port_mapping_linux.go at v28.0.1: Warnf("discarding request for %q") with the
    // ProtocolUnsupportedError, whose message names apiProto ("tcp6"); the container starts.
    const warning = `Mar 03 10:00:01 host dockerd-rootless.sh[1234]: time="2025-03-03T10:00:01.123456789Z" level=warning msg="discarding request for \\"[::]:8080\\"" error="protocol \\"tcp6\\" is not supported by the RootlessKit port driver \\"slirp4netns\\""`;
    expect(finding(warning, ID)).toBeUndefined();
  });

  it("still finds 28.0.0's error, whatever the protocol of the published port", () => {
    // v28.0.0's AddPort formats the request's protocol unsuffixed: "udp" for `-p 5353:53/udp`.
    const udp = `docker: Error response from daemon: driver failed programming external connectivity on endpoint dns (57b84dd9bada): protocol "udp" is not supported by the RootlessKit port driver "slirp4netns", discarding request for "[::]:5353"`;
    expect(finding(udp, ID)?.evidence[0]).toMatchObject({ kind: "log", weight: 0.95 });
  });
});

describe("AppArmor's missing profile", () => {
  const ID = "apparmor-docker-default-profile-not-loaded";

  it("reads runc 1.2's path (/proc/thread-self) as the exact message, not an approximate one", () => {
    // runc v1.2.0 libcontainer/apparmor: the profile name is written through utils.ProcThreadSelf("attr/apparmor/exec").
    const line =
      "docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: unable to apply apparmor profile: apparmor failed to apply profile: write /proc/thread-self/attr/apparmor/exec: no such file or directory: unknown.";
    const evidence = finding(line, ID)?.evidence[0];
    expect(evidence).toMatchObject({ kind: "log", signature: "apparmor-apply-profile-enoent" });
    expect(evidence).not.toHaveProperty("approximate");
  });

  it("says a custom profile named on the command line is the one to load: runc's message names no profile", () => {
    const d = diagnoseBundle(
      kb,
      "$ docker run --rm --security-opt apparmor=docker-nginx nginx:alpine\ndocker: Error response from daemon: OCI runtime create failed: unable to apply apparmor profile: apparmor failed to apply profile: write /proc/self/attr/apparmor/exec: no such file or directory: unknown.",
    );
    const found = d.findings.find((f) => f.id === ID);
    expect(found?.fix).toMatch(/security-opt apparmor=<name>.*apparmor_parser -r -W/s);
  });
});
