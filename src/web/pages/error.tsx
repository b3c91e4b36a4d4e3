import type { KbMeta } from "../../db/bug-queries";
import { SearchForm } from "../parts/common";
import { Layout } from "../parts/layout";

export interface ErrorPageProps {
  kb: KbMeta | null;
  status: number;
  detail: string;
  requestId?: string | undefined;
  /** Words to pre-fill the search box with (from the unknown id, path or search). */
  q?: string | undefined;
  /** An answer to a posted form (the paste): the way on is back to the form, which still holds the paste. */
  paste?: boolean;
  /** A heading for this problem rather than its status's (a busy service is no outage). */
  heading?: string | undefined;
  /** The record a scoped paste form was checking against: its page holds the form (review 66d F9: linked to the home form). */
  record?: string | undefined;
}

const HEADINGS: Record<number, string> = {
  // A body (a paste, a JSON document) can be what was unreadable, not only the address (review 42a).
  400: "That request could not be read",
  404: "Not found",
  405: "That is not a page",
  413: "Your paste is too large",
  415: "Unsupported content type",
  422: "Nothing to check",
  429: "Too many requests",
  503: "The service is not ready",
};

/**
 * Friendly words for every error the API would answer with problem+json; never a stack trace. The
 * explanation sits in `[data-problem]`, which the page script shows in place above the paste form.
 */
export const ErrorPage = (p: ErrorPageProps) => {
  const heading = p.heading ?? HEADINGS[p.status] ?? (p.status >= 500 ? "Something went wrong on our side" : "That did not work");
  return (
    <Layout title={heading} kb={p.kb} q={p.q}>
      <h1>{heading}</h1>
      <div data-problem="">
        <p>{p.detail}</p>
        {p.status === 413 ? (
          <p>
            Paste the lines around the failure (for example <code>journalctl -u kube-proxy --since "-1h"</code>) together with{" "}
            <code>uname -a</code> and <code>/etc/os-release</code>.
          </p>
        ) : null}
        <p class="hint">
          Status {p.status}
          {p.requestId ? (
            <>
              {" "}
              · request id <code>{p.requestId}</code> (quote it when reporting a problem)
            </>
          ) : null}
        </p>
      </div>
      {p.paste ? (
        <p>
          <a href={p.record ? `/bugs/${p.record}#check` : "/#paste"}>Back to the paste form</a> (your browser's Back button keeps what you
          pasted)
        </p>
      ) : (
        <section aria-labelledby="search-again">
          <h2 id="search-again">Search the known bugs</h2>
          <SearchForm id="q-again" q={p.q} big />
          <p class="hint">
            An error line, a commit id, a CVE or an issue number. Or <a href="/#paste">paste a whole log</a> to check it.
          </p>
        </section>
      )}
    </Layout>
  );
};
