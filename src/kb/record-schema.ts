import { RE2JS } from "re2js";
import { z } from "zod";
import { recordStart } from "../engine/bug-start";
import { diagnoseFieldsShape } from "../engine/diagnose-input";
import { driverName, namedDrivers } from "../engine/recall/device-drivers";
import type { BugRecord as EngineRecord } from "../engine/record";
import { fixStepsOf } from "../engine/summary";
import { IMAGE_OS, ownSystem } from "../engine/verdict";
import { branchEnd, isMainlineVersion, kernelBranch, rangeLevels } from "../engine/versions";
import {
  forgeChange,
  isEcosystemsChange,
  isReportThread,
  isRepositoryFrontPage,
  isRepositorysChange,
  namesOwnThread,
} from "./report-thread";

/**
 * The curated bug record: one YAML file per bug in data/bugs/<id>.yaml.
 * Every fact carries its own `source` and an explicit `verified` flag, because the API has to say
 * which facts it leaned on were unconfirmed.
 */

/**
 * A URL as a reader clicks it: WHATWG parsing would percent-encode a space or a quote and accept the link,
 * but a record's URL copied with one (a title pasted after it, a line wrapped inside it) points elsewhere.
 */
const url = z
  // A missing source said as what to add (review 64h F4: "expected string, received undefined").
  .url({
    protocol: /^https?$/,
    error: (issue) => (issue.input === undefined ? "a source URL is needed here: the public page this fact was read from" : undefined),
  })
  .regex(/^[^\s"<>\\^`{|}]+$/, "a URL holds no space, quote, angle bracket or backslash (percent-encode it)");
/** Kebab-case; dots are allowed so version-named ids such as "debian-6.1.64-ext4-dio-corruption" stay as the leads named them. */
const slug = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "must be a kebab-case slug (a-z, 0-9, dashes and dots)");
const nonEmpty = z.string().trim().min(1);

export const referenceSchema = z.strictObject({
  url,
  title: nonEmpty,
  /** primary = the upstream commit, the distro bug or advisory, or the project's own issue. */
  kind: z.enum(["commit", "advisory", "distro-bug", "issue", "mailing-list", "docs", "report", "blog"]),
  primary: z.boolean().default(false),
});

/**
 * How well a fact is established (see README "Evidence levels"):
 * - verified: a primary source states it (upstream/stable commit, distro advisory or OSV data, changelog);
 * - corroborated: two or more independent field reports with exact versions (`source` + `sources`
 *   must give at least 2 distinct URLs);
 * - reported: one report.
 * `verified: true` is shorthand for `evidence: verified`, `verified: false` for `evidence: reported`.
 */
export const EVIDENCE_LEVELS = ["verified", "corroborated", "reported"] as const;
export const evidenceLevelSchema = z.enum(EVIDENCE_LEVELS);
export type EvidenceLevel = z.infer<typeof evidenceLevelSchema>;

/** The fields every sourced fact shares: the old `verified` flag or an `evidence` level, and its sources. */
const evidenceFields = {
  verified: z.boolean().optional(),
  evidence: evidenceLevelSchema.optional(),
  source: url,
  /** Further sources; a corroborated fact needs at least 2 distinct URLs across `source` and `sources`. */
  sources: z.array(url).default([]),
};

interface EvidenceInput {
  verified?: boolean | undefined;
  evidence?: EvidenceLevel | undefined;
  source: string;
  sources: string[];
}

const levelOf = (verified: boolean): EvidenceLevel => (verified ? "verified" : "reported");

/** The level a fact states, from `evidence` or the `verified` shorthand; undefined when it states neither. */
const statedLevel = (f: EvidenceInput): EvidenceLevel | undefined =>
  f.evidence ?? (f.verified === undefined ? undefined : levelOf(f.verified));

/**
 * The URLs of a fact, each once however it is written: scheme, host case, "www.", a trailing slash and a fragment do
 * not make another source (review 34b: ".../issues/4466" and ".../issues/4466/" counted as two reports).
 */
export const distinctSources = (f: { source: string; sources: readonly string[] }): string[] => {
  const seen = new Map<string, string>();
  for (const u of [f.source, ...f.sources]) if (!seen.has(sameSource(u))) seen.set(sameSource(u), u);
  return [...seen.values()];
};
/**
 * One source however it is linked: no fragment, no tracking parameters (a forge thread's whole query: GitHub's
 * `?notification_referrer_id=…`), the scheme, `www.` and the host's case aside, a forge's owner/repo in any case, and one
 * thread of a repository whether linked as its issue, pull request or discussion (GitHub redirects one to the other: review
 * 66h F4, one thread counted as two reports).
 */
const FORGE_THREAD = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org)\//i;
/** Links' tracking parameters; a tracker's own (Bugzilla's `?id=`, cgit's `?id=`, Debian's `?bug=`) name what is linked. */
const TRACKING = /[?&](?:utm_[a-z]+|notification_referrer_id|ref|source)=[^&#]*/gi;
const sameSource = (url: string): string =>
  url
    .replace(/#.*$/, "")
    // A forge's thread is its path alone; elsewhere only tracking parameters go (review 66i F4: two Bugzilla bugs were one).
    .replace(/\?.*$/, (query) => (FORGE_THREAD.test(url) ? "" : query.replace(TRACKING, "").replace(/^&/, "?").replace(/^\?$/, "")))
    .replace(/^https?:\/\/(?:www\.)?([^/]+)/i, (_, host: string) => `https://${host.toLowerCase()}`)
    .replace(/\/+$/, "")
    .replace(
      /^(https:\/\/(?:github\.com|gitlab\.com|codeberg\.org)\/[^/]+\/[^/]+)(?:\/-)?\/(?:issues|pull|pulls|merge_requests|discussions)\/(\d+)$/i,
      (_, repo: string, n: string) => `${repo.toLowerCase()}/thread/${n}`,
    )
    .replace(/^(https:\/\/(?:github\.com|gitlab\.com|codeberg\.org)\/[^/]+\/[^/]+)/i, (repo: string) => repo.toLowerCase());

/**
 * Checks shared by aliases, commits and ranges; `levels` are every level the fact uses (range ends included).
 * `ownThread`: the fact is a thread's own id (an issue alias), which that thread verifies.
 */
function checkEvidence(f: EvidenceInput, levels: EvidenceLevel[], ctx: z.RefinementCtx, ownThread = false): void {
  if (f.verified === undefined && f.evidence === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["evidence"],
      message: "give evidence: verified | corroborated | reported (or the older verified: true|false)",
    });
  }
  if (f.verified !== undefined && f.evidence !== undefined && levelOf(f.verified) !== f.evidence) {
    ctx.addIssue({
      code: "custom",
      path: ["verified"],
      message: `verified: ${f.verified} means evidence: ${levelOf(f.verified)}, but evidence says ${f.evidence}; keep only evidence`,
    });
  }
  const urls = distinctSources(f).length;
  if (levels.includes("corroborated") && urls < 2) {
    ctx.addIssue({
      code: "custom",
      path: ["sources"],
      message: `corroborated needs at least 2 distinct report URLs across source and sources, has ${urls}`,
    });
  }
  // A repository's front page (its root or README) is no primary source either (review 69b F4); a fact citing only
  // report threads and front pages is told what each of its sources is.
  const sources = distinctSources(f);
  if (levels.includes("verified") && !ownThread && sources.every((u) => isReportThread(u) || isRepositoryFrontPage(u))) {
    const what = (u: string) => (isReportThread(u) ? "a report thread" : "a repository's front page (its root or README)");
    const told = sources.map((u) => `${u} is ${what(u)}`).join("; ");
    ctx.addIssue({
      code: "custom",
      path: ["source"],
      message: `verified needs a primary source among source and sources (a commit, a tag, a changelog or release notes, an advisory or OSV record, a stable mail); ${told}: cite what the fact was read from, or say corroborated or reported`,
    });
  }
}

