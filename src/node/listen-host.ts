import { lookup } from "node:dns/promises";
import { createServer } from "node:net";
import { codeOf, StartupError } from "./prepare-store";

const hint = "set it to an address of this machine, or unset it to listen on all interfaces";

/**
 * HOST, checked before the store is opened (review 36a: "256.1.1.1" failed only after the import, as a bare
 * "start-up failed: ENOTFOUND" naming no setting): it must resolve, and to an address of this machine, which a
 * bind to a free port there shows. The real listen can still fail later (the port): that error names PORT.
 */
export async function checkListenHost(host: string): Promise<void> {
  const shown = host.slice(0, 100);
  let address: string;
  try {
    ({ address } = await lookup(host));
  } catch (err) {
    throw new StartupError(`HOST=${shown} does not resolve (${firstLine(err)}); ${hint}`);
  }
  await probeListen(0, address).catch((err) => {
    throw new StartupError(`HOST=${shown} (${address}) is not an address of this machine (${firstLine(err)}); ${hint}`);
  });
}

/** Listens on `port` at `host` (all interfaces when undefined) and closes at once: whether the real listen could. */
const probeListen = (port: number, host: string | undefined) =>
  new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });

const firstLine = (err: unknown) => codeOf(err).split("\n")[0]?.slice(0, 120) ?? "";

/**
 * Whether PORT is free where the server will listen, checked before the store is opened and imported (review 61h F3: a
 * start that failed on a port in use had already imported its KB_DIR into the running server's database, which then
 * served it). The real listen can still lose a race: its error names PORT too. Port 0 (any free port) needs no check.
 */
export async function checkPortFree(port: number, host: string | undefined): Promise<void> {
  if (port === 0) return;
  await probeListen(port, host).catch((err: NodeJS.ErrnoException) => {
    throw portRefusal(err, port);
  });
}

/** The one line a listen refused on PORT ends the start with (in use, or a privileged port), or the error itself. */
export function portRefusal(err: NodeJS.ErrnoException, port: number): Error {
  if (err.code === "EADDRINUSE") return new StartupError(`port ${port} is already in use; set PORT to a free one`);
  if (err.code === "EACCES") return new StartupError(`not allowed to listen on port ${port}; use a port above 1023`);
  return err;
}
