import { type Context, Hono } from "hono";
import { getBug, getKbMeta, type KbMeta, listBugs } from "../db/bug-queries";
import { KbNotLoadedError } from "../db/kb-setup";
import { charBoundary } from "../engine/char-boundary";
import { signatureKey } from "../engine/compile-kb";
import { summarizeDiagnosis } from "../engine/summary";
import type { AppEnv } from "../http/app-env";
import { LIMITS } from "../http/limits";
import { ProblemError, problemResponse } from "../http/problem";
import { listBugs as listBugsRoute } from "../http/routes/bugs/bugs.routes";
import { MAX_RECORD_ID, RECORD_ID, typedRecordId } from "../kb/record-id";
import { firstFound, readsAsLogLine, searchSteps, stepFilters, stepNotice } from "../kb/search-steps";
import { currentKb } from "../service/kb-cache";
import { ASSETS } from "./assets";
import { prefersHtml } from "./negotiate";
import { HomePage } from "./pages/home";
import { RecordPage } from "./pages/record";
import { ResultPage } from "./pages/result";
import { SearchPage, type SignedHit } from "./pages/search";
import { cacheablePage, page, varyOnAccept } from "./render";

/**
 * The pages for people, in the same app and from the same database and engine as the API. GET /bugs
 * and /bugs/:id answer a browser with a page and pass everyone else on to the JSON routes. A request
 * the API would refuse (a bad query, a malformed or unknown id) is passed on too, so the browser gets
 * the API's own status and words, as a page (see html-errors.tsx).
 */
export function webRoutes() {
  const web = new Hono<AppEnv>();

  for (const asset of Object.values(ASSETS)) {
    web.get(asset.path, (c) =>
      c.body(asset.body, 200, { "Content-Type": asset.type, "Cache-Control": "public, max-age=31536000, immutable" }),
    );
  }

  web.get("/", async (c) => {
    const kb = await getKbMeta(c.get("store"));
    // The service's own address when configured; else the Host the client reached, never an absolute
    // request-target's (a cache keyed on Host would keep a crafted one for everyone).
    const url = new URL(c.req.url);
    const origin = c.get("settings").PUBLIC_URL ?? `${url.protocol}//${c.req.header("host") ?? url.host}`;
    return cacheablePage(c, kb?.version ?? null, <HomePage kb={kb} origin={origin} maxBytes={maxBytes(c)} />);
  });

  web.use("/bugs", async (c, next) => {
    const res = isRead(c.req.method) && prefersHtml(c) ? await searchPage(c) : null;
    if (res) c.res = res;
    else await next();
    varyOnAccept(c.res);
  });

  web.use("/bugs/:id", async (c, next) => {
    const res = isRead(c.req.method) && prefersHtml(c) ? await recordPage(c, c.req.param("id"), maxBytes(c)) : null;
    if (res) c.res = res;
    else await next();
    varyOnAccept(c.res);
  });

  // Reloading a result page (or typing the form's address) lands on the form: a record's own, where the form was a
  // record's (review 67g F7: a shared `/check?record=<id>` lost its record), else the home page's.
  web.get("/check", async (c) => {
    const id = typedRecordId(c.req.query("record") ?? "");
    const record = id ? await getBug(c.get("store"), id) : null;
    return c.redirect(record ? `/bugs/${record.id}#check` : "/#paste", 303);
  });

  web.post(
    "/check",
    // The page's form only: JSON or a raw log sent here would read as no field at all ("the body is empty").
    async (c, next) => {
      if (!FORM_TYPE.test(c.req.header("content-type") ?? ""))
        return problemResponse(
          c,
          415,
          "unsupported-media-type",
          "POST /check takes the lookup page's form (multipart/form-data or application/x-www-form-urlencoded, field `bundle`); send JSON or plain text to POST /diagnose.",
        );
      await next();
    },
    async (c) => {
      const max = maxBytes(c);
      const bytes = await c.get("bodyBytes")();
      const kb = await currentKb(c.get("store"), undefined, c.get("keepAlive"));
      // The API's own path: the diagnoser (a pool thread on Node, inline on the Worker) reads the form there, off the
      // event loop, and diagnoses its paste with the limits POST /diagnose has, refusing what it refuses.
      const diagnosis = await c
        .get("diagnoser")
        .diagnose(kb, { form: "page", bytes, contentType: c.req.header("content-type") ?? "", maxBytes: max });
      const focus = diagnosis.focus?.id;
      const scoped = focus === undefined ? undefined : kb.records.find((r) => r.id === focus);
      const summary = summarizeDiagnosis(
        diagnosis,
        Number.POSITIVE_INFINITY,
        (id, sig) => kb.signatures.get(signatureKey(id, sig))?.signature,
      );
      // Kept by the browser's own history, so Back to the result shows it without posting the paste again;
      // `private`: never by a shared cache or proxy, and never reused for another request.
      c.header("Cache-Control", RESULT_CACHE_CONTROL);
      c.header("X-KB-Version", kb.version);
      const meta: KbMeta = { version: kb.version, recordCount: kb.records.length, importedAt: "" };
      return page(c, <ResultPage kb={meta} summary={summary} focus={scoped && { id: scoped.id, title: scoped.title }} maxBytes={max} />);
    },
  );

  return web;
}

