/**
 * Real kernel logs of NIC drivers other than AWS's ENA (none of them an eval case or a record's example) for review 72a F6:
 * a device message names its driver, and another driver's message is no rewording of a record about one driver.
 */

/**
 * tailscale/tailscale#20994 (2026-08), the description's kernel log: a Broadcom BCM57412 (bnxt_en) on a bare-metal Dell
 * R760 under Proxmox VE 9.2, as netdev_printk opens a device's messages ("<driver> <PCI address> <interface>: ").
 */
export const BNXT_FIRMWARE_RESET = [
  "bnxt_en 0000:40:00.1 eno12409np1: Fatal firmware reset event, data1: 0x201, data2: 0xda27, min wait 1300 ms, max wait 4200 ms",
  "bnxt_en 0000:40:00.0 eno12399np0: Abandoning msg {0x23 0x6903} len: 0 due to firmware status: 0x2000001",
  "bnxt_en 0000:40:00.0 eno12399np0: NETDEV WATCHDOG: CPU: 64: transmit queue 17 timed out 5069 ms",
  "bnxt_en 0000:40:00.0 eno12399np0: TX timeout detected, starting reset task!",
  "bnxt_en 0000:40:00.0 eno12399np0: hwrm stat ctx alloc failure rc: fffffff3",
].join("\n");

/**
 * Ysurac/openmptcprouter#3114: an Intel e1000e's TX timeout under an older kernel's netdev watchdog, which named the driver
 * after the interface ("NETDEV WATCHDOG: %s (%s): …").
 */
export const E1000E_OLD_WATCHDOG = [
  "[ 1212.592841] ------------[ cut here ]------------",
  "[ 1212.593121] NETDEV WATCHDOG: eth0 (e1000e): transmit queue 0 timed out",
  "[ 1212.593488] WARNING: CPU: 2 PID: 0 at dev_watchdog+0x1bd/0x1d0",
].join("\n");

/** openwrt/openwrt#17641: a MediaTek SoC's Ethernet, a platform device named by its unit address, through logread. */
export const MTK_SOC_ETH_WATCHDOG =
  "Mon Jul 28 10:19:15 2025 kern.crit kernel: [ 7013.909286] mtk_soc_eth 1e100000.ethernet eth0: NETDEV WATCHDOG: CPU: 3: transmit queue 3 timed out 310210 ms";
