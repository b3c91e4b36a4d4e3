/**
 * The component ecosystems some reader gives a version of. A record ranging over another could never decide by
 * versions (review 31b: sysbox, traefik and container-selinux had ranges no input reached); kb:check holds records to it.
 * Kernels, distribution releases and package repositories are read by the kernel and os-release facts.
 */

import { NAMED_ECOSYSTEMS } from "./facts/named-versions";
import { LISTED_ECOSYSTEMS } from "./facts/package-lists";
import { TOOL_ECOSYSTEMS } from "./facts/tool-versions";
import { BACKEND_ECOSYSTEMS, IMAGE_OS } from "./verdict";

export const READ_ECOSYSTEMS: ReadonlySet<string> = new Set([
  ...NAMED_ECOSYSTEMS,
  ...LISTED_ECOSYSTEMS,
  // The runtimes' own `--version` lines and a nodes table's CONTAINER-RUNTIME (runtime-version.ts), the kubelet's.
  ...["docker", "containerd", "cri-o", "runc", "crun", "libseccomp", "kubernetes"],
  // The other components' own version commands (tool-versions.ts).
  ...TOOL_ECOSYSTEMS,
  // `iptables -V`, and its backend.
  "iptables",
  ...Object.values(BACKEND_ECOSYSTEMS),
  // An image-based OS's release, COS's build (verdict.ts imageOsComponents).
  ...IMAGE_OS,
  "cos",
]);
