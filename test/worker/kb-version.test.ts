import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const get = (path: string) => exports.default.fetch(new Request(`https://known-bugs.test${path}`));
const served = async (path: string) => (await get(path)).headers.get("x-kb-version");
const setVersion = (version: string) => env.DB.prepare("UPDATE kb_meta SET version = ? WHERE id = 1").bind(version).run();

describe("the knowledge base's version in the Worker (workerd + D1)", () => {
  it("is read from D1 once per KB_VERSION_TTL_MS by the isolate's requests, and at once by /health", async () => {
    const imported = await served("/health");
    expect(imported).toMatch(/^kb-[0-9a-f]{16}$/);
    // What a `kb.sql` import does to the served version, without the rest of the import.
    await setVersion("kb-0123456789abcdef");
    try {
      // Within the TTL (60 s in the test bindings) the isolate's other requests reuse what /health just read.
      expect(await served("/bugs/xt-mark-ipv6-typo-2024")).toBe(imported);
      expect(await served("/bugs?q=mark")).toBe(imported);
      expect(await served("/health")).toBe("kb-0123456789abcdef");
      expect(await served("/bugs?q=mark")).toBe("kb-0123456789abcdef");
    } finally {
      await setVersion(imported as string);
      expect(await served("/health")).toBe(imported);
    }
  });
});
