import type { KbMeta } from "../db/bug-queries";
import type { Store } from "../db/create-db";
import type { ChatConfig, RunInBackground } from "../integrations/chat-config";

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
  /** Chat secrets and the public URL; without them the chat routes answer 404. */
  chat?: (env: unknown) => ChatConfig;
  /** Work that must not hold up the response (a chat answer posted after the acknowledgement). */
  background?: RunInBackground;
}
