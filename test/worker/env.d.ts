/// <reference types="@cloudflare/vitest-plugin/types" />
import type { D1Migration } from "@cloudflare/vitest-plugin";

declare global {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import("../../src/worker");
    }
    interface Env {
      DB: D1Database;
      /** A D1 no migration was applied to (test/worker/setup-faults.test.ts). */
      UNMIGRATED_DB: D1Database;
      /** A migrated D1 nothing was imported into. */
      EMPTY_DB: D1Database;
      /** A migrated D1 test/worker/large-record.test.ts loads with a record larger than one D1 statement. */
      LARGE_RECORD_DB: D1Database;
      TEST_MIGRATIONS: D1Migration[];
      /** JSON of { version, records, statements }: the import `npm run dev:worker` runs. */
      TEST_KB: string;
      MAX_BODY_BYTES: string;
      SLACK_SIGNING_SECRET: string;
      FEEDBACK_TOKEN: string;
      DISCORD_PUBLIC_KEY: string;
      PUBLIC_URL: string;
      /** The private half of DISCORD_PUBLIC_KEY (JWK), for signing test interactions. */
      TEST_DISCORD_PRIVATE_JWK: string;
      CORS_ORIGINS: string;
      RATE_LIMITER: RateLimit;
    }
  }
}
