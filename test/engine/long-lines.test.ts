import { describe, expect, it } from "vitest";
import { diagnoseBundle, diagnoseFields } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";
import { nodesTable } from "../support/large-inputs";

// One long line must not stall a diagnosis: the readers of versions and the closest records run
// regexes over user text, and a regex that re-splits a long run of digits or spaces at every
// position takes quadratic time (seconds at 100 KB, minutes at 1 MB). Each input below is a shape
// that did so; a linear reader answers it in milliseconds.
const kb = (await loadDataKb()).compiled;
const N = 200_000;
const LONG_LINES: Record<string, string> = {
  "a release before the word kernel": `kernel x Linux 1.1.${"1".repeat(N)}!`,
  "the kubelet's structured start-up line": `I0903 15:54:42.869062 2596 server.go:415] "Kubelet version" kubeletVersion="v1.1.${"1".repeat(N)}!`,
  "the kubelet's journal framing, many times": `${"kubelet[1]: ".repeat(N / 12)} server.go:1] Version: v1.1.1 x`,
  "a component and many spaces": `docker to${" ".repeat(N)}x`,
  "describe node's Kubelet Version": `  Kubelet Version:  v1.1.${"1".repeat(N)}x`,
  "an RPM-like release run on": `on kernel 3.10.0-${"a.el7.".repeat(N / 6)}-`,
  "an oops header": `CPU: 0 PID: 1 Comm: x${" Not tainted 1.1.1".repeat(N / 18)} x`,
  "a compound run for the closest records": `error ${"a".repeat(N)}-`,
  // Review 27c: a neofetch summary's neighbour of spaces (its label's gap was tried at every start).
  "spaces beside a fetch summary's OS line": `Kernel: 6.8.0-45-generic\nOS: Ubuntu 22.04.4 LTS x86_64\n${" ".repeat(N)}x\nUptime: 3 days`,
  // The shell-setting reader's comment pattern looked back over a run of spaces at each of its positions (review 41b F1:
  // 100,000 spaces, 8-12 s).
  "a prompt's export and many spaces": `admin@web-1:~$ export${" ".repeat(N)}X`,
  "a prompt's docker and many spaces": `$ docker${" ".repeat(N)}X`,
  // The pods a `get pods -o wide` places were looked for with a pattern that tried every start to the line's end, beside
  // a pod's logs (review 50h F1: one 128 KB command line used the 10 s budget).
  "a get-pods command line beside a pod's logs": `$ kubectl logs web-0\nx\n$ kubectl get pods${" k get po x".repeat(N / 11)}`,
  // A command picking Podman's runtime out with jq was tried at every `podman info` of a whole line to its end (review 52a
  // F2: 128 KB, 6 s).
  "a podman info line behind its runtime marker": `ociRuntime: ${"podman info ".repeat(N / 12)}`,
  // The crash banner's release was a run of digits anchored at the line's end (review 54c F1: 200,000 characters, 33 s),
  // and a talosctl command was looked for at every "talosctl" of a line to its end (F2: 7 s).
  "a crash banner's RELEASE of digits": `RELEASE: 5.15.${"0".repeat(N)} -generic\nVERSION: #1 SMP`,
  "a command line of talosctl words": `$ ${"talosctl ".repeat(N / 9)}`,
  // Two host ranges of 10,001 each made 10^8 names before the count was checked (F3: the CLI ran out of memory).
  // A typed kernel label's spaces were split between two optional runs at every length (this round's series reader).
  "a typed kernel label and many spaces": `- **Kernel:${" ".repeat(N)}x`,
  "a claimed kernel series, many times": `${"We're on kernel 6.9 ".repeat(N / 20)}`,
  // A release archive's or a dnf transaction's name and version were split at every hyphen (review 56b's readers).
  "an archive name of hyphens and versions": `$ tar xzf ${"a-1.1".repeat(N / 5)}.tar.gz`,
  "a dnf cleanup line of hyphens and versions": `  Cleanup          : ${"runc-1.1".repeat(N / 8)}.x86_64 1/1`,
  "a reboot after many options": `$ sudo systemctl ${"-q ".repeat(N / 3)}x`,
  // A run of options that take a value was split every way before a host or a command (this round's ssh and sudo readers).
  "an ssh command of options only": `$ ssh${" -p".repeat(300)}`,
  "a sudo command of options only": `$ sudo${" -u".repeat(300)}`,
  // A journalctl command line was tried for a reversed read at every "journalctl" to its end (review 57a F5: 300 KB, 5-7 s).
  "a journalctl command repeated on one line": `$ ${"journalctl -b ".repeat(N / 14)}`,
  // apt's list of what an upgrade changes was spread into one call's arguments (review 57a F2: 500,000 words threw).
  "an apt upgrade's list of half a million words": `$ apt-get upgrade -y\nThe following packages will be upgraded:\n  ${"a ".repeat(500_000)}`,
  // pacman's transaction list was read again for each part of a chain (review 57a F3: 200 parts over 70,000 names, 10 s).
  "a chain of pacman installs over a long transaction list": `$ ${"pacman -S runc && ".repeat(200)}x\nPackages (70000) ${"runc-1.1.15-1 ".repeat(70_000)}`,
  "two host ranges in one target": `$ talosctl -n n[0-10000][0-10000] dmesg\nn1: kern: x\n$ pdsh -w n[0-10000][0-10000] dmesg\nn1: x`,
};

