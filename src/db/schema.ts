import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { EVIDENCE_LEVELS } from "../kb/record-schema";

/** One row: which knowledge base is loaded. `version` is the content hash of data/. */
export const kbMeta = sqliteTable("kb_meta", {
  id: integer("id").primaryKey(),
  version: text("version").notNull(),
  recordCount: integer("record_count").notNull(),
  importedAt: text("imported_at").notNull(),
});

export const bugs = sqliteTable("bugs", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  components: text("components", { mode: "json" }).$type<string[]>().notNull(),
  reboot: text("reboot").notNull(),
  hasUnverified: integer("has_unverified", { mode: "boolean" }).notNull(),
});

/**
 * The whole validated record as JSON, in parts joined in `seq` order: the engine compiles from it, GET /bugs/:id returns
 * it. In parts because D1's import writes a row in one statement of at most 100 KB (sql-literal.ts), and records grow
 * past that (distribution ranges); the tables beside it hold only what search and queries read, not every field.
 */
export const bugDocParts = sqliteTable(
  "bug_doc_parts",
  {
    bugId: text("bug_id")
      .notNull()
      .references(() => bugs.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    text: text("text").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bugId, t.seq] })],
);

export const bugAliases = sqliteTable(
  "bug_aliases",
  {
    bugId: text("bug_id")
      .notNull()
      .references(() => bugs.id, { onDelete: "cascade" }),
    value: text("value").notNull(),
    kind: text("kind").notNull(),
    verified: integer("verified", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.bugId, t.value] }), index("bug_aliases_value").on(t.value)],
);

export const bugCommits = sqliteTable(
  "bug_commits",
  {
    bugId: text("bug_id")
      .notNull()
      .references(() => bugs.id, { onDelete: "cascade" }),
    commitId: text("commit_id").notNull(),
    role: text("role").notNull(),
    repo: text("repo").notNull(),
    title: text("title").notNull(),
    verified: integer("verified", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.bugId, t.commitId] }), index("bug_commits_commit").on(t.commitId)],
);

export const bugRanges = sqliteTable(
  "bug_ranges",
  {
    bugId: text("bug_id")
      .notNull()
      .references(() => bugs.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    ecosystem: text("ecosystem").notNull(),
    package: text("package").notNull(),
    introduced: text("introduced").notNull(),
    fixed: text("fixed"),
    lastAffected: text("last_affected"),
    // The range's own level and each end's: a version query says how firm its answer is, as the
    // engine does (a corroborated end decides; a reported one only hedges).
    evidence: text("evidence", { enum: EVIDENCE_LEVELS }).notNull().default("reported"),
    introducedEvidence: text("introduced_evidence", { enum: EVIDENCE_LEVELS }).notNull().default("reported"),
    fixedEvidence: text("fixed_evidence", { enum: EVIDENCE_LEVELS }).notNull().default("reported"),
  },
  (t) => [primaryKey({ columns: [t.bugId, t.seq] }), index("bug_ranges_ecosystem").on(t.ecosystem)],
);

export const bugSignatures = sqliteTable(
  "bug_signatures",
  {
    bugId: text("bug_id")
      .notNull()
      .references(() => bugs.id, { onDelete: "cascade" }),
    signatureId: text("signature_id").notNull(),
    kind: text("kind").notNull(),
    pattern: text("pattern").notNull(),
    weight: real("weight").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bugId, t.signatureId] })],
);

export const bugReferences = sqliteTable(
  "bug_references",
  {
    bugId: text("bug_id")
      .notNull()
      .references(() => bugs.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    url: text("url").notNull(),
    title: text("title").notNull(),
    kind: text("kind").notNull(),
    primary: integer("is_primary", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.bugId, t.seq] })],
);

export const bugExamples = sqliteTable(
  "bug_examples",
  {
    bugId: text("bug_id")
      .notNull()
      .references(() => bugs.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    title: text("title").notNull(),
    source: text("source").notNull(),
    expect: text("expect").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bugId, t.seq] })],
);

/**
 * Votes on chat answers ("was this right?"). Only what a curator needs to find weak records: never
 * the pasted text, never who voted.
 */
export const feedbackVotes = sqliteTable(
  "feedback_votes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kbVersion: text("kb_version").notNull(),
    findingId: text("finding_id").notNull(),
    verdict: text("verdict").notNull(),
    vote: text("vote", { enum: ["right", "wrong"] }).notNull(),
    platform: text("platform", { enum: ["slack", "discord"] }).notNull(),
    createdAt: text("created_at").notNull(),
    /**
     * One vote per person per finding of one answer, the last counting (review 64e F3: five clicks were five votes): a
     * SHA-256 of the platform, workspace, user, message and finding, which names no one outright. Null on older votes.
     */
    voter: text("voter"),
  },
  (t) => [index("feedback_votes_finding").on(t.findingId), uniqueIndex("feedback_votes_voter").on(t.voter)],
);

/** Chat requests already handled, so a platform's retry of the same request is answered once. */
export const chatEvents = sqliteTable(
  "chat_events",
  {
    platform: text("platform").notNull(),
    eventKey: text("event_key").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.eventKey] }), index("chat_events_received").on(t.receivedAt)],
);

/**
 * Private (ephemeral) answers kept for a short while so their "share in channel" button can post
 * them: Slack does not send an ephemeral message back with the button click.
 */
export const chatAnswers = sqliteTable(
  "chat_answers",
  {
    id: text("id").primaryKey(),
    platform: text("platform").notNull(),
    payload: text("payload").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("chat_answers_created").on(t.createdAt)],
);
