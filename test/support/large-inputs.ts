const HEADER =
  "NAME       STATUS   ROLES    AGE    VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME";
/** A kubectl table of n nodes, one of them (worker-7) on the broken kernel. */
export const nodesTable = (n: number) =>
  [
    HEADER,
    ...Array.from(
      { length: n },
      (_, i) =>
        `worker-${i}   Ready    <none>   412d   v1.26.3   10.20.${i >> 8}.${i & 255}   <none>   Ubuntu 22.04.5 LTS   ${i === 7 ? "5.15.0-127" : "5.15.0-126"}-generic   containerd://1.6.20`,
    ),
  ].join("\n");

/** About `mb` megabytes of journald-style kubelet lines, with one xor-mark symptom every `every` lines. */
export function journald(mb: number, every = 5000): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const line =
      i % every === every - 1
        ? `Nov 29 10:00:${String(i % 60).padStart(2, "0")} worker-2 kube-proxy[812]: ip6tables-restore v1.8.7 (legacy): unknown option "--xor-mark"`
        : `Nov 29 10:00:${String(i % 60).padStart(2, "0")} worker-2 kubelet[1042]: I1129 10:00:00.${String(i).padStart(6, "0")} 1042 kubelet.go:2431] "SyncLoop (PLEG): event for pod" pod="default/web-${i % 97}"`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n");
}