/**
 * What is wrong with a verified fact whose sources are report threads, front pages and other projects' pull requests only
 * (`own` tells the fact's own project's): another project's change that bumps, pins or works around a release reports it,
 * as its thread would (review 70e F1: a range end verified on another project's pull request and an issue comment).
 */
function otherChangesOnly(f: EvidenceInput, levels: readonly EvidenceLevel[], own: (u: string) => boolean): string | undefined {
  if (!levels.includes("verified")) return undefined;
  const sources = distinctSources(f);
  const others = sources.filter((u) => forgeChange(u) !== null && !own(u));
  if (!others.length || !sources.every((u) => isReportThread(u) || isRepositoryFrontPage(u) || others.includes(u))) return undefined;
  const what = others.length > 1 ? "are other projects' pull requests" : "is another project's pull request";
  return `verified needs a primary source among source and sources; ${others.join(", ")} ${what}, a report of the change like an issue: cite the project's own commit, tag, release notes or changelog, or say corroborated or reported`;
}

/** The normalised form: `evidence` always set, `verified` kept for older readers (true only for verified). */
function normaliseEvidence<T extends EvidenceInput>(
  f: T,
): Omit<T, "verified" | "evidence"> & { evidence: EvidenceLevel; verified: boolean } {
  const evidence = statedLevel(f) ?? "reported";
  return { ...f, evidence, verified: evidence === "verified" };
}

/**
 * Characters in one step of a fix. A Slack section holds 3,000 and a Discord embed 6,000 in all, so a longer
 * step cannot be shown whole beside the finding's summary and evidence.
 */
const MAX_FIX_STEP = 1500;

const withEvidence = <S extends z.ZodType<EvidenceInput>>(schema: S, ownThread: (f: z.output<S>) => boolean = () => false) =>
  schema
    .superRefine((f, ctx) => checkEvidence(f, [statedLevel(f) ?? "reported"], ctx, ownThread(f)))
    .transform((f) => normaliseEvidence(f));

/** Alias kinds that name a thread: the thread itself, when cited, verifies the alias. */
const THREAD_ALIASES: ReadonlySet<string> = new Set(["issue", "distro-bug"]);
/** `other` aliases are search terms a record is known by (a sysctl, a config option, a function): no claim to verify. */
const TERM_ALIASES: ReadonlySet<string> = new Set(["other"]);

/**
 * A commit id as people copy it: abbreviated (7 to 16 hex digits, what `git log --oneline`, `Fixes:` tags and stable mails
 * print) or whole (40, SHA-1; 64, SHA-256). A length between is a digit lost or added in copying (review 70e F3: a 39-digit
 * id passed), so it is refused rather than taken as an abbreviation.
 */
const COMMIT_ID = /^(?:[0-9a-f]{7,16}|[0-9a-f]{40}|[0-9a-f]{64})$/;
const COMMIT_ID_SAY = "7 to 16 lowercase hex digits, or all 40";
const commitIdLength = (id: string) =>
  id.length > 16 && id.length < 64
    ? `a whole commit id has 40 hex digits (64 for SHA-256), and an abbreviated one 7 to 16; this one has ${id.length}: copy it again from the commit's page`
    : `must be a commit id of ${COMMIT_ID_SAY}; this one has ${id.length}`;

/**
 * The form each kind's value is searched and exported by (review 66h F5: "CVE 2024 50038" was never found by a search and
 * went into OSV's `related` as written; an issue written as its URL escaped the clash check with its owner/repo#N form).
 */
const ALIAS_FORMS: Readonly<Record<string, { form: RegExp; say: string }>> = {
  cve: { form: /^CVE-\d{4}-\d{4,}$/, say: "CVE-YYYY-NNNN (e.g. CVE-2024-50038)" },
  ghsa: { form: /^GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}$/, say: "GHSA-xxxx-xxxx-xxxx" },
  usn: { form: /^USN-\d+-\d+$/, say: "USN-NNNN-N" },
  commit: {
    form: COMMIT_ID,
    say: `a commit's hash (${COMMIT_ID_SAY}); a pull request is an issue alias, owner/repo#N`,
  },
  issue: { form: /^(?![a-z][\w+.-]*:\/\/)\S.*$/i, say: "owner/repo#N (not the thread's URL, which is its source)" },
};

/**
 * A forge's pull or merge request: a change's own page, which verifies that change, and the issues of its own project it
 * says it fixes (the project's own word); another project's issue or distribution bug it names only in passing.
 */
const sameProject = (alias: string, url: string) => {
  const repo = /^[\w.-]+\/([\w.-]+)#\d+$/.exec(alias.trim())?.[1]?.toLowerCase();
  return repo !== undefined && url.toLowerCase().includes(`/${repo}/`);
};

