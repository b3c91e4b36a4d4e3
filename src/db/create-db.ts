import { createClient } from "@libsql/client";
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle as drizzleD1 } from "drizzle-orm/d1";
import { drizzle as drizzleLibsql } from "drizzle-orm/libsql";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";

/** Where the data lives. This module is the only one that knows D1 from libSQL. */
export type DbConfig = { kind: "d1"; binding: D1Database } | { kind: "libsql"; url: string; authToken?: string | undefined };

/** D1 or libSQL: the two are migrated and loaded with different commands (src/db/kb-setup.ts says which). */
export type StoreKind = DbConfig["kind"];

export type Db = BaseSQLiteDatabase<"async", unknown, typeof schema>;

export interface Store {
  kind: StoreKind;
  db: Db;
  /** Runs the queries atomically: a D1 batch or a libSQL write transaction. */
  batch(queries: BatchItem<"sqlite">[]): Promise<void>;
  /** Applies migrations/ (libSQL). D1 databases are migrated by `wrangler d1 migrations apply`. */
  migrate(migrationsFolder: string): Promise<void>;
  /** Closes the connection where there is one (libSQL); a no-op for D1 bindings. */
  close(): void;
  /** Runs one raw statement (PRAGMAs at start-up on libSQL); rows as objects. */
  raw(sqlText: string): Promise<Array<Record<string, unknown>>>;
}

const BUSY_TIMEOUT_MS = 10_000;

export function createDb(config: DbConfig): Store {
  if (config.kind === "d1") {
    const db = drizzleD1(config.binding, { schema });
    return {
      kind: "d1",
      db,
      batch: async (queries) => {
        if (queries.length) await db.batch(queries as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
      },
      migrate: async () => {
        throw new Error("D1 is migrated with `wrangler d1 migrations apply`, from the same migrations/ folder");
      },
      close: () => {},
      raw: async (sqlText) => (await config.binding.prepare(sqlText).all<Record<string, unknown>>()).results,
    };
  }
  // A local file may be shared with another process (an import, a second server): wait for its lock
  // rather than fail with SQLITE_BUSY. Remote clients ignore the timeout.
  const client = createClient({ url: config.url, authToken: config.authToken, timeout: BUSY_TIMEOUT_MS });
  const db = drizzleLibsql(client, { schema });
  return {
    kind: "libsql",
    db,
    batch: async (queries) => {
      if (queries.length) await db.batch(queries as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
    },
    migrate: async (migrationsFolder) => {
      const { migrate } = await import("drizzle-orm/libsql/migrator");
      await migrate(db, { migrationsFolder });
    },
    close: () => client.close(),
    raw: async (sqlText) => (await client.execute(sqlText)).rows.map((r) => ({ ...r })),
  };
}
