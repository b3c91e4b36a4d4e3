import { z } from "@hono/zod-openapi";
import type {
  BelowRemoval,
  ClosestRecord,
  Diagnosis,
  Evidence,
  Finding,
  LogEvidence,
  NodeReport,
  PresentState,
  RelatedFinding,
  RootCause,
  ScoreComponents,
  Verdict,
  VersionEvidence,
} from "../../engine/diagnosis";
import type { IptablesFacts, KernelFacts, KernelPackage, NodeRow, OsFacts } from "../../engine/types";
import type { ServedDiagnosis } from "../../service/cap-diagnosis";
import type { Equal, Expect } from "./type-equal";

/**
 * The documented shape of a diagnosis: the answer of POST /diagnose. The engine's types stay plain
 * interfaces; each schema below is checked at compile time to be exactly its engine type, so a field
 * added to the engine (or here) without the other breaks `npm run typecheck`. Extend both together.
 */

const certainty = z.enum(["exact", "derived", "partial", "unknown"]);
const versionScheme = z.enum(["linux", "dpkg", "rpm", "pacman", "semver"]);
const verdictStatus = z.enum(["affected", "not-affected", "unknown"]);
const evidenceLevel = z.enum(["verified", "corroborated", "reported"]).openapi({
  description: "verified: a primary source; corroborated: two or more independent reports with exact versions; reported: one report.",
});

const kernelPackageSchema = z
  .object({
    ecosystem: z.string().nullable().openapi({ example: "ubuntu:22.04" }),
    names: z.array(z.string()),
    version: z.string().openapi({ example: "5.15.0-127.137" }),
    scheme: versionScheme,
    certainty,
    note: z.string(),
    alternatives: z
      .array(z.object({ ecosystem: z.string(), names: z.array(z.string()) }))
      .optional()
      .openapi({
        description: "Other release/package pairs the same uname -r could be (Ubuntu cloud and HWE kernels without os-release).",
      }),
    decidedBy: z.string().optional().openapi({ description: "The fact that would settle the alternatives." }),
    releaseNamed: z.string().optional().openapi({
      description:
        "The release that chose this package among the alternatives, named in the text (an issue template's OS field, a sentence) and not read from the host: every answer on it is hedged.",
      example: "ubuntu:24.04",
    }),
    rebuildOf: z
      .object({ ecosystem: z.string(), names: z.array(z.string()), version: z.string() })
      .optional()
      .openapi({
        description:
          "The build a backport rebuilds (5.15.0-130.140~20.04.1 is 22.04's linux 5.15.0-130.140 rebuilt for 20.04): a fix the record places in that build is in this one.",
      }),
    versionFrom: z
      .string()
      .optional()
      .openapi({ description: "With no package version known (Debian's `uname -r` is an ABI name): the output that prints it." }),
    uploads: z
      .array(z.string())
      .optional()
      .openapi({
        description:
          "With an ABI name alone: every package version the distribution's changelog lists under it; a verdict they all share is given.",
        example: ["6.1.106-1", "6.1.106-2"],
      }),
  })
  .openapi("KernelPackage");

const kernelReadingSchema = z.object({
  release: z.string().openapi({ example: "5.15.0-127-generic" }),
  build: z.string().nullable(),
  upstream: z.string().nullable(),
  upstreamCertainty: certainty,
  branch: z.string().nullable(),
  flavour: z.string().nullable(),
  distro: z.string().nullable(),
  package: kernelPackageSchema.nullable(),
  machine: z.string().nullable(),
  line: z.number().int().optional(),
  named: z.literal(true).optional().openapi({
    description:
      "The release was read from a person's sentence (\"on kernel 5.4.0-42-generic\") or a tool's path (`via`), not from the kernel's own output: no check on it is certain, and a not-affected it gives is hedged, and unknown whenever the log shows any sign of the bug.",
  }),
  via: z.string().optional().openapi({
    description:
      "What named the release when not a sentence: a path a tool printed, which may be another kernel's (modprobe run for another kernel or on another machine).",
    example: "modprobe's module path (/lib/modules/<release>)",
  }),
  emulatedBy: z.string().optional().openapi({
    description:
      "The release is no Linux kernel's: what serves the system calls printed a fixed one (gVisor's 4.4.0, WSL 1's 4.4.0-<Windows build>-Microsoft), so no kernel range judges it.",
    example: "gVisor",
  }),
  seriesOnly: z.literal(true).optional().openapi({
    description:
      "A vendor's ABI name built from a series that names its releases x.y.0 whatever stable sublevel they carry (Proxmox's 6.14.0-2-pve, Raspberry Pi OS's 6.1.0-rpi7-rpi-v8): `upstream` is unknown, `branch` is not, and it is judged as any release of that series would be.",
  }),
});

