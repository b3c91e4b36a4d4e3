import { expect, it } from "vitest";
import { HOSTS_LIMITS, type HostBundle } from "../../src/engine/diagnose-input";
import type { Diagnosis } from "../../src/engine/diagnosis";
import { apiClient } from "./api-client";
import { expectDocumented, type OpenApiDocument } from "./documented-schema";
import {
  CLEAN_KUBE_PROXY_START,
  UBUNTU_2204_OS_RELEASE,
  unameJammy126,
  unameJammy127,
  XOR_MARK_JOURNALD,
  xorMarkJournaldOf,
} from "./seed-logs";
import type { Fetch } from "./seed-scenarios";

const XT = "xt-mark-ipv6-typo-2024";

/** A host's bundle framed the way `known-bugs collect` frames it: each output after its command. */
export const hostBundle = (uname: string, log: string) =>
  `# known-bugs collect\n$ uname -a\n${uname}\n$ cat /etc/os-release\n${UBUNTU_2204_OS_RELEASE}\n$ journalctl -u kube-proxy --no-pager -n 500\n${log}\n`;

/** The seed incident as three bundles: master and worker-1 on 5.15.0-126 with clean logs, worker-2 on 5.15.0-127 failing. */
export const SEED_FLEET: HostBundle[] = [
  { name: "master-1", bundle: hostBundle(unameJammy126("master-1"), CLEAN_KUBE_PROXY_START) },
  { name: "worker-1", bundle: hostBundle(unameJammy126("worker-1"), CLEAN_KUBE_PROXY_START) },
  { name: "worker-2", bundle: hostBundle(unameJammy127("worker-2"), xorMarkJournaldOf("worker-2")) },
];

export type DiagnoseHosts = (hosts: HostBundle[], limit?: number) => Promise<Diagnosis>;

/**
 * POST /diagnose with the hosts form through the typed client; checks the knowledge-base header like
 * overHttp, and the answer against the schema /openapi.json documents for it.
 */
export function hostsOverHttp(fetch: Fetch): DiagnoseHosts {
  const api = apiClient(fetch);
  return async (hosts, limit) => {
    const res = await api.diagnose.$post({ json: { hosts, ...(limit ? { limit } : {}) }, query: {} });
    expect(res.status).toBe(200);
    const doc = (await (await fetch("/openapi.json")).json()) as OpenApiDocument;
    // hc hands back the fetch Response itself, typed as its own ClientResponse.
    const json = (await expectDocumented(doc, "post", "/diagnose", res as unknown as Response)) as Diagnosis;
    expect(res.headers.get("x-kb-version")).toBe(json.kb.version);
    return json;
  };
}

