import { describe, expect, it } from "vitest";
import { misreadBody } from "../../src/service/misread-body";

// How a body sent the wrong way is told by its text (the routes' contract tests send such bodies over HTTP).
describe("a body curl's other options made of a file", () => {
  it("reads a near-limit file sent with --data-urlencode as the bundle, in one part or several (review 51g F1)", () => {
    // 9 MB once encoded, under the 10 MB limit: the parts' pattern overflowed V8's backtracking stack from ~8 MB (a 500).
    const log = "Nov 10 23:03:43 host-1 kernel: unregister_netdevice: waiting for eth0 to become free. Usage count = 1\n".repeat(30_000);
    const encoded = encodeURIComponent(log);
    expect(encoded.length).toBeGreaterThan(4_000_000);
    const parts = misreadBody(`${encoded}&${encoded}`, true);
    expect(parts && "text" in parts ? parts.text.length : parts).toBe(2 * log.length);
    const one = misreadBody(encoded, true);
    expect(one && "text" in one ? one.text : one).toBe(log);
    const named = misreadBody(`logs=${encoded}`, true);
    expect(named && "input" in named ? named.input.logs?.length : named).toBe(log.length);
  });

  it("takes a near-limit body of millions of short form parts that fails at its end as text, never a 500 (review 52a F1)", () => {
    // "a&a&…& x": every part a form's, but the last holds a space; a repeated group overflowed V8's stack on it.
    const unnamed = `a${"&a".repeat(4_500_000)} x`;
    expect(misreadBody(unnamed, true)).toBeNull();
    const named = `a=${"&a=".repeat(3_000_000)} x`;
    expect(misreadBody(named, true)).toBeNull();
  });

  it("decodes a --data-urlencode body holding a malformed escape as a form parser does, not left encoded (review 52a F3)", () => {
    const log = "Linux h1 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\nCPU at 50";
    const body = `${encodeURIComponent(log)}%25ZZ%0a%ZZ`;
    expect(misreadBody(body, true)).toEqual({ text: `${log}%ZZ\n%ZZ` });
    expect(misreadBody(`${encodeURIComponent("a\n")}&${encodeURIComponent(log)}50%`, true)).toEqual({ text: `a\n${log}50%\n` });
  });

  it("refuses a form of more fields than any diagnosis form, at once and naming a few (review 52g F1, F2)", () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `n${i}=`).join("&");
    const many = misreadBody(`${names}&bundle=x`, true);
    expect(many).toMatchObject({ ok: false, status: 422, slug: "form-too-complex" });
    expect(many && "detail" in many ? many.detail.length : 0).toBeLessThan(400);
    // Millions of nameless parts beside named ones: the 422 names a few of them.
    const mixed = misreadBody(Array.from({ length: 200_000 }, (_, i) => (i % 2 ? `n${i}=a` : "a%0Ab")).join("&"), true);
    expect(mixed).toMatchObject({ ok: false, status: 422 });
    expect(mixed && "detail" in mixed ? mixed.detail.length : 0).toBeLessThan(600);
  });

  it("reads a named form whose value holds characters beyond ASCII as the form it is (review 52g F3)", () => {
    const log =
      "Linux h1 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\nréseau: unregister_netdevice: waiting for lo to become free. Usage count = 1";
    const body = `logs=${encodeURIComponent(log).replace("r%C3%A9seau", "réseau")}`;
    const read = misreadBody(body, true);
    expect(read && "input" in read ? read.input.logs : read).toBe(log);
  });
});
