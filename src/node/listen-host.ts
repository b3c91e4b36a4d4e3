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
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (err) =>
      reject(new StartupError(`HOST=${shown} (${address}) is not an address of this machine (${firstLine(err)}); ${hint}`)),
    );
    probe.listen(0, address, () => probe.close(() => resolve()));
  });
}

const firstLine = (err: unknown) => codeOf(err).split("\n")[0]?.slice(0, 120) ?? "";

/**
 * Whether PORT is free where the server will listen, checked before the store is opened and imported (review 61h F3: a
 * start that failed on a port in use had already imported its KB_DIR into the running server's database, which then
 * served it). The real listen can still lose a race: its error names PORT too. Port 0 (any free port) needs no check.
 */
export async function checkPortFree(port: number, host: string | undefined): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "EADDRINUSE"
          ? new StartupError(`port ${port} is already in use; set PORT to a free one`)
          : err.code === "EACCES"
            ? new StartupError(`not allowed to listen on port ${port}; use a port above 1023`)
            : err,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
