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
          // workerd shares two cores with the Node project and other builds; 5 s is too tight there.
          testTimeout: 30_000,
          include: ["test/worker/**/*.test.ts"],
          setupFiles: ["./test/worker/apply-migrations.ts"],
        },
      },
    ],
  },
});
