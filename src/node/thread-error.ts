/**
 * An error as it crosses to the main thread: structured cloning keeps an Error's name, message, stack and cause, not
 * its `code`, which the one log line of a 500 names (review 64f F3: ERR_STRING_TOO_LONG arrived without it). The code
 * rides in `cause`, where describeFailure reads it.
 */
export function crossingError(err: unknown): unknown {
  const code = (err as { code?: unknown })?.code;
  if (!(err instanceof Error) || (typeof code !== "string" && typeof code !== "number")) return err;
  const out = new Error(err.message, { cause: { code } });
  out.name = err.name;
  if (err.stack) out.stack = err.stack;
  return out;
}
