#!/usr/bin/env node
// The `known-bugs` command. In a checkout it runs the TypeScript source through tsx (a devDependency),
// so it is never stale; an installed package (or KNOWN_BUGS_USE_BUNDLE=1) runs the bundle that
// `npm run build:cli` writes to dist/, which needs nothing but Node 20 or later.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const source = new URL("../src/cli/known-bugs/run.ts", import.meta.url);
const bundle = new URL("../dist/known-bugs.mjs", import.meta.url);

async function tsx() {
  try {
    return await import("tsx/esm/api");
  } catch {
    return null;
  }
}

const api = existsSync(fileURLToPath(source)) && !process.env.KNOWN_BUGS_USE_BUNDLE ? await tsx() : null;
if (api) {
  api.register();
  await import(source.href);
} else if (existsSync(fileURLToPath(bundle))) {
  await import(bundle.href);
} else {
  process.stderr.write("known-bugs: neither tsx (run npm ci) nor dist/known-bugs.mjs (run npm run build:cli) is there\n");
  process.exitCode = 3;
}
