import { expect, it } from "vitest";
import { evaluateRanges, schemeForEcosystem } from "../../src/engine/versions";
import { OSV_SCHEMA_VERSION, osvRecordSchema } from "../../src/osv/osv-schema";
import { apiClient } from "./api-client";
import { expectProblem, listBugs, XT } from "./api-helpers";
import type { Fetch } from "./seed-scenarios";

/** Lookups by the per-fact tables (aliases, commits, references, ranges), coverage and the OSV export, on every runtime. */
export function recordsContract(fetch: Fetch) {
  const api = apiClient(fetch);

  it("looks records up by alias (exact, case ignored), commit prefix and source URL", async () => {
    const ids = async (query: Record<string, string>) => (await listBugs(api, query)).items.map((i) => i.id);
    expect(await ids({ alias: "CVE-2024-50038" })).toContain(XT);
    expect(await ids({ alias: "cve-2024-50038" })).toContain(XT);
    expect(await ids({ alias: "CVE-2024-5003" })).not.toContain(XT);
    expect(await ids({ commit: "0bfcb7b71e73" })).toContain(XT);
    expect(await ids({ commit: "0BFCB7B" })).toContain(XT);
    // A commit id only a field report cited (the reported alias), not one of the record's commits.
    expect(await ids({ commit: "862c95d9859f" })).toContain(XT);
    expect(await ids({ commit: "0bfcb7b71e74" })).not.toContain(XT);
    const res = await api.bugs[":id"].$get({ param: { id: XT } });
    if (res.status !== 200) throw new Error(`GET /bugs/${XT} answered ${res.status}`);
    const { bug } = await res.json();
    const url = bug.references[0]?.url ?? "";
    expect(await ids({ reference: url })).toContain(XT);
    expect(await ids({ reference: `${url}-not-cited` })).not.toContain(XT);
  });

  it("finds the records whose ranges contain a version, with the ecosystem's own ordering", async () => {
    const ids = async (ecosystem: string, version: string) =>
      (await listBugs(api, { ecosystem, version, limit: "200" })).items.map((i) => i.id);
    expect(await ids("ubuntu:22.04", "5.15.0-127.137")).toContain(XT);
    expect(await ids("ubuntu:22.04", "5.15.0-126.136")).not.toContain(XT);
    expect(await ids("linux", "6.6.58")).toContain(XT);
    expect(await ids("linux", "6.6.59")).not.toContain(XT);
    // A tag as people type it, "v" or "V" before the digits (review 28a: "V1.30.2" was refused).
    expect(await ids("linux", "V6.6.58")).toEqual(await ids("linux", "v6.6.58"));
    expect(await ids("linux", "V6.6.58")).toContain(XT);
    // dpkg ordering, not text: 5.15.0-127.137 < 5.15.0-128.138 though "13" sorts before "7" as text.
    expect(await ids("ubuntu:22.04", "5.15.0-128.138")).toContain(XT);
    // `uname -r` gives only the ABI: compared as the engine compares it (the ABI that introduced it counts).
    expect(await ids("ubuntu:22.04", "5.15.0-127-generic")).toContain(XT);
    expect(await ids("ubuntu:22.04", "5.15.0-126-generic")).not.toContain(XT);
    // A release's packages have their own version streams: a kernel's version is also "in" runc's open-ended range, so
    // `package` narrows the question to the package meant (note31), and a match names its package either way.
    const RUNC = "runc-2025-cve-fix-lxc-apparmor-sysctl-denied";
    const judged = async (q: Record<string, string>) =>
      (await listBugs(api, { ecosystem: "ubuntu:22.04", limit: "200", ...q })).items.map((i) => `${i.id} ${i.versionMatch?.package}`);
    expect(await judged({ version: "5.15.0-127.137" })).toEqual(expect.arrayContaining([`${XT} linux`, `${RUNC} runc`]));
    expect(await judged({ version: "5.15.0-127.137", package: "linux" })).toEqual([`${XT} linux`]);
    // runc-app's first 22.04 build with the CVE-2025-52881 fix: the LXC sysctl denial's and the tmpfs mode's, not linux's.
    expect((await judged({ version: "1.3.3-0ubuntu1~22.04.2", package: "runc" })).sort()).toEqual([
      `${RUNC} runc`,
      "runc-nov-2025-tmpfs-mode-0755 runc",
    ]);
    // Asked of linux-aws, only linux-aws's own ranges answer (bpf-adjust-room's runs to 5.15.0-1072.78), never linux's.
    const aws = await judged({ version: "5.15.0-127.137", package: "linux-aws" });
    expect(aws).not.toContain(`${XT} linux`);
    expect(aws.every((item) => item.endsWith(" linux-aws"))).toBe(true);
    const lone = await expectProblem(await fetch("/bugs?ecosystem=ubuntu:22.04&package=linux"), 400);
    expect((lone.errors ?? []).map((e) => e.path)).toContain("package");
    // Docker's apt repository serves Debian and Ubuntu alike: its containerd.io build is judged for either release.
    const TUN = "runc-1.2.0-tun-tap-removed-from-default-devices";
    for (const release of ["debian:12", "ubuntu:24.04"]) {
      expect((await listBugs(api, { ecosystem: release, limit: "200" })).items.map((i) => i.id)).toContain(TUN);
      const served = (await listBugs(api, { ecosystem: release, version: "1.7.24-1", limit: "200" })).items.find((i) => i.id === TUN);
      expect(served?.versionMatch).toMatchObject({ ecosystem: "download.docker.com:deb", package: "containerd.io" });
      expect(await ids(release, "1.7.25-1")).not.toContain(TUN);
    }
    // A provider's build of a release is that release, as the engine reads a host's (review 30d: GKE's was a pre-release).
    expect(await ids("kubernetes", "1.35.0-gke.100")).toEqual(await ids("kubernetes", "1.35.0"));
    expect(await ids("kubernetes", "1.35.0-gke.100")).toContain("kubelet-1.35-refuses-cgroupv1");
    // A build named for its release ("~ubuntu.24.04~noble") is the repository's same version, on that family only.
    expect(await ids("ubuntu:24.04", "1.7.24-1~ubuntu.24.04~noble")).toContain(TUN);
    expect(await ids("debian:12", "1.7.24-1~ubuntu.24.04~noble")).not.toContain(TUN);
    // Not a release the repository's .deb builds serve, nor its RPM form.
    expect((await listBugs(api, { ecosystem: "rhel:9", limit: "200" })).items.map((i) => i.id)).not.toContain(TUN);
    expect(await ids("debian:12", "1.7.24-3.1.el9")).not.toContain(TUN);
    const body = await expectProblem(await fetch("/bugs?version=5.15.0-127.137"), 400);
    expect((body.errors ?? []).map((e) => e.path)).toContain("version");
    await expectProblem(await fetch("/bugs?commit=not-hex"), 400);
  });

  it("answers a version query as the engine judges the record's ranges, and says how firm the deciding ends are", async () => {
    // Every range end of every record is a probe: the table reader must list the record exactly when
    // the engine finds the version inside its ranges, with the engine's evidence level for that answer.
    const all = await listBugs(api, { limit: "200" });
    const docs = await Promise.all(
      all.items.map(async ({ id }) => {
        const res = await api.bugs[":id"].$get({ param: { id } });
        if (res.status !== 200) throw new Error(`GET /bugs/${id} answered ${res.status}`);
        return (await res.json()).bug;
      }),
    );
    const probes = new Map<string, { ecosystem: string; version: string }>();
    for (const bug of docs)
      for (const a of bug.affected)
        for (const r of a.ranges)
          for (const version of [r.introduced, r.fixed, r.lastAffected])
            if (version && version !== "0") probes.set(`${a.ecosystem} ${version}`, { ecosystem: a.ecosystem, version });
    const engineSays = ({ ecosystem, version }: { ecosystem: string; version: string }) =>
      docs
        .flatMap((bug) =>
          bug.affected
            .filter((a) => a.ecosystem === ecosystem)
            .map((a) => ({ id: bug.id, verdict: evaluateRanges(schemeForEcosystem(ecosystem), version, a.ranges) }))
            .filter((x) => x.verdict.status === "affected")
            .slice(0, 1)
            .map((x) => `${x.id} ${x.verdict.level}`),
        )
        .sort();
    const answers = await Promise.all(
      [...probes.values()].map(async (p) => ({
        probe: `${p.ecosystem} ${p.version}`,
        got: (await listBugs(api, { ...p, limit: "200" })).items.map((i) => `${i.id} ${i.versionMatch?.level}`).sort(),
        expected: engineSays(p),
      })),
    );
    expect(answers.filter((a) => a.got.join() !== a.expected.join())).toEqual([]);
    // The levels are not all alike, so the comparison above tells them apart.
    expect(new Set(answers.flatMap((a) => a.got.map((g) => g.split(" ")[1]))).size).toBeGreaterThan(1);
  });

  it("says what the knowledge base covers, counted from the same facts the records hold", async () => {
    const res = await api.kb.$get();
    if (res.status !== 200) throw new Error(`GET /kb answered ${res.status}`);
    const { kb, coverage } = await res.json();
    const all = await listBugs(api, { limit: "200" });
    expect(kb.records).toBe(all.total);
    const records = await Promise.all(
      all.items.map(async ({ id }) => {
        const r = await api.bugs[":id"].$get({ param: { id } });
        if (r.status !== 200) throw new Error(`GET /bugs/${id} answered ${r.status}`);
        return (await r.json()).bug;
      }),
    );
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(coverage.aliases)).toBe(records.reduce((n, r) => n + r.aliases.length, 0));
    expect(sum(coverage.commits)).toBe(records.reduce((n, r) => n + r.commits.length, 0));
    expect(sum(coverage.signatures)).toBe(records.reduce((n, r) => n + r.signatures.length, 0));
    expect(sum(coverage.references)).toBe(records.reduce((n, r) => n + r.references.length, 0));
    expect(sum(coverage.examples)).toBe(records.reduce((n, r) => n + r.examples.length, 0));
    // A release no package repository serves lists exactly the records with a range there.
    const rhel = coverage.ecosystems.find((e) => e.ecosystem === "rhel:7");
    expect(rhel?.records).toBe((await listBugs(api, { ecosystem: "rhel:7" })).total);
  });

  it("exports a record in the OSV format, evidence levels and signatures included", async () => {
    const res = await api.bugs[":id"].osv.$get({ param: { id: XT } });
    if (res.status !== 200) throw new Error(`GET /bugs/${XT}/osv answered ${res.status}`);
    const osv = osvRecordSchema.parse(await res.json());
    const health = await api.health.$get();
    if (health.status !== 200) throw new Error("no knowledge base");
    const { kb } = await health.json();
    expect(osv.id).toBe(`x_KNOWNBUGS-${XT}`);
    expect(osv.schema_version).toBe(OSV_SCHEMA_VERSION);
    expect(osv.modified).toBe(`${kb.importedAt.slice(0, 19)}Z`);
    // The record's CVE is the cause's, a different vulnerability: related, not an alias.
    expect(osv.aliases).toEqual([]);
    expect(osv.related).toContain("CVE-2024-50038");
    const record = await api.bugs[":id"].$get({ param: { id: XT } });
    if (record.status !== 200) throw new Error("no record");
    const { bug } = await record.json();
    // Jammy's GA kernel: Canonical's first build with the cause and its first build with the fix.
    const jammy = bug.affected.find((a) => a.ecosystem === "ubuntu:22.04" && a.package === "linux")?.ranges[0];
    const ubuntu = osv.affected?.find((a) => a.package?.ecosystem === "Ubuntu:22.04:LTS" && a.package.name === "linux");
    expect(ubuntu?.ranges?.[0]?.events).toEqual([
      { introduced: jammy?.introduced },
      jammy?.fixed ? { fixed: jammy.fixed } : { last_affected: jammy?.lastAffected },
    ]);
    expect(ubuntu?.ranges?.[0]?.events).toContainEqual({ introduced: "5.15.0-127.137" });
    expect(ubuntu?.ranges?.[0]?.database_specific?.evidence).toMatch(/^(verified|corroborated|reported)$/);
    const linux = osv.affected?.find((a) => a.package?.ecosystem === "Linux");
    expect(linux?.package?.name).toBe("Kernel");
    expect(linux?.ranges?.some((r) => r.events.some((e) => "fixed" in e && e.fixed === "6.6.59"))).toBe(true);
    const git = osv.affected?.flatMap((a) => a.ranges ?? []).filter((r) => r.type === "GIT") ?? [];
    expect(git.some((r) => r.events.some((e) => "introduced" in e && e.introduced.startsWith("0bfcb7b71e73")))).toBe(true);
    const specific = osv.database_specific as { signatures: { pattern: string }[]; aliases: { evidence: string }[] };
    expect(specific.signatures.map((s) => s.pattern)).toEqual(bug.signatures.map((s) => s.pattern));
    expect(specific.aliases.map((a) => a.evidence)).toEqual(bug.aliases.map((a) => a.evidence));
    expect(osv.references?.length).toBe(bug.references.length);
    await expectProblem(await fetch("/bugs/no-such-bug/osv"), 404);
  });
}
