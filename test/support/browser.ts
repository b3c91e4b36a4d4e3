import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import chromium from "@sparticuz/chromium";
import { type Browser, chromium as playwright } from "playwright-core";
import { startTestService, type TestService } from "./test-store";

/** The real Node app on an ephemeral port of 127.0.0.1, over a migrated temp database. */
export async function startHttpService(
  opts: { maxBodyBytes?: number; env?: Record<string, string> } = {},
): Promise<TestService & { origin: string }> {
  const svc = await startTestService(opts);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: svc.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    ...svc,
    origin: `http://127.0.0.1:${port}`,
    cleanup: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await svc.cleanup();
    },
  };
}

/**
 * Headless Chromium from @sparticuz/chromium: the binary ships inside the npm package, so a clean
 * `npm ci` has a browser and nothing is downloaded at test time.
 */
export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--no-first-run",
      "--no-zygote",
    ],
  });
}
