import type { Context, MiddlewareHandler } from "hono";
import { KbUnavailableError } from "../db/kb-setup";
import type { AppVariables } from "../http/app-env";
import { readBody } from "../http/body-stream";
import { type TakeTurn, tooManyRequests } from "../http/middleware/rate-limit";
import { notFound } from "../http/on-error";
import { ProblemError, problemResponse, RESTARTING } from "../http/problem";
import type { ChatAnswer, RunDiagnosis } from "./answer";
import type { ChatConfig } from "./chat-config";
import type { ChatDeps } from "./chat-routes";
import type { AuthResult } from "./request-auth";

export type ChatEnv = { Variables: AppVariables & { rawBody: string; chatConfig: ChatConfig } };

/**
 * The app's diagnoser for a chat answer: the same limits and pool as POST /diagnose. `person`: who asked, as the
 * platform's signed payload names them (workspace and user). Every chat request comes from the platform's own servers,
 * so by address a whole incident channel was one client of the pool's fair queue, and its fifth person at once was
 * refused (review 63e F2); each person now waits in their own turn.
 */
export function diagnoserOf(c: { get(key: "diagnoser"): AppVariables["diagnoser"] }, person?: string): RunDiagnosis {
  const diagnoser = c.get("diagnoser");
  return (kb, text) => diagnoser.diagnose(kb, { form: "bundle", text }, person ? { client: `chat:${person}` } : undefined);
}

/** The chat app a person asked through: what it offers them to do differs. */
export type ChatDoor = "slack" | "discord";

/** The refusal of a log whose line breaks were lost (answer.ts), and what each app offers instead (review 65e F6). */
export const LINE_BREAKS_LOST = "line-breaks-lost";
const LINE_BREAKS_REMEDY: Record<ChatDoor, string> = {
  slack:
    "Paste the log as a message and use the message shortcut on it (⋯ More actions → Diagnose with known-bugs), or POST it to /diagnose.",
  discord:
    "Some Discord clients drop a command option's line breaks: paste the log as a message and use Apps → Diagnose on it, or POST it to /diagnose.",
};

/** Longer than a command or a question: a log line, or log lines whose breaks were lost. */
const ONE_LINE_LOG = 120;
/**
 * A slash command's option is one line on some Discord clients, which turn a paste's line breaks into spaces: where such a
 * line matched nothing, the answer says that may be why, and what keeps the breaks (review 66e F1: "no known bug matched"
 * for 39 of the records' own glued examples, with no word of the lost breaks).
 */
export function withOneLineNote(answer: ChatAnswer, text: string, door: ChatDoor): ChatAnswer {
  if (answer.kind !== "diagnosis" || answer.findings.length || text.includes("\n") || text.length < ONE_LINE_LOG) return answer;
  return {
    ...answer,
    notes: [
      ...answer.notes,
      `This arrived as one line: if you pasted several, their line breaks may have been lost. ${LINE_BREAKS_REMEDY[door]}`,
    ],
  };
}

/**
 * What the person in the channel reads when no answer came, and whether it is the server's own failure (logged). The
 * diagnoser's refusals say what to change (input limits), or when to try again (every thread busy, the time budget:
 * review 63e F2, where "could not answer this time" and a logged stack trace met a busy pool).
 */
export function chatFailure(err: unknown, requestId: string, door: ChatDoor): { text: string; ours: boolean } {
  if (err instanceof ProblemError && err.slug === LINE_BREAKS_LOST)
    return { text: `known-bugs could not diagnose this: ${err.message} ${LINE_BREAKS_REMEDY[door]}`, ours: false };
  if (err instanceof ProblemError && err.status < 500) return { text: `known-bugs could not diagnose this: ${err.message}`, ours: false };
  // A restart cut it off: said as such, never as the paste's size or a busy server (review 68e F4).
  if (err instanceof ProblemError && err.slug === RESTARTING) return { text: err.message, ours: false };
  if (err instanceof ProblemError && err.headers?.["Retry-After"])
    return { text: `known-bugs is busy right now: ${err.message}`, ours: false };
  if (err instanceof KbUnavailableError) return { text: err.chatText, ours: false };
  return { text: `known-bugs could not answer this time (request id ${requestId}). Try again, or POST the text to /diagnose.`, ours: true };
}

/**
 * A person's turn for a chat answer (each person counts apart: RATE_LIMIT_PER_MINUTE, or the Workers binding's limit),
 * or what to tell them in the channel when they have had this minute's share. Help, votes and shares are not counted.
 */
export async function personTurn(c: Context<ChatEnv>, turns: TakeTurn, person: string | undefined): Promise<string | null> {
  const turn = await turns(c, `chat:${person ?? "unknown"}`);
  if (turn.ok) return null;
  return `known-bugs has answered you as often this minute as it answers one person; ask again in about ${turn.retryAfter} s.`;
}

/**
 * A platform's routes without its secret: 404 for every method (they do not exist for this deployment),
 * never a 405 that names a method.
 */
export function offWithout(
  config: (env: unknown) => ChatConfig,
  secretOf: (cfg: ChatConfig) => string | undefined,
): MiddlewareHandler<ChatEnv> {
  return async (c, next) => {
    if (secretOf(config(c.env))) return next();
    c.set("routeOff", true);
    return notFound(c);
  };
}

/**
 * The gate of every chat route (behind offWithout): 401 problem+json unless the request is signed by the
 * platform. The raw body, exactly as signed, is kept for the handler. Unsigned requests count against their
 * sender's address (RATE_LIMIT_PER_MINUTE): beyond it, 429 with Retry-After. Signed ones come from the platform's
 * servers, whoever asked, so their answers count by person instead (personTurn).
 */
export function signedBy(
  deps: Pick<ChatDeps, "config" | "turns" | "addressOf">,
  secretOf: (cfg: ChatConfig) => string | undefined,
  verify: (secret: string, c: Context<ChatEnv>, rawBody: string) => Promise<AuthResult>,
  platform: string,
): MiddlewareHandler<ChatEnv> {
  return async (c, next) => {
    const cfg = deps.config(c.env);
    const secret = secretOf(cfg);
    if (!secret) return notFound(c);
    // Bytes, decoded once: the signature covers them exactly (workerd warns on .text() of a form body).
    // A sender gone mid-body is a 499, as on every route that reads one (review 68f F1).
    const rawBody = new TextDecoder().decode(await readBody(c.req.raw));
    const auth = await verify(secret, c, rawBody);
    if (!auth.ok) {
      const turn = await deps.turns(c, `chat-unsigned:${deps.addressOf(c)}`);
      if (!turn.ok) return tooManyRequests(c, turn.retryAfter);
      return problemResponse(c, 401, "bad-signature", `The request is not signed by ${platform} (${auth.reason}).`);
    }
    c.set("rawBody", rawBody);
    c.set("chatConfig", cfg);
    await next();
  };
}
