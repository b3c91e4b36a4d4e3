import { serve } from "@hono/node-server";
import { getKbMeta } from "../db/bug-queries";
import { createApp } from "../http/app";
import { chatConfigFromEnv } from "../integrations/chat-config";
import { createBackgroundTasks } from "./background";
import { loadConfig } from "./config";
import { formatProblems, importFromDir, openStore } from "./prepare-store";

const config = loadConfig();
const store = await openStore(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
const outcome = await importFromDir(store, config.KB_DIR);
if (outcome.ok) {
  console.log(`knowledge base ${outcome.version}: ${outcome.records} records${outcome.changed ? " imported" : ", unchanged"}`);
} else {
  const served = await getKbMeta(store);
  console.error(`knowledge base in ${config.KB_DIR}/ is invalid; nothing imported:\n${formatProblems(outcome.problems)}`);
  if (!served) process.exit(1);
  console.error(`still serving the previous knowledge base ${served.version}`);
}

const background = createBackgroundTasks();
const chat = chatConfigFromEnv(config);
const app = createApp({ store: () => store, maxBodyBytes: () => config.MAX_BODY_BYTES, chat: () => chat, background: background.run });
serve({ fetch: app.fetch, port: config.PORT }, (info) => console.log(`known-bugs listening on http://localhost:${info.port}`));