const kernelFactsSchema = kernelReadingSchema
  .extend({
    printed: kernelReadingSchema.optional().openapi({
      description:
        "The kernel as its own output gave it (`uname -r`), where a package listing's row supplied its build (`via` names the row): it decides alone wherever the build does not matter.",
    }),
  })
  .openapi("KernelFacts");

const osFactsSchema = z
  .object({
    id: z.string(),
    idLike: z.array(z.string()),
    versionId: z.string().nullable(),
    prettyName: z.string().nullable(),
    codename: z.string().nullable(),
    ubuntuBase: z.string().optional().openapi({
      description: "The Ubuntu LTS whose kernel packages a derivative (Mint, elementary, Zorin, neon) installs, from UBUNTU_CODENAME.",
    }),
    buildId: z.string().optional(),
    variant: z.string().optional().openapi({
      description: "os-release VARIANT_ID, or the variant an image OS's name carries (Bottlerocket's aws-k8s-1.24): its kernel.",
    }),
    lines: z.tuple([z.number().int(), z.number().int()]).optional(),
  })
  .openapi("OsFacts");

const iptablesFactsSchema = z
  .object({
    version: z.string(),
    backend: z.enum(["legacy", "nf_tables"]).nullable(),
    binary: z.string(),
    line: z.number().int(),
  })
  .openapi("IptablesFacts");

const nodeRowSchema = z
  .object({
    name: z.string(),
    status: z.string(),
    roles: z.string(),
    version: z.string(),
    internalIp: z.string().nullable(),
    osImage: z.string().nullable(),
    kernel: z.string().nullable(),
    runtime: z.string().nullable(),
    build: z.string().nullable().optional(),
    iptables: z.string().nullable().optional(),
    line: z.number().int(),
  })
  .openapi("NodeRow");

const logEvidenceSchema = z
  .object({
    kind: z.literal("log"),
    line: z
      .number()
      .int()
      .openapi({ description: "1-based, in the text sent (the `logs` field for JSON, the whole body for text/plain)." }),
    text: z.string(),
    signature: z.string(),
    weight: z.number(),
    matchAt: z.number().int().min(0).optional().openapi({
      description:
        "On a long line: where in `text` (0-based, UTF-16 code units) the signature's fixed words start, so that a client showing part of the line can show the words that decided.",
    }),
    blockStart: z.number().int().optional(),
    approximate: z.enum(["tokens", "similar"]).optional().openapi({
      description: "Found by the recall tier (a token signature, or resemblance to the record's text), not an exact signature.",
    }),
    host: z.string().optional().openapi({
      description:
        "Hosts form: the host whose bundle holds the line; `line` counts lines of that bundle. In a paste of several nodes: the node that printed the line, where the paste shows which.",
    }),
    alsoPrintedBy: z.array(z.string()).optional().openapi({
      description:
        "Other causes the record names for this line, in words: the line is this bug's symptom, but it does not alone identify it.",
    }),
  })
  .openapi("LogEvidence");

