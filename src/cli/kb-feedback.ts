// Which records draw "wrong" votes from the chat answers: `npm run kb:feedback` (same data as GET /feedback/summary).
import { feedbackSummary } from "../db/chat-queries";
import { loadStoreConfig } from "../node/config";
import { openStore } from "../node/prepare-store";
import { failStartup } from "../node/startup-failure";

async function openConfiguredStore() {
  const config = loadStoreConfig();
  return openStore(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
}

// A bad setting or an unreachable store: one line, as at the server's start.
const store = await openConfiguredStore().catch(failStartup);
try {
  const records = await feedbackSummary(store);
  if (!records.length) console.log("No votes yet.");
  for (const r of records) {
    const verdicts = Object.entries(r.wrongByVerdict)
      .map(([v, n]) => `${v} ${n}`)
      .join(", ");
    console.log(
      `${String(r.wrong).padStart(4)} wrong ${String(r.right).padStart(4)} right  ${r.findingId}${verdicts ? `  (wrong on: ${verdicts})` : ""}  last ${r.lastVoteAt}`,
    );
  }
} finally {
  store.close();
}
