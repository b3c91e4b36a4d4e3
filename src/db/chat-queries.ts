import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Store } from "./create-db";
import { chatAnswers, chatEvents, feedbackVotes } from "./schema";

export type ChatPlatform = "slack" | "discord";

export interface FeedbackVote {
  kbVersion: string;
  findingId: string;
  verdict: string;
  vote: "right" | "wrong";
  platform: ChatPlatform;
  /** Who votes on which answer, as voterKey() hashes it: a later vote of theirs replaces this one. */
  voter?: string;
}

export async function recordFeedback(store: Store, vote: FeedbackVote, now = new Date()): Promise<void> {
  const row = { ...vote, createdAt: now.toISOString() };
  if (!vote.voter) await store.db.insert(feedbackVotes).values(row);
  else
    await store.db
      .insert(feedbackVotes)
      .values(row)
      .onConflictDoUpdate({ target: feedbackVotes.voter, set: { vote: row.vote, verdict: row.verdict, createdAt: row.createdAt } });
}

/**
 * The key of one person's vote on one finding, with its verdict, of one knowledge-base version: a SHA-256 that names no one
 * outright. Not the message its buttons sit on: an answer shared in the channel is a new message with the same buttons,
 * and a vote on both counted twice (review 65e F5). Null when the platform did not say who clicked.
 */
export async function voterKey(
  platform: ChatPlatform,
  workspace: string | undefined,
  user: string | undefined,
  ref: Pick<FeedbackVote, "kbVersion" | "findingId" | "verdict">,
): Promise<string | undefined> {
  if (!user) return undefined;
  const bytes = new TextEncoder().encode([platform, workspace ?? "", user, ref.kbVersion, ref.findingId, ref.verdict].join("\n"));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export interface FeedbackByRecord {
  findingId: string;
  right: number;
  wrong: number;
  /** wrong / (right + wrong). */
  wrongShare: number;
  lastVoteAt: string;
  /** Knowledge-base versions the votes were cast on, newest vote first. */
  kbVersions: string[];
  /** Wrong votes per verdict status the answer gave. */
  wrongByVerdict: Record<string, number>;
}

/** Per record, the votes it drew: most wrong votes first, so a curator starts with the weakest record. */
export async function feedbackSummary(store: Store): Promise<FeedbackByRecord[]> {
  const rows = await store.db
    .select({
      findingId: feedbackVotes.findingId,
      kbVersion: feedbackVotes.kbVersion,
      verdict: feedbackVotes.verdict,
      vote: feedbackVotes.vote,
      n: sql<number>`count(*)`,
      last: sql<string>`max(${feedbackVotes.createdAt})`,
    })
    .from(feedbackVotes)
    .groupBy(feedbackVotes.findingId, feedbackVotes.kbVersion, feedbackVotes.verdict, feedbackVotes.vote)
    .orderBy(desc(sql`max(${feedbackVotes.createdAt})`));
  const byRecord = new Map<string, FeedbackByRecord>();
  for (const r of rows) {
    const entry = byRecord.get(r.findingId) ?? {
      findingId: r.findingId,
      right: 0,
      wrong: 0,
      wrongShare: 0,
      lastVoteAt: r.last,
      kbVersions: [],
      wrongByVerdict: {},
    };
    const n = Number(r.n);
    if (r.vote === "wrong") {
      entry.wrong += n;
      entry.wrongByVerdict[r.verdict] = (entry.wrongByVerdict[r.verdict] ?? 0) + n;
    } else entry.right += n;
    if (r.last > entry.lastVoteAt) entry.lastVoteAt = r.last;
    if (!entry.kbVersions.includes(r.kbVersion)) entry.kbVersions.push(r.kbVersion);
    byRecord.set(r.findingId, entry);
  }
  const out = [...byRecord.values()];
  for (const e of out) e.wrongShare = Math.round((e.wrong / (e.right + e.wrong)) * 1000) / 1000;
  return out.sort((a, b) => b.wrong - a.wrong || b.wrongShare - a.wrongShare || a.findingId.localeCompare(b.findingId));
}

const EVENT_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Claims a platform request by its key (Slack's trigger id, say). True the first time; false for a
 * retry of a request already handled, in any process or isolate, because the store decides.
 */
export async function claimChatEvent(store: Store, platform: ChatPlatform, key: string, now = Date.now()): Promise<boolean> {
  const inserted = await store.db
    .insert(chatEvents)
    .values({ platform, eventKey: key, receivedAt: now })
    .onConflictDoNothing()
    .returning({ key: chatEvents.eventKey });
  // Platforms retry within minutes; a day of keys is plenty, and keeps the table small.
  if (inserted.length) await store.db.delete(chatEvents).where(lt(chatEvents.receivedAt, now - EVENT_TTL_MS));
  return inserted.length > 0;
}

const ANSWER_TTL_MS = 60 * 60 * 1000;

/** Keeps a rendered private answer for an hour, for its "share in channel" button. */
export async function saveChatAnswer(store: Store, platform: ChatPlatform, id: string, payload: unknown, now = Date.now()) {
  await store.batch([
    store.db.delete(chatAnswers).where(lt(chatAnswers.createdAt, now - ANSWER_TTL_MS)),
    store.db.insert(chatAnswers).values({ id, platform, payload: JSON.stringify(payload), createdAt: now }),
  ]);
}

/** The saved answer, removed as it is taken (an answer is shared once); null when unknown or expired. */
export async function takeChatAnswer(store: Store, platform: ChatPlatform, id: string, now = Date.now()): Promise<unknown> {
  const [row] = await store.db
    .delete(chatAnswers)
    .where(and(eq(chatAnswers.id, id), eq(chatAnswers.platform, platform), gte(chatAnswers.createdAt, now - ANSWER_TTL_MS)))
    .returning({ payload: chatAnswers.payload });
  return row ? JSON.parse(row.payload) : null;
}
