import { POST_DEADLINE_MS } from "../integrations/platform-post";

/** The longest a chat answer's post may take, its retries included (platform-post.ts: one deadline for the exchange). */
export const CHAT_POST_MS = POST_DEADLINE_MS;

/**
 * The order of a stop (SIGTERM, SIGINT) once the server takes no new connections: the work already taken (chat answers
 * queued after their acknowledgement, diagnoses in flight) finishes within `boundMs`, and only then are the diagnosis
 * threads closed. Closing them at once, under the drain, stopped every queued chat answer and told its person the paste
 * "took longer than 10000 ms" (review 68e F4); what the bound still cuts off is told the server is restarting.
 */
export async function stopServing(parts: {
  background: { drain(): Promise<void> };
  diagnoser: { close(): Promise<void>; idle?(): Promise<void> };
  boundMs: number;
}): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, parts.boundMs);
  });
  // Chat answers queued after their acknowledgement, and the diagnoses already received (review 68j F4: those waiting
  // for a thread were told "restarting" at once).
  await Promise.race([Promise.all([parts.background.drain(), parts.diagnoser.idle?.()]), bound]);
  clearTimeout(timer);
  await parts.diagnoser.close();
  // The background tasks the closing stopped post their "restarting" answers: given their moment, within the bound.
  await Promise.race([parts.background.drain(), new Promise((r) => setTimeout(r, Math.min(parts.boundMs, 5_000)))]);
}
