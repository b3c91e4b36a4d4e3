// The command's entry: bin/known-bugs.mjs imports it (or its bundle, dist/known-bugs.mjs, which runs alone on any Node ≥ 20).
import { main } from "./main";

process.exitCode = await main(process.argv.slice(2));