const versionEvidenceSchema = z
  .object({
    kind: z.literal("version"),
    subject: z.string(),
    value: z.string(),
    ecosystem: z.string(),
    range: z.string(),
    result: verdictStatus,
    reason: z.string(),
    certain: z.boolean(),
    level: evidenceLevel,
    unverified: z.boolean().openapi({ description: "Kept for older clients: true when level is reported." }),
    hedgedFrom: z.literal("not-affected").optional().openapi({
      description:
        "On an unknown result: the ranges would say not-affected, but only through an end resting on a single report. The bug's own symptom may then make the verdict affected, at level reported.",
    }),
    unlessBackported: z.literal(true).optional().openapi({
      description:
        "The result holds only unless a backport the record does not list brought the change: a distribution's build predating the bug's first release (a Debian or Ubuntu kernel's series, a distribution's package of a component such as RHEL's docker 1.13.1), a distribution's or vendor's kernel on a branch the record's curator found without the change, or a kernel on a stable branch older than or between those the record covers. The bug's own symptom in the log makes the verdict unknown.",
    }),
    noDecidingRange: z.literal(true).optional().openapi({
      description:
        "No single range decided the result: no range of the record lies on the version's own release line, and the answer rests on the record's ranges together. Beside the bug's symptom, a not-affected resting on one report stays unknown rather than becoming affected.",
    }),
    beforeStart: z.literal(true).optional().openapi({
      description:
        "Beside hedgedFrom: the end resting on one report is the range's first affected version and the version is before it. That report is the earliest seen failing, which says nothing of older versions: the bug's symptom leaves the verdict unknown.",
    }),
    pastBranch: z.literal(true).optional().openapi({
      description:
        "Beside hedgedFrom: the version is past the end resting on one report by a whole release branch or more. The bug's symptom does not stretch that end so far: the verdict stays unknown.",
    }),
    namedOnly: z.literal(true).optional().openapi({
      description:
        "On a not-affected result read from a version the report only names (a sentence, a typed answer, another machine's heading) or a NotReady node last reported, not the host's own current output: hedged (certain is false), and any sign of the bug in the log (a line of it, or one resembling it) makes the verdict unknown, since the version that failed may be another.",
    }),
    onlyLinux: z.literal(true).optional().openapi({
      description:
        "A Linux-only bug (its root cause is a Linux facility) ruled out for a Windows node of a nodes table; the bug's own symptom in the log makes the verdict unknown, since only a Linux host prints it.",
    }),
    otherComponent: z.literal(true).optional().openapi({
      description:
        "The version read is another component's (the kubelet's, for the API server or kube-proxy): it can say affected, hedged, never not-affected; an undecided one leaves the answer to a version of the component itself named in the text.",
    }),
    source: z.string().optional(),
  })
  .openapi("VersionEvidence");

const evidenceSchema = z.discriminatedUnion("kind", [logEvidenceSchema, versionEvidenceSchema]).openapi("Evidence");

const presentStateSchema = z
  .object({
    component: z.string().openapi({ description: 'What the paste changed after the failure: "kernel", or the component\'s ecosystem.' }),
    version: z.string().openapi({ description: "The version the host's own output read after the change, as printed." }),
    line: z.number().int().optional().openapi({ description: "The line that printed it, where one did (a kernel's uname)." }),
    status: verdictStatus.openapi({
      description:
        "That version against the record's ranges: not-affected (at or after the fix, or before the bug), affected (still in range) or unknown.",
    }),
    fixed: z.boolean().openapi({ description: "Whether the version is at or after the fix of the range the failing version was in." }),
    certain: z
      .literal(false)
      .optional()
      .openapi({ description: "Present (false) when that answer rests on a reading that is not certain." }),
    reason: z.string().openapi({
      example:
        "the host now runs 5.15.0-130-generic (ubuntu:22.04 linux 5.15.0-130.140, read on line 13, after the reboot), the first fixed build",
    }),
    fixStep: z
      .number()
      .int()
      .optional()
      .openapi({ description: "The number of the fix's step the paste shows done (its upgrade), where the version is fixed." }),
  })
  .openapi("PresentState", {
    description:
      "What the host runs now, where the paste changes what the verdict judged after the failure (a reboot at the prompt into another kernel, an upgrade whose component's own output is read after it). The verdict stays the failing version's; only the host's own output after the change counts, never a version named in a sentence (review 69c F4).",
  });

const verdictSchema = z
  .object({
    status: verdictStatus,
    reason: z.string(),
    level: evidenceLevel.optional(),
    certain: z.literal(false).optional().openapi({
      description:
        "Present (false) when the answer rests on a reading that is not certain: a version the report names rather than the host's own output, the Docker CLI's version alone (the daemon's may differ), what a NotReady node last reported, a package listing, a kernel build whose upload is unknown, or one alternative component read while another the bug also lies in is not. `level` says how well the range end is established; this, whether the version read is the one that failed.",
    }),
    now: presentStateSchema.optional(),
    symptom: z.enum(["not-specific", "refuted"]).optional().openapi({
      description:
        'Beside status "affected": the versions are in the bug\'s range, but the log\'s symptom does not place the bug. "not-specific": every matched line is one other causes print too (the evidence\'s alsoPrintedBy; review 71a F4); "refuted": a line shows the setup the bug needs absent (review 71a F2), or the symptom is a fresh container\'s first output, of a bug that breaks running containers only (review 73a F1). Every door says "in range, symptom not specific" or "in range, setup refuted" in place of "affected". Absent otherwise.',
    }),
    decideWith: z
      .object({
        command: z.string().optional().openapi({
          example: "crun --version",
          description:
            "The command, as typed. Absent where no command the host can run decides it (a component built into another program the record has no data for): `step` says what would.",
        }),
        step: z.string().openapi({
          example:
            "the paste's 1.23.1 may not be the version that failed: run `podman info --format '{{.Host.OCIRuntime.Path}}'` then run that path with --version, on the host that printed the log's lines",
        }),
      })
      .optional()
      .openapi("DecideWith", {
        description:
          "On an unknown or hedged (certain: false) verdict of a record with version data: the one command whose output would decide it, from the record's own confirm step where it names one, else by the component's kind; `step` says it in words (where the paste already read that version, what the reading lacks first). Every door shows `step` after the reason (review 70d F6).",
      }),
  })
  .openapi("Verdict");

const relatedFindingSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["masks", "masked-by", "explains", "explained-by", "prerequisite-of", "requires", "confused-with"]),
    note: z.string(),
  })
  .openapi("RelatedFinding");

const rootCauseSchema = z
  .object({ id: z.string(), reason: z.string(), others: z.array(z.object({ id: z.string(), reason: z.string() })) })
  .openapi("RootCause");

const scoreComponentsSchema = z
  .object({ signals: z.number(), version: z.number(), verification: z.number(), matchedSignatures: z.number().int() })
  .openapi("ScoreComponents");

const belowRemovalSchema = z
  .object({
    release: z.string().openapi({ description: 'The kubelet release that removed what the machines shown refuse ("1.27.0").' }),
    hosts: z.array(z.string()),
  })
  .openapi("BelowRemoval", {
    description:
      "Beside `hosts`, for a kubelet removal (a flag or behaviour a kubelet release removed): the other hosts (or Ready nodes of the paste) whose kubelet runs a release before `release`. Upgraded to it or later, they hit this bug if set up as the machines it is shown on, which alone the paste shows with the removed setup.",
  });

const findingSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    score: z.number(),
    confidence: z.enum(["high", "medium", "low"]),
    verdict: verdictSchema,
    evidence: z.array(evidenceSchema),
    scoreComponents: scoreComponentsSchema,
    fix: z.string(),
    reboot: z.string(),
    workarounds: z.array(z.string()),
    references: z.array(z.string()),
    unverified: z.array(z.string()),
    related: z.array(relatedFindingSchema).optional(),
    hosts: z.array(z.string()).optional().openapi({
      description:
        "The hosts this finding hits: in the hosts form its log lines' hosts (for an advisory, its version range's); in a paste of several nodes, the nodes that printed its lines, where every line resolves to one.",
    }),
    quietHosts: z.array(z.string()).optional().openapi({
      description:
        "Beside `hosts`: other hosts (or nodes of the paste) whose own versions are in the bug's range although no line of theirs shows it (their version checks are in `evidence`, within its cap).",
    }),
    belowRemoval: belowRemovalSchema.optional(),
    ruledOutOn: z.array(z.string()).optional().openapi({
      description:
        "Of `hosts`: those whose own versions rule the bug out although their lines show its symptom, where the finding as a whole is not ruled out: look for another cause there.",
    }),
    undecidedOn: z.array(z.string()).optional().openapi({
      description:
        "Of `hosts`: those whose own versions do not decide the bug beside its symptom (neither hit nor ruled out), where the finding as a whole is decided: send what its version check asks for.",
    }),
    matchedLines: z.number().int().optional().openapi({
      description:
        "How many input lines (of all hosts, in the hosts form) this finding's signatures matched, present when `evidence` shows fewer: it shows a few per signature (five; twenty across hosts). `truncated` says so too.",
    }),
  })
  .openapi("Finding");

const nodeReportSchema = z
  .object({
    name: z.string(),
    kernel: z.string().nullable(),
    osImage: z.string().nullable(),
    runtime: z.string().nullable(),
    version: z.string().nullable(),
    iptables: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'Hosts only: "1.8.7 (nf_tables)"; a kubectl table does not show it.' }),
    line: z.number().int(),
    outlier: z.boolean(),
    differs: z.array(z.enum(["kernel", "osImage", "runtime", "version", "iptables"])),
    inRange: z.array(z.string()),
    findings: z.array(z.string()),
    matched: z.array(z.string()).openapi({
      description: "Known bugs whose signatures matched lines this node printed (its own bundle's, in the hosts form).",
    }),
  })
  .openapi("NodeReport");

const closestRecordSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    sharedWords: z.array(z.string()).openapi({ description: "The report's words the record's description holds, rarest first." }),
    verdict: verdictSchema.optional().openapi({
      description:
        "The record's verdict on the input's versions (no symptom matched, so it says only whether the versions are in its range): affected or not-affected, present only where the versions decide it.",
    }),
  })
  .openapi("ClosestRecord");

export const kbStampSchema = z
  .object({ version: z.string().openapi({ example: "kb-0123456789abcdef" }), records: z.number().int() })
  .openapi("KbStamp");

