import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { SqlStatement } from "../../src/db/import-sql";

// The same migrations wrangler applies, then the same statements `npm run dev:worker` imports.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
const kb = JSON.parse(env.TEST_KB) as { statements: SqlStatement[] };
await env.DB.batch(kb.statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)));
