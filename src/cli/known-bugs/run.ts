// The command's entry: bin/known-bugs.mjs imports it (or its bundle, dist/known-bugs.mjs, which runs alone on any Node ≥ 20).
import { main } from "./main";

// A reader that stops early (`known-bugs search --json … | head`, or `2>&1 | head` over the progress
// lines) closes the pipe: what it no longer reads is dropped, quietly, and the command still ends with
// the status its work decides (a CI step trimming the log must not pass `--fail-on` unchecked).
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE" && err.code !== "ERR_STREAM_DESTROYED") throw err;
  });
}

process.exitCode = await main(process.argv.slice(2));
