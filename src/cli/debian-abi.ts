// `npm run kb:debian-abi -- CHANGELOG...`: writes src/engine/facts/debian-abi-uploads.ts, which uploads of Debian's
// `linux` package built each ABI name, from each release's changelog (changelog.Debian.gz of any binary package of the
// release's newest kernel upload, e.g. linux-libc-dev; plain text also works). One changelog per release: each gives
// the branch of its newest upload (bullseye's 5.10, bookworm's 6.1).
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { changelogAbis, closedAbis } from "../engine/facts/debian-changelog";
import { GA_RELEASE } from "../engine/facts/debian-kernel";

const OUT = "src/engine/facts/debian-abi-uploads.ts";
const files = process.argv.slice(2);
if (!files.length) {
  console.error("usage: npm run kb:debian-abi -- /usr/share/doc/linux-libc-dev/changelog.Debian.gz [one per release]");
  process.exit(2);
}
const table: Record<string, Record<number, string[]>> = {};
const sources: string[] = [];
for (const file of files) {
  const bytes = readFileSync(file);
  const read = changelogAbis((file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8"));
  const closed = read && closedAbis(read);
  if (!read || !closed || !GA_RELEASE[read.branch]) {
    console.error(
      `${file}: no complete ABI table of a Debian release's own branch (${read?.unplaced.join(", ") || read?.branch || "no upload"})`,
    );
    process.exit(1);
  }
  table[read.branch] = closed;
  sources.push(read.uploads[Math.max(...Object.keys(read.uploads).map(Number))]?.at(-1) ?? read.branch);
}
const body = `// Written by \`npm run kb:debian-abi\` from the changelogs of Debian's linux: do not edit.
import type { AbiUploads } from "./debian-changelog";

/** Per branch, per ABI number, the uploads of Debian's \`linux\` package built under that ABI name, oldest first. */
export const DEBIAN_ABI_UPLOADS: Record<string, AbiUploads> = ${JSON.stringify(table)};
`;
writeFileSync(OUT, body);
console.log(
  `${OUT}: ${Object.entries(table)
    .map(([b, t]) => `${b}: ABIs ${Object.keys(t).join(",")}`)
    .join("; ")} (${sources.join(", ")})`,
);
