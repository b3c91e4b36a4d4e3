import type { D1Migration } from "@cloudflare/vitest-plugin";
import type { SqlStatement } from "../../src/db/import-sql";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      TEST_MIGRATIONS: D1Migration[];
      TEST_KB: { version: string; records: number; statements: SqlStatement[] };
      MAX_BODY_BYTES: string;
    }
  }
}
