import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

// The same migrations wrangler applies, then the same statements `npm run dev:worker` imports.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await env.DB.batch(env.TEST_KB.statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)));