export const aliasSchema = withEvidence(
  z
    .strictObject({
      value: nonEmpty,
      kind: z.enum(["cve", "commit", "distro-bug", "issue", "ghsa", "usn", "other"]),
      ...evidenceFields,
      note: nonEmpty.optional(),
    })
    .superRefine((a, ctx) => {
      const want = ALIAS_FORMS[a.kind];
      if (want && !want.form.test(a.value))
        ctx.addIssue({ code: "custom", path: ["value"], message: `a ${a.kind} alias is written ${want.say}, not "${a.value}"` });
      // Another thread that links the issue (a pull request naming it as what it fixes) is no reading of it: the alias
      // is the issue's own thread's fact, or a primary source's that names it (review 67g F4a: three aliases verified
      // by other projects' pull requests, their notes saying the issue was never read).
      const sources = distinctSources(a);
      if (
        THREAD_ALIASES.has(a.kind) &&
        statedLevel(a) === "verified" &&
        !namesOwnThread(a.value, sources) &&
        sources.some((u) => forgeChange(u) !== null) &&
        sources.every((u) => isReportThread(u) || (forgeChange(u) !== null && !sameProject(a.value, u)))
      )
        ctx.addIssue({
          code: "custom",
          path: ["source"],
          message: `a verified ${a.kind} alias is read in its own thread, or in a primary source that names it (a changelog, an advisory); ${a.source} only mentions ${a.value}: cite its thread, or say reported`,
        });
    }),
  (a) => TERM_ALIASES.has(a.kind) || (THREAD_ALIASES.has(a.kind) && namesOwnThread(a.value, distinctSources(a))),
);

export const commitSchema = withEvidence(
  z
    .strictObject({
      role: z.enum(["introduced", "fixed"]),
      /** e.g. "torvalds/linux", "kubernetes/kubernetes", "opencontainers/runc" */
      repo: nonEmpty,
      id: z
        .string()
        .regex(/^[0-9a-f]+$/, "must be a lowercase hex commit id")
        .superRefine((id, ctx) => {
          if (!COMMIT_ID.test(id)) ctx.addIssue({ code: "custom", message: commitIdLength(id) });
        }),
      title: nonEmpty,
      /** Release(s) that first contain this commit, e.g. "6.12" or "5.15.170". */
      versions: z.array(nonEmpty).default([]),
      ...evidenceFields,
      note: nonEmpty.optional(),
    })
    .superRefine((c, ctx) => {
      // The commit's own page on its repository is that commit: another id there is a slip of copy and paste (review
      // 69b F5). Other sources may be another commit naming this one (a fix's "Fixes:"), so only `source` is held to it.
      const page = c.source ? commitPage(c.source) : null;
      if (page && page.repo === c.repo.toLowerCase() && !page.sha.startsWith(c.id) && !c.id.startsWith(page.sha))
        ctx.addIssue({
          code: "custom",
          path: ["id"],
          message: `${c.id} is not the commit its source shows (${page.sha.slice(0, 12)} of ${c.repo}): copy the id from that page`,
        });
      const secondhand = otherChangesOnly(c, [statedLevel(c) ?? "reported"], (u) => isRepositorysChange(u, c.repo));
      if (secondhand) ctx.addIssue({ code: "custom", path: ["source"], message: secondhand });
    }),
);

/** The repository and commit id of a GitHub commit page, lower-cased; null for any other address. */
function commitPage(address: string): { repo: string; sha: string } | null {
  const m = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/commit\/([0-9a-f]{7,40})\b/i.exec(address);
  return m?.[1] && m[2] ? { repo: m[1].toLowerCase(), sha: m[2].toLowerCase() } : null;
}

/** Today as an ISO date (UTC): a date read from a source is never later. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The first day any build containing a range's introducing change could exist (rangeSchema's `introducedOn`): the
 * earlier of the day the change landed in its upstream repository (a development build carries it from then) and the day
 * of the first affected release, tag or package upload. A finding whose every line was logged well before the record's
 * earliest such day is not that bug (src/engine/bug-start.ts, logged-before-bug.ts). Its source is its own, else the
 * range's, which must then state the date.
 */
const introducedOnSchema = z.strictObject({
  date: z.iso.date("an ISO date, YYYY-MM-DD").refine((d) => d <= today(), "a date in the future was not read from a source"),
  verified: z.boolean().optional(),
  evidence: evidenceLevelSchema.optional(),
  source: url.optional(),
  sources: z.array(url).default([]),
  note: nonEmpty.optional(),
});

/** An `introducedOn` with the range's source where it gives none of its own. */
const introducedOnSources = (on: z.output<typeof introducedOnSchema>, range: { source: string; sources: string[] }) =>
  on.source ? { source: on.source, sources: on.sources } : { source: range.source, sources: range.sources };

/** A refinement context whose issues land under `prefix` (a nested fact checked where its parent's fields are known). */
const under = (ctx: z.RefinementCtx, prefix: readonly PropertyKey[]): z.RefinementCtx =>
  ({
    ...ctx,
    addIssue: (issue: Parameters<z.RefinementCtx["addIssue"]>[0]) =>
      ctx.addIssue(typeof issue === "string" ? issue : { ...issue, path: [...prefix, ...(issue.path ?? [])] }),
  }) as z.RefinementCtx;

/**
 * OSV-style events: affected when introduced <= v < fixed (or v <= lastAffected). Each end carries an
 * evidence level: the range's own (`evidence`, or `verified`) unless `introducedEvidence` or
 * `fixedEvidence` (which also covers `lastAffected`) overrides it. A `lastAffected` that is only
 * reported means "the last version known to be affected": later versions are judged unknown, not fixed.
 */
