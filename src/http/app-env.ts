import type { KbMeta } from "../db/bug-queries";
import type { Store } from "../db/create-db";

export interface AppVariables {
  requestId: string;
  store: Store;
  /** The loaded knowledge base, read once per request by the kbVersion middleware (null before an import). */
  kbMeta: KbMeta | null;
}

export type AppEnv = { Variables: AppVariables };

/** What an entry point (Node or Worker) hands the app. */
export interface AppDeps {
  /** Builds the store for a request; the Worker reads its bindings, Node reuses one client. */
  store: (env: unknown) => Store;
  /** Largest accepted request body, in bytes (default 10 MB). */
  maxBodyBytes: (env: unknown) => number;
}
