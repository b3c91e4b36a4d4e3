/**
 * Bottlerocket's API answer about its OS, which `apiclient get os` (or `apiclient -u /os`) prints as JSON: the fields of its
 * BottlerocketRelease, read from /usr/lib/os-release (bottlerocket-os/bottlerocket sources/bottlerocket-release,
 * `pretty_name`, `variant_id`, `version_id`, `build_id`, `arch`; bottlerocket#777 shows
 * `{"pretty_name":"Bottlerocket OS 0.2.2","variant_id":"aws-k8s","version_id":"0.2.2",…}`). The host's own os-release, in
 * other clothes: the "to decide" step asks for it on a Bottlerocket node (decide-with.ts), so it is read as one.
 */

const FIELD = /"(pretty_name|variant_id|version_id|build_id)":\s*"([^"\n]*)"/g;
const PRETTY = /"pretty_name":\s*"Bottlerocket OS \d/;
/** How far from the pretty name the object's other fields may stand, one a line when pretty-printed (five fields). */
const REACH = 5;
const KEYS: Readonly<Record<string, string>> = {
  pretty_name: "PRETTY_NAME",
  variant_id: "VARIANT_ID",
  version_id: "VERSION_ID",
  build_id: "BUILD_ID",
};

/** The os-release the object around line `i` (0-based, its pretty name's line) stands for, or null. */
export function apiclientOsRelease(lines: { length: number; at(i: number): string }, i: number): string | null {
  if (!PRETTY.test(lines.at(i))) return null;
  const fields = new Map<string, string>();
  for (let k = Math.max(0, i - REACH); k <= Math.min(lines.length - 1, i + REACH); k++)
    for (const m of lines.at(k).matchAll(FIELD)) if (m[1] && !fields.has(m[1])) fields.set(m[1], m[2] ?? "");
  if (!fields.get("version_id")) return null;
  return ["NAME=Bottlerocket", "ID=bottlerocket", ...[...fields].map(([key, value]) => `${KEYS[key]}="${value}"`)].join("\n");
}