export const rangeSchema = z
  .strictObject({
    introduced: nonEmpty.default("0"),
    fixed: nonEmpty.optional(),
    lastAffected: nonEmpty.optional(),
    ...evidenceFields,
    introducedEvidence: evidenceLevelSchema.optional(),
    fixedEvidence: evidenceLevelSchema.optional(),
    /**
     * On a component's range: the kernel branch from which it holds, when the component's versions are affected only
     * on those kernels (a second break the kernel brought later). A host on an older branch is outside the range.
     */
    kernelFrom: z
      .string()
      .regex(/^\d+\.\d+$/, 'a kernel branch, "6.12"')
      .optional(),
    /**
     * Ids of the record's signatures whose lines this range dates, where the bug's symptoms were fixed apart (crun 1.18's
     * deny-rule error in 1.18.1, its devices.allow error seen still in 1.18.2): beside hits of the other signatures only,
     * the range does not hold. Without hits (an advisory) every range holds. Where no range of the record holds beside
     * the record's lines shown, its versions decide nothing of them (review 69b F1: kube-proxy's 5.13 refusal range).
     */
    symptoms: z.array(nonEmpty).min(1).optional(),
    /**
     * The bug's other cause, which this range does not cover (devices NVIDIA's hook injects are lost with any runc): a
     * version outside the range leaves the bug undecided, said with these words, never "not affected".
     */
    otherCauses: nonEmpty.optional(),
    /** The first day a build carrying this range's introducing change could exist (introducedOnSchema). */
    introducedOn: introducedOnSchema.optional(),
    note: nonEmpty.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.introducedOn) {
      const on = r.introducedOn;
      if (r.introduced === "0")
        ctx.addIssue({
          code: "custom",
          path: ["introducedOn"],
          message: 'a range from the beginning (introduced: "0") has no start to date',
        });
      if (on.sources.length && !on.source)
        ctx.addIssue({
          code: "custom",
          path: ["introducedOn", "sources"],
          message: "give introducedOn its own source first, or leave its sources to the range's",
        });
      const sourced = { ...on, ...introducedOnSources(on, r) };
      checkEvidence(sourced, [statedLevel(sourced) ?? "reported"], under(ctx, ["introducedOn"]));
    }
    if (r.fixed && r.lastAffected)
      ctx.addIssue({ code: "custom", path: ["fixed"], message: "give either fixed or lastAffected, not both" });
    if (r.fixedEvidence && !r.fixed && !r.lastAffected)
      ctx.addIssue({ code: "custom", path: ["fixedEvidence"], message: "fixedEvidence needs a fixed or lastAffected end" });
    const own = statedLevel(r) ?? "reported";
    // A lastAffected end's level speaks of the builds after it, a fact apart from the build being affected, which the
    // range's source (an advisory naming the first build) rarely states (review 67b F1: a later Ubuntu runc build was
    // "not affected (verified)" by default). So the curator says it.
    if (r.lastAffected && !r.fixedEvidence && own !== "reported")
      ctx.addIssue({
        code: "custom",
        path: ["fixedEvidence"],
        message: `say how certain it is that the builds after lastAffected ${r.lastAffected} are fixed: fixedEvidence: reported when no source names a later build fixed (they are then judged unknown), verified when one does or the branch ended there`,
      });
    checkEvidence(r, [own, r.introducedEvidence ?? own, r.fixedEvidence ?? own], ctx);
  })
  .transform((r) => {
    const base = normaliseEvidence(r);
    const introducedEvidence = r.introducedEvidence ?? base.evidence;
    const fixedEvidence = r.fixedEvidence ?? base.evidence;
    const introducedOn = r.introducedOn && normaliseEvidence({ ...r.introducedOn, ...introducedOnSources(r.introducedOn, r) });
    const range = { ...base, introducedEvidence, fixedEvidence, introducedOn };
    return { ...range, verified: rangeLevels(range).every((e) => e === "verified") };
  });

/** A stable branch checked and found without the change (affectedSchema's `notTaken`). */
export const notTakenSchema = withEvidence(
  z.strictObject({
    branch: z.string().regex(/^\d+\.\d+$/, 'a stable branch, "5.10"'),
    /**
     * The last release of the branch the source covers (a changelog read up to 6.12.118), when the branch is still
     * maintained: a later release may have taken the change since, and is not covered.
     */
    through: nonEmpty.optional(),
    ...evidenceFields,
    note: nonEmpty.optional(),
  }),
);

/**
 * The first kernel.org stable release that carried a backported change, and a day no stable release carried it before
 * (its stable review mail's or the release's announcement: review 70e F4) (affectedSchema's `firstBackport`). A stable
 * branch whose last release came out before that day (KERNEL_BRANCH_ENDS) never took it.
 */
export const firstBackportSchema = withEvidence(
  z.strictObject({
    release: nonEmpty,
    date: z.iso.date(),
    ...evidenceFields,
    note: nonEmpty.optional(),
  }),
);

/** The kernel branches an image OS's release range holds on (affectedSchema's `onKernels`). */
export const onKernelsSchema = withEvidence(
  z.strictObject({
    branches: z.array(z.string().regex(/^\d+\.\d+$/, 'a kernel branch, "5.15"')).min(1),
    /** The kernel branch each variant the source names is built on ("aws-k8s-1.23": "5.10"), for a host known by its variant. */
    variants: z.record(z.string().regex(/^[a-z0-9][\w.-]*$/), z.string().regex(/^\d+\.\d+$/)).optional(),
    ...evidenceFields,
    note: nonEmpty.optional(),
  }),
);

/** What is wrong with an entry's firstBackport: it must be where one of its ranges starts, before any branch's end. */
function firstBackportProblem(
  a: { ecosystem: string; kind: string; ranges: { introduced: string }[] },
  first: { release: string; date: string },
) {
  if (a.ecosystem !== "linux" || a.kind !== "regression") return "firstBackport applies to a linux regression's stable backports";
  if (!kernelBranch(first.release) || isMainlineVersion(first.release)) return `${first.release} is no stable release (x.y.z)`;
  if (!a.ranges.some((g) => g.introduced === first.release))
    return `no range starts at ${first.release}: give the branch that took it first its range`;
  const ended = a.ranges
    .filter((g) => g.introduced !== "0" && !isMainlineVersion(g.introduced))
    .map((g) => branchEnd(g.introduced))
    .find((end) => end !== undefined && end.date < first.date);
  return ended
    ? `a range starts on the ${ended.branch} branch, which had ended (${ended.last}, ${ended.date}) before ${first.date}: one of them is wrong`
    : undefined;
}

/**
 * Ecosystems:
 * - "linux": upstream kernel versions (stable branches as separate ranges, e.g. 5.15.168 to 5.15.170);
 * - "<distro>:<release>" for distro packages: ubuntu:22.04, debian:12 (dpkg), rhel:9, fedora:41,
 *   amzn:2, amzn:2023 (rpm), arch (pacman);
 * - a component name for userland versions: kubernetes, iptables, containerd, runc, docker, systemd, ...
 */
