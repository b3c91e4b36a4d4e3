import type { Child } from "hono/jsx";
import { rebootWords } from "../../engine/record";
import { formatBytes } from "../../format-bytes";
import { LIMITS } from "../../http/limits";
import type { AliasStatus, Evidence } from "../../kb/fact-status";
import { STATUS_WORDS } from "../../kb/fact-status";

export const Badge = (props: { kind: string; children: Child }) => <span class={`badge ${props.kind}`}>{props.children}</span>;

/** Whether a fix needs a reboot, as a badge: a reboot is the costly part of a fix, so it stands out. */
export const RebootBadge = (props: { reboot: string }) => (
  <Badge kind={props.reboot === "not-required" ? "verified" : "reported"}>{rebootWords(props.reboot)}</Badge>
);

export const StatusBadge = (props: { status: AliasStatus | Evidence }) => <Badge kind={props.status}>{STATUS_WORDS[props.status]}</Badge>;

/** One line of engine or record text, with `backticked` spans as code. */
export const Inline = (props: { text: string }) => (
  <>
    {props.text.split(/(`[^`\n]+`)/).map((p) => (p.length > 2 && p.startsWith("`") && p.endsWith("`") ? <code>{p.slice(1, -1)}</code> : p))}
  </>
);

/** Free text from a record: paragraphs kept, `backticked` spans shown as code a person can copy. */
export const Prose = (props: { text: string; copy?: boolean }) => {
  const parts = props.text.split(/(`[^`\n]+`)/);
  return (
    <div class="prose">
      {parts.map((p) =>
        p.length > 2 && p.startsWith("`") && p.endsWith("`") ? (
          props.copy ? (
            <span class="copyable">
              <code data-copy="command">{p.slice(1, -1)}</code>
            </span>
          ) : (
            <code>{p.slice(1, -1)}</code>
          )
        ) : (
          p
        ),
      )}
    </div>
  );
};

/**
 * Workarounds, each copyable like the fix; nothing when there are none. Headed at the level of the fix beside them: h3 under
 * a record page's h2 sections, h4 under a finding's h3 title (review 66d F6: an h3 read as one more finding).
 */
export const Workarounds = (props: { items: readonly string[]; id?: string; level?: 3 | 4 }) =>
  props.items.length ? (
    <>
      {props.level === 4 ? <h4 id={props.id}>Workarounds</h4> : <h3 id={props.id}>Workarounds</h3>}
      <ul>
        {props.items.map((w) => (
          <li>
            <Prose text={w} copy />
          </li>
        ))}
      </ul>
    </>
  ) : null;

export const SearchForm = (props: { q?: string | undefined; id: string; big?: boolean; name?: string }) => (
  <search aria-label={props.name ?? "Search known bugs"}>
    <form class="search" method="get" action="/bugs">
      <label for={props.id} class={props.big ? undefined : "visually-hidden"}>
        Search known bugs
      </label>
      <input
        type="search"
        id={props.id}
        name="q"
        value={props.q ?? ""}
        maxlength={LIMITS.queryChars}
        placeholder="error line, commit id, CVE, issue…"
        autocomplete="off"
      />
      <button type="submit">Search</button>
    </form>
  </search>
);

export const PasteForm = (props: { record?: { id: string; title: string } | undefined; maxBytes: number; label?: string }) => (
  // The record in the address too: an error page, which never reads a body too large to read, links back to its form.
  <form method="post" action={props.record ? `/check?record=${props.record.id}` : "/check"} enctype="multipart/form-data" data-enhance="">
    {props.record ? <input type="hidden" name="record" value={props.record.id} /> : null}
    <div class="form-row">
      <label for="bundle">
        {props.label ?? (props.record ? "Paste your log to check it against this bug" : "Paste what your machine says")}
      </label>
      <textarea id="bundle" name="bundle" rows={12} spellcheck={false} aria-describedby="bundle-hint bundle-privacy" required />
      <p class="hint" id="bundle-hint">
        Any mix of <code>uname -a</code>, <code>/etc/os-release</code>, <code>kubectl get nodes -o wide</code> and logs (journalctl, kubectl
        logs, dmesg). Up to {formatBytes(props.maxBytes)}.
      </p>
    </div>
    <p>
      <button type="submit">Check</button> <span data-status="" role="status" class="muted" />
    </p>
    <p class="hint" id="bundle-privacy">
      What you paste is diagnosed in memory and never stored.
    </p>
  </form>
);
