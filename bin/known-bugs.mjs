#!/usr/bin/env node
// The `known-bugs` command. In a checkout it runs the TypeScript source through tsx (a devDependency),
// so it is never stale; an installed package runs the bundle that `npm run build:cli` writes to dist/.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const source = new URL("../src/cli/known-bugs/run.ts", import.meta.url);
if (existsSync(fileURLToPath(source)) && !process.env.KNOWN_BUGS_USE_BUNDLE) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(source.href);
} else {
  await import(new URL("../dist/known-bugs.mjs", import.meta.url).href);
}
