import type { Child } from "hono/jsx";
import type { KbMeta } from "../../db/bug-queries";
import { ASSETS } from "../assets";
import { SearchForm } from "./common";

export interface LayoutProps {
  title: string;
  kb: KbMeta | null;
  q?: string | undefined;
  /** The home page has its own, bigger search box. */
  headerSearch?: boolean;
  children: Child;
}

/** Every page: a banner with the search box, one main landmark, the knowledge-base version in the footer. */
export const Layout = (props: LayoutProps) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light dark" />
      <title>{`${props.title} · known-bugs`}</title>
      <link rel="stylesheet" href={ASSETS.style.path} />
      <script src={ASSETS.script.path} defer />
    </head>
    <body>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="site">
        <div class="wrap">
          <a class="brand" href="/">
            known-bugs
          </a>
          {props.headerSearch === false ? null : <SearchForm q={props.q} id="site-q" name="Site search" />}
        </div>
      </header>
      <main id="main" class="wrap" tabindex={-1}>
        {props.children}
      </main>
      <footer class="site">
        <div class="wrap">
          {props.kb ? (
            <p>
              Knowledge base <code>{props.kb.version}</code>: {props.kb.recordCount} records.
            </p>
          ) : (
            <p>The knowledge base is not loaded.</p>
          )}
          <p>
            Scripts: <code>POST /diagnose</code>, <code>GET /bugs?q=</code>, <code>GET /bugs/:id</code> answer JSON, described in the{" "}
            <a href="/docs">API reference</a> (<a href="/openapi.json">OpenAPI</a>). Every answer names the knowledge-base version, so a
            diagnosis can be reproduced.
          </p>
        </div>
      </footer>
    </body>
  </html>
);
