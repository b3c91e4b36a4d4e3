import { hc } from "hono/client";
import type { AppType } from "../../src/http/app";
import type { Fetch } from "./seed-scenarios";

/** The typed client a script author would use (`hc<AppType>`), sending through the app under test. */
export function apiClient(fetch: Fetch) {
  return hc<AppType>("https://known-bugs.test", {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      return fetch(`${url.pathname}${url.search}`, init);
    },
  });
}
