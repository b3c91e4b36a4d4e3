import type { BugSummary, KbMeta } from "../../db/bug-queries";
import { rebootWords } from "../../engine/record";
import { Badge, Inline, StatusBadge } from "../parts/common";
import { Layout } from "../parts/layout";
import { slugify } from "./record";

/** A record whose signature matches the searched line (the engine's own match, as a paste would find it). */
export interface SignedHit {
  id: string;
  title: string;
  components: string[];
  signature: string;
}

export interface SearchPageProps {
  kb: KbMeta | null;
  q: string | undefined;
  /** Records whose signature matches the searched line, listed before the records holding its words. */
  signed?: SignedHit[];
  /** Why these records when no record holds every word (the ids the query names, or some of its words). */
  notice: string | null;
  total: number;
  hits: BugSummary[];
  offset: number;
  limit: number;
  /** Query string without paging, to build page links. */
  base: URLSearchParams;
}

export const SearchPage = (p: SearchPageProps) => {
  const heading = p.q ? `Known bugs matching “${p.q}”` : "All known bugs";
  return (
    <Layout title={heading} kb={p.kb} q={p.q}>
      <h1>{heading}</h1>
      {filtersOf(p.base).length ? (
        <p>
          Only records with{" "}
          {filtersOf(p.base).map(([k, v], i) => (
            <>
              {i ? ", " : ""}
              {k} <code>{v}</code>
            </>
          ))}{" "}
          · <a href={p.q ? `/bugs?q=${encodeURIComponent(p.q)}` : "/bugs"}>drop the filters</a>
        </p>
      ) : null}
      {p.signed?.length ? (
        <section aria-labelledby="signed-h">
          <h2 id="signed-h">Its signature matches this line</h2>
          <ol class="hits">
            {p.signed.map((hit) => (
              <li>
                <RecordHead bug={hit} sub />
                <p>
                  Its signature <code>{hit.signature}</code> matches this line, as it would in a pasted log.
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {p.signed?.length ? <h2 id="words-h">Records holding its words</h2> : null}
      <p role="status">
        {p.total === 0
          ? p.signed?.length
            ? "No record holds its words; the records above match the line by their signature."
            : "No known bug matches."
          : p.hits.length === 0
            ? `${p.total} ${p.total === 1 ? "record" : "records"}; this page starts past the last of them.`
            : `${p.notice ? `${p.notice}. ` : ""}${p.total} ${p.total === 1 ? "record" : "records"}${p.total > p.hits.length ? `, ${p.offset + 1}–${p.offset + p.hits.length} shown` : ""}, best match first.`}
      </p>
      {p.total === 0 && !p.signed?.length ? (
        <div class="panel">
          <p>Try fewer words, a distinctive part of the error line, a commit id, a CVE or an issue number.</p>
          <p>
            Or <a href="/#paste">paste the whole log</a>: the diagnosis reads every line and your versions.
          </p>
        </div>
      ) : null}
      <ol class="hits" start={p.offset + 1}>
        {p.hits.map((bug) => (
          <li>
            <RecordHead bug={bug} />
            <p>
              {bug.hasUnverified ? (
                <Badge kind="unverified">holds unverified facts</Badge>
              ) : (
                <Badge kind="verified">every fact verified</Badge>
              )}{" "}
              <span class="muted">{rebootWords(bug.reboot)}</span>
            </p>
            {bug.versionMatch ? (
              <p>
                Your {bug.versionMatch.ecosystem} {bug.versionMatch.package} version <code>{bug.versionMatch.version}</code> is in an
                affected range: <StatusBadge status={bug.versionMatch.level} /> {bug.versionMatch.reason}
                {bug.versionMatch.certain ? null : <span class="hint"> (not certain: only part of the version was given)</span>}
              </p>
            ) : null}
            {(bug.idMatches ?? []).map((m) => (
              <p>
                Your search names {m.kind ? `${m.kind} ` : ""}
                <code>{m.value}</code>: <StatusBadge status={m.status} />{" "}
                {m.status === "misreported" ? <strong>This id is misreported; the record gives the real one.</strong> : null}
                {m.note ? <span class="hint"> {m.note}</span> : null}{" "}
                <a href={`/bugs/${bug.id}#alias-${slugify(m.value)}`}>see the aliases</a>
              </p>
            ))}
            <p>
              <Inline text={clip(bug.summary, 280)} />
            </p>
          </li>
        ))}
      </ol>
      <Pager {...p} />
    </Layout>
  );
};

/** A record's title, linked, then its id and components: how each list on the page heads a record (a signature's hit under a heading of its own, so one level down). */
const RecordHead = (props: { bug: { id: string; title: string; components: readonly string[] }; sub?: boolean }) => {
  const link = <a href={`/bugs/${props.bug.id}`}>{props.bug.title}</a>;
  return (
    <>
      {props.sub ? <h3>{link}</h3> : <h2>{link}</h2>}
      <p class="muted">
        <code>{props.bug.id}</code> · {props.bug.components.join(" · ")}
      </p>
    </>
  );
};

const Pager = (p: SearchPageProps) => {
  if (p.total <= p.limit && p.offset === 0) return null;
  const link = (offset: number) => {
    const q = new URLSearchParams(p.base);
    if (offset > 0) q.set("offset", String(offset));
    return `/bugs?${q}`;
  };
  // Past the end (an old or edited link), Previous leads to the last page that has records.
  const last = Math.floor(Math.max(0, p.total - 1) / p.limit) * p.limit;
  return (
    <nav aria-label="Result pages">
      {p.offset > 0 ? <a href={link(Math.max(0, Math.min(p.offset - p.limit, last)))}>← Previous</a> : null}{" "}
      {p.offset + p.limit < p.total ? <a href={link(p.offset + p.limit)}>Next →</a> : null}
    </nav>
  );
};

/** The filters besides the words searched for, as the URL gives them. */
function filtersOf(base: URLSearchParams): Array<[string, string]> {
  return [...base.entries()].filter(([k]) => k !== "q" && k !== "limit");
}

/** A summary cut at a word; a code span the cut opened is dropped whole, so no stray backtick shows (review 63d). */
function clip(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.slice(0, n).replace(/\s+\S*$/, "");
  return `${(cut.split("`").length - 1) % 2 ? cut.slice(0, cut.lastIndexOf("`")).trimEnd() : cut}…`;
}