describe("long lines", () => {
  it.each(Object.entries(LONG_LINES))("answer at once on %s", (_name, line) => {
    for (const run of [() => diagnoseBundle(kb, line), () => diagnoseFields(kb, { logs: line })]) {
      const start = performance.now();
      const d = run();
      expect(performance.now() - start).toBeLessThan(2000);
      expect(d.findings.filter((f) => f.confidence === "high")).toEqual([]);
    }
  });
});

// Many lines, each cheap, must not cost a pass over all the others: a line without a space made the
// mail-wrap detector search back over the whole text (4 MB: about 25 s), and each kubectl table header
// copied the rest of the text to parse its table (1 MB of headers: 18 s). Each now takes under 1 s, so
// each is judged by how its cost grows, which a loaded machine does not change as it does a bound in
// milliseconds (a linear 1.0 s case once took 2,011 ms on a busy CI machine against a 2,000 ms bound):
// a linear reader takes about 4× as long on 4 MB as on 1 MB, one that reads the text again per line
// about 16×.
const MANY_LINES: Record<string, string> = {
  "lines without a space": `${"a".repeat(99)}\n`,
  // Under the shell-setting reader's length cap (review 41b F1: 2,000 such lines took 6.2 s).
  "exports of spaces": `admin@web-1:~$ export${" ".repeat(1950)}X\n`,
  "kubectl table headers": "NAME STATUS ROLES AGE VERSION\n",
  // An environment dump: KEY=value lines with no ID, each tried as the start of an os-release (128 KB: 21 s).
  "KEY=value lines without an ID": "FOO_BAR=1\n",
  // Kernel-mention lines of 4 KB (the length they are read to) whose run of digits is no release: the embedded
  // uname's release re-split it at every digit (8 MB of them: 32 s).
  "kernel lines with a long run of digits": `kernel Linux 1.1.1${"1".repeat(3980)}é\n`,
  "taint lines with a long run of spaces": `Tainted: G${" ".repeat(3990)}x\n`,
  // A label after a long run of a requirement's word: each word was tried against the whole rest (8 MB: 6 s).
  "a label after many requirement words": `${"min ".repeat(994)}. Kernel: 6.6.60\n`,
  // Long runs of dots after a release: the trailing-punctuation trim retried every start (4 MB: 24 s and more).
  "a label with a run of dots after a listed version": `Kernel: 6.6.60 on 1.1.1${".".repeat(3960)}x\n`,
  "a prose release followed by dots": `kernel 6.6.60${".".repeat(3980)}x\n`,
  // Claims beside a boot line with a 4 KB build: its words were split anew for each claim (4 MB: 14 s).
  // dnf's Cleanup row: its name and version both take digits and dashes (review 57a F4: 8.6 ms a row, 800 rows 10 s).
  "dnf cleanup rows of digits around their dash": `  Cleanup          : runc-1.${"1".repeat(1990)}-1.${"1".repeat(1990)}   2/2\n`,
  "claims beside a long build": `[    0.000000] Linux version 6.6.58-1-lts (linux-lts@archlinux) (gcc 14) #1 SMP ${"w0 ".repeat(1300)}\n${"we run kernel 6.6.58-lts ".repeat(159)}\n`,
};

