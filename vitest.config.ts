import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { kbStatements } from "./src/node/kb-script";

// Two projects: everything on Node, and the Worker itself inside workerd (the real Workers runtime)
// against a D1 migrated from the same migrations/ folder and loaded with the same import statements.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["test/worker/**"],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [
          cloudflareTest(async () => {
            const kb = await kbStatements("data");
            return {
              main: "./src/worker.ts",
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: await readD1Migrations("./migrations"),
                  TEST_KB: JSON.stringify(kb),
                  MAX_BODY_BYTES: String(64 * 1024),
                  ACCESS_LOG: "off",
                  CORS_ORIGINS: "https://allowed.example, http://localhost:5173",
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
