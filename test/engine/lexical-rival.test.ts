import { describe, expect, it } from "vitest";
import { bestMatch, buildLexicalIndex } from "../../src/engine/recall/lexical";

// The lexical fallback claims a line only for a clear winner over the runner-up. A record whose words of the
// line the winner holds too (and more) is no rival: it explains nothing the winner does not.
const docs = [
  { id: "instances", text: "inotify instances used up: inotify_init fails with too many open files (EMFILE)" },
  { id: "watches", text: "inotify watches used up: inotify_add_watch fails with no space left on device (ENOSPC)" },
  { id: "disk", text: "the disk is full: writes fail with no space left on device" },
  { id: "other", text: "kube-proxy cannot load the ip_vs kernel modules" },
];
const index = buildLexicalIndex(docs);

describe("the lexical runner-up", () => {
  it("is no rival when it shares only words the winner holds too", () => {
    const m = bestMatch(index, "dnsmasq[110]: failed to create inotify: Too many open files");
    expect(m?.id).toBe("instances");
    // "watches" matches only "inotify", which "instances" holds as well.
    expect(m?.runnerUp).toBe(0);
  });

  it("is a rival when it explains a word the winner does not, or exactly the same words", () => {
    // "watches" holds inotify and "no space left on device"; "disk" only the latter, and nothing "watches" lacks.
    const m = bestMatch(index, "inotify_add_watch /sys/fs/cgroup: no space left on device");
    expect(m?.id).toBe("watches");
    expect(m?.runnerUp).toBe(0);
    const tie = bestMatch(buildLexicalIndex([...docs, { id: "twin", text: docs[0]?.text ?? "" }]), "inotify_init: too many open files");
    expect(tie?.runnerUp).toBeCloseTo(tie?.score ?? 0);
    const split = bestMatch(index, "inotify watches and instances: too many open files, no space left on device");
    expect(split?.runnerUp).toBeGreaterThan(0);
  });
});
