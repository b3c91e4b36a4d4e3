import type { KbMeta } from "../../db/bug-queries";
import { ADVISORY_OPENING } from "../../engine/diagnose";
import type { NodeReport, Verdict, VersionEvidence } from "../../engine/diagnosis";
import {
  type DiagnosisSummary,
  type EvidenceLine,
  type FindingSummary,
  failureKernelNote,
  kernelPackageNote,
  NO_SPECIFIC_MATCH,
  namedKernelNote,
  RESEMBLES_NOTE,
  REWORDED_NOTE,
  resemblesOnly,
  sharedOnlySaid,
  verdictLabel,
  verdictWhy,
} from "../../engine/summary";
import { Badge, Inline, PasteForm, RebootBadge, Workarounds } from "../parts/common";
import { FixSteps } from "../parts/fix-steps";
import { Layout } from "../parts/layout";

export interface ResultPageProps {
  kb: KbMeta | null;
  summary: DiagnosisSummary;
  /** The record the paste form was scoped to, when it came from a record page. */
  focus?: { id: string; title: string } | undefined;
  maxBytes: number;
}

const VERDICT_WORDS = { affected: "affected", "not-affected": "not affected", unknown: "unknown" } as const;

export const ResultPage = (p: ResultPageProps) => {
  const s = p.summary;
  const focused = p.focus && [...s.findings, ...s.advisories].find((f) => f.id === p.focus?.id);
  // A finding that only resembles a line is counted apart, as in chat (review 63e F3).
  // So is one that matches only lines other causes print too (review 71a F4).
  const resembling = s.findings.filter(resemblesOnly).length;
  const shared = s.findings.filter((f) => f.sharedOnly).length;
  const count = s.findings.length - resembling - shared;
  const alike = `${resembling} ${resembling === 1 ? "record resembles" : "records resemble"} a line`;
  // Advisories are known bugs of the pasted versions: a paste of `uname -a` alone asks just that (review 65d F3: "No known
  // bug found" headed an "affected (verified)" advisory).
  const advised = s.advisories.length;
  const affecting = `${advised} known ${advised === 1 ? "bug affects" : "bugs affect"} your versions`;
  const heading = count
    ? `${count} known ${count === 1 ? "bug matches" : "bugs match"} your paste${shared ? `; ${sharedOnlySaid(shared, true)}` : ""}${resembling ? `; ${alike}` : ""}`
    : shared
      ? `${NO_SPECIFIC_MATCH}; ${sharedOnlySaid(shared, false)}${resembling ? `; ${alike}` : ""}`
      : advised
        ? `No log line matched; ${affecting}${resembling ? `; ${alike}` : ""}`
        : `No known bug matched the log${resembling ? `; ${alike}` : ""}`;
  const title = count
    ? `${count} known ${count === 1 ? "bug" : "bugs"} found`
    : shared
      ? NO_SPECIFIC_MATCH
      : advised
        ? affecting
        : "No known bug found";
  return (
    <Layout title={title} kb={p.kb}>
      <h1>{heading}</h1>
      <p class="hint">Your paste was diagnosed in memory and not stored. Answer from knowledge base {s.kb.version}.</p>
      {s.notes.map((note) => (
        <p class="notice">
          <Inline text={note} />
        </p>
      ))}
      {p.focus ? (
        <section class="panel focus" aria-labelledby="focus-h">
          <h2 id="focus-h">Checked against: {p.focus.title}</h2>
          {focused ? (
            <FocusLine found={s.findings.some((f) => f.id === focused.id)} f={focused} count={s.findings.length} />
          ) : (
            <p>
              No line of your paste matches this bug's signatures. Your versions:{" "}
              {s.focus ? (
                <>
                  <Badge kind={s.focus.verdict.status}>{verdictLabel(s.focus.verdict)}</Badge> <Inline text={verdictWhy(s.focus.verdict)} />
                  .{" "}
                </>
              ) : null}
              <a href={`/bugs/${p.focus.id}#signatures`}>What it looks for</a>.
            </p>
          )}
        </section>
      ) : null}
      {s.rootCause ? <RootCausePanel summary={s} /> : null}
      <Facts summary={s} />
      {/* Every finding is listed, a resembling one too: the headline counts it apart, the list and the root cause show it
          (review 64d F1: a paste whose only finding resembled a line read "nothing matched" under a root cause). */}
      {s.findings.length ? (
        <section aria-labelledby="findings-h">
          <h2 id="findings-h">Findings, most likely cause first</h2>
          <ol class="findings">
            {s.findings.map((f) => (
              <FindingBlock f={f} />
            ))}
          </ol>
        </section>
      ) : advised || s.closest.length ? null : (
        <p>
          Nothing in the knowledge base matched. Try <a href="/bugs">searching</a> for a distinctive part of the error, or paste more of the
          log around the failure.
        </p>
      )}
      {s.advisories.length ? (
        <section aria-labelledby="advisories-h">
          <h2 id="advisories-h">Advisories: your versions are in an affected range</h2>
          <p class="hint">No line of your paste matches these bugs' signatures, but the versions you pasted are known to be affected.</p>
          <ul>
            {s.advisories.map((a) => (
              <li id={`finding-${a.id}`}>
                <h3>
                  <a href={`/bugs/${a.id}`}>{a.title}</a>
                </h3>
                <p>
                  <Badge kind={a.verdict.status}>{verdictLabel(a.verdict)}</Badge> <Inline text={verdictWhy(a.verdict)} />.
                </p>
                {a.versionChecks.length ? <VersionChecks checks={a.versionChecks} /> : null}
                {/* What to do about it, as for a finding (review 65d F3: the advisory's fix was dropped). */}
                <details>
                  <summary>
                    Fix · <RebootBadge reboot={a.reboot} />
                  </summary>
                  <FixSteps steps={a.fixSteps} />
                  <Workarounds items={a.workarounds} level={4} />
                </details>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {/* The answer the versions give before a search result by words (review 68d F4: closest records came first). */}
      {s.closest.length ? (
        <section aria-labelledby="closest-h">
          <h2 id="closest-h">Closest records by description</h2>
          <p class="hint">
            No signature matched: these records' descriptions share the most distinctive words with your paste. A search result to check,
            not a diagnosis.
          </p>
          <ul class="closest">
            {s.closest.map((c) => (
              <li>
                <a href={`/bugs/${c.id}`}>{c.title}</a> <code>{c.id}</code>
                <p class="hint">Shared words: {c.sharedWords.join(", ")}</p>
                {c.verdict ? (
                  <p>
                    Your versions: <Badge kind={c.verdict.status}>{verdictLabel(c.verdict)}</Badge> <Inline text={verdictWhy(c.verdict)} />.
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {s.nodes.length ? <Nodes nodes={s.nodes} /> : null}
      {/* data-answered: an error answering this form says the answer above is the previous paste's (script.ts). */}
      <section aria-labelledby="again-h" data-answered="">
        <h2 id="again-h">Check another paste</h2>
        <PasteForm
          record={p.focus}
          maxBytes={p.maxBytes}
          label={p.focus ? "Paste another log to check against the same bug" : "Paste another log"}
        />
      </section>
    </Layout>
  );
};

const RootCausePanel = (props: { summary: DiagnosisSummary }) => {
  const rc = props.summary.rootCause;
  const finding = rc && props.summary.findings.find((f) => f.id === rc.id);
  if (!rc || !finding) return null;
  return (
    <section class="panel" aria-labelledby="root-h">
      <h2 id="root-h">Most likely root cause</h2>
      <p>
        <a href={`#finding-${rc.id}`}>{finding.title}</a>: <Inline text={rc.reason} />
      </p>
    </section>
  );
};

const Facts = (props: { summary: DiagnosisSummary }) => {
  const { kernel, os, iptables, nodes } = props.summary.facts;
  const read = kernel ? kernelPackageNote(kernel) : null;
  const failed = failureKernelNote(props.summary.facts);
  if (!kernel && !os && !iptables && !nodes.length)
    return <p>No kernel, OS or node table was recognised; only the log lines were matched.</p>;
  return (
    <section aria-labelledby="facts-h">
      <h2 id="facts-h">What we read from your paste</h2>
      <ul>
        {kernel ? (
          <li>
            Kernel <code>{kernel.release}</code>
            {read ? <> = {read}</> : null}
            {kernel.named ? <span class="hint"> ({namedKernelNote(kernel)})</span> : null}
            {kernel.line ? <span class="muted"> · line {kernel.line}</span> : null}
            {failed ? <span class="hint"> ({failed})</span> : null}
          </li>
        ) : null}
        {os ? <li>OS {os.prettyName ?? `${os.id} ${os.versionId ?? ""}`}</li> : null}
        {iptables ? (
          <li>
            iptables <code>{iptables.version}</code> ({iptables.backend ?? "backend unknown"}){" "}
            <span class="muted">· line {iptables.line}</span>
          </li>
        ) : null}
        {nodes.length ? (
          <li>
            {/* A kubectl table always gives a kubelet version; machines read from their unames give none (review 66d F8). */}
            {nodes.length} {nodes.every((n) => !n.version) ? "machines read from their uname output" : "nodes in a node table"}
            {props.summary.leftOut.length ? " shown" : ""}
          </li>
        ) : null}
        {props.summary.leftOut.map((note: string) => (
          <li class="hint">Not shown: {note}</li>
        ))}
      </ul>
    </section>
  );
};

const FindingBlock = (props: { f: FindingSummary }) => {
  const f = props.f;
  return (
    <li id={`finding-${f.id}`}>
      <h3>
        <a href={`/bugs/${f.id}`}>{f.title}</a>
      </h3>
      <p>
        <Badge kind={f.confidence}>{f.confidence} confidence</Badge> <span class="muted">score {f.score.toFixed(2)}</span> · verdict{" "}
        <Badge kind={f.verdict.status}>{verdictLabel(f.verdict)}</Badge>
      </p>
      {f.rootCauseNote ? (
        <p>
          <Badge kind={f.rank === 1 ? "affected" : "low"}>
            {f.rootCauseNote.startsWith("likely root cause") ? "likely root cause" : "next to it"}
          </Badge>{" "}
          <Inline text={f.rootCauseNote.replace(/^likely root cause: /, "")} />
        </p>
      ) : null}
      <p>
        <strong>Why:</strong> <Inline text={verdictWhy(f.verdict)} />.
      </p>
      {[...f.present, ...f.placement, ...f.shared].map((p) => (
        <p>
          <Inline text={p} />
        </p>
      ))}
      {f.evidenceLines.length ? (
        <>
          <h4>Matching lines</h4>
          <ul class="evidence">
            {f.evidenceLines.map((e) => (
              <Line e={e} />
            ))}
          </ul>
        </>
      ) : null}
      {f.versionChecks.length ? (
        <>
          <h4>Version evidence</h4>
          <VersionChecks checks={f.versionChecks} symptom={f.verdict.symptom} />
        </>
      ) : null}
      <h4>Fix</h4>
      <p>
        <RebootBadge reboot={f.reboot} />
      </p>
      <FixSteps steps={f.fixSteps} />
      <Workarounds items={f.workarounds} level={4} />
      {f.unverified.length ? (
        <details>
          <summary>
            <Badge kind="unverified">unverified</Badge> {f.unverified.length} {f.unverified.length === 1 ? "fact" : "facts"} of this record
            not confirmed
          </summary>
          <ul>
            {f.unverified.map((u) => (
              <li>{u}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
};

const Line = (props: { e: EvidenceLine }) => {
  const { e } = props;
  const parts: Array<string | ReturnType<typeof Mark>> = [];
  let at = 0;
  for (const [start, end] of e.highlights) {
    if (start < at || end > e.text.length) continue;
    parts.push(e.text.slice(at, start), <Mark text={e.text.slice(start, end)} />);
    at = end;
  }
  parts.push(e.text.slice(at));
  return (
    <li>
      <span class="ln">line {e.line}: </span>
      {parts}
      {e.resembles ? <span class="hint"> ({RESEMBLES_NOTE})</span> : e.reworded ? <span class="hint"> ({REWORDED_NOTE})</span> : null}
    </li>
  );
};

const Mark = (props: { text: string }) => <mark>{props.text}</mark>;

/** A finding's version checks; under a finding whose symptom does not place the bug, an in-range check says so (review 71i F2). */
const VersionChecks = (props: { checks: VersionEvidence[]; symptom?: Verdict["symptom"] }) => (
  <ul>
    {props.checks.map((v) => (
      <li>
        {v.subject}: <code>{v.value}</code> against {v.ecosystem} <code>{v.range}</code> →{" "}
        <Badge kind={v.result}>
          {props.symptom ? verdictLabel({ status: v.result, symptom: props.symptom }) : VERDICT_WORDS[v.result]}
        </Badge>{" "}
        {v.unverified ? <Badge kind="unverified">unverified range</Badge> : null}{" "}
        {v.certain || v.result === "unknown" ? null : <Badge kind="unverified">the version read may not be the failing one</Badge>}{" "}
        <span class="muted">
          <Inline text={v.reason} />
        </span>
      </li>
    ))}
  </ul>
);

const Nodes = (props: { nodes: NodeReport[] }) => (
  <section aria-labelledby="nodes-h">
    <h2 id="nodes-h">Nodes</h2>
    <p class="hint">
      Highlighted: a node that differs from most of its peers (kernel, OS image, runtime or kubelet), which may be the healthy one; the last
      column names the known bugs whose affected range holds each node.
    </p>
    <div class="table">
      <table>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Kernel</th>
            <th scope="col">OS image</th>
            <th scope="col">Runtime</th>
            <th scope="col">Kubelet</th>
            <th scope="col">Known bugs in range</th>
          </tr>
        </thead>
        <tbody>
          {props.nodes.map((n) => (
            <tr class={n.outlier ? "odd" : undefined}>
              <th scope="row">
                {n.name} {n.outlier ? <Badge kind="misreported">odd one out: {n.differs.join(", ")}</Badge> : null}
              </th>
              {/* Versions and ids are not broken inside a character at a time: the table scrolls instead (review 65d F4). */}
              {/* A value not read is "?", whether the reader left it out or empty (review 66d F8: a blank Kubelet cell). */}
              <td class="tokens">{n.kernel || "?"}</td>
              <td class="tokens">{n.osImage || "?"}</td>
              <td class="tokens">{n.runtime || "?"}</td>
              <td class="tokens">{n.version || "?"}</td>
              <td class="tokens">
                {n.inRange.map((id) => (
                  <>
                    <a href={`/bugs/${id}`}>{id}</a>
                    {n.findings.includes(id) ? <strong> (not its peers)</strong> : null}{" "}
                  </>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </section>
);

/**
 * The scoped record's line: its rank when the log shows it; else what the versions decide, said once (an
 * advisory's reason itself opens with ADVISORY_OPENING).
 */
const FocusLine = (p: { found: boolean; f: FindingSummary; count: number }) => (
  <p>
    {p.found ? `Found: ranked ${p.f.rank} of ${p.count}. ` : "No line of your paste matches this bug's signatures, but your versions are "}
    <Badge kind={p.f.verdict.status}>{verdictLabel(p.f.verdict)}</Badge>
    {p.found ? " " : ": "}
    <Inline
      text={verdictWhy({
        ...p.f.verdict,
        reason: p.found ? p.f.verdict.reason : p.f.verdict.reason.replace(ADVISORY_OPENING, "").trimStart(),
      })}
    />
    . <a href={`#finding-${p.f.id}`}>Details below</a>.
  </p>
);
