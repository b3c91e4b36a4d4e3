import { expect, it } from "vitest";
import type { DiagnoseInput } from "../../src/engine/diagnose-input";
import type { Diagnosis, Finding } from "../../src/engine/diagnosis";
import { apiClient } from "./api-client";
import { CLEAN_KUBE_PROXY_START, IPVS_FALLBACK, UBUNTU_2204_OS_RELEASE, UNEVEN_FLEET, XOR_MARK_JOURNALD, XOR_MARK_KLOG } from "./seed-logs";

/** Sends a request to the app under test: app.request() on Node, the Worker's fetch inside workerd. */
export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

/** Runs one diagnosis: through the engine directly, or through HTTP on either runtime. */
export type Diagnose = (input: DiagnoseInput) => Promise<Diagnosis>;

const XT = "xt-mark-ipv6-typo-2024";
const IPVS = "kube-proxy-ipvs-prereqs-missing";
const DNS_RACE = "conntrack-udp-dns-race-5s";

/** Written for the tests: an incident retold in sentences, in no record's words, with no log line. */
export const RETOLD_DNS_TICKET =
  "Since the node upgrade, DNS lookups from pods sometimes take exactly 5 seconds before they answer.\nOther times they are instant. It fails more under load.";

/**
 * The same ticket with the node's `uname -a`: a mainline 4.19.0 kernel, inside the DNS race record's 4.19 ≤ v < 5.0
 * range, so the closest record's verdict is decided ("affected").
 */
export const RETOLD_DNS_TICKET_ON_4_19 = `$ uname -a
Linux node-1 4.19.0 #1 SMP Mon Oct 22 14:00:00 UTC 2018 x86_64 GNU/Linux
${RETOLD_DNS_TICKET}`;

/** POST /diagnose as JSON; also checks the answer names its knowledge-base version in the header. */
export function overHttp(fetch: Fetch): Diagnose {
  const api = apiClient(fetch);
  return async (input) => {
    const res = await api.diagnose.$post({ json: input, query: {} });
    if (res.status !== 200) throw new Error(`POST /diagnose answered ${res.status}: ${await res.text()}`);
    const json = await res.json();
    // A 200 is JSON or the text report, by Accept; this request did not ask for text.
    if (typeof json === "string") throw new Error("POST /diagnose answered text to a JSON request");
    expect(res.headers.get("x-kb-version")).toBe(json.kb.version);
    return json;
  };
}

const find = (d: Diagnosis, id: string): Finding | undefined => d.findings.find((f) => f.id === id);