export const diagnosisSchema = z
  .object({
    kb: kbStampSchema,
    facts: z.object({
      kernel: kernelFactsSchema.nullable().openapi({
        description:
          "The host's kernel. Where a reboot at the prompt parts the paste's boots and its unames give two kernels, the one it runs now (after the last reboot); `failureKernel` is then the one the failure's own boot ran (review 69c F4).",
      }),
      failureKernel: kernelFactsSchema.optional().openapi({
        description:
          "Beside a running `kernel` a reboot parted from the failure: the kernel of the failure's own boot, which the verdicts judge.",
      }),
      os: osFactsSchema.nullable(),
      iptables: iptablesFactsSchema.nullable(),
      nodes: z.array(nodeRowSchema),
    }),
    findings: z.array(findingSchema),
    advisories: z.array(findingSchema),
    nodes: z.array(nodeReportSchema),
    rootCause: rootCauseSchema.nullable(),
    hosts: z
      .array(nodeReportSchema)
      .optional()
      .openapi({ description: "Hosts form only: each host compared with its peers (kernel, OS image, kubelet, runtime, iptables)." }),
    closest: z.array(closestRecordSchema).openapi({
      description:
        "Only when there is no finding and the report describes a failure: up to three records whose descriptions share the most distinctive words with it, closest first. A search result to check, not a diagnosis: no signature matched.",
    }),
    focus: z.object({ id: z.string(), verdict: verdictSchema }).optional().openapi({
      description: "Only when a door asked about one record (the lookup page's check against a bug): its verdict on the input's versions.",
    }),
    notes: z.array(z.string()).optional().openapi({
      description:
        "What the paste itself lost that the answer needed, and how to send it whole: today, journal lines `systemctl status` cut at the terminal's width, when nothing matched at medium or above.",
    }),
    limited: z.object({ findings: z.number().int(), advisories: z.number().int() }).optional().openapi({
      description:
        "How many findings and advisories matched beyond `limit` (default 10) and were left out, weakest first; absent when none were. `truncated` says so too.",
    }),
  })
  .openapi("Diagnosis");

/** What an answer left out (src/service/cap-diagnosis.ts): beyond the caps, counts and a note. */
export const truncationSchema = z
  .object({
    what: z.string().openapi({ example: "nodes" }),
    shown: z.number().int(),
    total: z.number().int(),
    note: z.string(),
  })
  .openapi("Truncation");

/** The diagnosis as served: the engine's answer, capped in size, saying what it left out. */
export const servedDiagnosisSchema = diagnosisSchema.extend({ truncated: z.array(truncationSchema).optional() }).openapi("ServedDiagnosis");

// Compile-time proof that the document cannot drift from the engine's answers (both directions).
type _Checks = [
  Expect<Equal<z.infer<typeof kernelPackageSchema>, KernelPackage>>,
  Expect<Equal<z.infer<typeof kernelFactsSchema>, KernelFacts>>,
  Expect<Equal<z.infer<typeof osFactsSchema>, OsFacts>>,
  Expect<Equal<z.infer<typeof iptablesFactsSchema>, IptablesFacts>>,
  Expect<Equal<z.infer<typeof nodeRowSchema>, NodeRow>>,
  Expect<Equal<z.infer<typeof logEvidenceSchema>, LogEvidence>>,
  Expect<Equal<z.infer<typeof versionEvidenceSchema>, VersionEvidence>>,
  Expect<Equal<z.infer<typeof evidenceSchema>, Evidence>>,
  Expect<Equal<z.infer<typeof presentStateSchema>, PresentState>>,
  Expect<Equal<z.infer<typeof verdictSchema>, Verdict>>,
  Expect<Equal<z.infer<typeof scoreComponentsSchema>, ScoreComponents>>,
  Expect<Equal<z.infer<typeof belowRemovalSchema>, BelowRemoval>>,
  Expect<Equal<z.infer<typeof findingSchema>, Finding>>,
  Expect<Equal<z.infer<typeof nodeReportSchema>, NodeReport>>,
  Expect<Equal<z.infer<typeof relatedFindingSchema>, RelatedFinding>>,
  Expect<Equal<z.infer<typeof rootCauseSchema>, RootCause>>,
  Expect<Equal<z.infer<typeof closestRecordSchema>, ClosestRecord>>,
  Expect<Equal<z.infer<typeof diagnosisSchema>, Diagnosis>>,
  Expect<Equal<z.infer<typeof servedDiagnosisSchema>, ServedDiagnosis>>,
];
