import { describe, expect, it } from "vitest";
import { describeFailure } from "../../src/http/on-error";
import { crossingError } from "../../src/node/thread-error";

// A diagnosis thread's error reaches the main thread by structured cloning, as worker_threads send it: the one log line of
// a 500 must still name its code (review 64f F3: ERR_STRING_TOO_LONG arrived as a bare "Error").
describe("an error crossing from a diagnosis thread", () => {
  it("keeps its code for the log line, with its name and message", () => {
    const err = Object.assign(new Error("Cannot create a string longer than 0x1fffffe8 characters"), { code: "ERR_STRING_TOO_LONG" });
    expect(describeFailure(structuredClone(err)).code).toBeUndefined();
    const crossed = structuredClone(crossingError(err));
    expect(describeFailure(crossed)).toMatchObject({ name: "Error", code: "ERR_STRING_TOO_LONG" });
    expect((crossed as Error).message).toBe(err.message);
  });

  it("leaves an error without a code as it is", () => {
    const err = new RangeError("bad");
    expect(crossingError(err)).toBe(err);
  });
});
