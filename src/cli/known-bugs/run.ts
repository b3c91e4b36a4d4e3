// The command's entry: bin/known-bugs.mjs imports it (or its bundle, dist/known-bugs.mjs, which runs alone on any Node ≥ 20).
import { main } from "./main";

// A reader that stops early (`known-bugs search --json … | head`) closes the pipe: that ends the
// command quietly, as it does for other Unix tools, instead of with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process.argv.slice(2));
