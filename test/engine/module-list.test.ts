import { describe, expect, it } from "vitest";
import { moduleListOf } from "../../src/engine/facts/module-list";
import { loadDataKb } from "../support/data-kb";

const listOf = (text: string) => {
  const lines = text.split("\n");
  return moduleListOf((l) => lines[l - 1]);
};

describe("the module list printed in a line's kernel report (review 70a F4)", () => {
  it("reads a soft lockup's list, with its continuation record and a name a wrap split (fedora-coreos-tracker#1841)", () => {
    const read = listOf(
      [
        "Nov 21 07:32:06 coreos kernel: watchdog: BUG: soft lockup - CPU#2 stuck for 26s! [kworker/u16:7:101418]",
        "Nov 21 07:32:06 coreos kernel: Modules linked in: bluetooth nfsv4 dns_resolver nfs lockd grace overlay iscsi_boot_sysfs is",
        "csi_tcp libiscsi_tcp libiscsi",
        "Nov 21 07:32:06 coreos kernel: scsi_dh_rdac fuse qemu_fw_cfg(E) virtio_console",
        "Nov 21 07:32:06 coreos kernel: CPU: 2 UID: 0 PID: 491201 Comm: borg Tainted: G L 6.11.5-300.fc41.x86_64 #1",
      ].join("\n"),
    )(1);
    expect(read?.line).toBe(2);
    expect([...(read?.names ?? [])]).toEqual(
      expect.arrayContaining(["nfs", "nfsv4", "iscsi_tcp", "fuse", "qemu_fw_cfg", "virtio_console"]),
    );
    expect(read?.cut).toBe(false);
  });

  it("finds an oops's list after its call trace, and a WARN's before the line", () => {
    const oops = listOf(
      [
        "[ 10.1] BUG: kernel NULL pointer dereference, address: 0000000000000008",
        "[ 10.1] Oops: 0000 [#1] SMP",
        "[ 10.1] Call Trace:",
        "[ 10.1]  nfs_lock_and_join_requests+0x1c/0x2a0 [nfs]",
        "[ 10.1] Modules linked in: nfs lockd",
        "[ 10.1] ---[ end trace 0000000000000000 ]---",
      ].join("\n"),
    );
    expect(oops(1)?.line).toBe(5);
    expect(oops(4)?.names.has("nfs")).toBe(true);
    const warn = listOf(
      [
        "[ 5.0] WARNING: CPU: 1 PID: 9 at net/core/dev.c:1 f+0x1/0x2",
        "[ 5.0] Modules linked in: veth",
        "[ 5.0] Call Trace:",
        "[ 5.0]  f+0x1/0x2",
      ].join("\n"),
    );
    expect(warn(4)?.line).toBe(2);
  });

  it("reads no list of another report, of another program's lines, or one a paste cut", () => {
    const read = listOf(
      [
        "[ 1.0] watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [kworker/1:2:99]",
        "[ 1.0] CPU: 1 PID: 99 Comm: kworker/1:2",
        "[ 2.0] watchdog: BUG: soft lockup - CPU#3 stuck for 22s! [kworker/3:1:98]",
        "[ 2.0] Modules linked in: btrfs raid10",
        "$ uptime",
        "[ 3.0] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [kworker/0:1:97]",
        "[ 3.0] Modules linked in: btrfs raid10 xor…",
      ].join("\n"),
    );
    expect(read(1)).toBeNull();
    expect(read(3)?.line).toBe(4);
    expect(read(6)?.cut).toBe(true);
  });
});

describe("module-bound records, compiled once with the knowledge base (issue #12)", () => {
  it("holds every record whose context is kernel modules, with its modules, and no other record", async () => {
    const data = await loadDataKb();
    const kb = data.compiled;
    const bound = kb.records.filter((r) => r.context?.modules);
    expect(bound.length).toBeGreaterThan(0);
    expect([...kb.moduleBound.keys()].sort()).toEqual(bound.map((r) => r.id).sort());
    for (const r of bound) expect(kb.moduleBound.get(r.id)).toBe(r.context?.modules);
  });
});
