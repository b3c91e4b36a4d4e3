import type { KbMeta } from "../../db/bug-queries";
import { PasteForm, SearchForm } from "../parts/common";
import { Layout } from "../parts/layout";

export const HomePage = (props: { kb: KbMeta | null; origin: string; maxBytes: number }) => (
  <Layout title="Which known bug is this?" kb={props.kb} headerSearch={false}>
    <h1>Which known bug is this?</h1>
    <p class="lead">
      known-bugs matches what your machines say — logs, <code>uname -a</code>, os-release, <code>kubectl get nodes</code> — to curated,
      cited known bugs, and tells you whether your versions are affected and how to fix them.
    </p>
    <section aria-labelledby="search-h">
      <h2 id="search-h">Search</h2>
      <SearchForm id="q" big />
      <p class="hint">
        An error line, a commit id, a CVE or an issue number, e.g. <a href="/bugs?q=--xor-mark">--xor-mark</a> or{" "}
        <a href="/bugs?q=CVE-2024-50038">CVE-2024-50038</a>. <a href="/bugs">Browse all records</a>.
      </p>
    </section>
    <section aria-labelledby="paste" id="paste-section">
      <h2 id="paste">Check a log</h2>
      <PasteForm maxBytes={props.maxBytes} />
    </section>
    <section aria-labelledby="cli-h">
      <h2 id="cli-h">From a terminal</h2>
      <p>One command sends the same bundle and prints a short report:</p>
      <pre>
        <code data-copy="curl command">
          {`{ uname -a; cat /etc/os-release; journalctl -u kube-proxy --no-pager | tail -n 2000; } | curl -s --data-binary @- -H 'content-type: text/plain' -H 'accept: text/plain' ${props.origin}/diagnose`}
        </code>
      </pre>
    </section>
  </Layout>
);
