import type { KbMeta } from "../../db/bug-queries";
import { formatBytes, SearchForm } from "../parts/common";
import { Layout } from "../parts/layout";

export interface ErrorPageProps {
  kb: KbMeta | null;
  status: number;
  detail: string;
  requestId?: string | undefined;
  /** Words to pre-fill the search box with (from the unknown id or path). */
  q?: string | undefined;
  maxBytes?: number | undefined;
}

const HEADINGS: Record<number, string> = {
  400: "That request could not be read",
  404: "Not found",
  405: "That method is not allowed here",
  413: "Your paste is too large",
  415: "Unsupported content type",
  422: "Nothing to check",
  429: "Too many requests",
  503: "The service is not ready",
};

/** Friendly words for every error the API would answer with problem+json; never a stack trace. */
export const ErrorPage = (p: ErrorPageProps) => {
  const heading = HEADINGS[p.status] ?? (p.status >= 500 ? "Something went wrong on our side" : "That did not work");
  return (
    <Layout title={heading} kb={p.kb} q={p.q}>
      <h1>{heading}</h1>
      <p>{p.detail}</p>
      {p.status === 413 ? (
        <p>
          The limit is {p.maxBytes ? formatBytes(p.maxBytes) : "the service's body limit"}. Paste the lines around the failure (for example{" "}
          <code>journalctl -u kube-proxy --since "-1h"</code>) together with <code>uname -a</code> and <code>/etc/os-release</code>.
        </p>
      ) : null}
      {p.status === 422 || p.status === 400 ? (
        <p>
          <a href="/#paste">Back to the paste form</a>
        </p>
      ) : null}
      {p.status === 404 ? (
        <section aria-labelledby="search-again">
          <h2 id="search-again">Search the known bugs</h2>
          <SearchForm id="q404" q={p.q} big />
        </section>
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
    </Layout>
  );
};
