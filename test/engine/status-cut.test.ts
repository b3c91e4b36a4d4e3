import { describe, expect, it } from "vitest";
import { firstStatusCut } from "../../src/engine/status-cut";
import { DOCKER_STATUS_PAGER_CHOPPED, TAILSCALED_STATUS_OWN_ELLIPSIS } from "../support/status-pastes";

/** The line of `text` a cut is on. */
const cutLine = (text: string) => {
  const cut = firstStatusCut(text);
  return cut && { line: text.slice(cut.at).split("\n")[0], mark: cut.mark };
};

describe("where systemctl status cut a unit's journal lines (review 72a F4)", () => {
  it("finds the line its ellipsis cut to the terminal's width, not a message's own ellipsis on a narrower line", () => {
    // tailscale#16932's journal lines, the longest cut at 120 columns the way ellipsize_mem does (90% of the message,
    // "…", its last characters): the only line that fills the terminal.
    const lines = TAILSCALED_STATUS_OWN_ELLIPSIS.split("\n");
    const long = lines.at(-1) as string;
    const message = long.slice(long.indexOf(": ") + 2);
    const room = 120 - (long.length - message.length);
    const kept = Math.round((room - 1) * 0.9);
    const cut = `${long.slice(0, long.length - message.length)}${message.slice(0, kept)}\u2026${message.slice(message.length - (room - 1 - kept))}`;
    expect([...cut].length).toBe(120);
    const shown = [...lines.slice(0, -1), cut].join("\n");
    expect(cutLine(shown)).toEqual({ line: cut, mark: "\u2026" });
    // Whole, no line is cut: tailscaled's own "..." is on a line far narrower than the widest.
    expect(cutLine(TAILSCALED_STATUS_OWN_ELLIPSIS)).toBeUndefined();
  });

  it("finds lines a pager chopped at one column with no mark, but not one message logged again at the same width", () => {
    expect(cutLine(DOCKER_STATUS_PAGER_CHOPPED)).toEqual({
      line: "Dec 31 03:10:03 NAP-CE-LAP-033 docker[10087]: unable to configure the Docker daemon with file /etc/docker/d",
      mark: undefined,
    });
    // The same message three times is as wide each time, chopped or not: that says nothing.
    const again = DOCKER_STATUS_PAGER_CHOPPED.split("\n")
      .filter((l) => !l.includes("status=1/FAILU"))
      .flatMap((l) => (l.includes("/etc/docker/d") ? [l, l.replace("03:10:03", "03:10:04"), l.replace("03:10:03", "03:10:05")] : [l]))
      .join("\n");
    expect(cutLine(again)).toBeUndefined();
  });
});