export const affectedSchema = z.strictObject({
  /**
   * regression (default): the ranges say which versions carry the bug.
   * requirement: the bug is "older than X lacks feature Y" — `fixed` is the first version with the
   * feature. For the linux ecosystem it applies to every kernel whose upstream base is below it,
   * vendor and distro kernels included, unless `backports` names the distro package that carries it.
   * removal: "from X on, feature Y is gone" — `introduced` is the first version without it, and there
   * is no fix: a removed flag, option or API version, or an intended change of default that old setups
   * trip over (kubelet 1.8 refusing swap). For the linux ecosystem it applies to every kernel whose
   * upstream base is at or above it, vendor and distro kernels included.
   * Only a regression warns without a symptom (an advisory): a missing or removed feature matters only to
   * a setup that uses it, and then the log shows it.
   */
  kind: z.enum(["regression", "requirement", "removal"]).default("regression"),
  /** Distro kernels known to carry the feature although their upstream base is older (requirement only). */
  backports: z
    .array(
      z.strictObject({
        ecosystem: z.string().regex(/^[a-z0-9][a-z0-9._-]*(?::[a-z0-9._-]+)?$/),
        package: nonEmpty.optional(),
        /** First package version with the feature; without it every version of the package is exempt. */
        since: nonEmpty.optional(),
        source: url,
        note: nonEmpty.optional(),
      }),
    )
    .default([]),
  /**
   * Stable branches ("5.10") a curator checked and found without the change (linux only): a kernel on one is not
   * affected, where the ranges alone leave a branch between or older than theirs open ("a 5.10.y backport is not
   * recorded"). Each cites what shows it (the CVE record's list of backports, the branch's changelog).
   */
  notTaken: z.array(notTakenSchema).default([]),
  /**
   * Where a linux regression came into stable branches by backport (a range starting at a stable release such as
   * 6.6.64): the earliest stable release that carried it, with its date. Stable branches that had ended before that
   * day, and forked before any branch a range starts in by backport, are not affected, with no per-branch entry.
   */
  firstBackport: firstBackportSchema.optional(),
  /**
   * An image OS's release range (bottlerocket, flatcar, talos) that holds only on some of its kernels: Bottlerocket
   * builds each variant on its own kernel branch, and a release's variants on another branch never carried the bug.
   * A host whose own kernel is on another branch is not affected; one whose kernel is not given, affected hedged.
   */
  onKernels: onKernelsSchema.optional(),
  ecosystem: z.string().regex(/^[a-z0-9][a-z0-9._-]*(?::[a-z0-9._-]+)?$/, 'must look like "linux", "ubuntu:22.04" or "containerd"'),
  /** Source package for distros (linux, linux-azure, linux-hwe-6.8, kernel); component name otherwise. */
  package: nonEmpty,
  ranges: z.array(rangeSchema).min(1),
  note: nonEmpty.optional(),
});

/** A signature's line printed only by some releases of one of `affected`'s ecosystems (printedFrom, printedBefore). */
const printedBound = withEvidence(
  z.strictObject({ ecosystem: nonEmpty, version: nonEmpty, ...evidenceFields, note: nonEmpty.optional() }),
).optional();

const re2Pattern = z.string().refine(
  (p) => {
    try {
      RE2JS.compile(p);
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be an RE2 regex" },
);

/** A cause of a symptom, in words, with the source (among the record's references) that tells it. */
export const causeSchema = z.strictObject({ cause: nonEmpty, source: url });

export const signatureSchema = z.strictObject({
  id: slug,
  kind: z.enum(["literal", "regex"]),
  /** Literal text, or an RE2-syntax regex (linear time; no backreferences or lookaround). */
  pattern: z.string().min(4),
  /** How strongly one matching line points at this bug, in (0, 1]. */
  weight: z.number().gt(0).lte(1),
  caseSensitive: z.boolean().default(false),
  /**
   * A regex whose literals on a line it refuses show the bug absent there (`insert_failed=[1-9]` refusing
   * `insert_failed=0`): the lexical fallback then never likens that line to this record. Only where the
   * refusal is about the state the line reports, not its form (a redacted id, a quote in prose).
   */
  refutes: z.literal(true).optional(),
  /**
   * An RE2 regex (case-insensitive) for a framing of the same words that its sources show to be another
   * fault (the IPv4 `iptables` tool printing the option an IPv6-only regression breaks): a line it matches is
   * no hit of this signature, and the lexical fallback never likens that line to this record.
   */
  unless: re2Pattern.optional(),
  /**
   * The same for the line after the signature's: a warning whose tool names itself only on the next line (iptables'
   * "Warning: Extension MARK revision 0 not supported", then "iptables v1.8.7 (legacy): …").
   */
  unlessNext: re2Pattern.optional(),
  /**
   * An RE2 regex (case-insensitive) for another line of the same paste that shows this signature's line to be no
   * symptom of the bug there: the same refusal for something the bug does not concern (kubectl finding no mapping for
   * core `v1` kinds too, which no release removed: no API server is answering, whatever the manifest asks for). Beside
   * such a line the signature's hits are not evidence, and the lexical fallback never likens those lines to this record.
   */
  doubtedBy: re2Pattern.optional(),
  /**
   * The alternative component this line is the symptom of (an upstream ecosystem of `affected`): its own message
   * (dockerd's "failed to start daemon", runc's "this version of runc doesn't work on cgroups v2") or a line naming it
   * as the one failing (the Docker profile an AppArmor denial names). Beside such a line that component's version
   * decides among alternatives; a line of none (a program in the container) leaves every alternative not read open.
   */
  component: nonEmpty.optional(),
  /**
   * The releases that print this line, when only those from one release on do (the program's code read at the tags:
   * Docker 29's daemon names its raised API minimum, 1.44, in its refusal): where no version of `ecosystem` (one of
   * `affected`'s) is read, the line itself places it at `version` or later, and decides where every such version gets
   * one answer. Not for a line an older release may print when configured so, unless the note says how rare that is.
   */
  printedFrom: printedBound,
  /**
   * The releases that print this line, when only those before one release do (the fix removed the message: crun 1.14.3
   * dropped its "unknown version specified" check), read in the program's code at the tags: a reading at or past
   * `version` beside the line is another copy of the program than the one that printed it (a binary on PATH that is not
   * the one run), so it rules nothing out.
   */
  printedBefore: printedBound,
  /**
   * Other causes that print this same line, each in words with a source among the record's references (the CoreDNS
   * loop plugin's message: a systemd-resolved stub, an upstream that forwards back, CoreDNS before 1.2.6 with an upstream
   * that did not answer at start). A line so marked is this bug's symptom but never alone identifies it, however strong
   * its weight: the root cause's reason names the other causes instead (review 69a F3).
   */
  alsoPrintedBy: z.array(causeSchema).min(1).optional(),
  description: nonEmpty.optional(),
  source: url,
});

/**
 * How this bug relates to another record, from this record's own sources:
 * - masks: this bug's symptom hides the other's (fix this one to see the other);
 * - explains: this bug is the cause of the other's symptom (the other is downstream of it);
 * - confused-with: look-alike symptoms with a different cause and fix;
 * - prerequisite-of: this condition must hold for the other bug to show.
 */
export const relationSchema = z.strictObject({
  id: slug,
  kind: z.enum(["masks", "explains", "confused-with", "prerequisite-of"]),
  note: nonEmpty,
  source: url.optional(),
});

/**
 * What the bug needs around it beyond its log line (a board, a platform): a finding of this record is
 * high only when one `evidence` pattern (RE2, case-insensitive) matches the input outside the lines
 * its signatures matched. For a message that names a condition it does not prove.
 */
export const contextSchema = z.strictObject({
  requires: nonEmpty,
  evidence: z.array(re2Pattern).min(1),
  /**
   * Wording the software prints on any host that names the context without showing it (k3s's
   * "(/boot/cmdline.txt on a Raspberry Pi)" hint): a line matching one never counts as evidence.
   */
  hints: z.array(re2Pattern).optional(),
  /**
   * Ids of the record's signatures whose line shows the context by itself (kube-proxy prints "IPVS
   * proxier will not be used" only when asked for IPVS mode), unlike its other signatures' lines.
   */
  shownBy: z.array(nonEmpty).optional(),
  /**
   * The kernel modules the context is, for a kernel bug whose code lives in a module (fs/nfs/ is the nfs module): a
   * "Modules linked in:" list holding one shows the context; a list printed in the same report as the record's line and
   * holding none of them shows the line to be another fault's, on a kernel of one of `distributions`, whose configs build
   * that code as a module (on another, or a custom build, it may be built in and never listed). Review 70a F4.
   */
  modules: z
    .strictObject({
      names: z.array(z.string().regex(/^[a-z0-9_]+$/, "a module name as the kernel lists it (lower case, underscores)")).min(1),
      distributions: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/, "a distribution as a kernel release names it (fedora, ubuntu)")).min(1),
      source: url,
    })
    .optional(),
  /**
   * Lines the software prints only when the setup is not there (kube-proxy's "Using iptables Proxier" for a bug of its
   * IPVS mode), each with what it shows in words and the source its wording was read in. Where nothing shows the context,
   * such a line outside the matched lines, on the machine that printed them where the paste says whose lines are whose,
   * holds a finding that needs the context at low, saying why, and lets no version alone raise an advisory. Review 70d F7.
   */
  refutedBy: z
    .array(
      z.strictObject({
        pattern: re2Pattern,
        /** What the line shows, as a clause the answer starts with: "kube-proxy runs in iptables mode". */
        shows: nonEmpty,
        source: url,
      }),
    )
    .min(1)
    .optional(),
  /**
   * A container's output shows (or refutes) the context too, where the context is what a container sees of its host or
   * runs itself: a kernel-wide setting it reads as the host has it (a sysctl the kernel does not namespace,
   * vm.max_map_count: review 72a F5, `sysctl vm.max_map_count` at a container's prompt was the host's 262144), or the
   * workload the bug needs (an image's libc, a JVM, a VPN client). Otherwise a container's lines show nothing of the host.
   */
  fromContainers: z.literal(true).optional(),
  source: url,
});

