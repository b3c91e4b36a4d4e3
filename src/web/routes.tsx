import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getBug, getKbMeta, type KbMeta, listBugs } from "../db/bug-queries";
import { KbNotLoadedError } from "../db/kb-setup";
import { charBoundary } from "../engine/char-boundary";
import { signatureKey } from "../engine/compile-kb";
import { summarizeDiagnosis } from "../engine/summary";
import type { AppEnv } from "../http/app-env";
import { LIMITS } from "../http/limits";
import { formFields } from "../http/middleware/body-members";
import { problemResponse } from "../http/problem";
import { listBugs as listBugsRoute } from "../http/routes/bugs/bugs.routes";
import { MAX_RECORD_ID, RECORD_ID, typedRecordId } from "../kb/record-id";
import { firstFound, searchSteps, stepFilters, stepNotice } from "../kb/search-steps";
import { currentKb } from "../service/kb-cache";
import { ASSETS } from "./assets";
import { prefersHtml } from "./negotiate";
import { HomePage } from "./pages/home";
import { RecordPage } from "./pages/record";
import { ResultPage } from "./pages/result";
import { SearchPage } from "./pages/search";
import { cacheablePage, page, varyOnAccept } from "./render";

/** Room for the multipart framing around the pasted text; the text itself gets the API's limit. */
export const FORM_OVERHEAD = 16 * 1024;
/** A paste scoped to one record looks deeper than the default ten findings, so that record is found. */
const SCOPED_LIMIT = 100;

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

  // Reloading a result page (or typing the form's address) lands on the form.
  web.get("/check", (c) => c.redirect("/#paste", 303));

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
    (c, next) => {
      const maxSize = maxBytes(c) + FORM_OVERHEAD;
      return bodyLimit({ maxSize, onError: (c) => tooLarge(c, maxBytes(c)) })(c, next);
    },
    formFields,
    async (c) => {
      const max = maxBytes(c);
      // A truncated upload or a wrong boundary does not parse: the sender's fault, said so (review 36a: a 500).
      const form = await c.req.parseBody({ all: true }).catch(() => null);
      if (!form)
        return problemResponse(
          c,
          400,
          "invalid-form",
          "The form does not parse as multipart/form-data or application/x-www-form-urlencoded (a truncated upload, or a boundary that does not match).",
        );
      // A field sent twice (`-F bundle=@a -F bundle=@b`) is two pastes: the last alone would be diagnosed without a word
      // about the first (review 42a F2), so it is refused as POST /diagnose refuses a repeated field.
      const repeated = Object.keys(form).find((name) => Array.isArray(form[name]));
      if (repeated !== undefined)
        return problemResponse(
          c,
          422,
          "invalid-form",
          `The form names ${repeated.length > 40 ? `${repeated.slice(0, 39)}…` : repeated} twice; send one paste as \`bundle\`.`,
        );
      const field = form.bundle;
      // Only the form's own field: another name (curl's `-F logs=@file`) is a wrong form, not an empty paste (review 36a).
      if (field === undefined) {
        // Names cut short: a form's field name can be a whole pasted log (`--data-urlencode @file`) (review 37a).
        const names = Object.keys(form)
          .slice(0, 5)
          .map((n) => (n.length > 40 ? `${n.slice(0, 39)}…` : n))
          .join(", ");
        return problemResponse(
          c,
          422,
          "invalid-form",
          `The form has no \`bundle\` field${names ? ` (it has ${names})` : ""}: the lookup page sends its paste as \`bundle\`; send other fields as JSON to POST /diagnose.`,
        );
      }
      // A file goes to the diagnoser as bytes, read as POST /diagnose reads a body (UTF-16 from PowerShell, and a
      // compressed or binary file refused, not misread as "no known bug": review 36a).
      const bundle = typeof field === "string" ? field : field instanceof File ? new Uint8Array(await field.arrayBuffer()) : "";
      const size = typeof bundle === "string" ? new TextEncoder().encode(bundle).length : bundle.byteLength;
      if (size > max) return tooLarge(c, max);
      if (!size || (typeof bundle === "string" && !bundle.trim()))
        return problemResponse(c, 422, "empty-body", "The paste is empty: paste logs, uname -a output or /etc/os-release into the form.");
      const kb = await currentKb(c.get("store"), undefined, c.get("keepAlive"));
      const scoped = typeof form.record === "string" ? kb.records.find((r) => r.id === form.record) : undefined;
      // The API's own path: the diagnoser (a pool thread on Node, inline on the Worker) with its limits,
      // so an empty or oversized paste is refused with the status POST /diagnose gives.
      const diagnosis = await c.get("diagnoser").diagnose(kb, {
        form: "bundle",
        text: bundle,
        limit: scoped ? SCOPED_LIMIT : undefined,
        focus: scoped?.id,
        ...(typeof bundle === "string" ? {} : { sentAs: { form: false, upload: true } }),
      });
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

function tooLarge(c: Ctx, max: number) {
  return problemResponse(c, 413, "body-too-large", `The body is larger than the limit of ${max} bytes.`);
}

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
  const base = new URLSearchParams(raw);
  base.delete("offset");
  return cacheablePage(
    c,
    kb.version,
    <SearchPage
      kb={kb}
      q={filters.q}
      notice={step && result.total > 0 ? stepNotice(step, result.items) : null}
      total={result.total}
      hits={result.items}
      offset={filters.offset}
      limit={filters.limit}
      base={base}
    />,
  );
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
