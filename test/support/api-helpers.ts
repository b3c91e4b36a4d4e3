import { expect } from "vitest";
import type { apiClient } from "./api-client";
import { UBUNTU_2204_OS_RELEASE, XOR_MARK_KLOG } from "./seed-logs";
import type { Fetch } from "./seed-scenarios";

/** The seed incident's record: the one every contract test can rely on. */
export const XT = "xt-mark-ipv6-typo-2024";

/** The seed incident as JSON fields: Ubuntu 22.04 on 5.15.0-127 with the --xor-mark failure. */
export const SEED_INPUT = { uname: "5.15.0-127-generic", osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_KLOG };

export async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const body = (await res.json()) as {
    type: string;
    status: number;
    title: string;
    detail: string;
    requestId?: string;
    errors?: { path: string }[];
  };
  expect(body.status).toBe(status);
  expect(body.requestId).toBeTruthy();
  expect(res.headers.get("x-request-id")).toBe(body.requestId);
  return body;
}

export const post = (fetch: Fetch, body: BodyInit, type: string, accept?: string) =>
  fetch("/diagnose", { method: "POST", headers: { "content-type": type, ...(accept ? { accept } : {}) }, body });

/** GET /bugs through the typed client; fails unless it answers 200. */
export async function listBugs(api: ReturnType<typeof apiClient>, query: Record<string, string>) {
  const res = await api.bugs.$get({ query });
  if (res.status !== 200) throw new Error(`GET /bugs answered ${res.status}`);
  return res.json();
}