/** The seed incident's scenarios, run through the engine or through HTTP on either runtime. */
export function seedScenarios(diagnose: Diagnose) {
  it("ranks xt-mark first, high and affected, for the journald log on Ubuntu 22.04 5.15.0-127", async () => {
    const d = await diagnose({ uname: "5.15.0-127-generic", osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_JOURNALD });
    const top = d.findings[0];
    expect(top?.id).toBe(XT);
    expect(top?.confidence).toBe("high");
    expect(top?.verdict.status).toBe("affected");
    const line = top?.evidence.find((e) => e.kind === "log" && e.text.includes("--xor-mark"));
    expect(line).toMatchObject({ kind: "log", line: 2 });
  });

  it("does not call xt-mark high on a fixed 6.6.59 kernel, and says why", async () => {
    const d = await diagnose({ uname: "Linux node-1 6.6.59 #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux", logs: XOR_MARK_KLOG });
    const xt = find(d, XT);
    expect(xt).toBeDefined();
    expect(xt?.confidence).not.toBe("high");
    expect(xt?.verdict.status).toBe("not-affected");
    expect(xt?.verdict.reason).toContain("6.6.59");
  });

  it("judges the kernel that pasted docker info names as it judges uname's, when no uname is given", async () => {
    // No operating system line: a Talos one is judged on Talos' own releases now (review 70a F2), not on the kernel.
    const info = " Server Version: 24.0.7\n Storage Driver: overlay2\n Kernel Version: 6.6.59";
    const xt = find(await diagnose({ logs: `${info}\n${XOR_MARK_KLOG}` }), XT);
    expect(xt?.verdict.status).toBe("not-affected");
    expect(xt?.verdict.reason).toContain("6.6.59");
    expect(xt?.confidence).not.toBe("high");
  });

  it("reports both the ipset smoke screen and the MARK regression from one log", async () => {
    const d = await diagnose({ logs: `${IPVS_FALLBACK}\n${XOR_MARK_KLOG}` });
    expect(find(d, XT)).toBeDefined();
    expect(find(d, IPVS)).toBeDefined();
    const ipvs = find(d, IPVS);
    expect(ipvs?.evidence.some((e) => e.kind === "log" && e.line === 1)).toBe(true);
  });

  it("puts the MARK regression first as the likely root cause and the ipset complaint after it, as a lesser problem", async () => {
    for (const input of [
      { logs: `${IPVS_FALLBACK}\n${XOR_MARK_KLOG}` },
      { uname: "5.15.0-127-generic", osRelease: UBUNTU_2204_OS_RELEASE, logs: `${IPVS_FALLBACK}\n${XOR_MARK_JOURNALD}` },
    ]) {
      const d = await diagnose(input);
      expect(d.findings.map((f) => f.id).slice(0, 2)).toEqual([XT, IPVS]);
      expect(d.rootCause?.id).toBe(XT);
      expect(d.rootCause?.reason).toMatch(/alone identifies this bug/);
      expect(d.rootCause?.others.find((o) => o.id === IPVS)?.reason).toMatch(/separate, lesser problem/);
      expect(find(d, IPVS)?.related).toContainEqual(expect.objectContaining({ id: XT, kind: "masks" }));
    }
  });

  it("finds nothing high in a clean kube-proxy start-up", async () => {
    const d = await diagnose({ logs: CLEAN_KUBE_PROXY_START });
    expect(d.findings.filter((f) => f.confidence === "high")).toEqual([]);
  });

  it("offers the records closest by description when no signature matches a retold report, and none beside a finding", async () => {
    const d = await diagnose({ logs: RETOLD_DNS_TICKET });
    expect(d.findings).toEqual([]);
    expect(d.closest[0]).toMatchObject({ id: DNS_RACE, title: expect.stringContaining("5 s DNS") });
    expect(d.closest[0]?.sharedWords).toContain("dns");
    expect(d.closest.length).toBeLessThanOrEqual(3);
    expect((await diagnose({ logs: XOR_MARK_JOURNALD })).closest).toEqual([]);
  });

  it("does not rule xt-mark out by a uname of another machine than the one whose journal shows it (review 35b)", async () => {
    // The master's `uname -a` (5.15.0-126, before the regression) beside the worker's kube-proxy journal: the worker's
    // kernel is not given, so the master's says nothing of the lines; the master's own answer is kept as its own.
    const master = "Linux k8s-master-1 5.15.0-126-generic #136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux";
    const d = await diagnose({ uname: master, osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_JOURNALD });
    const xt = find(d, XT);
    expect(xt?.verdict).toMatchObject({ status: "unknown" });
    expect(xt?.verdict.reason).toMatch(
      /log's lines are k8s-192-168-3-26's.*k8s-master-1's \(its uname\).*on k8s-master-1's versions: not affected/,
    );
    // The same uname on the machine whose journal it is decides, as before.
    const own = master.replace("k8s-master-1", "k8s-192-168-3-26");
    expect(find(await diagnose({ uname: own, osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_JOURNALD }), XT)?.verdict).toMatchObject({
      status: "not-affected",
      level: "verified",
    });
  });

  it("flags the one worker on 5.15.0-127 among peers on 5.15.0-126 and names xt-mark", async () => {
    const d = await diagnose({ nodes: UNEVEN_FLEET });
    const odd = d.nodes.filter((n) => n.outlier);
    expect(odd.map((n) => n.name)).toEqual(["worker-2"]);
    expect(odd[0]?.differs).toContain("kernel");
    expect(odd[0]?.findings).toContain(XT);
    expect(d.nodes.find((n) => n.name === "worker-1")?.findings).not.toContain(XT);
  });
}
