import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_ACCEPT, pageContract, visibleText } from "../support/page-contract";
import { startTestService, type TestService } from "../support/test-store";

const maxBodyBytes = 64 * 1024;
let service: TestService;
beforeAll(async () => {
  service = await startTestService({ maxBodyBytes });
});
afterAll(() => service.cleanup());

describe("pages on Node (libSQL file)", () => {
  pageContract((path, init) => Promise.resolve(service.app.request(path, init)), { maxBodyBytes });

  it("calls a full diagnosis queue busy, with the wait, not an outage (review 65d F5)", { timeout: 60_000 }, async () => {
    // One diagnosis thread held by a script's bundle, one waiting: the page's check is refused for now (Node's pool).
    const threadModule = new URL("../support/spin-thread.mjs", import.meta.url);
    const busy = await startTestService({ pool: { threads: 1, maxQueue: 1, threadModule } });
    try {
      const spin = () => busy.app.request("/diagnose", { method: "POST", headers: { "content-type": "text/plain" }, body: "spin:3000" });
      const held = [spin(), spin()];
      await new Promise((r) => setTimeout(r, 300));
      const form = new FormData();
      form.set("bundle", 'kube-proxy: unknown option "--xor-mark"');
      const res = await busy.app.request("/check", { method: "POST", headers: { accept: BROWSER_ACCEPT }, body: form });
      expect(res.status).toBe(503);
      const text = visibleText(await res.text());
      expect(text).toMatch(/The service is busy/);
      expect(text).not.toMatch(/not ready/);
      expect(text).toMatch(/Wait (?:a second|\d+ seconds|a minute), then check again: the form keeps your paste/);
      await Promise.all(held);
    } finally {
      await busy.cleanup();
    }
  });
});
