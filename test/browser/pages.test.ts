import axe from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startHttpService } from "../support/browser";
import { SEED_BUNDLE } from "../support/seed-bundle";
import { UNEVEN_FLEET } from "../support/seed-logs";
import type { TestService } from "../support/test-store";

// A real Chromium against the real Node app on an ephemeral port, over a migrated temp database.
const XT = "xt-mark-ipv6-typo-2024";
const maxBodyBytes = 64 * 1024;
let svc: TestService & { origin: string };
let browser: Browser;

beforeAll(async () => {
  [svc, browser] = await Promise.all([startHttpService({ maxBodyBytes }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await svc?.cleanup();
});

async function withPage<T>(
  opts: { js: boolean; dark?: boolean; bypassCSP?: boolean },
  run: (page: Page, ctx: BrowserContext) => Promise<T>,
): Promise<T> {
  const ctx = await browser.newContext({
    javaScriptEnabled: opts.js,
    colorScheme: opts.dark ? "dark" : "light",
    bypassCSP: opts.bypassCSP ?? false,
  });
  try {
    return await run(await ctx.newPage(), ctx);
  } finally {
    await ctx.close();
  }
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

/**
 * Pastes into the page's form and submits it: a form post without JavaScript, in place with it. With
 * JavaScript an error answer appears above the form, which keeps the paste.
 */
async function submitPaste(page: Page, bundle: string, js: boolean, opts: { error?: boolean } = {}): Promise<number> {
  await page.fill("#bundle", bundle);
  if (js) await page.locator("main").evaluate((main) => main.setAttribute("data-before", ""));
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === "/check" && r.request().method() === "POST");
  await page.getByRole("button", { name: "Check" }).click();
  const res = await response;
  // Only the browser's own history may keep a result (Back shows it without posting again), never a shared cache.
  if (res.status() === 200) expect(res.headers()["cache-control"]).toBe("private, max-age=0");
  if (js && opts.error) await page.waitForSelector("[data-answer-error]");
  else if (js) await page.waitForSelector("main:not([data-before])");
  else await page.waitForURL(/\/check(?:\?record=[\w.-]+)?$/);
  await page.waitForLoadState();
  return res.status();
}

describe.each([
  { js: false, name: "without JavaScript" },
  { js: true, name: "with JavaScript" },
])("search → record → paste $name", ({ js }) => {
  it("leads from the misreported commit id to the MARK record and answers the seed bundle there", async () => {
    await withPage({ js }, async (page) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${svc.origin}/`);
      await page.getByRole("searchbox", { name: "Search known bugs" }).fill("862c95d9859f");
      await Promise.all([page.waitForURL(/\/bugs\?q=862c95d9859f/), page.getByRole("button", { name: "Search" }).click()]);
      const hit = page.locator("ol.hits > li").filter({ has: page.locator(`a[href="/bugs/${XT}"]`) });
      expect(await hit.count()).toBe(1);
      expect(((await hit.textContent()) ?? "").replace(/\s+/g, " ")).toMatch(/862c95d9859f: misreported/);

      await Promise.all([page.waitForURL(new RegExp(`/bugs/${XT}$`)), hit.locator(`h2 a[href="/bugs/${XT}"]`).click()]);
      const { bug } = (await (await fetch(`${svc.origin}/bugs/${XT}`)).json()) as { bug: { title: string } };
      expect(await text(page, "h1")).toBe(bug.title);
      expect(await page.locator("svg.timeline").count()).toBeGreaterThan(0);
      expect(await page.locator("details").count()).toBeGreaterThan(0);
      expect(await page.locator("details[open]").count()).toBe(0);
      // Copy buttons are an enhancement: there with JavaScript, absent without.
      expect((await page.locator("button.copy").count()) > 0).toBe(js);

      // A property on the page's global object survives only if the document was never replaced.
      if (js) await page.evaluate("globalThis.sameDocument = true");
      expect(await submitPaste(page, SEED_BUNDLE, js)).toBe(200);
      if (js) {
        expect(await page.evaluate("globalThis.sameDocument")).toBe(true);
        expect(page.url()).toMatch(new RegExp(`/bugs/${XT}$`));
      }
      expect(await text(page, "h1")).toMatch(/known bugs? match/);
      expect(await text(page, ".focus")).toMatch(/Found: ranked \d+ of \d+\. affected/);
      expect(await page.locator("ol.findings > li").first().getAttribute("id")).toBe(`finding-${XT}`);
      const finding = page.locator(`#finding-${XT}`);
      expect(await finding.count()).toBe(1);
      expect(((await finding.textContent()) ?? "").replace(/\s+/g, " ")).toMatch(/verdict affected/);
      const quoted = finding.locator(".evidence li").filter({ hasText: 'unknown option "--xor-mark"' });
      expect(await quoted.count()).toBe(1);
      expect(await quoted.textContent()).toMatch(/^line \d+: /);
      expect(await quoted.locator("mark").textContent()).toContain('unknown option "--xor-mark"');
      // Nothing the pages load is refused by their content security policy, and the script never throws.
      expect(errors).toEqual([]);
    });
  });
});

describe("Back and Forward around a result", () => {
  for (const js of [false, true]) {
    it(`returns to the result from a record opened from it, and to the form from the result (${js ? "with" : "without"} JavaScript)`, async () => {
      await withPage({ js }, async (page) => {
        await page.goto(`${svc.origin}/`);
        expect(await submitPaste(page, SEED_BUNDLE, js)).toBe(200);
        const answer = await text(page, "h1");
        expect(answer).toMatch(/known bugs? match/);
        // Through an in-page link first: its entry changes nothing.
        if (js) {
          await page.locator(`a[href="#finding-${XT}"]`).first().click();
          await page.goBack();
          expect(await text(page, "h1")).toBe(answer);
        }
        await Promise.all([
          page.waitForURL(new RegExp(`/bugs/${XT}$`)),
          page.locator(`#finding-${XT} h3 a, #finding-${XT} > a`).first().click(),
        ]);
        const response = page.waitForEvent("load");
        await page.goBack();
        await response;
        // Not "Confirm Form Resubmission" (an error page without our <h1>): the result, as it was.
        expect(await text(page, "h1")).toBe(answer);
        expect(await page.locator(`#finding-${XT}`).count()).toBe(1);
        if (js) {
          await page.goBack();
          await page.waitForSelector("#bundle");
          expect(await text(page, "h1")).toBe("Which known bug is this?");
          // The paste is still there after the record's round trip: the next finding is one Check away.
          expect(await page.inputValue("#bundle")).toBe(SEED_BUNDLE);
          await page.goForward();
          await page.waitForSelector(`#finding-${XT}`);
          expect(await text(page, "h1")).toBe(answer);
        }
      });
    });
  }

  it("keeps the paste in the form when Back leaves an answer given in place", async () => {
    await withPage({ js: true }, async (page) => {
      await page.goto(`${svc.origin}/`);
      expect(await submitPaste(page, SEED_BUNDLE, true)).toBe(200);
      await page.goBack();
      await page.waitForSelector("#bundle");
      expect(await page.inputValue("#bundle")).toBe(SEED_BUNDLE);
      expect(page.url()).toBe(`${svc.origin}/`);
      // A reload there (after a 503 or a 429, at 2 a.m.) keeps it too: the entry holds it (review 64d F4).
      await page.reload();
      await page.waitForSelector("#bundle");
      expect(await page.inputValue("#bundle")).toBe(SEED_BUNDLE);
    });
  });
});

describe("links and errors after an answer given in place", () => {
  it("opens the page a link names, not the answer kept in the history entry of the same URL (review 65d F2)", async () => {
    await withPage({ js: true }, async (page) => {
      await page.goto(`${svc.origin}/`);
      expect(await submitPaste(page, SEED_BUNDLE, true)).toBe(200);
      expect(await text(page, "h1")).toMatch(/known bugs? match/);
      // The site's home link is the answer's own URL: it opens the home page, with its search box.
      await Promise.all([page.waitForEvent("load"), page.locator('header a[href="/"]').first().click()]);
      await page.waitForSelector("#bundle");
      expect(await text(page, "h1")).toBe("Which known bug is this?");
      // A record page's own link, after an answer given there, opens the record.
      await page.goto(`${svc.origin}/bugs/${XT}`);
      expect(await submitPaste(page, SEED_BUNDLE, true)).toBe(200);
      await Promise.all([page.waitForEvent("load"), page.locator(`#finding-${XT} h3 a`).first().click()]);
      await page.waitForSelector("#signatures");
      expect(page.url()).toBe(`${svc.origin}/bugs/${XT}`);
      expect(await page.locator(`#finding-${XT}`).count()).toBe(0);
    });
  });

  it("drops an error box once a check succeeds, so Back does not show it again (review 65d F5)", async () => {
    await withPage({ js: true }, async (page) => {
      let fail = true;
      await page.route("**/check", async (route) => (fail ? route.abort() : route.continue()));
      await page.goto(`${svc.origin}/`);
      await page.fill("#bundle", SEED_BUNDLE);
      await page.getByRole("button", { name: "Check" }).click();
      await page.waitForSelector("[data-answer-error]");
      fail = false;
      await page.getByRole("button", { name: "Check" }).click();
      await page.waitForSelector(`#finding-${XT}`);
      await page.goBack();
      await page.waitForSelector("#bundle");
      expect(await page.locator("[data-answer-error]").count()).toBe(0);
      expect(await page.inputValue("#bundle")).toBe(SEED_BUNDLE);
    });
  });
});

describe("an error answering the form under an answer (review 66d F7)", () => {
  it("says the answer above is the previous paste's, in the box and the tab's title, until a check succeeds", async () => {
    await withPage({ js: true }, async (page) => {
      let fail = true;
      await page.route("**/check", async (route) => (fail ? route.abort() : route.continue()));
      await page.goto(`${svc.origin}/`);
      // On the home page there is no answer to speak of.
      await page.fill("#bundle", "my first paste");
      await page.getByRole("button", { name: "Check" }).click();
      await page.waitForSelector("[data-answer-error]");
      expect(await text(page, "[data-answer-error]")).not.toContain("previous paste");
      expect(await page.title()).toBe("The service could not be reached · known-bugs");
      fail = false;
      expect(await submitPaste(page, SEED_BUNDLE, true)).toBe(200);
      const answered = await page.title();
      expect(answered).not.toContain("could not be reached");
      fail = true;
      await page.fill("#bundle", UNEVEN_FLEET);
      await page.getByRole("button", { name: "Check" }).click();
      await page.waitForSelector("[data-answer-error]");
      expect(await text(page, "[data-answer-error]")).toContain("The answer above is for your previous paste, not this one.");
      expect(await page.title()).toBe("The service could not be reached · known-bugs");
      fail = false;
      expect(await submitPaste(page, UNEVEN_FLEET, true)).toBe(200);
      expect(await page.locator("[data-answer-error]").count()).toBe(0);
      expect(await page.title()).not.toContain("could not be reached");
      // Back to the first answer: its title, not the error's.
      await page.goBack();
      await page.waitForSelector(`#finding-${XT}`);
      expect(await page.title()).toBe(answered);
    });
  });
});

describe("a second check while the first is pending", () => {
  it("shows only the last paste's answer, however late the first one comes (review 63d F1)", async () => {
    await withPage({ js: true }, async (page) => {
      const ES = "elasticsearch-vm-max-map-count-too-low";
      // The first post is held back, so that its answer would arrive well after the second's.
      let posts = 0;
      await page.route("**/check", async (route) => {
        if (++posts === 1) await new Promise((r) => setTimeout(r, 2500));
        await route.continue().catch(() => {}); // the page has cancelled it
      });
      await page.goto(`${svc.origin}/`);
      await page.fill("#bundle", "[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]");
      await page.getByRole("button", { name: "Check" }).click();
      await page.fill("#bundle", SEED_BUNDLE);
      await page.getByRole("button", { name: "Check" }).click();
      await page.waitForSelector(`#finding-${XT}`);
      await page.waitForTimeout(4000);
      expect(posts).toBe(2);
      expect(await page.locator(`#finding-${XT}`).count()).toBe(1);
      expect(await page.locator(`#finding-${ES}`).count()).toBe(0);
      // The same text alone is that other bug's answer: the check above could tell them apart.
      await page.unroute("**/check");
      await page.goto(`${svc.origin}/`);
      await submitPaste(page, "[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]", true);
      expect(await page.locator(`#finding-${ES}`).count()).toBe(1);
    });
  });
});

describe("history while a check is pending, and after several checks (review 66d)", () => {
  const ES_LINE = "[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]";
  const ES = "elasticsearch-vm-max-map-count-too-low";

  it("drops a check left with Back: its late answer never lands on the form the person went back to (F1)", async () => {
    await withPage({ js: true }, async (page) => {
      await page.goto(`${svc.origin}/`);
      expect(await submitPaste(page, SEED_BUNDLE, true)).toBe(200);
      let held = false;
      await page.route("**/check", async (route) => {
        held = true;
        await new Promise((r) => setTimeout(r, 2500));
        await route.continue().catch(() => {}); // the page has cancelled it
      });
      await page.fill("#bundle", ES_LINE);
      await page.getByRole("button", { name: "Check" }).click();
      await expect.poll(() => held).toBe(true);
      await page.goBack();
      await page.waitForSelector("#bundle");
      await page.waitForTimeout(4000);
      // Still the form of the first paste, not the second paste's answer on it.
      expect(await text(page, "h1")).toBe("Which known bug is this?");
      expect(await page.inputValue("#bundle")).toBe(SEED_BUNDLE);
      expect(await page.locator(`#finding-${ES}`).count()).toBe(0);
      expect(await page.locator("[aria-busy], [data-busy]").count()).toBe(0);
    });
  });

  it("says Checking… in a status region no aria-busy ancestor holds back, while the check is pending (review 68d F5)", async () => {
    await withPage({ js: true }, async (page) => {
      await page.goto(`${svc.origin}/`);
      let release = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      await page.route("**/check", async (route) => {
        await held;
        await route.continue();
      });
      await page.fill("#bundle", ES_LINE);
      await page.getByRole("button", { name: "Check" }).click();
      await page.locator("[role=status]", { hasText: "Checking…" }).waitFor();
      expect(await page.locator("[aria-busy=true]").count()).toBe(0);
      release();
      await page.waitForSelector(`#finding-${ES}`);
      expect(await page.locator("[data-busy]").count()).toBe(0);
    });
  });

  it("keeps each answer and each paste: two checks, a record, then Back three times (F2)", async () => {
    await withPage({ js: true }, async (page) => {
      await page.goto(`${svc.origin}/`);
      expect(await submitPaste(page, SEED_BUNDLE, true)).toBe(200);
      expect(await submitPaste(page, ES_LINE, true)).toBe(200);
      await Promise.all([page.waitForEvent("load"), page.locator(`#finding-${ES} h3 a`).first().click()]);
      await page.waitForSelector("#signatures");
      for (const [want, finding] of [
        [ES, true],
        [XT, true],
      ] as const) {
        await page.goBack();
        await page.waitForSelector(`#finding-${want}`);
        expect(await page.locator(`#finding-${want}`).count(), want).toBe(finding ? 1 : 0);
      }
      await page.goBack();
      await page.waitForSelector("#bundle");
      expect(await text(page, "h1")).toBe("Which known bug is this?");
      expect(await page.inputValue("#bundle")).toBe(SEED_BUNDLE);
    });
  });

  it("heads a finding's workarounds beside its fix, under the finding's title (F6: an h3 read as one more finding)", async () => {
    await withPage({ js: false }, async (page) => {
      await page.goto(`${svc.origin}/`);
      expect(await submitPaste(page, SEED_BUNDLE, false)).toBe(200);
      const levels = (await page.evaluate(
        `[...document.querySelectorAll("[id^=finding-] h3, [id^=finding-] h4")].filter((h) => /^(Fix|Workarounds)$/.test(h.textContent.trim())).map((h) => h.tagName)`,
      )) as string[];
      expect(levels.length).toBeGreaterThan(1);
      expect(new Set(levels)).toEqual(new Set(["H4"]));
    });
  });

  it("shows the answer again after a reload on an in-page link's entry (F3)", async () => {
    await withPage({ js: true }, async (page) => {
      await page.goto(`${svc.origin}/`);
      expect(await submitPaste(page, SEED_BUNDLE, true)).toBe(200);
      await page.locator(`a[href="#finding-${XT}"]`).first().click();
      await page.waitForURL(new RegExp(`#finding-${XT}$`));
      await page.reload();
      await page.waitForSelector(`#finding-${XT}`);
      expect(await text(page, "h1")).toMatch(/known bugs? match/);
    });
  });
});

describe("copy buttons (review 67g F6)", () => {
  it("name what each copies and say the outcome where a screen reader hears it", async () => {
    await withPage({ js: true }, async (page, ctx) => {
      await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: svc.origin });
      await page.goto(`${svc.origin}/bugs/${XT}`);
      const names = await page.locator("button.copy").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label") ?? ""));
      expect(names.length).toBeGreaterThan(1);
      // Not one name for them all: each says what it copies.
      expect(new Set(names).size).toBeGreaterThan(names.length / 2);
      expect(names[0]).toMatch(/^Copy \w+: \S/);
      // Each name says the copied element's own text, its spaces collapsed (review 68d F3: a lost backslash made the
      // script collapse runs of "s", and "apt install" was read as "apt in tall").
      const pairs = await page
        .locator("button.copy")
        .evaluateAll((bs) => bs.map((b) => [b.getAttribute("aria-label") ?? "", b.previousElementSibling?.textContent ?? ""]));
      for (const [name, copied] of pairs) {
        const said = copied.replace(/\s+/g, " ").trim();
        const shown = said.length > 60 ? `${said.slice(0, 59)}…` : said;
        expect(name.replace(/^Copy \w+: /, ""), copied).toBe(shown);
      }
      expect(pairs.some(([, copied]) => /s/.test(copied))).toBe(true);
      await page.locator("button.copy").first().click();
      await page.locator("[data-announce]", { hasText: "Copied" }).waitFor({ state: "attached" });
      expect(await page.locator("[data-announce]").getAttribute("aria-live")).toBe("polite");
    });
  });
});

