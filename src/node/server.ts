import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { getKbMeta } from "../db/bug-queries";
import { olderBuildVersion, type StoredKbDamage, storedKbDamage } from "../db/kb-verify";
import type { SharedSettings } from "../env-fields";
import { createApp } from "../http/app";
import { isAddress } from "../http/client-key";
import { stdoutSink } from "../http/middleware/access-log";
import { chatConfigFromEnv } from "../integrations/chat-config";
import { currentKb } from "../service/kb-cache";
import { createBackgroundTasks } from "./background";
import { nodeDecoder } from "./body-decoder";
import { answeredOnSocket, onClientError, onConnect } from "./client-error";
import { loadConfig } from "./config";
import { createPoolDiagnoser } from "./diagnosis-pool";
import { readKbFiles } from "./kb-files";
import { checkListenHost, checkPortFree, portRefusal } from "./listen-host";
import { codeOf, formatProblems, importFromDir, openCheckedStore, StartupError, safeUrl } from "./prepare-store";
import { readNodeBody } from "./read-body";
import { onRequestError, refuseExpectation, refuseHost } from "./refused-request";
import { CHAT_POST_MS, stopServing } from "./shutdown";
import { failStartup } from "./startup-failure";
import { continueOnRead, drainAfterAnswer } from "./unread-body";

/**
 * How long a start whose store holds no knowledge base keeps trying to import while another process holds the file
 * (each try waits up to the busy timeout; one may also fail at once, right after the other's write ends).
 */
const IMPORT_WAIT_MS = 60_000;

/** A host as a URL writes it: an IPv6 address in brackets (review 37a: "http://::1:8787"). */
const urlHost = (host: string) => (host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);

