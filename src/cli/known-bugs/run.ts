// The command's entry: bin/known-bugs.mjs imports it (or its bundle, dist/known-bugs.mjs, which runs alone on any Node ≥ 20).
import { EXIT } from "./exit-codes";
import { main } from "./main";

// A reader that stops early (`known-bugs search --json … | head`, or `2>&1 | head` over the progress
// lines) closes the pipe: what it no longer reads is dropped, quietly, and the command still ends with
// the status its work decides (a CI step trimming the log must not pass `--fail-on` unchecked).
const closedByReader = (err: NodeJS.ErrnoException) => err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED";

// A report that cannot be written (a full disk under `> report.txt`, an I/O error) reached no one: one line and status 3,
// "no diagnosis". Thrown, it was a stack trace and status 1, which says "a known bug was found" (review 58e F2).
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (closedByReader(err)) return;
  process.stderr.write(`known-bugs: cannot write the output: ${err.message}\n`);
  process.exit(EXIT.server);
});
// Progress and error lines that cannot be written are lost; the report and the status still are the work's.
process.stderr.on("error", () => {});

process.exitCode = await main(process.argv.slice(2));
