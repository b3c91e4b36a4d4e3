import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { parseRecordFile } from "../../src/kb/parse-record";

// A range's `introducedOn`: the first day a build carrying its change could exist (review 72a F1). kb:check reads records
// through parseRecordFile, so what it refuses here kb:check refuses.
const recordText = async (id: string) => ({ file: `data/bugs/${id}.yaml`, text: await readFile(`data/bugs/${id}.yaml`, "utf8") });
const TUN = await recordText("runc-1.2.0-tun-tap-removed-from-default-devices");
const CONNTRACK = await recordText("kube-proxy-nf-conntrack-max-readonly-netns-5.12.2");
const MEMCG = await recordText("memcg-kmem-limit-in-bytes-dropped-6.1.54");
const CRUN = await recordText("crun-1.23-systemd-bpf-device-filter-selinux-prog-run");
const ON = ["affected", 0, "ranges", 0, "introducedOn"];

function edited(record: { file: string; text: string }, edit: (doc: ReturnType<typeof parseDocument>) => void) {
  const doc = parseDocument(record.text);
  edit(doc);
  return parseRecordFile(record.file, doc.toString());
}
const problemsOf = (parsed: ReturnType<typeof parseRecordFile>) => (parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`));

describe("a range's start date (introducedOn)", () => {
  it("is read with its level and its own source, else the range's", () => {
    const own = parseRecordFile(TUN.file, TUN.text);
    expect(own.ok && own.record.affected[0]?.ranges[0]?.introducedOn).toMatchObject({
      date: "2022-05-04",
      evidence: "verified",
      source: "https://github.com/opencontainers/runc/commit/2ce40b6ad72b4bd4391380cafc5ef1bad1fa0b31",
    });
    const inherited = edited(TUN, (doc) => doc.deleteIn([...ON, "source"]));
    expect(inherited.ok && inherited.record.affected[0]?.ranges[0]?.introducedOn?.source).toBe(
      "https://github.com/opencontainers/runc/pull/4556",
    );
  });

  it("refuses a date that is no ISO date or lies in the future", () => {
    expect(problemsOf(edited(TUN, (doc) => doc.setIn([...ON, "date"], "2022-5-4")))).toEqual([
      expect.stringMatching(/^affected\.0\.ranges\.0\.introducedOn\.date: an ISO date/),
    ]);
    expect(problemsOf(edited(TUN, (doc) => doc.setIn([...ON, "date"], "2999-01-01")))).toEqual([
      expect.stringMatching(/introducedOn\.date: a date in the future/),
    ]);
  });

  it("refuses a verified date that cites report threads only, as any verified fact", () => {
    const threadOnly = edited(TUN, (doc) => doc.setIn([...ON, "source"], "https://github.com/passteque/gluetun/issues/2538"));
    expect(problemsOf(threadOnly)).toEqual([expect.stringMatching(/introducedOn\.source: verified needs a primary source/)]);
  });

  it("refuses a date on a range from the beginning, or one that could never count", () => {
    expect(problemsOf(edited(TUN, (doc) => doc.setIn(["affected", 0, "ranges", 0, "introduced"], "0"))).join("\n")).toMatch(
      /introducedOn: a range from the beginning/,
    );
    // crun 1.23's bug also needs container-selinux before 2.241.0, a range from "0": no start date counts there.
    const crun = edited(CRUN, (doc) =>
      doc.setIn(ON, { date: "2025-06-01", evidence: "verified", source: "https://github.com/containers/crun/blob/1.23/NEWS" }),
    );
    expect(problemsOf(crun)).toEqual([
      expect.stringMatching(/introducedOn: no start date counts here: a container-selinux range starts at "0"/),
    ]);
  });

  it("asks for every upstream range's date once one is given: an undated one may start earlier", () => {
    const partial = edited(CONNTRACK, (doc) => doc.deleteIn(["affected", 0, "ranges", 3, "introducedOn"]));
    expect(problemsOf(partial)).toEqual([expect.stringMatching(/^affected\.0\.ranges\.3: date this range's start too/)]);
  });

  it("refuses a stable range dated after the day its entry's first backport was out", () => {
    const late = edited(MEMCG, (doc) => doc.setIn([...ON, "date"], "2023-09-20"));
    expect(problemsOf(late)).toEqual([expect.stringMatching(/introducedOn\.date: 6\.1\.54 was out on 2023-09-19 \(firstBackport\)/)]);
  });
});
