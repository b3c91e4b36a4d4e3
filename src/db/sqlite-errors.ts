import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";

/**
 * What a D1 or SQLite error may say in a log. Drizzle wraps a failed query in an error whose message quotes
 * the query and its parameters (user text); the database's own error is its `cause`, and some of those
 * messages name only our schema ("no such table: kb_meta") or nothing at all ("database is locked"). Those are
 * kept; any other message (an FTS5 syntax error quotes the search words) is not.
 */

/** Our tables and columns, and the tables migrations keep: names a message may hold without holding user text. */
let known: Set<string> | undefined;
function knownNames(): Set<string> {
  if (known) return known;
  known = new Set(["bugs_fts", "__drizzle_migrations", "d1_migrations", "sqlite_master", "sqlite_sequence"]);
  for (const table of Object.values(schema)) {
    if (!is(table, SQLiteTable)) continue;
    const config = getTableConfig(table);
    known.add(config.name);
    for (const column of config.columns) known.add(column.name);
  }
  return known;
}

/** SQLite's and D1's messages that carry no names and no values. */
const FIXED = new Set(
  [
    "database is locked",
    "database table is locked",
    "database disk image is malformed",
    "disk I/O error",
    "attempt to write a readonly database",
    "database or disk is full",
    "unable to open database file",
    "file is not a database",
    "interrupted",
    "out of memory",
    "too many SQL variables",
    "string or blob too big",
    "not authorized",
    "Network connection lost",
    "D1 DB is overloaded. Requests queued for too long",
    "D1 DB is overloaded. Too many requests queued",
    "D1 DB reset because its code was updated",
    "D1 DB storage operation exceeded timeout which caused object to be reset",
    "Internal error while starting up D1 DB storage caused object to be reset",
  ].map((m) => m.toLowerCase()),
);

/** "D1_ERROR: no such table: kb_meta: SQLITE_ERROR" and "SQLITE_ERROR: no such table: kb_meta" → "no such table: kb_meta". */
function bareMessage(message: string): string | null {
  let text = message.trim();
  if (!/^(?:D1_[A-Z_]+|SQLITE_[A-Z_]+)\b/.test(text)) return null;
  for (let prev = ""; prev !== text; ) {
    prev = text;
    text = text
      .replace(/^(?:D1_[A-Z_]+|SQLITE_[A-Z_]+):\s*/, "")
      .replace(/:\s*SQLITE_[A-Z_]+$/, "")
      .replace(/\s+at offset \d+$/, "")
      .trim();
  }
  return text.replace(/\.$/, "");
}

/** The database errors in an error's cause chain (the error itself first), as bare messages. */
function databaseMessages(err: unknown): string[] {
  const out: string[] = [];
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e instanceof Error; depth++) {
    const bare = bareMessage(e.message);
    if (bare) out.push(bare);
    e = e.cause;
  }
  return out;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const allKnown = (names: string[]) => names.length > 0 && names.every((n) => NAME.test(n) && knownNames().has(n));

/** A database error's message when it holds no user text (see above), else undefined. */
export function safeDatabaseMessage(err: unknown): string | undefined {
  for (const message of databaseMessages(err)) {
    if (FIXED.has(message.toLowerCase())) return message;
    const noSuch = message.match(/^no such (table|column|index|view|trigger|function|module): ([\w.]+)$/);
    if (noSuch?.[1] && noSuch[2]) {
      const names = noSuch[2].split(".");
      // Functions and modules are named by our SQL only; tables and columns by our schema (an FTS5 query names columns too).
      if (noSuch[1] === "function" || noSuch[1] === "module" ? names.every((n) => NAME.test(n)) : allKnown(names)) return message;
      continue;
    }
    const noColumn = message.match(/^table (\w+) has no column named (\w+)$/);
    if (noColumn?.[1] && noColumn[2] && allKnown([noColumn[1], noColumn[2]])) return message;
    const constraint = message.match(/^(?:UNIQUE|NOT NULL|CHECK|FOREIGN KEY|PRIMARY KEY) constraint failed(?:: ([\w.]+(?:, [\w.]+)*))?$/);
    if (constraint && (!constraint[1] || allKnown(constraint[1].split(/[.,]\s*/)))) return message;
  }
  return undefined;
}

/** The table a query found missing ("no such table: kb_meta"): the database was never migrated, or not fully. */
export function missingTable(err: unknown): string | null {
  for (const message of databaseMessages(err)) {
    const table = message.match(/^no such table: (?:main\.)?(\w+)$/)?.[1];
    if (table && knownNames().has(table)) return table;
  }
  return null;
}
