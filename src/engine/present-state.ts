/**
 * What the host runs now, beside a verdict on the version that failed (review 69c F4): where the paste shows the failure
 * logged under one version and then the change made at the prompt (a reboot into a new kernel, `uname` before and after;
 * `apt install` or `dnf upgrade` and the component's own output after), the verdict stays the failing version's (README,
 * 56b) and this says the present state: the version read after the change, judged against the same record, and the fix
 * step the paste shows done. Only what the host printed after the change counts, never a version a sentence names.
 */
import type { PresentState, VersionEvidence } from "./diagnosis";
import type { BugRecord } from "./record";
import { fixStepItem, fixStepsOf, LOOKING_STEP } from "./summary";
import { SINGLE_HOST } from "./verdict";
import { compareVersions, schemeForEcosystem } from "./versions";

/** A version the host's own output read after the paste changed it. */
export interface ChangedVersion {
  /** "kernel", or the component's ecosystem. */
  component: string;
  /** As printed: the kernel's release, the component's version. */
  version: string;
  /** The line that printed it, where known. */
  line?: number;
  /** What came between the failure and the reading, in words ("the reboot on line 11", "the upgrade"). */
  after: string;
}

/** Whether a check is of the changed thing on the paste's own host: its kernel, or the component (a distribution's build of it too). */
const ofChanged = (c: VersionEvidence, component: string) =>
  component === "kernel"
    ? c.subject.startsWith(SINGLE_HOST)
    : c.subject.startsWith("your ") && !c.subject.startsWith(SINGLE_HOST) && c.ecosystem.split(" ").includes(component);

/** The fixed end of the one range a check was judged against ("1.6.3 ≤ v < 1.6.4": 1.6.4); null for several, or none. */
const fixedEnd = (range: string) => (range.includes(", ") ? null : (/(?:^|\s)v < (\S+)$/.exec(range)?.[1] ?? null));

/**
 * The present state for a finding: the checks of the version read after the change (`nowChecks`, judged as the failing
 * version was) beside the checks that judged the failure (`checks`). Undefined where the verdict judged nothing of the
 * changed thing, or the version read now gives no check.
 */
export function presentState(
  record: BugRecord,
  checks: readonly VersionEvidence[],
  changed: ChangedVersion,
  nowChecks: readonly VersionEvidence[],
): PresentState | undefined {
  const failing = checks.filter((c) => ofChanged(c, changed.component));
  if (!failing.length) return undefined;
  const own = nowChecks.filter((c) => ofChanged(c, changed.component));
  const now = own.find((c) => failing.some((f) => f.ecosystem === c.ecosystem)) ?? own[0];
  if (!now) return undefined;
  const kernel = changed.component === "kernel";
  const fix = fixedEnd(now.range);
  const scheme = schemeForEcosystem(now.ecosystem.split(" ")[0] ?? "");
  const past = fix !== null ? compareVersions(scheme, now.value, fix) : -1;
  const fixed = now.result === "not-affected" && past >= 0;
  const requirement = record.affected.some(
    (a) => a.kind === "requirement" && (now.ecosystem === a.ecosystem || now.ecosystem === `${a.ecosystem} ${a.package}`),
  );
  const label = now.ecosystem === "linux" ? "upstream" : now.ecosystem;
  const what = kernel ? changed.version : `${changed.component} ${changed.version}`;
  const as = kernel && now.value !== changed.version ? `${label} ${now.value}, ` : "";
  const where = `${as}${changed.line !== undefined ? `read on line ${changed.line}, ` : "read "}after ${changed.after}`;
  const build = kernel ? "build" : "version";
  const stands = fixed
    ? requirement
      ? `, which meets the minimum ${fix}`
      : past === 0
        ? `, the first fixed ${build}`
        : `, at or after the fix ${fix}`
    : now.result === "not-affected"
      ? `, outside the affected range${now.certain === false ? " (not certain)" : ""}: ${now.reason}`
      : now.result === "affected"
        ? `, still in the affected range ${now.range}`
        : `; whether it has the fix is not known: ${now.reason}`;
  // Why the answer is not certain, where the words above do not already give the check's own reason.
  const hedge = now.certain === false && now.result !== "unknown" && !stands.includes(now.reason) ? `; not certain: ${now.reason}` : "";
  const step = fixed ? doneStep(record.fix, changed.component) : undefined;
  return {
    component: changed.component,
    version: changed.version,
    ...(changed.line !== undefined ? { line: changed.line } : {}),
    status: now.result,
    fixed,
    ...(now.certain === false ? { certain: false as const } : {}),
    reason: `the host now runs ${what} (${where})${stands}${hedge}`,
    ...(step !== undefined ? { fixStep: step } : {}),
  };
}

/** A step that upgrades (or moves to, installs, updates) something, by its first paragraph's words. */
const UPGRADES = /\b(?:upgrade|update|move to|install)\b/i;
/** How fix steps name each changed thing, beside its ecosystem's own name. */
const NAMES: Readonly<Record<string, RegExp>> = {
  kernel: /\b(?:kernel|linux)\b/i,
  kubernetes: /\b(?:kubernetes|kubelet|kubeadm|k8s|kube-proxy)\b/i,
  "cri-o": /\b(?:cri-o|crio)\b/i,
  docker: /\b(?:docker|moby)\b/i,
};

/**
 * The number of the fix's step that upgrades the changed thing (the first that acts, upgrades and names it), which the
 * paste shows done where the version read now is fixed; undefined where no step is plainly that.
 */
export function doneStep(fix: string, component: string): number | undefined {
  const names = NAMES[component] ?? new RegExp(`\\b${component.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i");
  for (const step of fixStepsOf(fix)) {
    const { n, text } = fixStepItem(step);
    const head = text.split("\n")[0] ?? "";
    if (n === null || LOOKING_STEP.test(head)) continue;
    if (UPGRADES.test(head) && names.test(head)) return n;
  }
  return undefined;
}
