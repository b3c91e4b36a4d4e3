// Takes the README's screenshot of the result page with the test browser: `npm run screenshot`.
import { writeFile } from "node:fs/promises";
import { launchBrowser, startHttpService } from "../support/browser";
import { SEED_BUNDLE } from "../support/seed-bundle";

const out = process.argv[2] ?? "docs/result-page.png";
const svc = await startHttpService();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 }, colorScheme: "light" });
  await page.goto(`${svc.origin}/`);
  await page.fill("textarea[name=bundle]", SEED_BUNDLE);
  await Promise.all([page.waitForSelector("ol.findings"), page.click("form[action='/check'] button[type=submit]")]);
  await writeFile(out, await page.screenshot({ fullPage: false }));
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await svc.cleanup();
}
