import { CLIENT_CLOSED, CLIENT_CLOSED_DETAIL } from "./on-error";
import { ProblemError } from "./problem";

/**
 * A read of the request body's own stream failed: the client went away mid-upload (review 68f F1). workerd rejects
 * the read with a plain Error ("Network connection lost.") while request.signal is not (yet) aborted, so neither the
 * signal nor an error code tells; where the failure arose does. Logged as 499 at info, never as our 500 or the
 * client's 400. A ProblemError (a limit) stays what it is; a TypeError is a misuse of the body (read twice): ours.
 */
export function bodyStreamFailure(err: unknown): unknown {
  if (err instanceof ProblemError || err instanceof TypeError) return err;
  return new ProblemError(CLIENT_CLOSED, "client-closed", CLIENT_CLOSED_DETAIL);
}

/** The body's bytes, a failure of its stream said as the client gone. */
export function readBody(request: Request): Promise<Uint8Array> {
  return request.arrayBuffer().then(
    (b) => new Uint8Array(b),
    (err) => {
      throw bodyStreamFailure(err);
    },
  );
}

/**
 * The body's stream, and the client-gone problem once one of its own reads failed: told apart from a decoder's error (a
 * corrupt gzip, the client's 400) downstream, whatever error the decoder reports for the input cut short (workerd's
 * DecompressionStream reports its own).
 */
export function watchedBody(body: ReadableStream<Uint8Array>): { stream: ReadableStream<Uint8Array>; gone: () => unknown } {
  const reader = body.getReader();
  let gone: unknown;
  const stream = new ReadableStream<Uint8Array>({
    async pull(ctrl) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (err) {
        // Only the client gone is said so; a TypeError here is the decoder chain cancelling the source after its own error
        // (workerd, stacked codings over a corrupt body: it was a 500), the decoder's 400 then.
        const failure = bodyStreamFailure(err);
        if (failure instanceof ProblemError) gone = failure;
        throw failure;
      }
      if (next.done) ctrl.close();
      else ctrl.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { stream, gone: () => gone };
}