/** The seed incident as a fleet of per-host bundles, through the engine or HTTP on either runtime. */
export function hostsScenarios(diagnose: DiagnoseHosts) {
  it("names worker-2 (5.15.0-127 among 5.15.0-126 peers) as the odd host out, with the MARK bug", async () => {
    const d = await diagnose(SEED_FLEET);
    const hosts = d.hosts ?? [];
    expect(hosts.map((h) => h.name)).toEqual(["master-1", "worker-1", "worker-2"]);
    expect(hosts.filter((h) => h.outlier).map((h) => h.name)).toEqual(["worker-2"]);
    const w2 = hosts.find((h) => h.name === "worker-2");
    expect(w2?.kernel).toBe("5.15.0-127-generic");
    expect(w2?.osImage).toBe("Ubuntu 22.04.5 LTS");
    expect(w2?.differs).toEqual(["kernel"]);
    expect(w2?.findings).toContain(XT);
    expect(w2?.matched).toContain(XT);
    for (const peer of hosts.filter((h) => h.name !== "worker-2")) {
      expect(peer.findings).not.toContain(XT);
      expect(peer.inRange).not.toContain(XT);
    }
  });

  it("ranks the MARK bug first, affected on worker-2, with its lines named by host", async () => {
    const d = await diagnose(SEED_FLEET);
    const top = d.findings[0];
    expect(top?.id).toBe(XT);
    expect(top?.confidence).toBe("high");
    expect(top?.hosts).toEqual(["worker-2"]);
    expect(top?.verdict.status).toBe("affected");
    expect(top?.verdict.reason).toContain("host worker-2");
    const line = top?.evidence.find((e) => e.kind === "log" && e.text.includes("--xor-mark"));
    expect(line).toMatchObject({ kind: "log", host: "worker-2" });
    // Line numbers count lines of that host's bundle.
    const bundle = SEED_FLEET[2]?.bundle.split("\n") ?? [];
    if (line?.kind === "log") expect(bundle[line.line - 1]).toBe(line.text);
  });

  it("says affected when one host that shows the bug runs an affected kernel, whatever the best-scoring host says", async () => {
    // Host a shows the MARK bug's lines on a kernel past the fix (the stronger finding); host b only a
    // reworded line (a token match: the weaker finding), on 6.6.58 (in 6.6.57-6.6.58).
    const past = `$ uname -a\nLinux a 5.15.200 #1 SMP x86_64 GNU/Linux\n${XOR_MARK_JOURNALD}\nip6tables-restore v1.8.7 (legacy): MARK target: kernel too old for --or-mark\n`;
    const inRange =
      '$ uname -a\nLinux b 6.6.58 #1 SMP x86_64 GNU/Linux\nip6tables-restore v1.8.7 (legacy): unknown long option "--xor-mark"\n';
    const alone = async (name: string, bundle: string) => (await diagnose([{ name, bundle }])).findings.find((f) => f.id === XT);
    const [a, b] = [await alone("a", past), await alone("b", inRange)];
    expect(b?.score).toBeLessThan(a?.score ?? 0);
    for (const hosts of [
      [
        { name: "a", bundle: past },
        { name: "b", bundle: inRange },
      ],
      [
        { name: "b", bundle: inRange },
        { name: "a", bundle: past },
      ],
    ]) {
      const top = (await diagnose(hosts)).findings.find((f) => f.id === XT);
      expect(top?.verdict.status).toBe("affected");
      expect(top?.verdict.reason).toContain("host b");
      // Host b speaks for the bug: its score and confidence go with its verdict, its lines come first.
      expect(top).toMatchObject({ score: b?.score, confidence: b?.confidence });
      expect(top?.evidence[0]).toMatchObject({ kind: "log", host: "b" });
    }
  });

  it("says affected when a host whose log is quiet runs an affected version, naming it", async () => {
    // Host a shows the MARK bug on a kernel past the fix; host b's log is quiet, but its kernel (6.6.58) is in range.
    const past = `$ uname -a\nLinux a 5.15.200 #1 SMP x86_64 GNU/Linux\n${XOR_MARK_JOURNALD}\n`;
    const quiet = `$ uname -a\nLinux b 6.6.58 #1 SMP x86_64 GNU/Linux\n${CLEAN_KUBE_PROXY_START}\n`;
    const alone = (await diagnose([{ name: "a", bundle: past }])).findings.find((f) => f.id === XT);
    expect(alone?.verdict.status).toBe("not-affected");
    const top = (
      await diagnose([
        { name: "a", bundle: past },
        { name: "b", bundle: quiet },
      ])
    ).findings.find((f) => f.id === XT);
    expect(top?.verdict.status).toBe("affected");
    expect(top?.verdict.reason).toMatch(/host b \(6\.6\.58\)/);
    expect(top?.hosts).toEqual(["a", "b"]);
    // The lines are host a's; host b's kernel is among the versions.
    expect(top?.evidence[0]).toMatchObject({ kind: "log", host: "a" });
    expect(top?.evidence.some((e) => e.kind === "version" && e.value === "6.6.58")).toBe(true);
  });

  it("names every quiet host on the affected build beside the one that shows the bug (the next to fail)", async () => {
    // Review 28a: worker-3 runs worker-2's broken kernel with a quiet log; it was only in hosts[].inRange.
    const fleet = [...SEED_FLEET, { name: "worker-3", bundle: hostBundle(unameJammy127("worker-3"), CLEAN_KUBE_PROXY_START) }];
    const top = (await diagnose(fleet)).findings.find((f) => f.id === XT);
    expect(top?.hosts).toEqual(["worker-2"]);
    expect(top?.quietHosts).toEqual(["worker-3"]);
    expect(top?.evidence.some((e) => e.kind === "version" && e.subject.startsWith("host worker-3") && e.result === "affected")).toBe(true);
    // The peers on the good build are not named.
    expect(top?.evidence.some((e) => e.kind === "version" && e.subject.startsWith("host worker-1"))).toBe(false);
  });

  it("finds nothing high on the clean hosts alone", async () => {
    const d = await diagnose(SEED_FLEET.slice(0, 2));
    expect(d.findings.filter((f) => f.confidence === "high")).toEqual([]);
    expect((d.hosts ?? []).some((h) => h.outlier)).toBe(false);
  });
}