/**
 * A cause of the same symptom that no version range covers (a configuration, a setup), from a source the record
 * cites: beside the symptom, versions past every range leave the bug undecided instead of ruling it out. `shownBy`:
 * the config setting that shows the cause itself where an input holds it (containerd's `disabled_plugins = ["cri"]`, a
 * kernel config's `# CONFIG_CGROUP_BPF is not set`), as its source prints it: the key it sets (`literal`; the last line
 * setting it decides, a config regenerated after an old one being the one in force) and an RE2 pattern that line must
 * match. `inForce`: the setting is the running program's own and cannot change under it (a kernel's build config, which
 * /proc/config.gz and /boot/config-$(uname -r) print): a line setting the key otherwise (`CONFIG_CGROUP_BPF=y`) then rules
 * the cause out; a daemon's config file may have been edited since it started, so there only the cause's own line counts.
 * `command`: the command that prints that setting on the host, as the source gives it, which the "to decide" step names
 * where the cause leaves the verdict open (the versions cannot: they already meet every range).
 */
export const unrangedCauseSchema = causeSchema.extend({
  shownBy: z
    .strictObject({
      pattern: re2Pattern,
      literal: nonEmpty,
      source: url,
      inForce: z.literal(true).optional(),
      command: nonEmpty.optional(),
    })
    .optional(),
});

/**
 * A bug that breaks containers that were already running, after an event, while a container started afterwards works
 * (NVIDIA's GPUs lost on `systemctl daemon-reload`): `after` names the event as the answer says it ("a later `systemctl
 * daemon-reload` on the host"), `event` is an RE2 pattern (case-insensitive) of a line showing it, and `source` (with
 * `sources`, among the record's references) shows the lifecycle: the container working first, failing after the event.
 * The bug's symptom printed by a fresh container's first command (`docker run … nvidia-smi` followed by the error), with no
 * earlier run of that command and no line showing the event, is then another cause's: the finding is a lead (review 73a F1).
 */
export const breaksRunningSchema = z.strictObject({
  after: nonEmpty,
  event: re2Pattern,
  source: url,
  sources: z.array(url).default([]),
  note: nonEmpty.optional(),
});

/** An example's inputs are the engine's diagnose fields, except `logs`, which examples call `log`. */
export const exampleFieldsSchema = z.object(diagnoseFieldsShape).omit({ logs: true });

export const exampleSchema = z.strictObject({
  title: nonEmpty,
  source: url,
  ...exampleFieldsSchema.shape,
  log: z.string().default(""),
  /** top1: this bug ranks first; present: among the findings; absent: not matched with high confidence. */
  expect: z.enum(["top1", "present", "absent"]),
  verdict: z.enum(["affected", "not-affected", "unknown"]).optional(),
  /**
   * The example is found by the recall tier on purpose (a wording no signature holds): without it, a top1 or present
   * example must be hit by one of its own record's signatures (kb:check), so a signature that stopped matching its
   * example is not hidden by a resemblance that still finds it.
   */
  recall: z.literal(true).optional(),
  note: nonEmpty.optional(),
});