async function start() {
  const config = loadConfig();
  if (config.HOST) await checkListenHost(config.HOST);
  await checkPortFree(config.PORT, config.HOST);
  const { store, readOnly } = await openCheckedStore(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  // A record damaged inside its text: rebuilt from data/ when the store can be written, else start-up ends with one line.
  // A store an older build imported of the same data/ (its version named the files' bytes) is only stale: served
  // read-only with a warning, rebuilt when writable (review 33d, 33e).
  const fix = config.DATABASE_URL.startsWith("file:")
    ? `move the file away and restart to rebuild it from ${config.KB_DIR}/`
    : `import ${config.KB_DIR}/ into it again (npm run kb:import)`;
  const where = safeUrl(config.DATABASE_URL);
  /** The one line a damaged store that cannot be served ends start-up with. */
  const damaged = (why: string) => new StartupError(`the knowledge base stored in ${where} is damaged (${why}); ${fix}`);
  const damage = await storedKbDamage(store).catch(
    (err): StoredKbDamage => ({ kind: "text", why: `it cannot be read (${codeOf(err).split("\n")[0]?.slice(0, 200)})` }),
  );
  const stale =
    damage?.kind === "hash" && damage.stored !== undefined
      ? // A KB_DIR that cannot be read makes no older build's version: the store's damage is then said as such (review 37a).
        (await readKbFiles(config.KB_DIR)
          .then(olderBuildVersion)
          .catch(() => null)) === damage.stored
      : false;
  if (damage && readOnly && !stale) throw damaged(damage.why);
  // Only what happened is said: a rebuild is reported once it is done (review 36a: "rebuilding it", then "read-only", then fatal).
  const was = `the knowledge base stored in ${where} ${stale ? "was an older build's import" : "was damaged"} (${damage?.why})`;
  if (readOnly)
    console.warn(`known-bugs: warning: ${where} is read-only; serving the knowledge base it holds, ${config.KB_DIR}/ is not imported`);
  if (damage && readOnly)
    console.warn(
      `known-bugs: warning: the knowledge base stored in ${where} is an older build's import (${damage.why}); serving it read-only`,
    );
  // What /health says of the served version when it is not data/'s (review 34b).
  let kbWarning: string | undefined = readOnly
    ? `${config.KB_DIR}/ is not imported: the store is read-only; serving the knowledge base it holds`
    : undefined;
  const importStarted = Date.now();
  let waitSaid = false;
  while (!readOnly) {
    try {
      const outcome = await importFromDir(store, config.KB_DIR, { force: damage !== null });
      if (outcome.ok) {
        console.log(`knowledge base ${outcome.version}: ${outcome.records} records${outcome.changed ? " imported" : ", unchanged"}`);
        if (damage) console.warn(`known-bugs: warning: ${was}; rebuilt from ${config.KB_DIR}/`);
      } else {
        console.error(`knowledge base in ${config.KB_DIR}/ is invalid; nothing imported:\n${formatProblems(outcome.problems)}`);
        kbWarning = `${config.KB_DIR}/ was not imported at start (${outcome.problems.length} problem(s) in its records, logged); serving the previous knowledge base`;
      }
      break;
    } catch (err) {
      // Another process holding the file past the busy timeout, or a store that turned read-only:
      // serve the version already there rather than not at all.
      if (err instanceof StartupError) throw err;
      const code = codeOf(err).split("\n")[0] ?? "";
      if (/READONLY/.test(code)) {
        if (damage && !stale) throw damaged(damage.why);
        console.warn(
          `known-bugs: warning: ${safeUrl(config.DATABASE_URL)} is read-only; serving the knowledge base it holds, ${config.KB_DIR}/ is not imported`,
        );
        kbWarning = `${config.KB_DIR}/ is not imported: the store is read-only; serving the knowledge base it holds`;
        break;
      }
      // A damaged store that could not be rebuilt is not served: its one line says so (review 37a: a warning first said it
      // was). Another process may be rebuilding a busy one: the check after the import decides then.
      if (damage && !stale && !/BUSY|LOCKED/.test(code)) throw damaged(damage.why);
      // Processes started together on a new file: the one that waited out another's import has nothing to serve, so
      // it imports again, finding that version (review 36a: it warned of a "previous" version, then exited for lack of one).
      const held = await getKbMeta(store).catch(() => null);
      if (!held && /BUSY|LOCKED/.test(code) && Date.now() - importStarted < IMPORT_WAIT_MS) {
        if (!waitSaid)
          console.warn(
            `known-bugs: warning: ${where} is busy and holds no knowledge base yet (another process importing?); trying the import again for up to ${IMPORT_WAIT_MS / 1000} s`,
          );
        waitSaid = true;
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
      if (!held)
        throw new StartupError(`no knowledge base to serve in ${where}: could not import ${config.KB_DIR}/ (${code.slice(0, 200)})`);
      console.warn(`known-bugs: warning: could not import ${config.KB_DIR}/ (${code}); serving the previous knowledge base`);
      kbWarning = `${config.KB_DIR}/ was not imported at start (${code.slice(0, 120)}); serving the previous knowledge base`;
      break;
    }
  }
  const still =
    damage && !readOnly ? await storedKbDamage(store).catch((): StoredKbDamage => ({ kind: "text", why: "it cannot be read" })) : null;
  // Still damaged (data/ invalid, the import refused): no damaged record is served.
  if (still && !stale) throw damaged(still.why);
  if (still)
    console.warn(`known-bugs: warning: serving the knowledge base stored in ${where} as an older build imported it (${still.why})`);
  const served = await getKbMeta(store).catch((err) => {
    throw new StartupError(`cannot read the knowledge base from ${safeUrl(config.DATABASE_URL)}: ${codeOf(err)}`);
  });
  if (!served) throw new StartupError(`no knowledge base to serve in ${safeUrl(config.DATABASE_URL)}; fix the problems above and restart`);

  const settings: SharedSettings = config;
  const chat = chatConfigFromEnv(config);
  const background = createBackgroundTasks();
  const diagnoser = createPoolDiagnoser({ timeoutMs: config.DIAGNOSE_TIMEOUT_MS, threads: config.DIAGNOSE_THREADS });
  // Every thread compiles the knowledge base before serving; a budget shorter than that compile would
  // time out each job whose thread had to compile a new version first (the next version, a replaced thread).
  // The operator's own budget is refused; the default only warned of: the compile is timed at start, when several
  // replicas starting together on one machine compile at once (review 37a: three of them refused the default and exited).
  const compileMs = await diagnoser.warm(await currentKb(store));
  if (config.DIAGNOSE_TIMEOUT_MS < 2 * compileMs) {
    const measured = `a diagnosis thread took ${Math.ceil(compileMs)} ms to compile the knowledge base`;
    if (process.env.DIAGNOSE_TIMEOUT_MS !== undefined)
      throw new StartupError(
        `DIAGNOSE_TIMEOUT_MS=${config.DIAGNOSE_TIMEOUT_MS} is too short: ${measured}; set at least ${Math.ceil(2 * compileMs)}`,
      );
    console.warn(
      `known-bugs: warning: ${measured} (a busy machine?); the default DIAGNOSE_TIMEOUT_MS=${config.DIAGNOSE_TIMEOUT_MS} is less than twice that, so a diagnosis whose thread must compile a new version may time out; set DIAGNOSE_TIMEOUT_MS=${Math.ceil(2 * compileMs)} or more if it does`,
    );
  }
  const app = createApp({
    // Said of the version served at start only: another process's import replaces it (review 34c).
    kbWarning: (version) => (version === served.version ? kbWarning : undefined),
    store: () => store,
    settings: () => settings,
    diagnoser: () => diagnoser,
    chat: () => chat,
    background: background.run,
    bodyDecoder: nodeDecoder,
    bodyBytes: readNodeBody,
    compressAnswers: true,
    answeredOutside: (c) => answeredOnSocket((c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket),
    clientAddress: (c) => {
      if (config.TRUST_PROXY) {
        const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
        // A proxy appends an address; anything else came from the client (a proxy that does not append), and would
        // give each made-up value a rate-limit bucket of its own (review 33a): the proxy's own address then counts.
        if (forwarded && isAddress(forwarded)) return forwarded;
      }
      return getConnInfo(c).remote.address;
    },
  });
  const log = settings.ACCESS_LOG === "on" ? stdoutSink : () => {};
  // @hono/node-server's listener on a server of our own: `serve` passes neither an error handler (its
  // refusals are a bare 400) nor a way to refuse a missing Host header as a problem (see refused-request.ts).
  // An HTTP/1.0 request may have no Host: its URL is built on "localhost" (HOST may be a wildcard or IPv6).
  const listener = getRequestListener(app.fetch, { hostname: "localhost", errorHandler: onRequestError(log) });
  // Node checks the request and header timeouts below every connectionsCheckingInterval (30 s by default), which made
  // the 60 s request timeout 60–90 s and the 20 s header timeout 20–50 s (review 36a): every 5 s keeps them near their word.
  const server = createServer({ requireHostHeader: false, connectionsCheckingInterval: 5_000 }, (req, res) => {
    if (refuseHost(req, res, log)) return;
    drainAfterAnswer(req, res);
    void listener(req, res);
  });
  // With this listener Node no longer answers "100 Continue" by itself: it is sent when the app reads
  // the body, so a request refused for its Host or its head gets its answer before the client sends the body.
  server.on("checkContinue", (req, res) => {
    if (refuseHost(req, res, log, true)) return;
    continueOnRead(req, res);
    drainAfterAnswer(req, res);
    void listener(req, res);
  });
  server.on("checkExpectation", (req, res) => refuseExpectation(req, res, log));
  // Behind a proxy that ends TLS the socket's scheme is http: the page's curl command would name http://<host> (review 66f F4).
  if (config.TRUST_PROXY && !config.PUBLIC_URL)
    console.warn(
      "known-bugs: warning: TRUST_PROXY is set but PUBLIC_URL is not: the page's commands name this service by the scheme and Host it was reached with (http:// behind a proxy that ends TLS); set PUBLIC_URL to its public https:// address",
    );
  server.listen(config.PORT, config.HOST, () =>
    console.log(
      `known-bugs listening on http://${urlHost(config.HOST ?? "localhost")}:${(server.address() as AddressInfo).port}${everyInterface(config.HOST) ? " and every other address of this machine (all interfaces: set HOST to listen on one)" : ""} (kb ${served.version}, ${diagnoser.threads} diagnosis threads)`,
    ),
  );
  // A client that trickles its request cannot hold a socket for Node's default five minutes.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  // An idle kept-alive connection outlives a load balancer's own idle timeout (config.ts).
  server.keepAliveTimeout = config.KEEP_ALIVE_TIMEOUT_MS;
  // Requests Node's parser refuses never reach the app: answered and logged (as the access log would) here.
  server.on("clientError", onClientError(log));
  server.on("connect", onConnect(log));
  server.on("error", (err: NodeJS.ErrnoException) => {
    failStartup(portRefusal(err, config.PORT));
  });
  // A launcher's process group (npm → sh → tsx → node) may deliver the stop twice, or SIGTERM then SIGINT: the second must
  // not end the process by its default action before the store is closed and the read-only copy removed (review 61h F2).
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    // Queued chat answers and diagnoses in flight finish first, within a job's budget and a chat post's time (review 68e F4).
    const boundMs = config.DIAGNOSE_TIMEOUT_MS + CHAT_POST_MS;
    // Fold the WAL back into the file, so a copy of the file alone is the whole database.
    void Promise.allSettled([stopServing({ background, diagnoser, boundMs }), store.raw("PRAGMA wal_checkpoint(TRUNCATE)")]).finally(() => {
      store.close();
      process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

await start().catch(failStartup);

/**
 * Whether the server listens on every interface: HOST unset or a wildcard. The line then says so, not "localhost" alone
 * (review 65f F4: an operator read a server open to the internet as local only).
 */
const everyInterface = (host: string | undefined) => host === undefined || host === "0.0.0.0" || host === "::" || host === "[::]";
