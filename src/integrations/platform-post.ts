import { OperatorError } from "../http/on-error";

/** The chat platforms an answer is posted to after the acknowledgement. */
export type Platform = "Slack" | "Discord";

/**
 * A platform's refusal of an answer: its HTTP status and its own error code (Slack's `invalid_blocks`, Discord's 50035),
 * never its body, which may quote the answer (review 68e F5: the log said only {"name":"Error"}).
 */
export class PlatformRefusal extends OperatorError {
  override name = "PlatformRefusal";
  constructor(platform: Platform, status: number, code: string | undefined, attempts: number) {
    super(
      `${platform} refused the answer: HTTP ${status}${code ? ` ${code}` : ""}${attempts > 1 ? ` after ${attempts} attempts` : ""}`,
      status,
      code,
    );
  }

  /** Refused for what it holds (a 4xx other than 429): the same answer again would be refused again; a plainer one may not. */
  get refusedContent(): boolean {
    return this.status !== undefined && this.status >= 400 && this.status < 500 && this.status !== 429;
  }
}

/** Tries per answer: the first, then retries of a 429 or a 5xx. */
const ATTEMPTS = 4;
/** Waits between tries on a 5xx (a 429 says its own). */
const BACKOFF_MS = [500, 2_000, 5_000];
/**
 * The whole exchange, tries and waits alike, within this: the Worker keeps `waitUntil` work 30 s after its response, and
 * Node's stop waits for chat posts as long (shutdown.ts); the tokens live far longer (Discord's interaction token 15
 * minutes, Slack's response_url 30). Review 68j F3: the budget counted only the waits, and four slow tries took 45 s.
 */
export const POST_DEADLINE_MS = 20_000;
/** The platform answers a post at once; a hung one must not hold the background task for ever. */
const POST_TIMEOUT_MS = 10_000;
/** A try given less than this is not started: it could not be answered in time. */
const MIN_TRY_MS = 1_000;

/**
 * Posts an answer (JSON) to the platform, again after a 429 (as long as its Retry-After or `retry_after` says) or, for an
 * edit (PATCH, idempotent), a 5xx, a few times within one deadline (review 68e F5: a Discord edit rate-limited, or a Slack
 * post that met a 500, was tried once and the person saw nothing). A Slack POST's 5xx is not tried again: Slack may have
 * posted it already, and a second try would post it twice (68j F3). Throws a PlatformRefusal when it gives up.
 */
export async function postAnswer(platform: Platform, url: string | URL, method: "POST" | "PATCH", payload: unknown): Promise<void> {
  const body = JSON.stringify(payload);
  const deadline = Date.now() + POST_DEADLINE_MS;
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      body,
      signal: AbortSignal.timeout(Math.max(MIN_TRY_MS, Math.min(POST_TIMEOUT_MS, deadline - Date.now()))),
    });
    const text = await res.text().catch(() => "");
    if (res.ok) return;
    const retryable = res.status === 429 || (res.status >= 500 && method === "PATCH");
    const wait = !retryable ? null : res.status === 429 ? retryAfterMs(res, text) : (BACKOFF_MS[attempt - 1] ?? null);
    if (wait === null || attempt >= ATTEMPTS || Date.now() + wait + MIN_TRY_MS > deadline)
      throw new PlatformRefusal(platform, res.status, errorCode(text), attempt);
    await new Promise((r) => setTimeout(r, wait));
  }
}

/** How long a 429 asks to wait: Discord's `retry_after` (seconds, fractional) in its body, else Retry-After, else a second. */
function retryAfterMs(res: Response, body: string): number {
  const fromBody = (parsed(body) as { retry_after?: unknown } | null)?.retry_after;
  if (typeof fromBody === "number" && fromBody >= 0) return Math.ceil(fromBody * 1000);
  const header = res.headers.get("retry-after");
  const seconds = header !== null && /^\d+(?:\.\d+)?$/.test(header.trim()) ? Number(header) : null;
  if (seconds !== null) return Math.ceil(seconds * 1000);
  const date = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(date) ? 1_000 : Math.max(0, date - Date.now());
}

/**
 * The platform's error code, and nothing else of its body: Discord's JSON `code`, Slack's JSON `error` or the word its
 * response_url answers with (`invalid_blocks`, `expired_url`).
 */
function errorCode(body: string): string | undefined {
  const json = parsed(body) as { code?: unknown; error?: unknown } | null;
  const code = json?.code ?? json?.error;
  if (typeof code === "number" || (typeof code === "string" && /^[\w.-]{1,60}$/.test(code))) return String(code);
  const word = body.trim();
  return /^[a-z][a-z0-9_]{1,59}$/.test(word) ? word : undefined;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
