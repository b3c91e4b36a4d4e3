/**
 * An out-of-tree module build's kernel: `make -C /lib/modules/\`uname -r\`/build M=… modules` enters the running
 * kernel's headers by construction, and make prints the tree it entered with the symlink resolved ("make[1]: Entering
 * directory '/usr/src/linux-headers-4.15.0-999-lowlatency'", Fedora's "/usr/src/kernels/<release>", Arch's
 * "/usr/lib/modules/<release>/build"). Only with `uname -r` in the command itself: DKMS and Makefiles with a
 * KVER build for every installed kernel, printing the release they were handed ("make -C /lib/modules/6.8.0-45-generic/build").
 */
import type { UnameFacts } from "./uname";
import { looksLikeRelease } from "./uname";

/** make's line on entering the headers tree, in either quoting make has used (`…' and '…', ‘…’ in a UTF-8 locale). */
const ENTERING_HEADERS =
  /^\s*make(?:\[\d+\])?: Entering directory [`'‘"](?:\/usr\/src\/(?:linux-headers-|kernels\/)([^\s/'’"`]+)|\/usr\/lib\/modules\/([^\s/'’"`]+)\/build)\/?['’"`]\s*$/;
/** The build's command, as typed or as make echoes it from a Makefile: its -C is the running kernel's build link. */
const BUILD_BY_UNAME = /\bmake\b[^\n]*?\s-C\s*\/lib\/modules\/(?:`uname -r`|\$\((?:shell )?uname -r\))\/build\b/;
/** Another directory make entered: the headers line after it is that make's, not the command's. */
const ENTERING = /\bEntering directory\b/;
/** How far above the headers line the command may be (make's own lines and a prompt between). */
const COMMAND_REACH = 4;

export const HEADERS_BUILD_VIA = "the headers a module build entered through /lib/modules/`uname -r`/build";

/** The kernel a module build's headers line (`text`, at `line`) names, when the command above it used `uname -r`. */
export function headersBuildKernel(text: string, line: number, lineAt: ((line: number) => string) | undefined): UnameFacts | null {
  if (!lineAt) return null;
  const entered = ENTERING_HEADERS.exec(text);
  const release = entered?.[1] ?? entered?.[2];
  // Debian's flavourless tree ("linux-headers-6.1.0-18-common") holds what the flavours share: no release that runs.
  if (!release || !looksLikeRelease(release) || release.endsWith("-common")) return null;
  for (let n = line - 1; n >= Math.max(1, line - COMMAND_REACH); n--) {
    const above = lineAt(n) ?? "";
    if (BUILD_BY_UNAME.test(above)) return { release, build: null, machine: null, hostname: null, named: true, via: HEADERS_BUILD_VIA };
    if (ENTERING.test(above)) return null;
  }
  return null;
}
