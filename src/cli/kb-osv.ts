// `npm run kb:osv -- [--out DIR] [--modified RFC3339]`: every record as an OSV JSON file, for OSV
// tooling and scanners. `modified` defaults to now; pass the release time for reproducible files.
import { parseArgs } from "node:util";
import { exportOsv } from "../node/osv-export";
import { formatProblems } from "../node/prepare-store";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "dist/osv" },
    modified: { type: "string" },
    data: { type: "string", default: process.env.KB_DIR ?? "data" },
  },
});
const modified = values.modified ? new Date(values.modified) : new Date();
if (Number.isNaN(modified.getTime())) {
  console.error(`--modified "${values.modified}" is not a date (use e.g. 2026-11-29T12:00:00Z)`);
  process.exit(2);
}
const result = await exportOsv(values.data, values.out, modified);
if (!result.ok) {
  console.error(`the knowledge base is invalid:\n${formatProblems(result.problems)}`);
  process.exit(1);
}
console.log(`${result.files.length} OSV records written to ${values.out}/`);