/** The cheaper of two diagnoses of `mb` MB of `line` (the other may have met a collection or another process). */
function cost(line: string | ((i: number) => string), mb: number): number {
  const text = typeof line === "string" ? line.repeat(Math.floor((mb * 1024 * 1024) / line.length)) : numbered(line, mb);
  let least = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 2; run++) {
    const start = performance.now();
    const d = diagnoseBundle(kb, text);
    least = Math.min(least, performance.now() - start);
    expect(d.findings).toEqual([]);
  }
  return least;
}
/** `mb` MB of the parts `part` numbers, each naming its own machine. */
function numbered(part: (i: number) => string, mb: number): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const text = part(i);
    out.push(text);
    size += text.length;
  }
  return out.join("");
}

/**
 * Headings naming a machine each, beside headings naming none: each of the latter was matched against every machine
 * headed before it (review 53d F1: 8,000 pairs, 246 KB, took 11 s).
 */
const MANY_MACHINES: Record<string, (i: number) => string> = {
  "machines' headings, each before a file's part": (i) => `### node-${i}\n==> x${i} <==\nok\n`,
  "machines' headings, each before a section's": (i) => `### node-${i}\nok\n### Notes on node-1 and node-2\n`,
  // Each file's part showing its machine's prompt: every part's name was compared with every machine shown (review 53f F1:
  // 4,999 hosts' parts took 29 s).
  "file parts each showing its machine": (i) => `==> /tmp/collect/n${i}/kubelet.log <==\nroot@n${i}:~# uptime\nok\n`,
};

/** Below this a 1 MB run is timer noise and setup: the ratio is read against it. */
const NOISE_MS = 25;

describe("many lines", () => {
  it.each(Object.entries({ ...MANY_LINES, ...MANY_MACHINES }))("answer in time linear in the size of 4 MB of %s", (_name, line) => {
    const small = cost(line, 1);
    const large = cost(line, 4);
    expect(large / Math.max(small, NOISE_MS)).toBeLessThan(8);
    // And at once, however the machine is loaded: the quadratic readers took 6 to 32 s here.
    expect(large).toBeLessThan(5000);
  });
});

describe("reboots typed at another machine", () => {
  it("cost one search each, however many lie between a uname and the failure (review 57a F1: 171 KB took 8 s)", () => {
    // Hundreds of unames and failure lines at hostA, thousands of reboots typed at hostB between them.
    const releases = ["5.10.165-143.735.amzn2.x86_64", "5.10.178-162.673.amzn2.x86_64"];
    const failure = "runc: error loading seccomp filter into kernel: error loading seccomp filter: errno 524: unknown\n";
    const block = (k: number) =>
      `[root@hostA ~]# uname -r\n${releases[k % 2]}\n[root@hostA ~]# dmesg\n${failure.repeat(5)}${"[root@hostB ~]# reboot\n".repeat(50)}`;
    const text = Array.from({ length: 100 }, (_, k) => block(k)).join("");
    const start = performance.now();
    const d = diagnoseBundle(kb, text);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(d.findings[0]?.id).toBe("al2-5.10-seccomp-errno-524");
  });
});

// A fleet's table at the row limit (5,000): each host's named versions and releases were checked
// against every host's version checks, once per record (5,000 rows: about two minutes; now seconds).
describe("a fleet at the row limit", () => {
  it("is diagnosed in seconds, not minutes", { timeout: 60_000 }, () => {
    const start = performance.now();
    const d = diagnoseBundle(kb, nodesTable(5000));
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(d.nodes.find((n) => n.name === "worker-7")?.outlier).toBe(true);
  });
});
