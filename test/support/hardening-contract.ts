import { expect, it } from "vitest";
import { expectProblem, XT } from "./api-helpers";
import { UBUNTU_2204_OS_RELEASE, unameJammy127, XOR_MARK_JOURNALD, XOR_MARK_KLOG } from "./seed-logs";
import type { Fetch } from "./seed-scenarios";

const BUNDLE = `$ uname -r\n5.15.0-127-generic\n$ cat /etc/os-release\n${UBUNTU_2204_OS_RELEASE}\n${XOR_MARK_KLOG}`;
export const ALLOWED_ORIGIN = "https://allowed.example";

async function compress(text: string | Uint8Array, format: "gzip" | "deflate"): Promise<Uint8Array> {
  const part = typeof text === "string" ? text : (text.slice().buffer as ArrayBuffer);
  const stream = new Blob([part]).stream().pipeThrough(new CompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const postToPath = (fetch: Fetch, path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(path, { method: "POST", headers: { "content-type": "text/plain", ...headers }, body });
const postBundle = (fetch: Fetch, body: BodyInit, headers: Record<string, string> = {}) => postToPath(fetch, "/diagnose", body, headers);

/**
 * What an operator on the public internet relies on, on both runtimes: headers, methods, CORS,
 * request ids, compressed bodies, hostile input. CORS_ORIGINS must allow ALLOWED_ORIGIN only
 * (and maybe others), the body limit must be small (tens of KB).
 */
export function hardeningContract(fetch: Fetch, opts: { maxBodyBytes: number; brotli: "decoded" | "refused" }) {
  it("sends security headers and a strict CSP on API answers", async () => {
    for (const res of [await fetch("/health"), await fetch("/bugs/no-such-bug"), await postBundle(fetch, BUNDLE)]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-frame-options")).toBeTruthy();
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    }
  });

  it("never lets a diagnosis or an error be cached, and lets the read API be cached briefly", async () => {
    expect((await postBundle(fetch, BUNDLE)).headers.get("cache-control")).toBe("no-store");
    expect((await fetch("/health")).headers.get("cache-control")).toBe("no-store");
    expect((await fetch(`/bugs/${XT}`)).headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    expect((await fetch("/bugs?q=xor")).headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    expect((await fetch("/kb")).headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    expect((await fetch("/bugs/no-such-bug")).headers.get("cache-control")).toBe("no-store");
  });

  it("answers a wrong method on a known path with 405 and Allow", async () => {
    const put = await fetch("/bugs", { method: "PUT", body: "x" });
    await expectProblem(put, 405);
    // The same methods a plain OPTIONS names there: CORS answers OPTIONS on the API's paths.
    expect(put.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "HEAD", "OPTIONS"]);
    const get = await fetch("/diagnose");
    await expectProblem(get, 405);
    expect(get.headers.get("allow")).toBe("POST, OPTIONS");
    const del = await fetch(`/bugs/${XT}`, { method: "DELETE" });
    await expectProblem(del, 405);
    expect(del.headers.get("allow")).toContain("GET");
    await expectProblem(await fetch("/no/such/path", { method: "DELETE" }), 404);
  });

  it("answers a CORS preflight for an allowed origin, and not for others", async () => {
    const preflight = await fetch("/diagnose", {
      method: "OPTIONS",
      headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
    const read = await fetch("/bugs?q=xor", { headers: { origin: ALLOWED_ORIGIN } });
    expect(read.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(read.headers.get("access-control-expose-headers")).toContain("X-KB-Version");
    // The contract too, for browser-based OpenAPI tools (review 66f F9).
    const contract = await fetch("/openapi.json", { headers: { origin: ALLOWED_ORIGIN } });
    expect(contract.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    const other = await fetch("/bugs?q=xor", { headers: { origin: "https://evil.example" } });
    expect(other.status).toBe(200);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const otherPreflight = await fetch("/diagnose", { method: "OPTIONS", headers: { origin: "https://evil.example" } });
    expect(otherPreflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows in a preflight, and names in Allow, only the methods each path serves", async () => {
    const preflight = (path: string, method: string) =>
      fetch(path, { method: "OPTIONS", headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": method } });
    const read = await preflight("/bugs", "GET");
    expect(read.status).toBe(204);
    expect(read.headers.get("access-control-allow-methods")?.split(",").sort()).toEqual(["GET", "HEAD"]);
    expect(read.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "HEAD", "OPTIONS"]);
    const diagnose = await preflight("/diagnose", "POST");
    expect(diagnose.headers.get("access-control-allow-methods")).toBe("POST");
    // A plain OPTIONS (no preflight headers) asks what the resource allows.
    const plain = await fetch(`/bugs/${XT}`, { method: "OPTIONS" });
    expect(plain.status).toBe(204);
    expect(plain.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect((await fetch("/diagnose", { method: "OPTIONS" })).headers.get("allow")).toBe("POST, OPTIONS");
    // A path no route serves is not found, whatever the method: an OPTIONS there allowed nothing yet answered 204.
    for (const path of ["/bugs/a/b/c", `/bugs/${XT}/osv/extra`, "/kb/x"]) {
      await expectProblem(await fetch(path, { method: "OPTIONS" }), 404);
      await expectProblem(
        await fetch(path, { method: "OPTIONS", headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": "GET" } }),
        404,
      );
    }
    expect((await fetch(`/bugs/${XT}/osv`, { method: "OPTIONS" })).status).toBe(204);
  });

  it("redirects a read with a trailing slash to its path, relative to the site the client used, never to another", async () => {
    for (const path of ["/bugs/", `/bugs/${XT}/`, "/health/", "/kb/"]) {
      const res = await fetch(`${path}?q=x`, { redirect: "manual", headers: { origin: ALLOWED_ORIGIN } });
      expect(res.status, path).toBe(301);
      // Relative: behind a proxy that ends TLS, an absolute URL built from the request would be http://upstream.
      expect(res.headers.get("location")).toBe(`${path.slice(0, -1)}?q=x`);
      expect(res.headers.get("content-type")).toBeNull();
      expect(res.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    }
    // Leading slashes collapse: "//evil.example/" must not become a protocol-relative redirect.
    const twice = await fetch("//evil.example/", { redirect: "manual" });
    expect(twice.status).toBe(301);
    expect(twice.headers.get("location")).toBe("/evil.example");
    // A script whose base URL ends in "/" is told the route it meant (review 66f F7).
    for (const path of ["/diagnose/", "//diagnose"])
      expect((await expectProblem(await postToPath(fetch, path, BUNDLE), 404)).detail).toContain("send it to POST /diagnose");
  });

  it("reads a count in a query as decimal digits only: 0x5, 1e1 and an empty value are refused", async () => {
    for (const limit of ["0x5", "1e1", "", "5.0", "-1", "5abc"]) {
      const res = await fetch(`/bugs?limit=${encodeURIComponent(limit)}`);
      const problem = await expectProblem(res, 400);
      expect(JSON.stringify(problem), limit).toContain("decimal digits");
      await expectProblem(await fetch(`/diagnose?limit=${encodeURIComponent(limit)}`, { method: "POST", body: BUNDLE }), 400);
    }
    const five = (await (await fetch("/bugs?limit=5&offset=1")).json()) as { items: unknown[] };
    expect(five.items).toHaveLength(5);
  });

  it("makes its own request ids and never echoes the client's", async () => {
    const ids = new Set<string>();
    for (const client of ["abc-123", "<script>alert(1)</script>", "x".repeat(500), "ok.id_1"]) {
      const res = await fetch("/health", { headers: { "x-request-id": client } });
      expect(res.status).toBe(200);
      const id = res.headers.get("x-request-id") ?? "";
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(id).not.toBe(client);
      ids.add(id);
    }
    expect(ids.size).toBe(4);
  });

  it("treats NUL and other control characters in queries as input, never a 500", async () => {
    for (const q of ["a\u0000b", "ab\u0000", "\u0000", "x\u0001\u001fy", "xor\u007f-mark", "\u0000*", '"\u0000"']) {
      const res = await fetch(`/bugs?q=${encodeURIComponent(q)}`);
      expect(res.status, JSON.stringify(q)).toBeLessThan(500);
    }
    for (const param of ["component", "ecosystem", "limit", "offset", "unverified"]) {
      const res = await fetch(`/bugs?${param}=${encodeURIComponent("a\u0000b")}`);
      expect(res.status, param).toBeLessThan(500);
    }
    expect((await fetch(`/bugs/${encodeURIComponent("a\u0000b")}`)).status).toBeLessThan(500);
    expect((await postBundle(fetch, `\u0000${BUNDLE}\u0000`)).status).toBe(200);
    // A lone NUL filters nothing out in SQLite's LIKE: refused, not every record listed as a match (review 42a F7).
    // A search too: a script's stray control byte is said, not answered "no record" (review 64f F8); a pasted line's tab is its own.
    for (const q of ["\u0000", "xor\u0000mark", "x\u001by"])
      expect(JSON.stringify(await expectProblem(await fetch(`/bugs?q=${encodeURIComponent(q)}`), 400)), JSON.stringify(q)).toContain(
        "holds no control characters",
      );
    expect((await fetch(`/bugs?q=${encodeURIComponent("cpu=0\tfound=0 insert_failed=96")}`)).status).toBe(200);
    for (const component of ["\u0000", "runc\u0000"]) {
      const res = await fetch(`/bugs?component=${encodeURIComponent(component)}`);
      expect(JSON.stringify(await expectProblem(res, 400)), JSON.stringify(component)).toContain("holds no control characters");
    }
  });

  it("decodes gzip and deflate bodies: the same answer as the plain bundle", async () => {
    const plain = (await (await postBundle(fetch, BUNDLE)).json()) as { findings: { id: string }[] };
    expect(plain.findings[0]?.id).toBe(XT);
    for (const format of ["gzip", "deflate"] as const) {
      const res = await postBundle(fetch, await compress(BUNDLE, format), { "content-encoding": format });
      expect(res.status, format).toBe(200);
      expect(await res.json()).toEqual(plain);
    }
    const json = await compress(JSON.stringify({ logs: XOR_MARK_KLOG }), "gzip");
    const res = await fetch("/diagnose", {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: json,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { findings: { id: string }[] }).findings[0]?.id).toBe(XT);
  });

  it(`${opts.brotli === "decoded" ? "decodes" : "refuses with 415"} brotli bodies`, async () => {
    // "hello" compressed with brotli (quality 11): small enough to inline on both runtimes.
    const br = Uint8Array.from([0x0b, 0x02, 0x80, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x03]);
    const res = await postBundle(fetch, br, { "content-encoding": "br" });
    if (opts.brotli === "decoded") expect(res.status).toBe(200);
    else expect((await expectProblem(res, 415)).detail).toContain("br");
    if (opts.brotli !== "decoded") return;
    // Text labelled br is no brotli stream (it is not an empty body), nor is a stream with junk after it.
    await expectProblem(await postBundle(fetch, "5.15.0-127-generic\nkube-proxy: x\n", { "content-encoding": "br" }), 400);
    await expectProblem(await postBundle(fetch, new Uint8Array([...br, 0x6a, 0x75, 0x6e, 0x6b]), { "content-encoding": "br" }), 400);
    // A 415 names what this runtime decodes, br included.
    const unknown = await postBundle(fetch, "abc", { "content-encoding": "zstd-x" });
    expect(unknown.headers.get("accept-encoding")).toBe("gzip, deflate, br");
  });

  it("decodes at most two stacked codings, and never reads compressed or UTF-16 bytes as UTF-8 text", async () => {
    const plain = (await (await postBundle(fetch, BUNDLE)).json()) as { findings: { id: string }[] };
    const inner = await compress(BUNDLE, "gzip");
    const outer = new Uint8Array(await new Response(new Blob([inner]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer());
    const res = await postBundle(fetch, outer, { "content-encoding": "gzip, gzip" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(plain);
    // Two codings over bytes that are none: the client's 400, never our 500 (the fuzz test's counterexample on workerd, whose
    // decoder chain cancels the source after its own error).
    expect(
      (
        await expectProblem(
          await postBundle(fetch, new Uint8Array([0, 0]), { "content-encoding": "gzip, gzip", "cf-connecting-ip": "203.0.113.150" }),
          400,
        )
      ).type,
    ).toMatch(/malformed-body$/);
    // A third layer is refused before any is decoded (thousands of layers kept a core busy for minutes).
    expect((await expectProblem(await postBundle(fetch, outer, { "content-encoding": "gzip, gzip, gzip" }), 415)).detail).toContain(
      "at most 2",
    );
    // gzip bytes without Content-Encoding are no log: 415, not "no known bug".
    expect((await expectProblem(await postBundle(fetch, inner), 415)).detail).toContain("Content-Encoding");
    // UTF-16 with its byte-order mark (Windows PowerShell 5's default) is read as UTF-16.
    const utf16 = new Uint8Array(2 + BUNDLE.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < BUNDLE.length; i++) {
      const code = BUNDLE.charCodeAt(i);
      utf16[2 + 2 * i] = code & 0xff;
      utf16[3 + 2 * i] = code >> 8;
    }
    const wide = await postBundle(fetch, utf16);
    expect(wide.status).toBe(200);
    expect(((await wide.json()) as { findings: { id: string }[] }).findings[0]?.id).toBe(XT);
  });

  it("refuses an unknown encoding with 415, a corrupt stream with 400, a zip bomb with 413", async () => {
    await expectProblem(await postBundle(fetch, "abc", { "content-encoding": "zstd-x" }), 415);
    await expectProblem(await postBundle(fetch, "definitely not gzip", { "content-encoding": "gzip" }), 400);
    // Compressed twice, named once: said so, not "says no Content-Encoding" (review 42a).
    const twice = await compress(await compress(BUNDLE, "gzip"), "gzip");
    expect(
      (await expectProblem(await postBundle(fetch, twice, { "content-encoding": "gzip", "cf-connecting-ip": "203.0.113.26" }), 415)).detail,
    ).toContain("compressed twice");
    const bomb = await compress("\n".repeat(opts.maxBodyBytes * 20), "gzip");
    expect(bomb.byteLength).toBeLessThan(opts.maxBodyBytes);
    const body = await expectProblem(await postBundle(fetch, bomb, { "content-encoding": "gzip" }), 413);
    expect(body.detail).toContain("once decompressed: compressing does not help");
  });

  it("refuses a transfer coding other than chunked with 501, never reading the body as plain text (review 50a F5)", async () => {
    // A client of its own: the contract's other bundles use up a client's share of the Worker's rate limit.
    const own = { "cf-connecting-ip": "203.0.113.35" };
    for (const coding of ["gzip, chunked", "bogus, chunked", "deflate"]) {
      const body = await expectProblem(await postBundle(fetch, BUNDLE, { "transfer-encoding": coding, ...own }), 501);
      expect(body.detail, coding).toContain("Transfer-Encoding");
    }
    expect((await postBundle(fetch, BUNDLE, { "transfer-encoding": "chunked", ...own })).status).toBe(200);
  });

  it("answers an upload whose connection is lost mid-body as 499 client-closed, plain, chunked or gzip (review 68f F1)", async () => {
    // As workerd fails a dropped upload: the body's own stream errors with "Network connection lost." while the request's
    // signal is not aborted. Never our 500, nor the client's 400 malformed-body (which a corrupt gzip stays).
    const line = `${XOR_MARK_KLOG}\n`;
    const log = new TextEncoder().encode(line.repeat(Math.floor(opts.maxBodyBytes / 2 / line.length)));
    const gzip = await compress(log, "gzip");
    const cases: Array<[string, Uint8Array, Record<string, string>]> = [
      ["plain, with its length", log, { "content-length": String(log.length) }],
      ["chunked", log, {}],
      ["gzip", gzip, { "content-encoding": "gzip" }],
    ];
    // In workerd, a body crosses to the Worker as one of its own streams, and a JS stream's error arrives as a body cut
    // short: there a counted body is one of workerd's FixedLengthStreams, and test/worker/setup-faults.test.ts drops
    // chunked and gzip bodies on the Worker's own fetch.
    const Fixed = (globalThis as { FixedLengthStream?: new (n: number) => TransformStream<Uint8Array, Uint8Array> }).FixedLengthStream;
    // The first half arrives, then the connection is lost.
    const dropped = (bytes: Uint8Array) => {
      const half = bytes.slice(0, bytes.length >> 1);
      const lost = new Error("Network connection lost.");
      if (Fixed) {
        const pipe = new Fixed(bytes.length);
        const writer = pipe.writable.getWriter();
        void writer.write(half).then(() => writer.abort(lost));
        return pipe.readable;
      }
      let sent = 0;
      return new ReadableStream<Uint8Array>({
        pull(ctrl) {
          if (sent++ < 1) return ctrl.enqueue(half);
          ctrl.error(lost);
        },
      });
    };
    for (const [name, bytes, headers] of Fixed ? cases.slice(0, 1) : cases) {
      // The paste form's upload too: one read of the body for every route.
      for (const [path, type] of [
        ["/diagnose", "text/plain"],
        ["/check", "application/x-www-form-urlencoded"],
      ] as const) {
        const own = { "content-type": type, "cf-connecting-ip": "203.0.113.140", ...headers };
        const res = await fetch(path, {
          method: "POST",
          headers: own,
          body: dropped(bytes),
          duplex: "half",
        } as RequestInit);
        expect((await expectProblem(res, 499)).type, `${path} ${name}`).toMatch(/client-closed$/);
      }
    }
    // A corrupt gzip is still the client's 400: the decoder's error, not the stream's.
    const corrupt = gzip.slice();
    corrupt.fill(7, 20, 60);
    const bad = await postBundle(fetch, corrupt, { "content-encoding": "gzip", "cf-connecting-ip": "203.0.113.140" });
    expect((await expectProblem(bad, 400)).type).toMatch(/malformed-body$/);
  });

  jsonShapeContract(fetch);
  misreadBodyContract(fetch);
}

const FORM = "application/x-www-form-urlencoded";
const topIds = async (res: Response) => ((await res.json()) as { findings: { id: string }[] }).findings.map((f) => f.id);
/** UTF-16 without a byte-order mark, as `iconv -t UTF-16LE` (or BE) writes it. */
export const utf16Bytes = (text: string, le: boolean) => {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = code & 0xff;
    out[2 * i + (le ? 1 : 0)] = code >> 8;
  }
  return out;
};

/**
 * Bodies curl and other clients send the wrong way, each answered as what it is: never read as a one-line or a
 * garbled log, which would answer "no known bug".
 */
function misreadBodyContract(fetch: Fetch) {
  it("reads curl's --data-urlencode fields as the fields, and refuses -d's lost line breaks and JSON sent without its type", async () => {
    // `curl --data-urlencode logs@bundle.txt`: the fields form, URL-encoded.
    const fields = new URLSearchParams({ uname: "5.15.0-127-generic", logs: XOR_MARK_KLOG }).toString();
    expect(await topIds(await postBundle(fetch, fields, { "content-type": FORM }))).toContain(XT);
    // `curl -d @bundle.txt` drops every line break: refused, saying how to send it.
    const glued = BUNDLE.replace(/\r?\n/g, "");
    const lost = await expectProblem(await postBundle(fetch, glued, { "content-type": FORM }), 422);
    expect(lost.detail).toContain("--data-binary");
    // The JSON form without its content type.
    const json = JSON.stringify({ uname: "5.15.0-127-generic", logs: XOR_MARK_KLOG });
    expect((await expectProblem(await postBundle(fetch, json, { "content-type": FORM }), 415)).detail).toContain("application/json");
    // A one-line log and a JSON log line of other names stay logs.
    expect((await postBundle(fetch, '{"level":"error","msg":"boom"}', { "content-type": FORM })).status).toBe(200);
    expect((await postBundle(fetch, "a=1", { "content-type": FORM })).status).toBe(200);
    // The JSON form with a long `logs` (three log times in one line of JSON) is still the JSON form, not lost breaks;
    // a one-line JSON log record of 300+ characters is a log.
    const longJson = JSON.stringify({ logs: BUNDLE });
    expect((await expectProblem(await postBundle(fetch, longJson, { "content-type": FORM }), 415)).detail).toContain("application/json");
    const record = JSON.stringify({ ts: "2024-12-05T10:14:33Z", msg: XOR_MARK_KLOG, again: "2024-12-05T10:14:34Z 2024-12-05T10:14:35Z" });
    expect((await postBundle(fetch, record, { "content-type": FORM })).status).toBe(200);
    // The kubelet's one-line NotReady record: its times are quoted fields, not lines run together.
    const notReady = `I1113 06:31:23.123456 1234 setters.go:552] "Node became not ready" node="worker-2" condition={"type":"Ready","status":"False","lastHeartbeatTime":"2024-11-13T06:31:23Z","lastTransitionTime":"2024-11-13T06:31:23Z","reason":"KubeletNotReady","message":"container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"}`;
    expect((await postBundle(fetch, notReady, { "content-type": FORM })).status).toBe(200);
    // One record as a log shipper shows it, its own time, then journald's, then klog's framing stacked at its head (review
    // 66b F1: refused as three lines run together): one line, diagnosed.
    // The kubelet line is the kubelet-1.35 record's example (kubernetes/kubernetes#128696).
    const shipped =
      'Mar 01 10:00:00.123 i-0abc123 kubelet ERROR Nov 12 12:19:21.490717 e2e-6bd06b654e-80e1a-minion-group-gp99 kubelet[4756]: E1112 12:19:21.474821    4756 run.go:72] "command failed" err="failed to validate kubelet configuration, error: kubelet is configured to not run on a host using cgroup v1. cgroup v1 support is unsupported and will be removed in a future release, path: &TypeMeta{Kind:,APIVersion:,}"';
    expect((await postBundle(fetch, shipped, { "content-type": FORM, "cf-connecting-ip": "203.0.113.28" })).status).toBe(200);
    // `curl --data-urlencode @bundle.txt`: the whole file URL-encoded, no field name: read as the bundle.
    const unnamed = encodeURIComponent(BUNDLE).replace(/%20/g, "+");
    const d = (await (await postBundle(fetch, unnamed, { "content-type": FORM })).json()) as {
      findings: Array<{ id: string; verdict: { status: string } }>;
    };
    expect(d.findings[0]).toMatchObject({ id: XT, verdict: { status: "affected" } });
    // Under the page form's own name (`--data-urlencode bundle@file`) it is the bundle too; under a name no form knows,
    // refused, naming the fields (review 36a: `log@file` was read still encoded, a garbled line).
    const named = (name: string) => `${name}=${unnamed}`;
    // A client of its own: the Worker's rate limit counts this contract's requests per client.
    const own = { "content-type": FORM, "cf-connecting-ip": "203.0.113.29" };
    expect(await topIds(await postBundle(fetch, named("bundle"), own))).toContain(XT);
    const typo = await expectProblem(await postBundle(fetch, named("log"), own), 422);
    expect(typo.detail).toMatch(/field log is not a diagnosis field .*logs@file/);
    // `--data-urlencode @uname.txt --data-urlencode @log.txt`: two files, no names, one bundle in their order (review 42a
    // F1: read still encoded, a garbled line, "low, unknown").
    const lines = BUNDLE.split("\n");
    const parts = [lines.slice(0, 2).join("\n"), lines.slice(2).join("\n")].map((p) => encodeURIComponent(`${p}\n`).replace(/%20/g, "+"));
    const two = (await (await postBundle(fetch, parts.join("&"), own)).json()) as {
      findings: Array<{ id: string; verdict: { status: string } }>;
    };
    expect(two.findings[0]).toMatchObject({ id: XT, verdict: { status: "affected" } });
    // Encoders that keep "/" or ":" as they are (Python's quote(), JavaScript's encodeURI: review 51a F2), which a form
    // parser takes as they are: still the form, never its encoded text read as one garbled line.
    const keeps = (text: string) => encodeURIComponent(text).replace(/%2F/g, "/").replace(/%3A/g, ":");
    for (const body of [`logs=${keeps(XOR_MARK_KLOG)}&uname=${keeps("5.15.0-127-generic")}`, `bundle=${keeps(BUNDLE)}`, keeps(BUNDLE)])
      expect(await topIds(await postBundle(fetch, body, own)), body.slice(0, 30)).toContain(XT);
    // `bundle` twice, or beside a field no form has, or a nameless file beside a field: refused, never read encoded.
    for (const [body, says] of [
      [`${named("bundle")}&${named("bundle")}`, /names bundle twice/],
      [`${named("bundle")}&foo=bar`, /fields bundle, foo are not diagnosis fields/],
      [`${parts[0]}&logs=${parts[1]}`, /without a field name beside the field\(s\) logs/],
    ] as const)
      expect((await expectProblem(await postBundle(fetch, body, own), 422)).detail, body.slice(0, 40)).toMatch(says);
  });

  it("refuses a JSON body that names a field twice, which JSON.parse would keep the last of (review 42a F3)", async () => {
    const own = { "content-type": "application/json", "cf-connecting-ip": "203.0.113.27" };
    // UTF-16 JSON (PowerShell's default) is said to be UTF-16, not only "not valid JSON" (review 42a).
    const wide = await expectProblem(await postBundle(fetch, utf16Bytes(JSON.stringify({ logs: XOR_MARK_KLOG }), true), own), 400);
    expect(wide.detail).toContain("it is UTF-16");
    const twice = `{"logs": ${JSON.stringify(XOR_MARK_KLOG)}, "logs": "nothing"}`;
    const body = await expectProblem(await postBundle(fetch, twice, own), 422);
    expect(body.detail).toContain("names logs twice");
    // Nor when the repeat is written with an escape JSON.parse decodes to the same name (review 60e F1).
    const escaped = `{"logs": ${JSON.stringify(XOR_MARK_KLOG)}, "l\\u006fgs": "all good"}`;
    expect((await expectProblem(await postBundle(fetch, escaped, own), 422)).detail).toContain("names logs twice");
    // The same name in two objects is no repeat: two hosts' bundles.
    const hosts = JSON.stringify({
      hosts: [
        { name: "a", bundle: XOR_MARK_KLOG },
        { name: "b", bundle: "nothing" },
      ],
    });
    expect((await postBundle(fetch, hosts, own)).status).toBe(200);
  });

  it("refuses -d's lost line breaks with text/plain too, and reads lines ended by CRs alone", async () => {
    // A client of its own: the Worker's rate limit counts this contract's requests per client.
    const own = { "cf-connecting-ip": "203.0.113.28" };
    const glued = BUNDLE.replace(/\r?\n/g, "");
    // -d drops them with `-H 'content-type: text/plain'` too (review 28a: the first prompt swallowed the seed's
    // symptom, a silent miss); a log that is one line goes in the JSON form, which is read as it is.
    const plain = await expectProblem(await postBundle(fetch, glued, { "content-type": "text/plain", ...own }), 422);
    expect(plain.detail).toMatch(/whatever Content-Type is set.*JSON form/);
    expect((await postBundle(fetch, JSON.stringify({ logs: glued }), { "content-type": "application/json", ...own })).status).toBe(200);
    // Lines ended by CRs alone are lines: read as such, the seed's finding found.
    for (const type of [FORM, "text/plain"])
      expect(await topIds(await postBundle(fetch, BUNDLE.replace(/\r?\n/g, "\r"), { "content-type": type, ...own })), type).toContain(XT);
  });

  it("honours the charset a text body names, reads UTF-16 laid out without a byte-order mark, and refuses others", async () => {
    const plain = await topIds(await postBundle(fetch, BUNDLE));
    expect(plain[0]).toBe(XT);
    expect(await topIds(await postBundle(fetch, utf16Bytes(BUNDLE, true), { "content-type": "text/plain; charset=utf-16le" }))).toEqual(
      plain,
    );
    expect(await topIds(await postBundle(fetch, utf16Bytes(BUNDLE, false), { "content-type": "text/plain; charset=UTF-16BE" }))).toEqual(
      plain,
    );
    // `iconv -t UTF-16LE` without a charset: its every other byte is a NUL.
    expect(await topIds(await postBundle(fetch, utf16Bytes(BUNDLE, true)))).toEqual(plain);
    const latin1 = Uint8Array.from(BUNDLE, (ch) => ch.charCodeAt(0));
    expect(await topIds(await postBundle(fetch, latin1, { "content-type": "text/plain; charset=iso-8859-1" }))).toEqual(plain);
    const sjis = await expectProblem(await postBundle(fetch, BUNDLE, { "content-type": "text/plain; charset=shift_jis" }), 415);
    expect(sjis.detail).toContain("shift_jis");
    for (const label of ["iso8859-1", "ansi_x3.4-1968", "unicode-1-1-utf-8", '"UTF-8"'])
      expect((await postBundle(fetch, BUNDLE, { "content-type": `text/plain; charset=${label}` })).status, label).toBe(200);
    // .NET's Encoding.Unicode: little-endian, no byte-order mark, "charset=utf-16", and lines in another script.
    const russian = `${"Ошибка подключения к серверу базы данных: превышено время ожидания\n".repeat(30)}${BUNDLE}`;
    expect(await topIds(await postBundle(fetch, utf16Bytes(russian, true), { "content-type": "text/plain; charset=utf-16" }))).toContain(
      XT,
    );
    expect(await topIds(await postBundle(fetch, utf16Bytes(russian, false)))).toContain(XT);
    // Few lines, in a script whose characters hold a 0x0A byte (上 U+4E0A): still UTF-16, declared or not.
    const cjk = `kubelet：上游镜像仓库拉取失败，上报节点状态\r\ncontainerd：上传失败，刊登重试\r\n${BUNDLE}`;
    expect(await topIds(await postBundle(fetch, utf16Bytes(cjk, true), { "content-type": "text/plain; charset=utf-16le" }))).toContain(XT);
    expect(await topIds(await postBundle(fetch, utf16Bytes(cjk, true)))).toContain(XT);
    // UTF-8 labelled UTF-16: its single-byte line breaks say otherwise; refused, never read as garbage.
    const mislabelled = await expectProblem(await postBundle(fetch, BUNDLE, { "content-type": "text/plain; charset=utf-16le" }), 415);
    expect(mislabelled.detail).toContain("single bytes");
  });

  it("refuses compressed files, archives and binary data sent as text, naming what they are", async () => {
    const magic: Array<[string, number[]]> = [
      ["xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04]],
      ["zstd", [0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x00]],
      ["bzip2", [0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59]],
      ["zip", [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]],
    ];
    for (const [name, bytes] of magic) {
      const body = new Uint8Array(600);
      body.set(bytes);
      expect((await expectProblem(await postBundle(fetch, body), 415)).detail, name).toContain(name);
    }
    const tar = new Uint8Array(1024);
    tar.set([0x75, 0x73, 0x74, 0x61, 0x72], 257);
    expect((await expectProblem(await postBundle(fetch, tar), 415)).detail).toContain("tar");
    // Binary data: mostly NULs and control bytes.
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 32);
    expect((await expectProblem(await postBundle(fetch, binary), 415)).detail).toContain("not text");
    // A log with a stray NUL is still a log, and so is one a crash left a block of NULs in (ext4's zeroed tail).
    expect((await postBundle(fetch, `${BUNDLE}\n\u0000\n`)).status).toBe(200);
    const crash = `${BUNDLE}\n${"kernel: eth0: link up\n".repeat(20)}${"\u0000".repeat(4096)}Linux version 5.15.0-127-generic (buildd@lcy02)\n`;
    expect(await topIds(await postBundle(fetch, crash))).toContain(XT);
    // A short one, whose one line feed before the block sits at an even or an odd offset (review 33a: the even one was
    // read as UTF-16 and answered "no known bug").
    for (const first of [
      "Dec  2 10:11:10 worker-2 systemd[1]: Started kube-proxy.service",
      "Dec  2 10:11:10 worker-2 systemd[1]: Started kube-proxy.service.",
    ]) {
      const short = `${first}\n${"\u0000".repeat(512)}ip6tables-restore v1.8.7 (legacy): unknown option "--xor-mark"\n`;
      // A client of its own: this test's other bundles have used up a client's share of the Worker's rate limit.
      const res = await postBundle(fetch, short, { "cf-connecting-ip": "203.0.113.33" });
      expect(await topIds(res), `${first.length}`).toContain(XT);
    }
    // One NUL before a line feed, as `cat /proc/<pid>/cmdline; echo` leaves it, at an odd or an even offset (review 33d).
    for (const args of ["kube-proxy\u0000--proxy-mode=iptables\u0000", "kube-proxy\u0000--proxy-mode=iptables.\u0000"]) {
      const res = await postBundle(fetch, `${args}\nip6tables-restore v1.8.7 (legacy): unknown option "--xor-mark"\n`, {
        "cf-connecting-ip": "203.0.113.34",
      });
      expect(await topIds(res), `${args.length}`).toContain(XT);
    }
    // "ustar" at byte 257 of a log about tar, without tar's NUL after it: a log.
    const aboutTar = `${"x".repeat(257)}ustar archive written\n${BUNDLE}`;
    expect((await postBundle(fetch, aboutTar)).status).toBe(200);
  });

  it("refuses a compressed file's bytes wherever the text holds them: a JSON or form field, a host's bundle, after text (review 60e F2)", async () => {
    const gz = await compress(BUNDLE, "gzip");
    // What `jq -Rs` makes of a .gz file: its bytes read as UTF-8, each invalid one a U+FFFD.
    const asText = new TextDecoder().decode(gz);
    const own = (n: number) => ({ "cf-connecting-ip": `203.0.113.${70 + n}` });
    const json = (body: unknown, n: number) => postBundle(fetch, JSON.stringify(body), { "content-type": "application/json", ...own(n) });
    const field = await expectProblem(await json({ logs: asText }, 0), 415);
    expect(field.detail).toMatch(/^The field logs holds gzip-compressed data/);
    const host = await expectProblem(await json({ hosts: [{ name: "worker-2", bundle: asText }] }, 1), 415);
    expect(host.detail).toMatch(/^Host worker-2's bundle holds gzip-compressed data/);
    // `curl --data-urlencode logs@bundle.gz`: every byte percent-encoded.
    const encoded = Array.from(gz, (b) => `%${b.toString(16).padStart(2, "0")}`).join("");
    const form = await expectProblem(
      await postBundle(fetch, `logs=${encoded}`, { "content-type": "application/x-www-form-urlencoded", ...own(2) }),
      415,
    );
    expect(form.detail).toContain("gzip-compressed");
    // `cat syslog syslog.2.gz | curl --data-binary @-`: text, then the compressed file, which is said to start on its line.
    const joined = new Uint8Array([...new TextEncoder().encode("kernel: eth0: link up\n".repeat(3)), ...gz]);
    const after = await expectProblem(await postBundle(fetch, joined, own(3)), 415);
    expect(after.detail).toMatch(/holds gzip-compressed data from line 4 on/);
  });
}

/** The hardening contract's JSON cases: members bounded before parsing, validation answers short. */
function jsonShapeContract(fetch: Fetch) {
  const postJson = (body: string, headers: Record<string, string> = {}) =>
    fetch("/diagnose", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `"k${i}":1`).join(",");

  it("refuses a JSON body with more members than any request holds, before parsing it", async () => {
    const body = await expectProblem(await postJson(`{"logs":"x",${keys(1500)}}`), 422);
    expect(body.detail).toContain("members");
    // So is a flood of array elements.
    await expectProblem(await postJson(`{"logs":"x","hosts":[${"0,".repeat(1500)}0]}`), 422);
  });

  it("takes the largest hosts form and commas inside strings (escaped quotes too) as a request", async () => {
    const hosts = Array.from({ length: 100 }, (_, i) => ({ name: `node-${i}`, bundle: "$ uname -r\n5.15.0-127-generic" }));
    expect((await postJson(JSON.stringify({ hosts }))).status).toBe(200);
    const logs = `${XOR_MARK_KLOG}\n${'x,y:"z", '.repeat(2000)}`;
    const res = await postJson(JSON.stringify({ uname: "5.15.0-127-generic", osRelease: UBUNTU_2204_OS_RELEASE, logs }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { findings: { id: string }[] }).findings[0]?.id).toBe(XT);
  });

  it("says how many matched log lines the evidence leaves out, in a bundle and across hosts (review 36a)", async () => {
    const own = { "cf-connecting-ip": "203.0.113.41" };
    // 30 syncs of the same failure, each its own journal line: the evidence shows a few, the answer counts them all.
    const flood = Array.from({ length: 30 }, (_, i) => XOR_MARK_JOURNALD.split("\n")[1]?.replace("11:12:14 ", `11:${12 + i}:14 `)).join(
      "\n",
    );
    type Answer = {
      findings: { id: string; matchedLines?: number; evidence: { kind: string; line?: number }[] }[];
      truncated?: { what: string; shown: number; total: number; note: string }[];
    };
    const one = (await (await postBundle(fetch, `${unameJammy127("k8s-192-168-3-26")}\n${flood}`, own)).json()) as Answer;
    const mark = one.findings.find((f) => f.id === XT);
    expect(mark?.matchedLines).toBe(30);
    const lines = one.truncated?.find((t) => t.what === `log lines of ${XT}`);
    const shownLines = new Set(mark?.evidence.flatMap((e) => (e.kind === "log" ? [e.line] : [])));
    expect(lines).toMatchObject({ total: 30, shown: shownLines.size });
    expect(lines?.note).toMatch(/^25 of 30 log lines/);
    // Ten hosts of ten lines each: the merged finding shows some hosts' lines and says the rest exist.
    const hosts = Array.from({ length: 10 }, (_, h) => ({
      name: `worker-${h}`,
      bundle: `${unameJammy127(`worker-${h}`)}\n${flood.split("\n").slice(0, 10).join("\n").replaceAll("k8s-192-168-3-26", `worker-${h}`)}`,
    }));
    const fleet = (await (await postJson(JSON.stringify({ hosts }), own)).json()) as Answer;
    expect(fleet.findings.find((f) => f.id === XT)?.matchedLines).toBe(100);
    expect(fleet.truncated?.find((t) => t.what === `log lines of ${XT}`)).toMatchObject({ total: 100 });
    // Nothing left out, nothing said.
    const few = (await (
      await postBundle(fetch, `${unameJammy127("k8s-192-168-3-26")}\n${flood.split("\n").slice(0, 3).join("\n")}`, own)
    ).json()) as Answer;
    expect(few.findings.find((f) => f.id === XT)?.matchedLines).toBeUndefined();
    expect(few.truncated).toBeUndefined();
  });

  it("answers a body that is not JSON with 400 malformed-json, and one whose fields are wrong with 422", async () => {
    const own = { "cf-connecting-ip": "203.0.113.42" };
    const broken = await expectProblem(await postJson('{"logs":', own), 400);
    expect(broken.type).toMatch(/malformed-json$/);
    const wrong = (await expectProblem(await postJson('{"hosts":[{"name":"a","bundle":"x"}],"uname":"y"}', own), 422)) as unknown as {
      errors: { path: string }[];
    };
    expect(wrong.errors.map((e) => e.path)).toEqual(["uname"]);
    // JSON is UTF-8: another charset is refused, never read as "not valid JSON" (review 37a).
    const json = JSON.stringify({ logs: XOR_MARK_KLOG });
    const utf16 = (type: string) => fetch("/diagnose", { method: "POST", headers: { ...own, "content-type": type }, body: json });
    expect((await expectProblem(await utf16("application/json; charset=utf-16"), 415)).type).toMatch(/unsupported-charset$/);
    expect((await utf16("application/json; charset=UTF-8")).status).toBe(200);
  });

  it("answers invalid fields with a short problem that does not copy the body back", async () => {
    const res = await postJson(`{"logs":"x",${keys(400)}}`);
    const text = await res.clone().text();
    const body = (await expectProblem(res, 422)) as unknown as { errors: { message: string }[] };
    expect(text.length).toBeLessThan(4000);
    expect(body.errors.length).toBeLessThanOrEqual(20);
    for (const e of body.errors) expect(e.message.length).toBeLessThanOrEqual(300);
  });
}
