/** The CLI's exit statuses, documented in the README ("Scripts") and in `known-bugs --help`. */
export const EXIT = {
  /** Done; no finding at or above --fail-on. */
  ok: 0,
  /** A finding at or above the --fail-on confidence. */
  findings: 1,
  /** Bad arguments, an unreadable file, or input the server (or the local engine) refused (4xx but 429). */
  usage: 2,
  /** No diagnosis: server unreachable, timed out, rate-limited (429), a server error (5xx), or an invalid local knowledge base. */
  server: 3,
} as const;

/** A failure with its exit status and the one line the user sees. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}
