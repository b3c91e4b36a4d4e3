import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { compileKnowledgeBase } from "../../src/engine/compile-kb";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { parseRecordFile } from "../../src/kb/parse-record";

// Review 71b F1/F2: a kernel flavour the record does not range is no evidence, whatever release it shares with the ones it does.
const FALCO = "falco-modern-ebpf-tailcall-sys-exit-einval-6.12-6.6.57";
const BPF = "bpf-adjust-room-gso-skb-segment-bug";

/** A data record compiled alone, its Ubuntu entries cut to the packages given (as the records stood before review 71b). */
async function recordWithUbuntu(id: string, keep: readonly string[]) {
  const file = `data/bugs/${id}.yaml`;
  const doc = parseDocument(await readFile(file, "utf8"));
  const { affected, together } = doc.toJS() as { affected: { ecosystem: string; package: string }[]; together?: string[][] };
  const kept = affected.filter((a) => !a.ecosystem.startsWith("ubuntu:") || keep.includes(`${a.ecosystem} ${a.package}`));
  doc.set("affected", kept);
  const left = new Set(kept.map((a) => a.ecosystem));
  if (together)
    doc.set(
      "together",
      together.map((group) => group.filter((e) => left.has(e))),
    );
  const parsed = parseRecordFile(file, doc.toString());
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
  return compileKnowledgeBase("test", [parsed.record]);
}

const noble = (uname: string) => `$ uname -a
Linux node1 ${uname} SMP PREEMPT_DYNAMIC Wed Feb 12 10:53:19 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux
$ cat /etc/os-release
NAME="Ubuntu"
VERSION_ID="24.04"
ID=ubuntu
$ falco --version
Falco version: 0.39.1
$ journalctl -u falco
[libs]: libbpf: prog 'sys_exit': BPF program load failed: Invalid argument
[libs]: libbpf: prog 'sys_exit': failed to load: -22
[libs]: libpman: failed to load BPF object (errno: 22 | message: Invalid argument)
`;

describe("a kernel flavour the record does not range (review 71b F1)", () => {
  it("leaves a 24.04 linux-gcp kernel undecided beside ranges of other 24.04 flavours, not 'affected' on Falco alone", async () => {
    const kb = await recordWithUbuntu(FALCO, ["ubuntu:24.04 linux", "ubuntu:24.04 linux-aws", "ubuntu:24.04 linux-azure"]);
    const verdict = diagnoseBundle(kb, noble("6.8.0-1020-gcp #22-Ubuntu")).findings.find((f) => f.id === FALCO)?.verdict;
    expect(verdict?.status).toBe("unknown");
    expect(verdict?.reason).toMatch(
      /no data for ubuntu:24\.04 package linux-gcp \(6\.8\.0-1020-gcp; it ranges linux, linux-aws, linux-azure there\)/,
    );
  });

  it("still judges a flavour the record ranges", async () => {
    const kb = await recordWithUbuntu(FALCO, ["ubuntu:24.04 linux", "ubuntu:24.04 linux-aws", "ubuntu:24.04 linux-azure"]);
    const verdict = (uname: string) => diagnoseBundle(kb, noble(uname)).findings.find((f) => f.id === FALCO)?.verdict;
    expect(verdict("6.8.0-56-generic #58-Ubuntu")).toMatchObject({ status: "affected", level: "verified" });
    expect(verdict("6.8.0-50-generic #51-Ubuntu")).toMatchObject({ status: "not-affected", level: "verified" });
  });
});

describe("the reason when a record ranges the release but not the kernel's package (review 71b F2)", () => {
  it("names the package, not the release it lists as known", async () => {
    const kb = await recordWithUbuntu(BPF, ["ubuntu:22.04 linux", "ubuntu:22.04 linux-aws"]);
    const paste = `$ uname -a
Linux gke-node 5.15.0-1070-gcp #78-Ubuntu SMP Mon Oct 14 12:00:00 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux
$ cat /etc/os-release
NAME="Ubuntu"
VERSION_ID="22.04"
ID=ubuntu
[ 1234.567890] kernel BUG at net/core/skbuff.c:4490!
[ 1234.567950] RIP: 0010:skb_segment+0x5d4/0xe30
`;
    const verdict = diagnoseBundle(kb, paste).findings.find((f) => f.id === BPF)?.verdict;
    expect(verdict?.status).toBe("unknown");
    expect(verdict?.reason).toMatch(
      /^no data in this record for ubuntu:22\.04 package linux-gcp \(5\.15\.0-1070-gcp; it ranges linux, linux-aws there\)/,
    );
    expect(verdict?.reason).not.toMatch(/for ubuntu:22\.04 kernels/);
  });
});
