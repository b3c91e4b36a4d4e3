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
});
