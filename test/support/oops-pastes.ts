/**
 * cilium/cilium#34700 (Talos 6.6.43): a UBSAN in the BPF LPM trie. Its framing (the CPU/PID/Comm and "Hardware name:"
 * lines, "Call Trace:", "<TASK>", dump_stack_lvl) resembled the veth allocation record, whose example quotes the same
 * framing, at medium and first (review 70a F1).
 */
export const UBSAN_FRAMING: readonly string[] = [
  "CPU: 17 PID: 5962 Comm: cilium-agent Tainted: P O 6.6.43-talos #1",
  "Hardware name: Supermicro Super Server/H13SAE-MF, BIOS 2.0a 06/05/2024",
  "Call Trace:",
  "<TASK>",
  "dump_stack_lvl+0x47/0x60",
];

/** The report itself: its headline, the framing, and its own frames. */
export const UBSAN_REPORT: readonly string[] = [
  "UBSAN: array-index-out-of-bounds in kernel/bpf/lpm_trie.c:194:14",
  "index 8 is out of range for type '__u8 [*]'",
  ...UBSAN_FRAMING,
  "__ubsan_handle_out_of_bounds+0xc7/0x100",
  "longest_prefix_match.isra.0+0x18c/0x1d0",
  "trie_update_elem+0x152/0x300",
  "bpf_map_update_value+0xe2/0x220",
  "__sys_bpf+0x1afb/0x26f0",
  "__x64_sys_bpf+0x1e/0x30",
  "do_syscall_64+0x5a/0x80",
];
