import { defineConfig } from "drizzle-kit";

// Generation only (`npm run db:generate`): the same migrations/ folder is applied by libSQL's migrator
// on Node and by `wrangler d1 migrations apply` for D1. Nothing uses `drizzle-kit push`.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./migrations",
});