export const bugRecordSchema = z
  .strictObject({
    id: slug,
    title: nonEmpty,
    summary: nonEmpty,
    components: z.array(nonEmpty).min(1),
    aliases: z.array(aliasSchema).default([]),
    commits: z.array(commitSchema).default([]),
    affected: z.array(affectedSchema).default([]),
    signatures: z.array(signatureSchema).min(1),
    rootCause: nonEmpty,
    fix: nonEmpty,
    reboot: z.enum(["required", "not-required", "depends"]),
    workarounds: z.array(nonEmpty).default([]),
    references: z.array(referenceSchema).min(2),
    examples: z.array(exampleSchema).min(1),
    /** Facts we could not confirm, in words; shown by the API whenever it uses this record. */
    unverified: z.array(nonEmpty).default([]),
    /** Other records this bug masks, explains, is confused with, or is a prerequisite of. */
    relations: z.array(relationSchema).default([]),
    /** What the bug needs around it beyond its log line; see contextSchema. */
    context: contextSchema.optional(),
    /** The bug breaks only containers already running, after an event; see breaksRunningSchema. */
    breaksRunning: breaksRunningSchema.optional(),
    /** Causes of the same symptom that no range covers; see unrangedCauseSchema. */
    unrangedCauses: z.array(unrangedCauseSchema).default([]),
    /**
     * Setups in which the bug's symptom was not confirmed to be this bug (what `unverified` says in words), each as the
     * answer names it, an RE2 pattern (case-insensitive) of a line showing it, and the source that tells the setup's own
     * cause: a paste showing one lowers the finding one step (high to medium, medium to low) and says why. Review 72a F1:
     * a Proxmox LXC guest's EPERM on /dev/net/tun, which its LXC config's device rule fixes, not runc.
     */
    unconfirmedSetups: z.array(z.strictObject({ setup: nonEmpty, pattern: re2Pattern, source: url })).default([]),
    /**
     * The bug lives only in the builds or policy of the distributions `affected` names (Ubuntu's AppArmor
     * policy, a SAUCE patch, RHEL 7's kernel default): a host of another distribution is not affected.
     */
    distributionOnly: z.boolean().optional(),
    /**
     * The bug lives in a Linux facility its components use (cgroups, AppArmor, seccomp, iptables, a
     * Linux build's glibc), as its root cause says: the same component release on a Windows node of a nodes table
     * is not affected.
     */
    linuxOnly: z.boolean().optional(),
    /**
     * The device drivers (as the kernel names them: `ena`, `bnxt_en`) whose messages all its signatures are, for a record
     * about one driver. A line naming another driver, as the kernel opens a device's messages ("bnxt_en 0000:40:00.0
     * eno12399np0: …"), is then no rewording of them (recall/device-drivers.ts). Each must be a driver the device lines of
     * its positive examples name, and those name no other.
     */
    drivers: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "must be a driver's name as the kernel prints it (ena, bnxt_en)"))
      .min(1)
      .optional(),
    /**
     * The bug needs its components together (a kube-proxy release with an old kernel, crun with an old
     * SELinux policy): groups of `affected` ecosystems, each group the views of one component. A version
     * alone warns (and a node counts as in range) only when one host has every component in range.
     */
    together: z.array(z.array(nonEmpty).min(1)).min(2).optional(),
  })
  .superRefine((r, ctx) => {
    // A cause of a line, on a signature or on the record, is read in a source the record cites.
    const cited = (source: string, path: (string | number)[]) => {
      if (!r.references.some((ref) => ref.url === source))
        ctx.addIssue({ code: "custom", path, message: "cite a source among the record's references" });
    };
    r.signatures.forEach((sig, i) => {
      sig.alsoPrintedBy?.forEach((c, j) => {
        cited(c.source, ["signatures", i, "alsoPrintedBy", j, "source"]);
      });
    });
    if (r.breaksRunning)
      for (const [i, source] of [r.breaksRunning.source, ...r.breaksRunning.sources].entries())
        cited(source, i === 0 ? ["breaksRunning", "source"] : ["breaksRunning", "sources", i - 1]);
    r.unconfirmedSetups.forEach((c, i) => {
      cited(c.source, ["unconfirmedSetups", i, "source"]);
    });
    r.unrangedCauses.forEach((c, i) => {
      cited(c.source, ["unrangedCauses", i, "source"]);
      if (c.shownBy) cited(c.shownBy.source, ["unrangedCauses", i, "shownBy", "source"]);
      if (c.shownBy && !c.shownBy.pattern.includes(c.shownBy.literal))
        ctx.addIssue({
          code: "custom",
          path: ["unrangedCauses", i, "shownBy", "literal"],
          message: "must be written in the pattern as every line it matches holds it",
        });
    });
    if (!r.references.some((ref) => ref.primary)) {
      ctx.addIssue({ code: "custom", path: ["references"], message: "needs at least one primary reference" });
    }
    for (const [i, step] of fixStepsOf(r.fix).entries()) {
      if (step.length > MAX_FIX_STEP)
        ctx.addIssue({
          code: "custom",
          path: ["fix"],
          message: `step ${i + 1} has ${step.length} characters, more than ${MAX_FIX_STEP}: split it (chat answers show whole steps, and a tired reader takes one at a time)`,
        });
    }
    const positives = r.examples.filter((e) => e.expect !== "absent").length;
    if (positives < 2)
      ctx.addIssue({
        code: "custom",
        path: ["examples"],
        message: `needs at least 2 positive examples (top1 or present), has ${positives}`,
      });
    if (positives === r.examples.length)
      ctx.addIssue({ code: "custom", path: ["examples"], message: "needs at least 1 negative example (expect: absent)" });
    if (r.distributionOnly) {
      const others = r.affected.filter((a) => ownSystem(a.ecosystem) === null);
      if (!r.affected.length || others.length)
        ctx.addIssue({
          code: "custom",
          path: ["distributionOnly"],
          message:
            "needs every affected entry to be a distribution release's (ubuntu:24.04, rhel:7, ...) or an image OS's (bottlerocket, talos, flatcar)",
        });
    }
    r.affected.forEach((a, i) => {
      if (a.onKernels && !IMAGE_OS.has(a.ecosystem))
        ctx.addIssue({
          code: "custom",
          path: ["affected", i, "onKernels"],
          message: `applies to an image OS's releases (${[...IMAGE_OS].join(", ")}), whose variants run different kernels`,
        });
    });
    if (r.together) {
      const grouped = r.together.flat();
      const ecosystems = new Set(r.affected.map((a) => a.ecosystem));
      if (new Set(grouped).size !== grouped.length || grouped.length !== ecosystems.size || grouped.some((e) => !ecosystems.has(e)))
        ctx.addIssue({
          code: "custom",
          path: ["together"],
          message: "must put each ecosystem of `affected` in exactly one group",
        });
    }
    const components = new Set(r.affected.filter((a) => !a.ecosystem.includes(":")).map((a) => a.ecosystem));
    r.signatures.forEach((sig, i) => {
      if (sig.component !== undefined && !components.has(sig.component))
        ctx.addIssue({
          code: "custom",
          path: ["signatures", i, "component"],
          message: `must name a component the record ranges (${[...components].join(", ") || "none"})`,
        });
      if (sig.refutes && sig.kind !== "regex")
        ctx.addIssue({
          code: "custom",
          path: ["signatures", i, "refutes"],
          message: "refutes applies to a regex (a literal refuses no line)",
        });
      for (const field of ["printedFrom", "printedBefore"] as const) {
        const printed = sig[field];
        if (printed && !r.affected.some((a) => a.ecosystem === printed.ecosystem))
          ctx.addIssue({
            code: "custom",
            path: ["signatures", i, field, "ecosystem"],
            message: `must name an ecosystem the record ranges (${[...new Set(r.affected.map((a) => a.ecosystem))].join(", ") || "none"})`,
          });
      }
    });
    if (r.drivers) {
      const shown = new Set(r.examples.filter((e) => e.expect !== "absent").flatMap((e) => [...namedDrivers(e.log)]));
      const listed = new Set(r.drivers.map(driverName));
      r.drivers.forEach((d, i) => {
        if (!shown.has(driverName(d)))
          ctx.addIssue({
            code: "custom",
            path: ["drivers", i],
            message: `no device line of a positive example names ${d} ("${d} <bus address> <interface>: …", as the kernel opens its messages)`,
          });
      });
      for (const d of shown)
        if (!listed.has(d))
          ctx.addIssue({
            code: "custom",
            path: ["drivers"],
            message: `a positive example's device line names ${d}: list it, or the record is not one driver's`,
          });
    }
    r.context?.shownBy?.forEach((id, i) => {
      if (!r.signatures.some((s) => s.id === id))
        ctx.addIssue({ code: "custom", path: ["context", "shownBy", i], message: `no signature "${id}" in this record` });
    });
    for (const [i, a] of r.affected.entries())
      for (const [j, g] of a.ranges.entries())
        for (const [k, id] of (g.symptoms ?? []).entries())
          if (!r.signatures.some((s) => s.id === id))
            ctx.addIssue({
              code: "custom",
              path: ["affected", i, "ranges", j, "symptoms", k],
              message: `no signature "${id}" in this record`,
            });
    r.affected.forEach((a, i) => {
      a.ranges.forEach((g, j) => {
        const levels = [g.evidence, g.introducedEvidence, g.fixedEvidence];
        const secondhand = otherChangesOnly(g, levels, (u) => isEcosystemsChange(u, a.ecosystem, a.package));
        if (secondhand) ctx.addIssue({ code: "custom", path: ["affected", i, "ranges", j, "source"], message: secondhand });
      });
      a.notTaken.forEach((n, j) => {
        const path = ["affected", i, "notTaken", j];
        if (a.ecosystem !== "linux" || a.kind !== "regression")
          ctx.addIssue({ code: "custom", path, message: "notTaken applies to a linux regression's stable branches" });
        else if (a.ranges.some((g) => [g.introduced, g.fixed, g.lastAffected].some((v) => v && kernelBranch(v) === n.branch)))
          ctx.addIssue({ code: "custom", path, message: `the ${n.branch} branch has a range: it took the change` });
        else if (n.through !== undefined && kernelBranch(n.through) !== n.branch)
          ctx.addIssue({ code: "custom", path: [...path, "through"], message: `through must be a release of the ${n.branch} branch` });
      });
      const firstBackport = a.firstBackport && firstBackportProblem(a, a.firstBackport);
      if (firstBackport) ctx.addIssue({ code: "custom", path: ["affected", i, "firstBackport"], message: firstBackport });
      if (a.backports.length && a.kind !== "requirement")
        ctx.addIssue({ code: "custom", path: ["affected", i, "backports"], message: "backports only apply to kind: requirement" });
      if (a.kind === "requirement")
        a.ranges.forEach((g, j) => {
          if (g.introduced !== "0" || !g.fixed)
            ctx.addIssue({
              code: "custom",
              path: ["affected", i, "ranges", j],
              message: 'a requirement range is introduced: "0" with fixed: the first version that has the feature',
            });
        });
      if (a.kind === "removal")
        a.ranges.forEach((g, j) => {
          if (g.introduced === "0" || g.fixed || g.lastAffected)
            ctx.addIssue({
              code: "custom",
              path: ["affected", i, "ranges", j],
              message: "a removal range is introduced: the first version without the feature, with no fixed or lastAffected",
            });
        });
    });
    for (const p of startProblems(r)) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
    r.relations.forEach((rel, i) => {
      if (rel.id === r.id) ctx.addIssue({ code: "custom", path: ["relations", i, "id"], message: "a record cannot relate to itself" });
    });
    const seen = new Set<string>();
    r.signatures.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: ["signatures", i, "id"], message: `duplicate signature id "${s.id}"` });
      seen.add(s.id);
    });
  });