/** The result page (see README "The lookup page"): the browser's history may keep it, nothing else may. */
export const RESULT_CACHE_CONTROL = "private, max-age=0";

const FORM_TYPE = /^\s*(?:multipart\/form-data|application\/x-www-form-urlencoded)\s*(?:;|$)/i;

const isRead = (method: string) => method === "GET" || method === "HEAD";
const maxBytes = (c: Ctx) => c.get("settings").MAX_BODY_BYTES;

type Ctx = Context<AppEnv>;

/** The search page, or null when the API should answer (it refuses the query). */
async function searchPage(c: Ctx): Promise<Response | null> {
  // An empty search box means "everything", not an error; keys the search does not know (utm_source and
  // other tracking added to a shared link) are ignored, as record pages ignore them. The JSON API stays strict.
  const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([k, v]) => SEARCH_KEYS.has(k) && !(k === "q" && !v.trim())));
  // The API route's own query contract, so the page accepts exactly what GET /bugs accepts.
  const parsed = listBugsRoute.request.query.safeParse(raw);
  if (!parsed.success) return null;
  const filters = parsed.data;
  const store = c.get("store");
  const kb = c.get("kbMeta");
  if (!kb) throw new KbNotLoadedError(store.kind);
  // A sentence naming an id, or a pasted error line with words no record holds: the ids it names, else the
  // records holding some of its words, rather than nothing; the page says which.
  const { step, found: result } =
    filters.q === undefined
      ? { step: null, found: await listBugs(store, filters) }
      : await firstFound(searchSteps(filters.q, filters.match), (s) => listBugs(store, { ...filters, ...stepFilters(s) }));
  // A pasted log line goes through the engine's signatures too, as a one-line POST /diagnose does (review 68d F1: the words
  // of a Go error chain found a record quoting another chain; the line's own signature names its record). First page only.
  const signed = filters.q !== undefined && filters.offset === 0 && readsAsLogLine(filters.q) ? await signatureHits(c, filters.q) : [];
  const base = new URLSearchParams(raw);
  base.delete("offset");
  return cacheablePage(
    c,
    kb.version,
    <SearchPage
      kb={kb}
      q={filters.q}
      signed={signed}
      notice={step && result.total > 0 ? stepNotice(step, result.items, result.searched) : null}
      total={result.total}
      hits={result.items}
      offset={filters.offset}
      limit={filters.limit}
      base={base}
    />,
  );
}

/**
 * The records whose signature matches the searched line, best first, each with the signature: the findings of the line's
 * diagnosis that rest on a signature's match (not one resembling it). A refused or busy diagnosis leaves the search as it
 * was: words only.
 */
async function signatureHits(c: Ctx, line: string): Promise<SignedHit[]> {
  try {
    const kb = await currentKb(c.get("store"), undefined, c.get("keepAlive"));
    const diagnosis = await c.get("diagnoser").diagnose(kb, { form: "bundle", text: line });
    const records = new Map(kb.records.map((r) => [r.id, r]));
    return diagnosis.findings.flatMap((f) => {
      const matched = f.evidence.find((e) => e.kind === "log" && !e.approximate);
      const record = records.get(f.id);
      return matched?.kind === "log" && record
        ? [{ id: record.id, title: record.title, components: [...record.components], signature: matched.signature }]
        : [];
    });
  } catch (err) {
    if (err instanceof ProblemError) return [];
    throw err;
  }
}

const SEARCH_KEYS = new Set(Object.keys(listBugsRoute.request.query.shape));
/** Half of a surrogate pair with no other half: no character, and `encodeURIComponent` throws on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The record page; else somewhere useful: the record of an id in other case (301), a search for what
 * is not a record id or is another id of a record (a CVE, an issue: 302); null when the API should
 * answer (an unknown id: a 404 page with the id's words in a search box).
 */
async function recordPage(c: Ctx, id: string, maxBytes: number): Promise<Response | null> {
  const kb = c.get("kbMeta");
  if (!kb) throw new KbNotLoadedError(c.get("store").kind);
  const store = c.get("store");
  const bug = await getBug(store, id);
  if (bug) return cacheablePage(c, kb.version, <RecordPage kb={kb} bug={bug} maxBytes={maxBytes} />);
  const lower = typedRecordId(id);
  if (lower && lower !== id && (await getBug(store, lower))) return c.redirect(`/bugs/${lower}`, 301);
  const trimmed = id.trim();
  const words = trimmed.slice(0, charBoundary(trimmed, LIMITS.queryChars)).replace(LONE_SURROGATE, "");
  if (!words) return c.redirect("/bugs", 302);
  const alias = async () => (await listBugs(store, { alias: words, limit: 1, offset: 0 })).total > 0;
  if (!RECORD_ID.test(id) || id.length > MAX_RECORD_ID || (await alias())) return c.redirect(`/bugs?q=${encodeURIComponent(words)}`, 302);
  return null;
}
