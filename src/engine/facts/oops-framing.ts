/**
 * The lines every kernel report prints around what it reports, whichever bug that is: lib/dump_stack.c's
 * "CPU: … PID: … Comm: …" and "Hardware name: …" lines, the "Call Trace:" heading and its <TASK>/<IRQ>/<NMI> brackets,
 * show_regs' registers and "Code:" bytes, the module list, 6.10+'s taint line, lockdep's irq event stamps, and the
 * frames of the machinery that prints a report or enters the kernel (dump_stack_lvl, panic, __warn, the timer interrupt
 * of a lockup, the syscall and kthread entries). None of them tells one bug from another: a report is told by its
 * headline ("BUG: …", "UBSAN: …", "general protection fault", "WARNING: CPU: … at <file>", "RIP: <fn>") and by its
 * other frames. Review 70a F1: a UBSAN in the BPF LPM trie, read by its "Hardware name: Supermicro …", "Call Trace:",
 * "<TASK>" and "dump_stack_lvl" lines, resembled the veth allocation record, whose example quotes the same framing, at
 * medium.
 */

/**
 * The registers x86 (64- and 32-bit) and arm64 print, one or several to a line, each with its hex value; RIP, EIP,
 * arm64's pc and lr name functions, and stay.
 */
const REGISTERS = String.raw`(?:RSP|RAX|RBX|RCX|RDX|RSI|RDI|RBP|R\d\d|FS|GS|CS|DS|ES|SS|CR\d|PKRU|DR\d|EFLAGS|ORIG_RAX|E[ABCD]X|E[SD]I|EBP|ESP)\s*: ?[0-9a-f]{4}|sp : [0-9a-f]|x\d{1,2}\s*: [0-9a-f]|pstate: [0-9a-f]`;

/**
 * Frames of the reporting machinery and of the kernel's entry points, in any report: as the kernel prints them
 * (`dump_stack_lvl+0x47/0x60`, after an address on 3.x kernels, after `? ` when unreliable), or decoded by
 * scripts/decode_stacktrace.sh (`dump_stack_lvl (lib/dump_stack.c:107)`).
 */
const GENERIC_FRAME = String.raw`(?:\[<[0-9a-f]+>\]\s+)?(?:\? )?(?:dump_stack(?:_lvl)?|show_stack|show_trace_log_lvl|show_regs|panic|__warn|warn_slowpath_\w+|report_bug|handle_bug|exc_invalid_op|asm_exc_\w+|warn_alloc|ubsan_epilogue|__ubsan_handle_\w+|kasan_report|__kasan_report|print_report|print_address_description(?:\.constprop\.\d+)?|watchdog_timer_fn|__hrtimer_run_queues|hrtimer_interrupt|__sysvec_apic_timer_interrupt|sysvec_apic_timer_interrupt|asm_sysvec_apic_timer_interrupt|nmi_cpu_backtrace|nmi_trigger_cpumask_backtrace|arch_trigger_cpumask_backtrace|do_syscall_64|entry_SYSCALL_64(?:_after_hwframe)?|ret_from_fork(?:_asm)?|kthread|worker_thread|process_one_work)(?:\+0x[0-9a-f]+\/0x[0-9a-f]+|\s+\([\w/.-]+\.[chS]:\d+)`;

/** The bytes at the faulting address ("Code: 48 89 e5 …", arm64's "Code: d503201f …"), or why they are missing. */
const CODE = String.raw`Code: (?:[0-9a-f]{2,8}\b|<[0-9a-f]|Unable to access opcode bytes|Bad RIP value)`;

/**
 * The framing lines, as their message starts once the log pipeline's prefixes are gone (a dmesg clock, journald's
 * "kernel: "). `KERNEL_LINE` (boot-marks.ts) reads the same forms as lines the kernel logged.
 */
export const OOPS_FRAMING_SOURCE = String.raw`(?:Hardware name: |CPU: \d+ (?:UID: \d+ )?PID: \d+ |Pid: \d+, comm: |Call [Tt]race:|<\/?(?:TASK|IRQ|NMI|SOFTIRQ|EOI)>|${CODE}|Modules linked in:|Tainted: (?:\[[A-Z]\]|[A-Z][A-Z ]*\d)|irq event stamp|hardirqs last|softirqs last|${REGISTERS}|${GENERIC_FRAME})`;

const OOPS_FRAMING = new RegExp(String.raw`^\s*${OOPS_FRAMING_SOURCE}`);

/** Whether a message (a log line without its pipeline prefixes) is an oops's framing: no evidence of which bug it reports. */
export const isOopsFraming = (message: string): boolean => OOPS_FRAMING.test(message);