/**
 * What is wrong with a record's range start dates (`introducedOn`): the engine dates a symptom out against the earliest of
 * them only where every range that could start earlier is dated and the bug has a start at all (recordStart), so a date
 * that could never count is said, as is a linux range dated after the stable release its entry says carried the change.
 */
function startProblems(r: Parameters<typeof recordStart>[0]): { path: PropertyKey[]; message: string }[] {
  const dated = r.affected.flatMap((a, i) =>
    a.ranges.flatMap((g, j) => (g.introducedOn ? [{ a, g, path: ["affected", i, "ranges", j, "introducedOn"] }] : [])),
  );
  if (!dated.length) return [];
  const reading = recordStart(r);
  if (reading.timeless) return dated.map(({ path }) => ({ path, message: `no start date counts here: ${reading.timeless}` }));
  const problems = reading.undated.map(([i, j]) => ({
    path: ["affected", i, "ranges", j],
    message:
      "date this range's start too (introducedOn): a symptom is dated out against the earliest start of every range, and an undated one may be earlier (a distribution's or package repository's build of a dated upstream range needs none)",
  }));
  for (const { a, g, path } of dated) {
    const first = a.firstBackport;
    if (first && g.introduced === first.release && g.introducedOn && g.introducedOn.date > first.date)
      problems.push({
        path: [...path, "date"],
        message: `${first.release} was out on ${first.date} (firstBackport), so its change existed by then: ${g.introducedOn.date} is too late`,
      });
  }
  return problems;
}

export type BugRecord = z.infer<typeof bugRecordSchema>;
export type BugRecordInput = z.input<typeof bugRecordSchema>;
export type Signature = z.infer<typeof signatureSchema>;
export type AffectedEntry = z.infer<typeof affectedSchema>;
export type VersionRange = z.infer<typeof rangeSchema>;
export type Example = z.infer<typeof exampleSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type RelationKind = Relation["kind"];

/** Every parsed record is one the engine can diagnose with (a compile-time check of src/engine/record.ts). */
export const RECORD_FITS_ENGINE: BugRecord extends EngineRecord ? true : never = true;
