/**
 * Which pod a `kubectl describe` or `kubectl logs` command names, so that a pod's logs fetched through the cluster can be
 * placed on the node its description names (review 50d F1: kube-proxy's log of the pod `describe pod` put on worker-1 was
 * judged on worker-2, another node in range).
 */

/** A kubectl-like client, then the verb, its words up to a pipe or the command's end. */
const DESCRIBE_WORDS = /(?:^|\s)(?:kubectl|kubecolor|k|oc)\b[^|;&]{0,120}?\sdescribe\s+([^|;&]*)/;
const LOGS_WORDS = /(?:^|\s)(?:kubectl|kubecolor|k|oc)\b[^|;&]{0,120}?\slogs\s+([^|;&]*)/;
/** Flags whose value is the next word (`-n kube-system`): the value names no pod. */
const VALUE_FLAG = /^(?:-[nclo]|--(?:namespace|selector|container|context|kubeconfig|tail|since|since-time|output|cluster|user))$/;
/** A pod named with its kind (`pod/web-0`, `po/web-0`, `pods/web-0`). */
const POD_PREFIX = /^(?:pods?|po)\//;
const POD_KIND = /^(?:pods?|po)$/;
/** A pod's name: a DNS subdomain. */
const POD_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;

/** The command's words after its verb that are neither a flag nor a flag's value. */
function operands(words: string): string[] {
  const out: string[] = [];
  const parts = words.trim().split(/\s+/);
  for (let i = 0; i < parts.length; i++) {
    const w = parts[i] ?? "";
    if (!w.startsWith("-")) out.push(w);
    else if (VALUE_FLAG.test(w)) i++;
  }
  return out;
}

/** The pod `kubectl describe pod <name>` (or `describe pod/<name>`) describes; null for another kind or several pods. */
export function describedPod(command: string): string | null {
  const words = DESCRIBE_WORDS.exec(command)?.[1];
  if (words === undefined) return null;
  const ops = operands(words);
  const name =
    ops.length === 1 && POD_PREFIX.test(ops[0] ?? "")
      ? ops[0]?.replace(POD_PREFIX, "")
      : ops.length === 2 && POD_KIND.test(ops[0] ?? "")
        ? ops[1]
        : undefined;
  return name !== undefined && POD_NAME.test(name) ? name : null;
}

/** The words of a `kubectl logs` command that may name its pod (a flag's value among them names none a description gives). */
export function loggedPods(command: string): string[] {
  const words = LOGS_WORDS.exec(command)?.[1];
  return words === undefined
    ? []
    : operands(words)
        .map((w) => w.replace(POD_PREFIX, ""))
        .filter((w) => POD_NAME.test(w));
}