/** A problem answer of the hosts form: its status, type and request id, and the schema /openapi.json documents for it. */
async function expectHostsProblem(fetch: Fetch, res: Response, status: number, type: string) {
  expect(res.status).toBe(status);
  const doc = (await (await fetch("/openapi.json")).json()) as OpenApiDocument;
  const body = (await expectDocumented(doc, "post", "/diagnose", res)) as {
    status: number;
    type: string;
    requestId?: string;
    errors?: { path: string }[];
  };
  expect(body).toMatchObject({ status, type: `https://known-bugs.dev/problems/${type}` });
  expect(body.requestId).toBeTruthy();
  return body;
}

const postHosts = (fetch: Fetch, body: unknown) =>
  fetch("/diagnose", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** The hosts form's document and errors, the same on every runtime. */
export function hostsContract(fetch: Fetch) {
  it("documents the hosts form and its limits in /openapi.json", async () => {
    const doc = (await (await fetch("/openapi.json")).json()) as { components: { schemas: Record<string, Record<string, unknown>> } };
    const schemas = doc.components.schemas;
    const input = schemas.DiagnoseInput as { properties: Record<string, { maxItems?: number }> };
    expect(input.properties.hosts?.maxItems).toBe(HOSTS_LIMITS.maxHosts);
    expect(Object.keys((schemas.Diagnosis as { properties: object }).properties)).toContain("hosts");
    // A host report is a node report (by reference), with the bugs matched in its own logs, as a pasted fleet's nodes have.
    expect(JSON.stringify((schemas.Diagnosis as { properties: Record<string, unknown> }).properties.hosts)).toContain("NodeReport");
    expect(JSON.stringify(schemas.NodeReport)).toContain('"matched"');
    expect(JSON.stringify(schemas.NodeReport)).toContain('"iptables"');
  });

  it("refuses more hosts than the limit with 422, naming the field", async () => {
    const hosts = Array.from({ length: HOSTS_LIMITS.maxHosts + 1 }, (_, i) => ({ name: `h${i}`, bundle: "x" }));
    const body = await expectHostsProblem(fetch, await postHosts(fetch, { hosts }), 422, "invalid-fields");
    expect(body.errors?.map((e) => e.path)).toEqual(["hosts"]);
  });

  it("refuses duplicate names and empty bundles with 422, naming the paths", async () => {
    const dup = await expectHostsProblem(
      fetch,
      await postHosts(fetch, {
        hosts: [
          { name: "a", bundle: "x" },
          { name: "a", bundle: "" },
        ],
      }),
      422,
      "invalid-hosts",
    );
    expect(dup.errors?.map((e) => e.path)).toEqual(["hosts.1.name", "hosts.1.bundle"]);
  });

  it("refuses unknown fields, an empty list, and hosts mixed with the fields form with 422", async () => {
    const typo = await expectHostsProblem(fetch, await postHosts(fetch, { hosts: [{ name: "a", bundel: "x" }] }), 422, "invalid-fields");
    expect(typo.errors?.map((e) => e.path)).toContain("hosts.0.bundle");
    const mixed = await expectHostsProblem(
      fetch,
      await postHosts(fetch, { hosts: [{ name: "a", bundle: "x" }], logs: "y" }),
      422,
      "invalid-fields",
    );
    expect(mixed.errors?.map((e) => e.path)).toEqual(["logs"]);
    const empty = await expectHostsProblem(fetch, await postHosts(fetch, { hosts: [] }), 422, "invalid-fields");
    expect(empty.errors?.map((e) => e.path)).toEqual(["hosts"]);
  });
}
