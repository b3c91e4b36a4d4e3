import { expect, it } from "vitest";
import { describeTogether } from "../../src/engine/verdict";
import { utf16Bytes } from "./hardening-contract";
import { nodesTable } from "./large-inputs";
import { kubeletFlagRemovedMidUpgrade } from "./node-object-pastes";
import { COREDNS_LOOP_NO_LEVEL, RELEASE_PLZ_GLIBC } from "./reworded-pastes";
import { SEED_BUNDLE } from "./seed-bundle";
import { UBUNTU_2204_OS_RELEASE, UNEVEN_FLEET, XOR_MARK_KLOG } from "./seed-logs";
import { type Fetch, RETOLD_DNS_TICKET, RETOLD_DNS_TICKET_ON_4_19 } from "./seed-scenarios";
import { CRUN_DECIDE_COMMAND, CRUN_PAST_ITS_LINE, CRUN_RECORD } from "./undecided-pastes";
import { KERNEL_REBOOTED_INTO_FIX } from "./upgrade-scenarios";

const XT = "xt-mark-ipv6-typo-2024";
/** What a browser sends when a person follows a link or submits a form. */
export const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

const html = (fetch: Fetch, path: string, headers: Record<string, string> = {}) =>
  fetch(path, { headers: { accept: BROWSER_ACCEPT, ...headers } });

const paste = (fetch: Fetch, bundle: string, extra: Record<string, string> = {}) => {
  const form = new FormData();
  form.set("bundle", bundle);
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return fetch("/check", { method: "POST", headers: { accept: BROWSER_ACCEPT }, body: form });
};

/** Text as a person reads it: tags dropped, entities decoded, spaces collapsed. */
export function visibleText(page: string): string {
  return page
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

async function expectPage(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  const body = await res.text();
  expect(body.startsWith("<!doctype html>")).toBe(true);
  expect(body).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules|\.tsx?:\d+/);
  return body;
}

async function kbOf(fetch: Fetch): Promise<{ version: string; records: number }> {
  const health = (await (await fetch("/health")).json()) as { kb: { version: string; records: number } };
  return health.kb;
}

