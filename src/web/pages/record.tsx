import type { Child } from "hono/jsx";
import type { KbMeta } from "../../db/bug-queries";
import { describeTogether } from "../../engine/verdict";
import { aliasStatus, evidenceOf, rangeEndEvidence, sourcesOf } from "../../kb/fact-status";
import type { AffectedEntry, BugRecord, Example } from "../../kb/record-schema";
import { Badge, PasteForm, Prose, RebootBadge, StatusBadge, Workarounds } from "../parts/common";
import { FixText } from "../parts/fix-steps";
import { Layout } from "../parts/layout";
import { RangeTimeline, TimelineLegend } from "../parts/timeline";

/** What the badge's words leave out (the badge says "no reboot needed" by itself). */
const REBOOT: Record<string, string> = {
  required: "The fix is a new kernel or module.",
  depends: "It depends on the fix you choose.",
};

const RELATION_WORDS: Record<string, string> = {
  masks: "Hides the symptom of",
  explains: "Is the cause behind",
  "confused-with": "Looks like, but is not,",
  "prerequisite-of": "Must hold for",
};

export const RecordPage = (props: { kb: KbMeta | null; bug: BugRecord; maxBytes: number }) => {
  const b = props.bug;
  return (
    <Layout title={b.title} kb={props.kb}>
      <p class="muted">
        Known bug <code>{b.id}</code> · {b.components.join(" · ")}
      </p>
      <h1>{b.title}</h1>
      <nav aria-label="On this page" class="hint">
        <a href="#fix">Fix</a> · <a href="#aliases">Aliases</a> · <a href="#commits">Commits</a> · <a href="#affected">Affected versions</a>{" "}
        · <a href="#signatures">Signatures</a> · <a href="#references">References</a> · <a href="#examples">Examples</a> ·{" "}
        <a href="#check">Check your log</a>
      </nav>
      <section aria-labelledby="summary">
        <h2 id="summary">Summary</h2>
        <Prose text={b.summary} />
      </section>
      <section aria-labelledby="root-cause">
        <h2 id="root-cause">Root cause</h2>
        <Prose text={b.rootCause} />
      </section>
      <section aria-labelledby="fix">
        <h2 id="fix">Fix</h2>
        <p>
          <RebootBadge reboot={b.reboot} /> {REBOOT[b.reboot] ?? ""}
        </p>
        <FixText fix={b.fix} />
        <Workarounds items={b.workarounds} id="workarounds" />
      </section>
      {b.unverified.length ? (
        <section aria-labelledby="unverified" class="panel">
          <h2 id="unverified">Not confirmed</h2>
          <p>No source we read confirms these; believe them less.</p>
          <ul>
            {b.unverified.map((u) => (
              <li>{u}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Aliases bug={b} />
      <Commits bug={b} />
      <Affected bug={b} />
      <Signatures bug={b} />
      {b.relations?.length ? (
        <section aria-labelledby="related">
          <h2 id="related">Related bugs</h2>
          <ul>
            {b.relations.map((r) => (
              <li>
                {RELATION_WORDS[r.kind]} <a href={`/bugs/${r.id}`}>{r.id}</a>: {r.note} {r.source ? <Source url={r.source} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="references">
        <h2 id="references">References</h2>
        <ul>
          {b.references.map((r) => (
            <li>
              <a href={r.url}>{r.title}</a> <span class="muted">({r.kind})</span>{" "}
              {r.primary ? <Badge kind="verified">primary</Badge> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="examples">
        <h2 id="examples">Real examples</h2>
        <p class="hint">
          Logs from public reports that the knowledge-base check runs on every change; each says what the engine must answer.
        </p>
        {b.examples.map((e) => (
          <ExampleBlock example={e} />
        ))}
      </section>
      <section aria-labelledby="check">
        <h2 id="check">Check your log against this bug</h2>
        <PasteForm record={{ id: b.id, title: b.title }} maxBytes={props.maxBytes} />
      </section>
    </Layout>
  );
};

const Source = (props: { url: string }) => <a href={props.url}>{shortUrl(props.url)}</a>;

/** The main source and any further ones (a corroborated fact has two or more). */
const Sources = (props: { fact: { source: string; sources?: readonly string[] | undefined } }) => (
  <>
    {sourcesOf(props.fact).map((u, i) => (
      <>
        {i ? " · " : ""}
        <Source url={u} />
      </>
    ))}
  </>
);

/** A section holding one table of a record's facts, or "None recorded." when it has none. */
const FactTable = (props: { id: string; title: string; caption?: string; columns: string[]; empty: boolean; children: Child }) => (
  <section aria-labelledby={props.id}>
    <h2 id={props.id}>{props.title}</h2>
    {props.empty ? (
      <p>None recorded.</p>
    ) : (
      <div class="table">
        <table>
          {props.caption ? <caption class="visually-hidden">{props.caption}</caption> : null}
          <thead>
            <tr>
              {props.columns.map((c) => (
                <th scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </table>
      </div>
    )}
  </section>
);

const Aliases = (props: { bug: BugRecord }) => (
  <FactTable
    id="aliases"
    title="Aliases"
    caption="Names and ids people use for this bug"
    columns={["Id", "Kind", "Status", "Note and source"]}
    empty={!props.bug.aliases.length}
  >
    {props.bug.aliases.map((a) => {
      const status = aliasStatus(a);
      return (
        <tr id={`alias-${slugify(a.value)}`} class={status === "misreported" ? "odd" : undefined}>
          <td>
            <code>{a.value}</code>
          </td>
          <td>{a.kind}</td>
          <td>
            <StatusBadge status={status} />
          </td>
          <td>
            {a.note ? <span>{a.note} </span> : null}
            <Sources fact={a} />
          </td>
        </tr>
      );
    })}
  </FactTable>
);

const Commits = (props: { bug: BugRecord }) => (
  <FactTable id="commits" title="Commits" columns={["Role", "Commit", "Title", "First in", "Status"]} empty={!props.bug.commits.length}>
    {props.bug.commits.map((c) => (
      <tr>
        <td>{c.role}</td>
        <td>
          <code title={c.id}>{c.id.slice(0, 12)}</code>
          <br />
          <span class="muted">{c.repo}</span>
        </td>
        <td>
          {c.title}
          {c.note ? <p class="hint">{c.note}</p> : null}
        </td>
        <td class="tokens">{c.versions.join(", ") || "—"}</td>
        <td>
          <StatusBadge status={evidenceOf(c)} /> <Sources fact={c} />
        </td>
      </tr>
    ))}
  </FactTable>
);

const Affected = (props: { bug: BugRecord }) => (
  <section aria-labelledby="affected">
    <h2 id="affected">Affected versions</h2>
    {props.bug.affected.length ? (
      <>
        <p class="hint">Affected when introduced ≤ version &lt; fixed (or ≤ last known affected).</p>
        {props.bug.together ? (
          <p>Needs {describeTogether(props.bug.together)} in range together: a version alone warns only when a host has all of them.</p>
        ) : null}
        {/* Documents stored before unrangedCauses existed have none. */}
        {(props.bug.unrangedCauses ?? []).map((c) => (
          <p>
            No range covers another cause of the same symptom: {c.cause} (<a href={c.source}>source</a>). Beside the symptom, versions past
            every range do not rule this bug out.
            {c.shownBy ? (
              <>
                {" "}
                A line matching <code>{c.shownBy.pattern}</code> (<a href={c.shownBy.source}>source</a>) shows that cause: beside the
                symptom, the bug then applies whatever the versions.
              </>
            ) : null}
          </p>
        ))}
        <TimelineLegend />
        {props.bug.affected.map((a, i) => (
          <AffectedEntryBlock entry={a} index={i} />
        ))}
      </>
    ) : (
      <p>Not tied to versions: the log alone decides.</p>
    )}
  </section>
);

const AffectedEntryBlock = (props: { entry: AffectedEntry; index: number }) => {
  const a = props.entry;
  const label = `${a.ecosystem} ${a.package}`;
  return (
    <>
      <h3 id={`eco-${props.index}`}>
        {a.ecosystem} <span class="muted">· {a.package}</span>
      </h3>
      {a.kind === "requirement" ? (
        <p>
          A requirement: versions before the fixed one lack what this bug needs
          {a.ecosystem === "linux" ? ", distribution kernels on an older base included unless they backported it" : ""}.
        </p>
      ) : null}
      {a.kind === "removal" ? (
        <p>
          A removal: versions from the first one listed on lack what this setup relies on
          {a.ecosystem === "linux" ? ", distribution kernels on a newer base included" : ""}.
        </p>
      ) : null}
      {a.note ? <p class="hint">{a.note}</p> : null}
      {a.onKernels ? (
        <div>
          Only its builds on kernel{" "}
          {a.onKernels.branches.map((b, i) => (
            <>
              {i ? " or " : ""}
              <code>{b}</code>
            </>
          ))}{" "}
          carry the bug: a release in range on another kernel is not affected <StatusBadge status={evidenceOf(a.onKernels)} />{" "}
          <Sources fact={a.onKernels} />
          {a.onKernels.variants ? (
            <p>
              Variants and their kernels:{" "}
              {Object.entries(a.onKernels.variants)
                .map(([variant, branch]) => `${variant} on ${branch}`)
                .join(", ")}
              .
            </p>
          ) : null}
          {a.onKernels.note ? <p class="hint">{a.onKernels.note}</p> : null}
        </div>
      ) : null}
      {a.backports?.length ? (
        <ul>
          {a.backports.map((b) => (
            <li>
              Backported in {b.ecosystem}
              {b.package ? ` ${b.package}` : ""}
              {b.since ? (
                <>
                  {" "}
                  since <code>{b.since}</code>
                </>
              ) : (
                " (every version)"
              )}
              {b.note ? `: ${b.note}` : ""} <Source url={b.source} />
            </li>
          ))}
        </ul>
      ) : null}
      <div class="table">
        <table aria-labelledby={`eco-${props.index}`}>
          <thead>
            <tr>
              <th scope="col">Introduced</th>
              <th scope="col">Fixed / last affected</th>
              <th scope="col">Evidence</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {a.ranges.map((r) => (
              <tr>
                <td>
                  <code>{r.introduced === "0" ? "all" : r.introduced}</code>
                  {r.symptoms ? (
                    <p class="hint">
                      for the lines of{" "}
                      {r.symptoms.map((id, k) => (
                        <>
                          {k ? ", " : ""}
                          <code>{id}</code>
                        </>
                      ))}
                    </p>
                  ) : null}
                </td>
                <td>
                  {r.fixed ? (
                    <>
                      fixed <code>{r.fixed}</code>
                    </>
                  ) : r.lastAffected ? (
                    <>
                      last known affected <code>{r.lastAffected}</code>
                    </>
                  ) : (
                    "no fix known"
                  )}
                </td>
                <td>
                  introduced: <StatusBadge status={rangeEndEvidence(r, "introduced")} />
                  <br />
                  {r.fixed || r.lastAffected ? (
                    <>
                      {r.fixed ? "fixed" : "last affected"}: <StatusBadge status={rangeEndEvidence(r, "fixed")} />
                    </>
                  ) : null}
                </td>
                <td>
                  <Sources fact={r} />
                  {r.note ? <p class="hint">{r.note}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <StableBranches entry={a} index={props.index} />
      <div class="branches">
        {a.ranges.map((r, j) => (
          <RangeTimeline
            id={`tl-${props.index}-${j}`}
            label={label}
            branch={branchOf(r.introduced, r.fixed ?? r.lastAffected)}
            range={r}
            requirement={a.kind === "requirement"}
          />
        ))}
      </div>
    </>
  );
};

/**
 * What a reader on another stable branch needs: the day the change first reached a stable release (a branch that had
 * ended by then never took it) and the branches a curator checked and found without it.
 */
const StableBranches = (props: { entry: AffectedEntry; index: number }) => {
  const first = props.entry.firstBackport;
  // Documents stored before notTaken existed have none.
  const notTaken = props.entry.notTaken ?? [];
  if (!first && !notTaken.length) return null;
  const id = `stable-${props.index}`;
  return (
    <>
      <h4 id={id}>Stable branches</h4>
      <ul aria-labelledby={id}>
        {first ? (
          <li>
            First stable release with the change: <code>{first.release}</code>, {first.date} <StatusBadge status={evidenceOf(first)} />{" "}
            <Sources fact={first} />. A kernel.org stable branch whose last release came out before that day never took it.
            {first.note ? <p class="hint">{first.note}</p> : null}
          </li>
        ) : null}
        {notTaken.map((n) => (
          <li>
            <code>{n.branch}.y</code>: checked, without the bug
            {n.through ? (
              <>
                {" "}
                up to <code>{n.through}</code> (later releases not read)
              </>
            ) : null}{" "}
            <StatusBadge status={evidenceOf(n)} /> <Sources fact={n} />
            {n.note ? <p class="hint">{n.note}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
};

const Signatures = (props: { bug: BugRecord }) => (
  <FactTable
    id="signatures"
    title="Signatures: what to grep for"
    columns={["Pattern", "Kind", "Weight", "What it means"]}
    empty={!props.bug.signatures.length}
  >
    {props.bug.signatures.map((s) => (
      <tr>
        <td>
          <span class="copyable">
            <code data-copy="pattern">{s.pattern}</code>
          </span>
        </td>
        <td>
          {s.kind}
          {s.caseSensitive ? ", case-sensitive" : ""}
          {s.refutes ? ", refutes: a line with its words that it refuses is not this bug" : ""}
        </td>
        <td>{s.weight}</td>
        <td>
          {s.description ?? ""} <Source url={s.source} />
        </td>
      </tr>
    ))}
  </FactTable>
);

const ExampleBlock = (props: { example: Example }) => {
  const e = props.example;
  const expect = { top1: "ranks first", present: "is among the findings", absent: "must not be reported" }[e.expect];
  return (
    <details>
      <summary>
        {e.title} <span class="muted">— this bug {expect}</span>
      </summary>
      <p>
        <Source url={e.source} />
        {e.verdict ? (
          <>
            {" "}
            · expected verdict <Badge kind={e.verdict}>{e.verdict}</Badge>
          </>
        ) : null}
      </p>
      {e.uname ? <Block label="uname" text={e.uname} /> : null}
      {e.procVersion ? <Block label="/proc/version" text={e.procVersion} /> : null}
      {e.osRelease ? <Block label="os-release" text={e.osRelease} /> : null}
      {e.nodes ? <Block label="kubectl get nodes -o wide" text={e.nodes} /> : null}
      {e.log ? <Block label="log" text={e.log} /> : null}
      {e.note ? <p class="hint">{e.note}</p> : null}
    </details>
  );
};

const Block = (props: { label: string; text: string }) => (
  <>
    <p class="hint">{props.label}</p>
    <pre>{props.text}</pre>
  </>
);

/** "5.15.y": each timeline names its branch. */
function branchOf(introduced: string, end: string | undefined): string {
  const v = introduced !== "0" ? introduced : (end ?? "");
  const m = /^(\d+\.\d+)/.exec(v);
  return m ? `${m[1]}.y` : "";
}

export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.length > 40 ? `${u.pathname.slice(0, 38)}…` : u.pathname;
    return `${u.hostname.replace(/^www\./, "")}${path === "/" ? "" : path}`;
  } catch {
    return url;
  }
}

export const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
