import type { Evidence } from "./diagnosis";

/**
 * A match on a line other causes print too, and on no line of the bug's own: a finding whose every matched line (exact or
 * reworded) is one its record says other causes print too (a signature's `alsoPrintedBy`). The one test of it, for the
 * engine and every door (review 71a F4: `RuntimeError: can't start new thread` beside a pids limit, apt's "At least one
 * invalid signature" beside a full disk and "mount.nfs: Protocol not supported" beside a missing /etc/netconfig were each
 * "1 known bug matches the log"): every headline counts it apart, and an "affected" verdict says "in range, symptom not
 * specific" (Verdict.symptom). A finding that only resembles a line is a lead of its own kind (resembles-only.ts).
 */
export function sharedOnly(
  evidence: ReadonlyArray<Pick<Evidence, "kind"> & { approximate?: string | undefined; alsoPrintedBy?: readonly string[] | undefined }>,
): boolean {
  const matched = evidence.filter((e) => e.kind === "log" && e.approximate !== "similar");
  return matched.length > 0 && matched.every((e) => e.alsoPrintedBy?.length);
}