describe("small screens", () => {
  it("shows every record page without scrolling sideways at 360 px, and the widest at 1280 px", async () => {
    const ids: string[] = [];
    for (let offset = 0, total = 1; offset < total; offset += 200) {
      const list = (await (await fetch(`${svc.origin}/bugs?limit=200&offset=${offset}`)).json()) as {
        total: number;
        items: { id: string }[];
      };
      total = list.total;
      ids.push(...list.items.map((i) => i.id));
    }
    expect(ids.length).toBeGreaterThan(100);
    const ctx = await browser.newContext({ javaScriptEnabled: true, viewport: { width: 360, height: 740 } });
    try {
      const page = await ctx.newPage();
      const wide: string[] = [];
      // Every record on a phone; on a desktop the ones once wider than the screen.
      const desktop = ["kubernetes-1.22-beta-apis-removed", "cri-memsw-limit-without-swap-accounting", "nf-conntrack-table-full"];
      for (const [width, list] of [
        [360, ids],
        [1280, desktop],
      ] as const) {
        await page.setViewportSize({ width, height: 800 });
        for (const id of list) {
          await page.goto(`${svc.origin}/bugs/${id}`);
          const overflow = (await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")) as number;
          if (overflow > 0) wide.push(`${id} at ${width}px: ${overflow}px too wide`);
        }
      }
      expect(wide).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 180_000);
});

describe("tables of versions", () => {
  it("never break a version, id or column heading inside, on a phone or a desktop (review 63d F2)", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await ctx.newPage();
      const broken: string[] = [];
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        for (const id of [XT, "docker-29-minimum-api-1.44-old-clients", "debian-6.1.64-ext4-dio-corruption"]) {
          await page.goto(`${svc.origin}/bugs/${id}`);
          // The lines a token's text takes: a version or id takes one; a heading breaks only between its words.
          const cells = (await page.evaluate(`[...document.querySelectorAll("table th, table td code:not([data-copy])")].map((el) => {
            const lines = (node) => { const r = document.createRange(); r.selectNodeContents(node); return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size; };
            const words = [...el.childNodes].every((n) => n.nodeType !== 3) ? [] : el.textContent.trim().split(/\\s+/);
            let broken = false;
            if (el.tagName === "CODE") broken = lines(el) > 1;
            else if (words.length === 1) broken = lines(el) > 1;
            return { text: el.textContent, broken };
          })`)) as { text: string; broken: boolean }[];
          expect(cells.length, id).toBeGreaterThan(3);
          for (const c of cells) if (c.broken) broken.push(`${id} at ${width}px: ${c.text}`);
        }
      }
      expect(broken).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 60_000);

  it("keep a node's kernel and its bugs' ids on one line at 360 px, the table scrolling instead (review 66d F4)", async () => {
    await withPage({ js: false }, async (page) => {
      await page.setViewportSize({ width: 360, height: 800 });
      await page.goto(`${svc.origin}/`);
      expect(await submitPaste(page, `$ kubectl get nodes -o wide\n${UNEVEN_FLEET}\n${SEED_BUNDLE}`, false)).toBe(200);
      const cells =
        (await page.evaluate(`[...document.querySelectorAll("#nodes-h ~ * td.tokens, section td.tokens")].filter((td) => td.textContent.trim()).map((td) => {
        const r = document.createRange(); r.selectNodeContents(td);
        return { text: td.textContent.trim(), lines: new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size };
      })`)) as { text: string; lines: number }[];
      expect(cells.some((c) => /5\.15\.0-12\d-generic/.test(c.text))).toBe(true);
      expect(cells.filter((c) => c.lines > 1)).toEqual([]);
    });
  });
});

describe("a page seen again", () => {
  it("keeps its stylesheet and script after a reload and a second visit answered 304", async () => {
    await withPage({ js: true }, async (page) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      const revalidated: string[] = [];
      page.on("request", async (r) => {
        if (r.url() === `${svc.origin}/bugs/${XT}` && (await r.allHeaders())["if-none-match"]) revalidated.push(r.url());
      });
      const styled = () => page.evaluate(`getComputedStyle(document.body).margin === "0px"`);
      await page.goto(`${svc.origin}/bugs/${XT}`);
      expect(await styled()).toBe(true);
      await page.reload();
      await page.goto(`${svc.origin}/`);
      await page.goto(`${svc.origin}/bugs/${XT}`);
      expect(revalidated.length).toBeGreaterThan(0);
      // Styled, and the script ran (it adds the copy buttons).
      expect(await styled()).toBe(true);
      expect(await page.locator("button.copy").count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    });
  });
});

describe("errors in the browser", () => {
  it("shows an unknown record as a 404 page with a search box that works", async () => {
    await withPage({ js: false }, async (page) => {
      const res = await page.goto(`${svc.origin}/bugs/no-such-bug`);
      expect(res?.status()).toBe(404);
      expect(await text(page, "h1")).toBe("Not found");
      const search = page.getByRole("search", { name: "Search known bugs" });
      await search.getByRole("searchbox").fill("--xor-mark");
      await Promise.all([page.waitForURL(/\/bugs\?q=--xor-mark/), search.getByRole("button").click()]);
      expect(await page.locator(`a[href="/bugs/${XT}"]`).count()).toBeGreaterThan(0);
    });
  });

  for (const js of [false, true]) {
    it(`shows an oversized paste as a 413 page in words (${js ? "with" : "without"} JavaScript)`, async () => {
      await withPage({ js }, async (page) => {
        await page.goto(`${svc.origin}/`);
        const big = "x".repeat(maxBodyBytes + 1);
        expect(await submitPaste(page, big, js, { error: true })).toBe(413);
        if (js) {
          // In place, above the form that still holds the paste.
          expect(await text(page, "[data-answer-error] h2")).toBe("Your paste is too large");
          expect(await text(page, "[data-answer-error]")).toContain("larger than the limit of 64 KB");
          expect(await page.inputValue("#bundle")).toBe(big);
        } else {
          expect(await text(page, "h1")).toBe("Your paste is too large");
          expect(await text(page, "main")).toContain("larger than the limit of 64 KB");
          expect(await page.locator('main a[href="/#paste"]').count()).toBe(1);
        }
        // The limit said once, in the units the form gives.
        expect(await text(page, "main")).not.toMatch(/\d{5,} bytes|The limit is/);
      });
    });
  }

  for (const js of [false, true]) {
    it(`shows the rate limit as a page with the wait, never posting again (${js ? "with" : "without"} JavaScript)`, async () => {
      const limited = await startHttpService({ maxBodyBytes, env: { RATE_LIMIT_PER_MINUTE: "1" } });
      try {
        await withPage({ js }, async (page) => {
          let posts = 0;
          page.on("request", (r) => {
            if (new URL(r.url()).pathname === "/check" && r.method() === "POST") posts++;
          });
          await page.goto(`${limited.origin}/`);
          expect(await submitPaste(page, "5.15.0-127-generic", js)).toBe(200);
          await page.goto(`${limited.origin}/`);
          expect(await submitPaste(page, "my second paste", js, { error: true })).toBe(429);
          expect(posts).toBe(2);
          if (js) {
            expect(await text(page, "[data-answer-error] h2")).toBe("Too many requests");
            expect(await text(page, "[data-answer-error]")).toMatch(/Wait (\d+ seconds|a minute)/);
            expect(await page.inputValue("#bundle")).toBe("my second paste");
          } else {
            expect(await text(page, "h1")).toBe("Too many requests");
            expect(await text(page, "main")).toMatch(/Wait (\d+ seconds|a minute)/);
          }
          // Nothing was posted behind the person's back.
          await page.waitForTimeout(300);
          expect(posts).toBe(2);
        });
      } finally {
        await limited.cleanup();
      }
    });
  }
});

describe("accessibility (axe-core)", () => {
  const pages: Array<{ name: string; open: (page: Page) => Promise<unknown> }> = [
    { name: "home", open: (p) => p.goto(`${svc.origin}/`) },
    { name: "search", open: (p) => p.goto(`${svc.origin}/bugs?q=--xor-mark`) },
    { name: "record", open: (p) => p.goto(`${svc.origin}/bugs/${XT}`) },
    {
      name: "result",
      open: async (p) => {
        await p.goto(`${svc.origin}/`);
        await submitPaste(p, SEED_BUNDLE, true);
      },
    },
    { name: "404", open: (p) => p.goto(`${svc.origin}/bugs/no-such-bug`) },
    {
      name: "413",
      open: async (p) => {
        await p.goto(`${svc.origin}/`);
        await submitPaste(p, "x".repeat(maxBodyBytes + 1), true, { error: true });
      },
    },
  ];
  for (const { name, open } of pages) {
    it(`finds no serious or critical violations on the ${name} page, light and dark`, async () => {
      for (const dark of [false, true]) {
        // axe is injected as an inline script, which the pages' own policy rightly refuses.
        await withPage({ js: true, dark, bypassCSP: true }, async (page) => {
          await open(page);
          await page.addScriptTag({ content: axe.source });
          const violations = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) =>
            r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) })))`)) as Array<{
            id: string;
            impact: string | null;
            nodes: string[];
          }>;
          const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
          expect(bad, `${name} ${dark ? "dark" : "light"}`).toEqual([]);
        });
      }
    });
  }
});

describe("weight", () => {
  it("keeps the home page under 150 KB with everything it loads, all from the app itself", async () => {
    await withPage({ js: true }, async (page) => {
      const pending: Array<Promise<{ url: string; bytes: number }>> = [];
      page.on("response", (r) => {
        pending.push(r.body().then((b) => ({ url: r.url(), bytes: b.length })));
      });
      await page.goto(`${svc.origin}/`, { waitUntil: "networkidle" });
      const sizes = await Promise.all(pending);
      const total = sizes.reduce((n, s) => n + s.bytes, 0);
      console.log(`home page weight: ${total} bytes in ${sizes.length} responses`);
      expect(sizes.length).toBeGreaterThanOrEqual(3);
      expect(sizes.every((s) => s.url.startsWith(svc.origin))).toBe(true);
      expect(total).toBeLessThan(150 * 1024);
    });
  });
});
