/**
 * The device drivers a kernel log names. The kernel opens a device's messages with its driver and its bus address:
 * dev_printk writes "%s %s: " with dev_driver_string() and dev_name() ("ena 0000:00:05.0: ENA device version: 0.10"),
 * and a network device's (net/core/dev.c, __netdev_printk) add its interface, "%s %s %s%s: " ("bnxt_en 0000:40:00.0
 * eno12399np0: NETDEV WATCHDOG: CPU: 64: transmit queue 17 timed out 5069 ms"). Before the netdev watchdog printed with
 * netdev_crit, it named the driver after the interface (net/sched/sch_generic.c, dev_watchdog: "NETDEV WATCHDOG: %s
 * (%s): transmit queue %u timed out", dev->name, netdev_drivername(dev)).
 *
 * A line naming its driver is that driver's message: it is no rewording of a record whose signatures are all another
 * driver's messages (review 72a F6: a Broadcom bnxt_en TX timeout on a bare-metal Dell resembled the AWS ENA record).
 */

/** Bus addresses as dev_name() writes them: PCI, a platform device (device-tree unit address), USB, VMBus, virtio. */
const BUS_ADDRESS = String.raw`(?:[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]|[0-9a-f]{4,}\.[a-z][\w-]*|\d+-[\d.]+:\d+\.\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|virtio\d+)`;
/**
 * A driver's name (a letter somewhere: not a number before an address), its device's address, its interface if any,
 * opening the kernel's message: at the line's start or after its framing (dmesg's "[ 12.345678] ", a syslog priority's
 * "<4>", syslog's "kernel: "), not an address a sentence or a command gives ("the NIC at 0000:40:00.0: …").
 */
const DEVICE_PREFIX = new RegExp(
  String.raw`(?<=^[ \t]*|[\]>][ \t]*|\bkernel:[ \t]*)((?=[\w-]*[a-z])[a-z0-9][\w-]{0,31}) ${BUS_ADDRESS}(?: [\w.@-]+(?: \([a-z ]+\))?)?: `,
  "gm",
);
const WATCHDOG = /\bNETDEV WATCHDOG: \S+ \(([\w-]+)\): /g;
/**
 * What dev_driver_string() gives for a device no driver is bound to: its bus's name (`pci 0000:00:05.0: [1d0f:ec20] type
 * 00 class 0x020000`), which says nothing of the driver.
 */
const BUS_NAMES = new Set(["pci", "usb", "platform", "virtio", "vmbus", "acpi"]);

/** Driver names as one spelling: modules and drivers write "-" and "_" alike (modprobe reads them as one). */
export const driverName = (name: string) => name.toLowerCase().replaceAll("-", "_");

/** The drivers a text's device messages name. */
export function namedDrivers(text: string): Set<string> {
  const named = new Set<string>();
  if (!text.includes(": ")) return named;
  for (const re of [DEVICE_PREFIX, WATCHDOG])
    for (const m of text.matchAll(re)) {
      const name = driverName(m[1] ?? "");
      if (name && !BUS_NAMES.has(name)) named.add(name);
    }
  return named;
}

/**
 * Whether a text may be a record's message by the drivers it names: yes when the record belongs to no driver (most do),
 * when the text names none, or when it names one of the record's.
 */
export function driversAgree(text: string, recordDrivers: ReadonlySet<string> | undefined): boolean {
  if (!recordDrivers) return true;
  const named = namedDrivers(text);
  if (!named.size) return true;
  for (const d of named) if (recordDrivers.has(d)) return true;
  return false;
}