/** What the pages promise on every runtime: the same app, database and engine as the API. */
export function pageContract(fetch: Fetch, opts: { maxBodyBytes: number }) {
  it("serves the home page: search box, paste form, curl line, knowledge-base version and count", async () => {
    const body = await expectPage(await html(fetch, "/"), 200);
    const kb = await kbOf(fetch);
    expect(body).toMatch(/<form[^>]*method="get"[^>]*action="\/bugs"/);
    expect(body).toMatch(/<input[^>]*name="q"/);
    expect(body).toMatch(/<form[^>]*method="post"[^>]*action="\/check"/);
    expect(body).toMatch(/<textarea[^>]*name="bundle"/);
    const text = visibleText(body);
    expect(text).toContain("curl -s --data-binary @-");
    expect(text).toContain(`Knowledge base ${kb.version}: ${kb.records} records`);
    expect(text).toContain("never stored");
  });

  it("answers a browser with a search page and an API client with JSON, from one URL that varies on Accept", async () => {
    const page = await html(fetch, "/bugs?q=862c95d9859f");
    const body = await expectPage(page, 200);
    expect(page.headers.get("vary")).toMatch(/accept/i);
    expect(body).toContain(`href="/bugs/${XT}"`);
    expect(visibleText(body)).toMatch(/862c95d9859f: misreported/);
    const api = await fetch("/bugs?q=862c95d9859f");
    expect(api.headers.get("content-type")).toContain("application/json");
    expect(api.headers.get("vary")).toMatch(/accept/i);
    const json = (await api.json()) as { items: { id: string; idMatches?: { value: string; status: string }[] }[] };
    expect(json.items[0]?.id).toBe(XT);
    // The API says it too, for every client that shows a search (chat apps, the CLI).
    expect(json.items[0]?.idMatches).toEqual([expect.objectContaining({ value: "862c95d9859f", status: "misreported" })]);
    // However the id is written or filtered (review 29b): quoted as chat formats it, a sentence's punctuation, a short
    // `commit=` prefix; one id given short and in full is named once; and nothing a query only partly names.
    const matches = async (query: string) =>
      ((await (await fetch(`/bugs?${query}`)).json()) as { items: { id: string; idMatches?: { value: string; status: string }[] }[] }).items
        .filter((i) => i.id === XT)
        .flatMap((i) => (i.idMatches ?? []).map((m) => `${m.value} ${m.status}`));
    for (const query of ["q=%60862c95d9859f%60", "q=(862c95d9859f)%3F", "commit=862c"])
      expect(await matches(query), query).toEqual(["862c95d9859f misreported"]);
    expect(await matches("q=306ed1728e84")).toEqual(["306ed1728e84 verified"]);
    const nearby = (await (await fetch("/bugs?q=CVE-2024-5003")).json()) as { items: { idMatches?: unknown[] }[] };
    expect(nearby.items.flatMap((i) => i.idMatches ?? [])).toEqual([]);
  });

  it("shows a summary's code spans on the search page as code, never as raw backticks (review 63d)", async () => {
    const body = await expectPage(await html(fetch, "/bugs?limit=200"), 200);
    // Each hit's summary is its last paragraph.
    const summaries = [...body.matchAll(/<p>((?:(?!<\/?p[ >])[\s\S])*?)<\/p><\/li>/g)].map((m) => m[1] ?? "");
    expect(summaries.length).toBeGreaterThan(100);
    expect(summaries.some((p) => p.includes("<code>"))).toBe(true);
    expect(summaries.filter((p) => visibleText(p).includes("`"))).toEqual([]);
  });

  it("marks the misreported commit title as misreported too, and a verified id as verified", async () => {
    const title = await expectPage(
      await html(fetch, `/bugs?q=${encodeURIComponent("netfilter: xt_mark: reject MARK target with mask")}`),
      200,
    );
    expect(visibleText(title)).toMatch(/names netfilter: xt_mark: reject MARK target with mask: misreported/);
    const cve = await expectPage(await html(fetch, "/bugs?q=CVE-2024-50038"), 200);
    expect(visibleText(cve)).toMatch(/names cve CVE-2024-50038: verified/);
    expect(visibleText(cve)).not.toContain("misreported");
  });

  it("finds the record a question names by its id, as chat does, and says it searched the id", async () => {
    // Not every word of a sentence is in a record: the id it names decides, not "does" or "break" (note31).
    for (const question of [
      "does 862c95d9859f break kube-proxy on my raspberry?",
      "container 3f4e5a6b7c8d crashed, is it CVE-2024-50038?",
    ]) {
      const api = (await (await fetch(`/bugs?q=${encodeURIComponent(question)}`)).json()) as { total: number };
      expect(api.total, question).toBe(0);
      const body = await expectPage(await html(fetch, `/bugs?q=${encodeURIComponent(question)}`), 200);
      const hits = [...body.matchAll(/<h2><a href="\/bugs\/([^"#]+)">/g)].map((m) => m[1]);
      expect(hits, question).toEqual([XT]);
      // The notice names the ids the records hold, not every id-shaped word (review 30a: the container's hex id).
      expect(visibleText(body), question).toMatch(/No record holds every word; records naming (?:862c95d9859f|CVE-2024-50038)\./);
    }
    // A question naming an id no record names finds nothing, not the records holding "fixed" (review 30a); an id is
    // matched whole, so another issue number of the same repository is not it.
    for (const question of ["is CVE-2099-12345 fixed?", "is rancher/rke2#743 the same bug?"]) {
      const body = await expectPage(await html(fetch, `/bugs?q=${encodeURIComponent(question)}`), 200);
      expect(visibleText(body), question).toContain("No known bug matches.");
    }
    // match=any is the search asked for: no "no record holds every word" (review 30a).
    const any = visibleText(await expectPage(await html(fetch, "/bugs?q=xor-mark+ip6tables&match=any"), 200));
    expect(any).toContain("best match first");
    expect(any).not.toContain("No record holds every word");
  });

  it("finds a report's address as the source a record cites and the ids it names, never by its words (review 68d F2)", async () => {
    const hitsOf = (body: string) => [...body.matchAll(/<h2><a href="\/bugs\/([^"#]+)">/g)].map((m) => m[1]);
    for (const [q, id, said] of [
      ["https://github.com/docker/cli/issues/4273", "runc-cgroupv2-old-kernel-bpf-device", /Records citing https:\/\/github\.com/],
      ["see https://github.com/docker/cli/issues/4273.", "runc-cgroupv2-old-kernel-bpf-device", /Records citing/],
      ["http://www.github.com/docker/cli/issues/4273/#issuecomment-1", "runc-cgroupv2-old-kernel-bpf-device", /Records citing/],
      ["https://bugzilla.redhat.com/show_bug.cgi?id=2282287", "nfsd-show-gpf-6.8.10", /Records citing/],
      ["https://nvd.nist.gov/vuln/detail/CVE-2024-50038", XT, /Records naming CVE-2024-50038, which the address names/],
    ] as const) {
      const body = await expectPage(await html(fetch, `/bugs?q=${encodeURIComponent(q)}`), 200);
      expect(hitsOf(body), q).toEqual([id]);
      expect(visibleText(body), q).toMatch(said);
    }
    // An address no record cites, encoding no id: nothing, not the records holding "see", "https" or "com".
    const none = await expectPage(await html(fetch, `/bugs?q=${encodeURIComponent("see https://example.com/nothing/here")}`), 200);
    expect(visibleText(none)).toContain("No known bug matches.");
    // The API's own lookup compares the same way.
    const api = (await (
      await fetch(`/bugs?reference=${encodeURIComponent("http://www.bugzilla.redhat.com/show_bug.cgi?id=2282287#c3")}`)
    ).json()) as { items: { id: string }[] };
    expect(api.items.map((i) => i.id)).toEqual(["nfsd-show-gpf-6.8.10"]);
    // Launchpad and Red Hat bugs as changelogs write them name the record's id.
    for (const [q, said] of [
      ["LP: #2091990", /names distro-bug LP#2091990: verified/],
      ["rhbz 2347256", /names distro-bug RHBZ#2347256/],
      ["rhbz#2347256", /names distro-bug RHBZ#2347256/],
    ] as const) {
      const body = visibleText(await expectPage(await html(fetch, `/bugs?q=${encodeURIComponent(q)}`), 200));
      expect(body, q).toMatch(said);
    }
  });

  it("lists first the record whose signature matches a pasted line, and says which of a long line's words it searched (review 68d F1)", async () => {
    // Real: https://github.com/mgksu/dockerd/issues/12 (the record's own sources carry the same chain).
    const line =
      "docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: bpf_prog_query(BPF_CGROUP_DEVICE) failed: invalid argument";
    const id = "runc-cgroupv2-old-kernel-bpf-device";
    const body = await expectPage(await html(fetch, `/bugs?q=${encodeURIComponent(line)}`), 200);
    const signed = body.split('id="signed-h"')[1]?.split("</section>")[0] ?? "";
    expect(signed.match(/<h3><a href="\/bugs\/([^"#]+)">/)?.[1]).toBe(id);
    expect(visibleText(signed)).toMatch(/Its signature [\w-]+ matches this line/);
    // The words' own list: the cause's rarest words kept, said as such, never "1 record" as if it held every word.
    const words = body.split('id="words-h"')[1] ?? "";
    expect(words.match(/<h2><a href="\/bugs\/([^"#]+)">/)?.[1]).toBe(id);
    expect(visibleText(words)).toMatch(/its 16 rarest words of \d+ \([^)]*bpf_prog_query\(BPF_CGROUP_DEVICE\)/);
    const api = (await (await fetch(`/bugs?q=${encodeURIComponent(line)}`)).json()) as { searched?: { words: string[]; of: number } };
    expect(api.searched?.words).toContain("bpf_prog_query(BPF_CGROUP_DEVICE)");
    expect(api.searched?.words).toHaveLength(16);
  });

  it("finds the record from a whole pasted error line, saying that no record holds every word", async () => {
    const line = 'exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"';
    const api = (await (await fetch(`/bugs?q=${encodeURIComponent(line)}`)).json()) as { total: number };
    const body = await expectPage(await html(fetch, `/bugs?q=${encodeURIComponent(line)}`), 200);
    const first = body.match(/<h2><a href="\/bugs\/([^"#]+)">/)?.[1];
    expect(first).toBe(XT);
    if (api.total === 0) expect(visibleText(body)).toContain("No record holds every word");
  });

  it("searches a long journald error line by its distinctive words, and says so plainly when a search is too long", async () => {
    const line = `Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]: E0217 11:12:14.212635    9234 proxier.go:1432] "Failed to execute iptables-restore" err=< exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"`;
    expect(line.length).toBeGreaterThan(200);
    const home = await expectPage(await html(fetch, "/"), 200);
    const cap = Number(home.match(/<input[^>]*name="q"[^>]*maxlength="(\d+)"/)?.[1]);
    expect(cap).toBeGreaterThanOrEqual(line.length);
    expect((await fetch(`/bugs?q=${encodeURIComponent(line)}`)).status).toBe(200);
    const body = await expectPage(await html(fetch, `/bugs?q=${encodeURIComponent(line)}`), 200);
    expect(body.match(/<h2><a href="\/bugs\/([^"#]+)">/)?.[1]).toBe(XT);
    // Past the cap: a page in words, not "the query string has invalid fields: q".
    const long = `${line} `.repeat(Math.ceil((cap + 1) / line.length)).slice(0, cap + 1);
    const refused = visibleText(await expectPage(await html(fetch, `/bugs?q=${encodeURIComponent(`x${long}`)}`), 400));
    expect(refused).toContain(`The search is longer than ${cap.toLocaleString("en-US")} characters`);
    expect(refused).toContain("paste form");
    expect(refused).not.toContain("invalid fields");
  });

  it("says a bad address's fields once each, in the page's words (review 67g F9)", async () => {
    const empty = visibleText(await expectPage(await html(fetch, "/bugs?q=x&ecosystem=ubuntu:22.04&version="), 400));
    expect(empty).toContain("the version is empty");
    expect(empty.match(/the version/g)?.length).toBe(1);
    expect(empty).not.toContain("Too small");
    const choice = visibleText(await expectPage(await html(fetch, "/bugs?q=x&match=foo"), 400));
    expect(choice).toMatch(/takes one of all, any/);
    expect(choice).not.toContain("Invalid option");
  });

  it("ranks search hits as the API does, filters included", async () => {
    for (const q of [
      "--xor-mark",
      "iptables",
      "kernel",
      "q=kernel&ecosystem=ubuntu:22.04&version=5.15.0-127.137",
      "q=iptables&unverified=false",
    ]) {
      const query = q.includes("=") ? q : `q=${encodeURIComponent(q)}`;
      const json = (await (await fetch(`/bugs?${query}`)).json()) as { items: { id: string }[] };
      const body = await expectPage(await html(fetch, `/bugs?${query}`), 200);
      const linked = [...body.matchAll(/<h2><a href="\/bugs\/([^"#]+)">/g)].map((m) => m[1]);
      expect(linked.length, q).toBeGreaterThan(0);
      expect(linked, q).toEqual(json.items.map((i) => i.id));
    }
  });

  it("says on a version search how each hit's ranges contain the version, at its evidence level", async () => {
    const query = "ecosystem=ubuntu:22.04&version=5.15.0-127.137";
    const json = (await (await fetch(`/bugs?${query}`)).json()) as { items: { id: string; versionMatch?: { level: string } }[] };
    const hit = json.items.find((i) => i.id === XT);
    expect(hit?.versionMatch?.level).toBeTruthy();
    const text = visibleText(await expectPage(await html(fetch, `/bugs?${query}`), 200));
    expect(text).toContain("Your ubuntu:22.04 linux version 5.15.0-127.137 is in an affected range:");
    expect(text.match(/is in an affected range:/g)?.length).toBe(json.items.length);
  });

  it("renders a record with its aliases, ranges as a table and timelines, signatures and collapsed examples", async () => {
    const { bug } = (await (await fetch(`/bugs/${XT}`)).json()) as {
      bug: { title: string; affected: { ranges: unknown[] }[]; examples: unknown[]; signatures: unknown[] };
    };
    const res = await html(fetch, `/bugs/${XT}`);
    const body = await expectPage(res, 200);
    expect(res.headers.get("vary")).toMatch(/accept/i);
    expect(visibleText(body.match(/<h1>[\s\S]*?<\/h1>/)?.[0] ?? "")).toBe(bug.title);
    const ranges = bug.affected.reduce((n, a) => n + a.ranges.length, 0);
    expect(body.match(/<svg class="timeline"/g)?.length).toBe(ranges);
    expect(body.match(/<details>/g)?.length).toBe(bug.examples.length);
    expect(body).toMatch(/<code>862c95d9859f<\/code><\/td><td>commit<\/td><td><span class="badge misreported">/);
    expect(body).toMatch(/<code>CVE-2024-50038<\/code><\/td><td>cve<\/td><td><span class="badge verified">/);
    expect(body).toMatch(/<input type="hidden" name="record" value="xt-mark-ipv6-typo-2024"/);
  });

  it("shows a record's fix as a numbered list, each step's wrapped lines one sentence, a command on its own line (review 63d F3)", async () => {
    const { bug } = (await (await fetch(`/bugs/${XT}`)).json()) as { bug: { fix: string } };
    const body = await expectPage(await html(fetch, `/bugs/${XT}`), 200);
    const fix = body.split('id="fix"')[1]?.split("</section>")[0] ?? "";
    const steps = [...fix.matchAll(/<li value="(\d+)">([\s\S]*?)<\/li>/g)];
    const numbered = bug.fix.split("\n").filter((l) => /^\d+[.)]\s/.test(l));
    expect(steps.map((s) => Number(s[1]))).toEqual(numbered.map((l) => Number(/^\d+/.exec(l)?.[0])));
    // Step 1's prose wrapped in the YAML reads as one sentence; step 2's bullets keep a line each.
    const [, , first = "", second = ""] = [steps[0]?.[0], steps[0]?.[1], steps[0]?.[2], steps[1]?.[2]];
    expect(first).toContain("newer than a working node&#39;s: <span");
    const bullets =
      bug.fix
        .split(/^2\.|^3\./m)[1]
        ?.split("\n")
        .filter((l) => /^\s+- /.test(l)) ?? [];
    expect(bullets.length).toBeGreaterThan(1);
    expect(second.match(/\n- /g)?.length).toBe(bullets.length);
  });

  it("says when the change first reached a stable release and which stable branches never had the bug", async () => {
    const { bug } = (await (await fetch(`/bugs/${XT}`)).json()) as {
      bug: { affected: { firstBackport?: { release: string; date: string }; notTaken: { branch: string }[] }[] };
    };
    const linux = bug.affected.find((a) => a.firstBackport);
    expect(linux?.notTaken.length).toBeGreaterThan(0);
    const body = visibleText(await expectPage(await html(fetch, `/bugs/${XT}`), 200));
    expect(body).toContain(
      `First stable release with the change: ${linux?.firstBackport?.release}, ${linux?.firstBackport?.date} verified`,
    );
    for (const n of linux?.notTaken ?? []) expect(body).toContain(`${n.branch}.y: checked, without the bug`);
    // A branch read only up to a release says so: a later release is not covered.
    const cgroup = visibleText(await expectPage(await html(fetch, "/bugs/cgroup-rmdir-drain-dying-hang-6.19.11-7.0"), 200));
    expect(cgroup).toMatch(/\d+\.\d+\.y: checked, without the bug up to \d+\.\d+\.\d+ \(later releases not read\) /);
  });

  it("says on which kernels an image OS's release range holds", async () => {
    const id = "bottlerocket-5.15-hung-task-panic-reboot";
    const { bug } = (await (await fetch(`/bugs/${id}`)).json()) as { bug: { affected: { onKernels?: { branches: string[] } }[] } };
    const branches = bug.affected.find((a) => a.onKernels)?.onKernels?.branches;
    expect(branches?.length).toBeGreaterThan(0);
    const body = visibleText(await expectPage(await html(fetch, `/bugs/${id}`), 200));
    expect(body).toContain(
      `Only its builds on kernel ${branches?.join(" or ")} carry the bug: a release in range on another kernel is not affected verified`,
    );
    expect(body).toMatch(/Variants and their kernels: [\w.-]+ on \d+\.\d+/);
  });

  it("says which signatures' lines a range dates, where the record dates its symptoms apart", async () => {
    const id = "crun-1.18-systemd-device-rules-regression";
    const { bug } = (await (await fetch(`/bugs/${id}`)).json()) as { bug: { affected: { ranges: { symptoms?: string[] }[] }[] } };
    const scoped = bug.affected.flatMap((a) => a.ranges.flatMap((r) => r.symptoms ?? []));
    expect(scoped.length).toBeGreaterThan(1);
    const body = visibleText(await expectPage(await html(fetch, `/bugs/${id}`), 200));
    for (const signature of scoped) expect(body).toContain(`for the lines of ${signature}`);
  });

  it("says which components a record needs in range together", async () => {
    const id = "kube-proxy-1.18-ipvs-parseip-rhel7-kernel";
    const { bug } = (await (await fetch(`/bugs/${id}`)).json()) as { bug: { together?: string[][] } };
    expect(bug.together?.length).toBeGreaterThan(1);
    const body = visibleText(await expectPage(await html(fetch, `/bugs/${id}`), 200));
    expect(body).toContain(`Needs ${describeTogether(bug.together ?? [])} in range together`);
  });

  it("names a cause of the same symptom that no range covers, with its source", async () => {
    const id = "kubelet-1.26-cri-v1-required";
    const { bug } = (await (await fetch(`/bugs/${id}`)).json()) as {
      bug: { unrangedCauses?: Array<{ cause: string; source: string; shownBy?: { pattern: string; source: string } }> };
    };
    const [cause] = bug.unrangedCauses ?? [];
    expect(cause).toBeDefined();
    const page = await expectPage(await html(fetch, `/bugs/${id}`), 200);
    expect(visibleText(page)).toContain(`No range covers another cause of the same symptom: ${cause?.cause}`);
    expect(page).toContain(`<a href="${cause?.source}">source</a>`);
    // The line that shows the cause in an input, and where that line comes from.
    expect(cause?.shownBy).toBeDefined();
    expect(visibleText(page)).toContain(`A line matching ${cause?.shownBy?.pattern}`);
    expect(page).toContain(`<a href="${cause?.shownBy?.source}">source</a>`);
  });

  it("marks a signature whose refusal of a line says the bug is absent there", async () => {
    const { bug } = (await (await fetch("/bugs/conntrack-udp-dns-race-5s")).json()) as { bug: { signatures: { refutes?: true }[] } };
    const refuting = bug.signatures.filter((s) => s.refutes).length;
    expect(refuting).toBeGreaterThan(0);
    const body = await expectPage(await html(fetch, "/bugs/conntrack-udp-dns-race-5s"), 200);
    expect(body.match(/refutes: a line with its words that it refuses is not this bug/g)?.length).toBe(refuting);
  });

  it("gives record and search pages an ETag from the knowledge-base version, and 304 when it still holds", async () => {
    const kb = await kbOf(fetch);
    for (const path of [`/bugs/${XT}`, "/bugs?q=--xor-mark", "/"]) {
      const first = await html(fetch, path);
      const etag = first.headers.get("etag");
      expect(etag, path).toContain(kb.version);
      const again = await html(fetch, path, { "if-none-match": etag ?? "" });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe("");
      // The browser copies a 304's headers onto the page it kept: the page's own policy, not the API's.
      expect(first.headers.get("content-security-policy"), path).toContain("style-src 'self'");
      expect(again.headers.get("content-security-policy"), path).toBe(first.headers.get("content-security-policy"));
      const other = await html(fetch, path, { "if-none-match": 'W/"kb-0000000000000000.x"' });
      expect(other.status, path).toBe(200);
    }
    // The JSON answer of the same URL is another representation, never answered by the page's ETag.
    const page = await html(fetch, `/bugs/${XT}`);
    const json = await fetch(`/bugs/${XT}`, { headers: { "if-none-match": page.headers.get("etag") ?? "" } });
    expect(json.status).toBe(200);
  });

  it("answers the seed bundle on a result page that only the browser's history keeps", async () => {
    const res = await paste(fetch, SEED_BUNDLE);
    const body = await expectPage(res, 200);
    // Back shows it again without posting the paste again; no shared cache or proxy may keep it.
    expect(res.headers.get("cache-control")).toBe("private, max-age=0");
    expect(res.headers.get("etag")).toBeNull();
    const text = visibleText(body);
    // The seed incident's order: the MARK regression first, the ipset smoke screen after it.
    const order = [...body.matchAll(/<li id="finding-([^"]+)">/g)].map((m) => m[1]);
    expect(order[0]).toBe(XT);
    expect(order.indexOf("kube-proxy-ipvs-prereqs-missing")).toBeGreaterThan(0);
    expect(visibleText(body)).toMatch(/Most likely root cause\s*ip6tables MARK target/);
    const finding = visibleText(body.split(`id="finding-${XT}"`)[1]?.split("</li>\n")[0] ?? "");
    expect(finding).toMatch(/verdict affected/);
    expect(finding).toContain(
      'line 12: Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]: exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"',
    );
    expect(body).toMatch(/<mark>[^<]*unknown option &quot;--xor-mark&quot;<\/mark>/);
    expect(text).toContain("not stored");
  });

  it("after the upgrade at the prompt, says what the host runs now beside the verdict and marks the step done (review 69c F4)", async () => {
    const form = new FormData();
    form.set("bundle", KERNEL_REBOOTED_INTO_FIX);
    // A client of its own (the Worker's rate limit is per client).
    const res = await fetch("/check", {
      method: "POST",
      headers: { accept: BROWSER_ACCEPT, "cf-connecting-ip": "203.0.113.215" },
      body: form,
    });
    expect(res.status).toBe(200);
    const page = visibleText(await res.text());
    expect(page).toContain("Since the failure: the host now runs 5.15.0-130-generic");
    expect(page).toContain("The paste shows this done: the host now runs 5.15.0-130-generic.");
    expect(page).toContain("the failure's own boot ran 5.15.0-127-generic (line 3)");
  });

  it("gives the same answer as POST /diagnose: the same findings and advisories in the same order", async () => {
    const api = (await (
      await fetch("/diagnose", { method: "POST", headers: { "content-type": "text/plain" }, body: SEED_BUNDLE })
    ).json()) as { findings: { id: string; verdict: { status: string } }[]; advisories: { id: string }[] };
    const body = await expectPage(await paste(fetch, SEED_BUNDLE), 200);
    const [findings, advisories] = body.split('id="advisories-h"');
    const ids = (html: string | undefined) => [...(html ?? "").matchAll(/<li id="finding-([^"]+)">/g)].map((m) => m[1]);
    expect(ids(findings)).toEqual(api.findings.map((f) => f.id));
    expect(ids(advisories)).toEqual(api.advisories.map((f) => f.id));
  });

  it("lists a finding that only resembles a line, under a headline that counts it apart (review 64d F1)", async () => {
    // The failure retold in other words: no signature matches it, the record's own text explains it.
    const retold =
      "E1113 16:15:07.931291 1 proxier.go:1481] ip6tables MARK target rejected: --set-xmark needs the IPv6 xt_MARK revision, broken by the CVE-2024-50038 typo backport";
    const body = await expectPage(await paste(fetch, retold), 200);
    const text = visibleText(body);
    expect(text).toMatch(/No known bug matched the log; 1 record resembles a line/);
    // It is listed below it, with its line: never "nothing matched" under a root cause (it is a lead, none: review 70d F2).
    expect(body).toContain(`<li id="finding-${XT}">`);
    expect(text).not.toMatch(/Nothing in the knowledge base matched/);
    const scoped = visibleText(await expectPage(await paste(fetch, retold, { record: XT }), 200));
    expect(scoped).toMatch(/Found: ranked 1 of 1\./);
  });

  it("counts a finding on a line other causes print too apart, and says its in-range verdict is not specific (review 71a F4)", async () => {
    const nfs = [
      "mount.nfs: Protocol not supported",
      "Linux k8s-w1 6.5.6-300.fc39.x86_64 #1 SMP PREEMPT_DYNAMIC Fri Oct  6 19:57:21 UTC 2023 x86_64 GNU/Linux",
    ].join("\n");
    const form = new FormData();
    form.set("bundle", nfs);
    const res = await fetch("/check", {
      method: "POST",
      headers: { accept: BROWSER_ACCEPT, "cf-connecting-ip": "203.0.113.159" },
      body: form,
    });
    const text = visibleText(await expectPage(res, 200));
    expect(text).toMatch(/No line specific to a known bug matched; 1 record matches only a line other causes print too/);
    expect(text).toContain("in range (range verified; the version read may not be the failing one), symptom not specific");
    // The version evidence under it says so too, never a bare "affected" (review 71i F2).
    expect(text).toMatch(/against linux 6\.5\.6 ≤ v < 6\.5\.9 → in range, symptom not specific/);
    expect(text).not.toMatch(/known bugs? match(es)? your paste/);
  });

  it("ends an undecided verdict with the command that would decide it, as code, and words the hedge apart from the level (review 70d F6)", async () => {
    const body = await expectPage(await paste(fetch, CRUN_PAST_ITS_LINE), 200);
    expect(body).toContain(`id="finding-${CRUN_RECORD}"`);
    const text = visibleText(body);
    expect(text).toContain(
      `To decide: the paste's 1.23.1 may not be the version that failed: run ${CRUN_DECIDE_COMMAND} then run that path`,
    );
    expect(body).toContain(`<code>${CRUN_DECIDE_COMMAND.replaceAll("'", "&#39;")}</code>`);
    // The version check's hedge, in words apart from the range's level.
    expect(text).toContain("the version read may not be the failing one");
    expect(text).not.toContain("not certain");
  });

  it("names no root cause from a line that only resembles a record, and labels a reworded line (review 70d F2, F1)", async () => {
    const lead = visibleText(await expectPage(await paste(fetch, RELEASE_PLZ_GLIBC), 200));
    expect(lead).toMatch(/No known bug matched the log; 1 record resembles a line/);
    expect(lead).toContain("resembles this bug's wording; no signature matched it");
    expect(lead).not.toMatch(/Most likely root cause|likely root cause/);
    const reworded = visibleText(await expectPage(await paste(fetch, COREDNS_LOOP_NO_LEVEL), 200));
    expect(reworded).toMatch(/line 2: .*\(reworded: matches the signature's words, not its exact text\)/);
  });

  it("heads a paste of versions alone by the known bugs they are in, and gives each advisory's fix (review 65d F3)", async () => {
    // "Is my kernel hit?": `uname -a` of the seed's broken Ubuntu build, no log.
    const uname = "Linux worker-2 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux";
    const api = (await (await fetch("/diagnose", { method: "POST", headers: { "content-type": "text/plain" }, body: uname })).json()) as {
      findings: unknown[];
      advisories: { id: string }[];
    };
    expect(api.findings).toEqual([]);
    expect(api.advisories.map((a) => a.id)).toContain(XT);
    const body = await expectPage(await paste(fetch, uname), 200);
    const text = visibleText(body);
    const n = api.advisories.length;
    expect(text).toContain(`No log line matched; ${n} known ${n === 1 ? "bug affects" : "bugs affect"} your versions`);
    expect(body).toMatch(new RegExp(`<title>${n} known ${n === 1 ? "bug affects" : "bugs affect"} your versions`));
    expect(text).not.toMatch(/Nothing in the knowledge base matched/);
    // The advisory says what to do: its reboot and its fix's steps, as a finding would.
    const advisory = body.split(`<li id="finding-${XT}">`)[1]?.split("</li>\n")[0] ?? "";
    expect(visibleText(advisory)).toMatch(/Fix · reboot required/);
    expect(visibleText(advisory)).toMatch(/Upgrade the kernel to a fixed build and reboot/);
    // The text report heads it alike.
    const report = await (
      await fetch("/diagnose", { method: "POST", headers: { "content-type": "text/plain", accept: "text/plain" }, body: uname })
    ).text();
    expect(report).toContain(
      `No log line matched; ${n} known ${n === 1 ? "bug affects" : "bugs affect"} your versions (advisories below).`,
    );
    expect(report).not.toContain("No known bug matched the log.");
  });

  it("links the records closest by description when nothing matched, saying it is not a diagnosis", async () => {
    const body = await expectPage(await paste(fetch, RETOLD_DNS_TICKET), 200);
    const closest = body.split('id="closest-h"')[1] ?? "";
    expect(closest).toContain('<a href="/bugs/conntrack-udp-dns-race-5s">');
    expect(visibleText(closest)).toMatch(/not a diagnosis/);
    expect(visibleText(closest)).toMatch(/Shared words: [^.]*dns/);
    // A paste that matches gets findings, not search results.
    expect(await expectPage(await paste(fetch, SEED_BUNDLE), 200)).not.toContain('id="closest-h"');
    // With no version to judge, a closest record shows no verdict.
    expect(visibleText(closest)).not.toMatch(/Your versions/);
  });

  it("says when systemctl status cut the pasted lines and how to send them whole (review 39a)", async () => {
    const status = [
      "\u25cf kubelet.service - kubelet: The Kubernetes Node Agent",
      "     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled; vendor preset: enabled)",
      "",
      'May 01 10:00:00 node-1 kubelet[812]: E0501 10:00:00.000000     812 run.go:74] "command failed" err="failed to \u2026',
    ].join("\n");
    const body = await expectPage(await paste(fetch, status), 200);
    expect(visibleText(body.split('class="notice"')[1]?.split("</p>")[0] ?? "")).toMatch(
      /cut at the terminal's width by systemctl status.*systemctl status -l --no-pager kubelet\.service/,
    );
  });

  it("shows a closest record's verdict where the pasted versions decide it", async () => {
    const body = await expectPage(await paste(fetch, RETOLD_DNS_TICKET_ON_4_19), 200);
    const closest = body.split('id="closest-h"')[1]?.split("</section>")[0] ?? "";
    const item = closest.split("<li>").find((li) => li.includes('href="/bugs/conntrack-udp-dns-race-5s"')) ?? "";
    expect(visibleText(item)).toMatch(/Your versions: affected \([^)]*\) your kernel \(4\.19\.0\)/);
  });

  it("marks the unverified facts a finding carries", async () => {
    const body = await expectPage(await paste(fetch, SEED_BUNDLE), 200);
    const finding = body.split(`id="finding-${XT}"`)[1]?.split("</li>\n")[0] ?? "";
    expect(finding).toMatch(/<span class="badge unverified">unverified<\/span> \d+ facts? of this record not confirmed/);
  });

  it("lists advisories apart when the versions are in range but the log shows nothing", async () => {
    const body = await expectPage(await paste(fetch, `5.15.0-127-generic\n${UBUNTU_2204_OS_RELEASE}`), 200);
    const advisories = body.split('id="advisories-h"')[1] ?? "";
    expect(advisories).toContain(`id="finding-${XT}"`);
    expect(body.split('id="advisories-h"')[0]).not.toContain(`id="finding-${XT}"`);
    expect(visibleText(advisories)).toMatch(/no line of the log matches this bug's signatures, but/);
  });

  it("shows the nodes table with the odd node out highlighted", async () => {
    const body = await expectPage(await paste(fetch, UNEVEN_FLEET), 200);
    const rows = [...body.matchAll(/<tr( class="odd")?><th scope="row">([\w-]+)/g)].map((m) => ({ odd: Boolean(m[1]), name: m[2] }));
    expect(rows.map((r) => r.name)).toEqual(["master-1", "worker-1", "worker-2"]);
    expect(rows.filter((r) => r.odd).map((r) => r.name)).toEqual(["worker-2"]);
    expect(visibleText(body)).toMatch(/worker-2 odd one out: kernel/);
    // The versions' answer before a search by words, and a hint that holds when the odd node is the healthy one (68d F4).
    const text = visibleText(body);
    expect(text.indexOf("Advisories: your versions are in an affected range")).toBeGreaterThan(-1);
    if (text.includes("Closest records by description"))
      expect(text.indexOf("Advisories: your versions")).toBeLessThan(text.indexOf("Closest records by description"));
    expect(text).toMatch(/which may be the healthy one/);
    // Machines read from their unames have no kubelet, OS image or runtime read: "?", never a blank cell (review 66d F8).
    const unames = ["worker-1 5.15.0-126-generic", "worker-2 5.15.0-127-generic", "worker-3 5.15.0-126-generic"]
      .map((m) => `$ ssh ${m.split(" ")[0]} uname -a\nLinux ${m} #1 SMP x86_64 GNU/Linux`)
      .join("\n");
    const machines = await expectPage(await paste(fetch, unames), 200);
    // Each row's kernel, OS image, runtime and kubelet cells.
    const machineRows = [...machines.matchAll(/<\/th>((?:<td class="tokens">[^<]*<\/td>){4})/g)].map((m) =>
      [...(m[1] ?? "").matchAll(/<td class="tokens">([^<]*)<\/td>/g)].map((c) => c[1]),
    );
    expect(machineRows).toHaveLength(3);
    expect(visibleText(machines)).toMatch(/3 machines read from their uname output/);
    for (const row of machineRows) expect(row.slice(1)).toEqual(["?", "?", "?"]);
  });

  it("marks a bug hitting several odd nodes as not their peers, never as the only node's (review 57d F3)", async () => {
    // Two of five nodes on the broken kernel, worker-2's journal showing the bug.
    const rows = UNEVEN_FLEET.split("\n");
    const fleet = [
      ...rows,
      (rows[3] ?? "").replaceAll("worker-2", "worker-3").replace("10.20.0.13", "10.20.0.14"),
      (rows[2] ?? "").replaceAll("worker-1", "worker-4").replace("10.20.0.12", "10.20.0.15"),
      `Nov 29 10:00:01 worker-2 kube-proxy[812]: ip6tables-restore v1.8.7 (legacy): unknown option "--xor-mark"`,
    ].join("\n");
    const text = visibleText(await expectPage(await paste(fetch, fleet), 200));
    // The finding names the node that shows it and the one in its range whose log is not in the paste (review 67e F5).
    expect(text).toContain("shown on: worker-2");
    expect(text).toContain("also in range, no symptom shown for them yet: worker-3");
    expect(text).not.toMatch(/only this node/);
    expect(text).toMatch(/worker-2 odd one out: kernel.*xt-mark-ipv6-typo-2024 \(not its peers\) worker-3 odd one out/);
  });

  it("names the Ready node still below a kubelet removal under the finding: hit when upgraded, if set up as the node shown (review 70b F6)", async () => {
    const text = visibleText(await expectPage(await paste(fetch, kubeletFlagRemovedMidUpgrade), 200));
    expect(text).toContain("shown on: worker-2");
    expect(text).toContain("still below kubelet 1.27.0 (hit when upgraded, if set up as worker-2): worker-3");
  });

  it("says once, on a scoped paste with no symptom, that the versions decide", async () => {
    const text = visibleText(await expectPage(await paste(fetch, UNEVEN_FLEET, { record: XT }), 200));
    const focus = text.slice(text.indexOf("Checked against"), text.indexOf("Details below"));
    // Node worker-2's Ubuntu kernel ABI without uname -v: which upload it is, hence the answer, is not certain.
    expect(focus).toMatch(
      /No line of your paste matches this bug's signatures, but your versions are affected \(range verified; the version read may not be the failing one\): node worker-2/,
    );
    expect(focus.match(/matches this bug's signatures, but/gi)).toHaveLength(1);
  });

  it("says what a large fleet's answer left out, not a cut count as the whole", async () => {
    const body = await expectPage(await paste(fetch, nodesTable(260)), 200);
    expect(visibleText(body)).toMatch(/nodes in a node table shown/);
    expect(visibleText(body)).toMatch(/Not shown: 60 of 260 nodes not shown/);
  });

  it("scopes a paste to the record it came from", async () => {
    const body = await expectPage(await paste(fetch, SEED_BUNDLE, { record: XT }), 200);
    expect(visibleText(body)).toMatch(/Checked against: .*Found: ranked \d+ of \d+\. affected/);
    const miss = await expectPage(await paste(fetch, "nothing to see here", { record: XT }), 200);
    expect(visibleText(miss)).toContain("No line of your paste matches this bug's signatures");
    // Without a symptom the page says what the versions decide, never "not in range" where nothing was decided.
    expect(visibleText(miss)).toMatch(/Your versions: unknown/);
    const rhel = "Linux n1 3.10.0-1160.el7.x86_64 #1 SMP Mon Oct 19 16:18:59 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux\nall quiet";
    expect(visibleText(await expectPage(await paste(fetch, rhel, { record: XT }), 200))).toMatch(
      /Your versions: unknown.*no data in this record for rhel:7/,
    );
    const fixed = "Linux n1 6.6.60 #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux\nall quiet";
    expect(visibleText(await expectPage(await paste(fetch, fixed, { record: XT }), 200))).toMatch(
      /Your versions: not affected \(verified\)/,
    );
  });

  it("answers an empty paste with the API's status, as a page", async () => {
    const api = await fetch("/diagnose", { method: "POST", headers: { "content-type": "text/plain" }, body: "  \n" });
    expect(api.status).toBeGreaterThanOrEqual(400);
    expect(api.status).toBeLessThan(500);
    const body = await expectPage(await paste(fetch, "  \n"), api.status);
    expect(visibleText(body)).toContain("The paste is empty");
  });

  it("answers an oversized paste with 413, as the API does, in words", async () => {
    const big = "x".repeat(opts.maxBodyBytes + 1);
    const api = await fetch("/diagnose", { method: "POST", headers: { "content-type": "text/plain" }, body: big });
    expect(api.status).toBe(413);
    const res = await paste(fetch, big);
    const body = await expectPage(res, 413);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(visibleText(body)).toContain("Your paste is too large");
    expect(body).toContain('<a href="/#paste">Back to the paste form</a>');
    // From a record's own form (its action names the record), back to that form, not the home page's (review 66d F9).
    const scoped = new FormData();
    scoped.set("record", XT);
    scoped.set("bundle", big);
    const fromRecord = await fetch(`/check?record=${XT}`, { method: "POST", headers: { accept: BROWSER_ACCEPT }, body: scoped });
    expect(await expectPage(fromRecord, 413)).toContain(`<a href="/bugs/${XT}#check">Back to the paste form</a>`);
    const page = await expectPage(await fetch(`/bugs/${XT}`, { headers: { accept: BROWSER_ACCEPT } }), 200);
    expect(page).toContain(`action="/check?record=${XT}"`);
    // Exactly at the limit the paste is accepted, as the API accepts it.
    expect((await paste(fetch, "y".repeat(opts.maxBodyBytes))).status).toBe(200);
    // So is one of many lines, whose line ends a browser's form sends as CRLF (review 62f F5: refused as over the limit).
    const line = `${"z".repeat(63)}\n`;
    const lines = line.repeat(Math.floor(opts.maxBodyBytes / line.length));
    expect((await paste(fetch, `${lines}${"z".repeat(opts.maxBodyBytes - lines.length)}`)).status).toBe(200);
  });

  it("refuses a paste form of far more fields than the page sends (422), before parsing it, as a page", async () => {
    const form = new FormData();
    form.set("bundle", "$ uname -r\n5.15.0-127-generic");
    for (let i = 0; i < 200; i++) form.set(`f${i}`, "1");
    const body = await expectPage(await fetch("/check", { method: "POST", headers: { accept: BROWSER_ACCEPT }, body: form }), 422);
    expect(visibleText(body)).toContain("more than 16 fields");
    const pairs = new URLSearchParams({ bundle: "$ uname -r\n5.15.0-127-generic" });
    for (let i = 0; i < 200; i++) pairs.set(`f${i}`, "1");
    expect((await fetch("/check", { method: "POST", body: pairs })).status).toBe(422);
    // The boundary as the form parser reads it: quoted with an escape, or after a quoted value that mentions another.
    for (const [header, boundary] of [
      ['multipart/form-data; boundary="ab\\"c"', 'ab"c'],
      ['multipart/form-data; x="; boundary=zzz"; boundary=real', "real"],
    ] as const) {
      const parts = Array.from({ length: 200 }, (_, i) => `--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n1\r\n`);
      const body = `${parts.join("")}--${boundary}--\r\n`;
      expect((await fetch("/check", { method: "POST", headers: { "content-type": header }, body })).status).toBe(422);
    }
    // The page's own fields, a record's scope included, are a form.
    expect((await paste(fetch, "$ uname -r\n5.15.0-127-generic", { record: XT })).status).toBe(200);
    // Two pastes under one name (`-F bundle=@a -F bundle=@b`): refused, not the last alone diagnosed (review 42a F2: the
    // seed's paste first and a clean one after answered "No known bug found").
    for (const encoded of [false, true]) {
      const twice = new FormData();
      twice.append("bundle", SEED_BUNDLE);
      twice.append("bundle", "hello world nothing here");
      const body = encoded ? new URLSearchParams([...twice].map(([k, v]) => [k, String(v)])) : twice;
      const res = await fetch("/check", { method: "POST", headers: { accept: BROWSER_ACCEPT }, body });
      expect(visibleText(await expectPage(res, 422)), String(encoded)).toContain("names bundle twice");
    }
  });

  it("reads an uploaded file as POST /diagnose reads a body, and refuses a form that does not parse (review 36a)", async () => {
    const upload = (bytes: Uint8Array, name = "bundle.txt") => {
      const form = new FormData();
      form.set("bundle", new File([bytes], name));
      return fetch("/check", { method: "POST", body: form });
    };
    // PowerShell 5's `Out-File` writes UTF-16 with its byte-order mark.
    const utf16 = new Uint8Array([0xff, 0xfe, ...utf16Bytes(`$ uname -r\n5.15.0-127-generic\n${XOR_MARK_KLOG}`, true)]);
    const found = await upload(utf16);
    expect(found.status).toBe(200);
    expect(await found.text()).toContain(XT);
    // A compressed file is refused as a body is, not read as "no known bug".
    const gzipped = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x01, 0x00, 0x00, 0xff, 0xff]);
    const compressed = await upload(gzipped, "bundle.txt.gz");
    expect(compressed.status).toBe(415);
    // Told what a person at a browser can do, not to set a header (review 42a).
    expect(((await compressed.json()) as { detail: string }).detail).toMatch(
      /^The uploaded file is gzip-compressed: upload the text itself/,
    );
    // A truncated upload, a boundary that does not match: the sender's fault (it was a 500).
    for (const [type, body] of [
      ["multipart/form-data; boundary=zz", '--zz\r\nContent-Disposition: form-data; name="bundle"\r\n\r\nunknown option'],
      ["multipart/form-data; boundary=zz", "garbage not multipart at all"],
    ] as const) {
      const res = await fetch("/check", { method: "POST", headers: { "content-type": type }, body });
      expect(res.status, body).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("reads a compressed form as an uncompressed one, and names a form without its bundle field (review 36a)", async () => {
    const own = { "cf-connecting-ip": "203.0.113.51" };
    const form = "application/x-www-form-urlencoded";
    const plain = new URLSearchParams({ bundle: SEED_BUNDLE }).toString();
    const gzipped = new Uint8Array(await new Response(new Blob([plain]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer());
    const res = await fetch("/check", {
      method: "POST",
      headers: { ...own, "content-type": form, "content-encoding": "gzip" },
      body: gzipped,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`id="finding-${XT}"`);
    // Another field's name is a wrong form, not an empty paste.
    const other = await fetch("/check", { method: "POST", headers: { ...own, "content-type": form }, body: "logs=unknown+option" });
    expect(other.status).toBe(422);
    const detail = ((await other.json()) as { detail: string }).detail;
    expect(detail).toContain("no `bundle` field (it has logs)");
    expect(detail).not.toMatch(/empty/);
    // A field name is cut short: `--data-urlencode @file` makes the whole file one (review 37a).
    const pasted = await fetch("/check", { method: "POST", headers: { ...own, "content-type": form }, body: `${"x".repeat(5000)}` });
    expect(((await pasted.json()) as { detail: string }).detail.length).toBeLessThan(400);
  });

  it("refuses JSON or a raw log sent to the page's form address (415), pointing at POST /diagnose", async () => {
    for (const [type, body] of [
      ["application/json", JSON.stringify({ logs: 'unknown option "--xor-mark"' })],
      ["text/plain", 'unknown option "--xor-mark"'],
    ] as const) {
      const res = await fetch("/check", { method: "POST", headers: { "content-type": type }, body });
      expect(res.status, type).toBe(415);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(((await res.json()) as { detail: string }).detail).toContain("POST /diagnose");
    }
  });

  it("answers an unknown record with an HTML 404 that offers a search box, and JSON clients with a problem", async () => {
    const body = await expectPage(await html(fetch, "/bugs/no-such-bug-here"), 404);
    expect(body).toMatch(/<input[^>]*name="q"[^>]*value="no such bug here"/);
    const api = await fetch("/bugs/no-such-bug-here");
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    expect(api.headers.get("vary")).toMatch(/accept/i);
    await expectPage(await html(fetch, "/no/such/page"), 404);
  });

  it("leads the paste form's own address back to its form, a record's where the form was one (review 67g F7)", async () => {
    const to = async (path: string) => {
      const res = await fetch(path, { headers: { accept: BROWSER_ACCEPT }, redirect: "manual" });
      return { status: res.status, location: res.headers.get("location") };
    };
    expect(await to(`/check?record=${XT}`)).toEqual({ status: 303, location: `/bugs/${XT}#check` });
    expect(await to("/check")).toEqual({ status: 303, location: "/#paste" });
    expect(await to("/check?record=no-such-record-here")).toEqual({ status: 303, location: "/#paste" });
    expect(await to("/check?record=%3Cscript%3E")).toEqual({ status: 303, location: "/#paste" });
  });

  it("leads an address that is not a record id somewhere useful: the record, or a search for it", async () => {
    const to = async (path: string) => {
      // Not followed (a Worker's own fetch follows redirects by default).
      const res = await fetch(path, { headers: { accept: BROWSER_ACCEPT }, redirect: "manual" });
      return { status: res.status, location: res.headers.get("location") };
    };
    // The id in other case is the record.
    expect(await to(`/bugs/${XT.toUpperCase()}`)).toEqual({ status: 301, location: `/bugs/${XT}` });
    // A CVE, an issue or other words: a search for them, which finds the record that names them.
    expect(await to("/bugs/CVE-2024-50038")).toEqual({ status: 302, location: "/bugs?q=CVE-2024-50038" });
    expect(await to("/bugs/cve-2024-50038")).toEqual({ status: 302, location: "/bugs?q=cve-2024-50038" });
    expect(await to("/bugs/NOT%20an%20id")).toEqual({ status: 302, location: "/bugs?q=NOT%20an%20id" });
    // Text cut at the search's length inside an emoji is still a search, not a 500.
    const cutEmoji = await to(`/bugs/${"a".repeat(999)}%F0%9F%98%80x`);
    expect(cutEmoji.status).toBe(302);
    expect(cutEmoji.location).toMatch(/^\/bugs\?q=a{999}$/);
    expect(visibleText(await expectPage(await html(fetch, "/bugs?q=CVE-2024-50038"), 200))).toMatch(/names cve CVE-2024-50038/);
    // The JSON API keeps its answers.
    expect((await fetch("/bugs/CVE-2024-50038")).status).toBe(400);
    expect((await fetch(`/bugs/${XT.toUpperCase()}`)).status).toBe(400);
  });

  it("ignores query keys a search does not know on pages (a shared link's utm_source), while the API stays strict", async () => {
    const plain = await expectPage(await html(fetch, "/bugs?q=conntrack"), 200);
    const tracked = await expectPage(await html(fetch, "/bugs?q=conntrack&utm_source=slack&fbclid=x"), 200);
    const ids = (body: string) => [...body.matchAll(/<h2><a href="\/bugs\/([^"#]+)">/g)].map((m) => m[1]);
    expect(ids(tracked)).toEqual(ids(plain));
    expect(ids(plain).length).toBeGreaterThan(0);
    expect((await fetch("/bugs?q=conntrack&utm_source=slack")).status).toBe(400);
  });

  it("words a search address it cannot read for a person, with a search box", async () => {
    const body = await expectPage(await html(fetch, "/bugs?q=conntrack&limit=abc"), 400);
    const text = visibleText(body);
    expect(text).toContain("the number of results per page");
    expect(text).not.toMatch(/invalid fields|query string/);
    expect(body).toMatch(/<input[^>]*name="q"[^>]*value="conntrack"/);
  });

  it("says a page past the last result is past it, with a way back", async () => {
    const body = await expectPage(await html(fetch, "/bugs?q=conntrack&offset=99999"), 200);
    const text = visibleText(body);
    expect(text).toMatch(/\d+ records; this page starts past the last of them/);
    expect(text).not.toMatch(/100000/);
    expect(body).toMatch(/<a href="\/bugs\?q=conntrack(?:&amp;offset=\d+)?">← Previous<\/a>/);
  });

  it("answers a wrong method with a page in words, as the errors after it are", async () => {
    const res = await html(fetch, "/diagnose");
    const body = await expectPage(res, 405);
    expect(res.headers.get("allow")).toContain("POST");
    expect(visibleText(body)).toContain("/diagnose is not a page to open: it takes POST");
    expect(res.headers.get("content-security-policy")).toContain("style-src 'self'");
  });

  it("serves its one stylesheet and script from the app, cacheable for a year", async () => {
    const home = await (await html(fetch, "/")).text();
    const links = [...home.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(links.filter((l) => l.endsWith(".css"))).toHaveLength(1);
    for (const link of links) {
      const res = await fetch(link);
      expect(res.status, link).toBe(200);
      expect(res.headers.get("cache-control")).toContain("immutable");
      expect(res.headers.get("content-type")).toMatch(link.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
    }
    expect(home).not.toMatch(/(?:href|src)="(?:https?:)?\/\//);
    const csp = (await html(fetch, "/")).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect((await html(fetch, "/bugs/no-such-bug")).headers.get("content-security-policy")).toBe(csp);
  });
}
