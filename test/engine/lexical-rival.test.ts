import { describe, expect, it } from "vitest";
import { bestMatch, buildLexicalIndex } from "../../src/engine/recall/lexical";

// The lexical fallback claims a line only for a clear winner over the runner-up. A declared look-alike
// (confused-with) whose words of the line the winner holds too, and more, is no rival: the line holds what
// tells them apart. Any other record stays a rival, however few of the line's words it holds.
const docs = [
  { id: "instances", text: "inotify instances used up: inotify_init fails with too many open files (EMFILE)", lookAlikes: ["watches"] },
  { id: "watches", text: "inotify watches used up: inotify_add_watch fails with no space left on device (ENOSPC)" },
  { id: "disk", text: "the disk is full: writes fail with no space left on device" },
  { id: "other", text: "kube-proxy cannot load the ip_vs kernel modules" },
];
const index = buildLexicalIndex(docs);

describe("the lexical runner-up", () => {
  it("is no rival when it is a declared look-alike sharing only words the winner holds too", () => {
    const m = bestMatch(index, "dnsmasq[110]: failed to create inotify: Too many open files");
    expect(m?.id).toBe("instances");
    // "watches" matches only "inotify", which "instances" holds as well.
    expect(m?.runnerUp).toBe(0);
  });

  it("is a rival when not declared, when it explains a word the winner does not, or exactly the same words", () => {
    // "disk" holds only words "watches" holds too, but nothing says the two are confused: it stays the runner-up.
    const m = bestMatch(index, "inotify_add_watch /sys/fs/cgroup: no space left on device");
    expect(m?.id).toBe("watches");
    expect(m?.runnerUp).toBeGreaterThan(0);
    const twin = { id: "twin", text: docs[0]?.text ?? "", lookAlikes: ["instances"] };
    const tie = bestMatch(buildLexicalIndex([...docs, twin]), "inotify_init: too many open files");
    expect(tie?.runnerUp).toBeCloseTo(tie?.score ?? 0);
    const split = bestMatch(index, "inotify watches and instances: too many open files, no space left on device");
    expect(split?.runnerUp).toBeGreaterThan(0);
  });
});
