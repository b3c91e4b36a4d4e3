import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { kbStatements } from "./src/node/kb-script";
import { ed25519KeyPair, randomSecret } from "./test/support/chat-signing";

// Three projects: everything on Node, the pages in a real browser, and the Worker itself inside workerd (the real Workers runtime)
// against a D1 migrated from the same migrations/ folder and loaded with the same import statements.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["test/worker/**", "test/browser/**"],
          testTimeout: 30_000,
          // Suites that start several real services compile the knowledge base in each: slow on a busy machine.
          hookTimeout: 60_000,
        },
      },
      {
        // The pages in a real headless Chromium (@sparticuz/chromium ships it inside the npm package).
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [
          cloudflareTest(async () => {
            const kb = await kbStatements("data");
            // The chat doors' secrets, made fresh for each run: the tests sign with them as Slack and Discord do.
            const discord = await ed25519KeyPair();
            return {
              main: "./src/worker.ts",
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: await readD1Migrations("./migrations"),
                  TEST_KB: JSON.stringify(kb),
                  MAX_BODY_BYTES: String(64 * 1024),
                  SLACK_SIGNING_SECRET: randomSecret(),
                  FEEDBACK_TOKEN: randomSecret(),
                  DISCORD_PUBLIC_KEY: discord.publicKeyHex,
                  PUBLIC_URL: "https://known-bugs.example.org",
                  TEST_DISCORD_PRIVATE_JWK: JSON.stringify(discord.privateJwk),
                  ACCESS_LOG: "off",
                  // Long enough that no pause of a busy machine expires it inside test/worker/kb-version.test.ts.
                  KB_VERSION_TTL_MS: "60000",
                  // Spelled as an operator may write it, not as browsers send Origin (review 66f F3).
                  CORS_ORIGINS: "https://Allowed.Example:443, http://localhost:5173",
                },
                // Two more local D1s for test/worker/setup-faults.test.ts: one never migrated, one migrated and never loaded;
                // and one for test/worker/large-record.test.ts, loaded with a record larger than one D1 statement.
                d1Databases: {
                  DB: "known-bugs",
                  UNMIGRATED_DB: "known-bugs-unmigrated",
                  EMPTY_DB: "known-bugs-empty",
                  LARGE_RECORD_DB: "known-bugs-large-record",
                },
              },
            };
          }),
        ],
        test: {
          name: "workers",
          include: ["test/worker/**/*.test.ts"],
          // Every record's answer is validated against the OpenAPI document: seconds on a busy 2-core machine.
          testTimeout: 30_000,
          setupFiles: ["./test/worker/apply-migrations.ts"],
        },
      },
    ],
  },
});
