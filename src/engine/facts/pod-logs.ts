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

/**
 * The namespace a command names (`-n prod`, `--namespace=prod`, before or after its verb), else the context's: `context`,
 * what an earlier command chose (namespaceChosen), "" where none did.
 */
function namespaceOf(command: string, context: string): string {
  return NAMESPACE_FLAG.exec(command)?.[1] ?? context;
}
/** A namespace's name: a DNS label. */
const NAMESPACE_NAME = "[a-z0-9][a-z0-9-]{0,62}";
const NAMESPACE_FLAG = new RegExp(String.raw`(?:^|\s)(?:-n\s+|--namespace(?:=|\s+))(${NAMESPACE_NAME})(?=\s|$)`);
/** A namespace chosen, or "-", the one before. */
const NAMESPACE = `(${NAMESPACE_NAME}|-)`;
/**
 * The namespace a command makes the context's for the commands after it (review 51b F4): kubectx's `kubens ci-prod`,
 * `kubectl config set-context --current --namespace=ci-prod`, OpenShift's `oc project ci-prod`; "-" where it goes back to
 * the one before (`kubens -`), which the paste may not show; null for any other command.
 */
const NAMESPACE_CHOSEN = [
  new RegExp(String.raw`(?:^|\s)kubens\s+${NAMESPACE}\s*$`),
  new RegExp(String.raw`(?:^|\s)oc\s+project\s+${NAMESPACE}\s*$`),
  // `--current`, or the current context's name asked of kubectl (`$(kubectl config current-context)`): one word either way,
  // read without backtracking into it (review 51g F3: a long word of repeated "current-context" cost cubic time).
  new RegExp(
    String.raw`\bconfig\s+set-context\s+(?:--current|\$\(kubectl config current-context\)|\`kubectl config current-context\`)\s(?:[^|;&\s]+\s+)*?--namespace(?:=|\s+)${NAMESPACE}(?=\s|$)`,
  ),
];
export function namespaceChosen(command: string): string | null {
  if (command.length > MAX_COMMAND) return null;
  for (const pattern of NAMESPACE_CHOSEN) {
    const ns = pattern.exec(command)?.[1];
    if (ns) return ns;
  }
  return null;
}

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

/**
 * The pod `kubectl describe pod <name>` (or `describe pod/<name>`) describes, as "<namespace>/<name>" (a name is unique
 * only in its namespace: review 50e F3); null for another kind or several pods.
 */
export function describedPod(command: string, context = ""): string | null {
  const words = command.length > MAX_COMMAND ? undefined : DESCRIBE_WORDS.exec(command)?.[1];
  if (words === undefined) return null;
  const ops = operands(words);
  const name =
    ops.length === 1 && POD_PREFIX.test(ops[0] ?? "")
      ? ops[0]?.replace(POD_PREFIX, "")
      : ops.length === 2 && POD_KIND.test(ops[0] ?? "")
        ? ops[1]
        : undefined;
  return name !== undefined && POD_NAME.test(name) ? `${namespaceOf(command, context)}/${name}` : null;
}

/**
 * The words of a `kubectl logs` command that may name its pod, each as "<namespace>/<word>" (a flag's value among them names
 * none a description gives).
 */
export function loggedPods(command: string, context = ""): string[] {
  const words = command.length > MAX_COMMAND ? undefined : LOGS_WORDS.exec(command)?.[1];
  if (words === undefined) return [];
  const ns = namespaceOf(command, context);
  return operands(words)
    .map((w) => w.replace(POD_PREFIX, ""))
    .filter((w) => POD_NAME.test(w))
    .map((w) => `${ns}/${w}`);
}

/** `kubectl exec`: its words up to a pipe, or up to `--`, after which they are the command run in the pod. */
const EXEC_WORDS = /(?:^|\s)(?:kubectl|kubecolor|k|oc)\b[^|;&]{0,120}?\sexec\s+([^|;&]*?)(?:\s--(?:\s|$)|[|;&]|$)/;

/**
 * The pod `kubectl exec` runs its command in, as "<namespace>/<name>" (review 70b F1: what it prints is that pod's node's,
 * as a pod's logs are); null for another kind (`deploy/web`) or none.
 */
export function execPod(command: string, context = ""): string | null {
  const words = command.length > MAX_COMMAND ? undefined : EXEC_WORDS.exec(command)?.[1];
  if (words === undefined) return null;
  const [first] = operands(words);
  const name = first?.replace(POD_PREFIX, "");
  return name !== undefined && POD_NAME.test(name) ? `${namespaceOf(command, context)}/${name}` : null;
}

/**
 * The scheduler's placement of a pod, as its Scheduled event says it ("Successfully assigned default/web-0 to worker-1", in a
 * description's events, `get events` or the scheduler's own log): the pod, "<namespace>/<name>", and its node (review 70b
 * F1: `describe pod … | grep -A6 Events:` kept it, and the pod was still judged on another node in range).
 */
export function scheduledPod(row: string): { pod: string; node: string } | null {
  if (!row.includes("Successfully assigned")) return null;
  const found = SCHEDULED.exec(row.length > MAX_EVENT_ROW ? row.slice(0, MAX_EVENT_ROW) : row);
  const node = found?.[3]?.replace(/\.+$/, "");
  return found?.[1] && found[2] && node ? { pod: `${found[1]}/${found[2]}`, node } : null;
}
const SCHEDULED = /\bSuccessfully assigned ([a-z0-9][a-z0-9-]{0,62})\/([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?) to ([A-Za-z0-9][\w.-]*)/;
/** How far into a row the Scheduled event's message is looked for. */
const MAX_EVENT_ROW = 1_000;

/** `kubectl get pods … -o wide` (or `get po`): its table's NODE column places each pod. */
const GET_PODS_WIDE = /(?:^|\s)(?:kubectl|kubecolor|k|oc)\b[^|;&]{0,120}?\sget\s+(?:pods?|po)\b[^|;&]{0,200}?\s-o\s*wide\b/;
/** A command line longer than this is no one's typed `get pods` (and the pattern's cost grows with it: review 50h F1). */
const MAX_COMMAND = 1_000;
/** The table's header: NAME, then NODE further on (NAMESPACE first with `-A`). */
const PODS_HEADER = /^(?:NAMESPACE\s+)?NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\b/;
/** Rows read after a header, at most: a namespace's pods. */
const MAX_POD_ROWS = 5_000;

/**
 * The pods a `kubectl get pods -o wide` table places, "<namespace>/<name>" to node, from the lines after its command
 * (review 50e F4). Cells are cut at the header's column starts, as kubectl aligns them; a row's NODE "<none>" is none.
 */
export function podNodes(command: string, lineAt: (line: number) => string | undefined, after: number, context = ""): Map<string, string> {
  const placed = new Map<string, string>();
  if (command.length > MAX_COMMAND || !command.includes("wide") || !GET_PODS_WIDE.test(command)) return placed;
  const header = lineAt(after + 1);
  if (header === undefined) return placed;
  if (!PODS_HEADER.test(header)) return headerlessPodNodes(command, lineAt, after, context);
  const nodeAt = header.indexOf(" NODE ") + 1 || header.search(/ NODE$/) + 1;
  const namespaced = header.startsWith("NAMESPACE");
  const ns = namespaceOf(command, context);
  for (let k = after + 2; k < after + 2 + MAX_POD_ROWS; k++) {
    const row = lineAt(k);
    if (!row?.trim() || row.length <= nodeAt) break;
    const words = row.trim().split(/\s+/);
    const node = /^\S+/.exec(row.slice(nodeAt))?.[0];
    const name = namespaced ? words[1] : words[0];
    if (!name || !node || !POD_NAME.test(name) || row.charAt(nodeAt - 1) !== " ") break;
    if (node !== "<none>") placed.set(`${namespaced ? words[0] : ns}/${name}`, node);
  }
  return placed;
}

/** A command over every namespace: its table's (or event rows') first column is the namespace. */
const ALL_NAMESPACES = /\s(?:-A|--all-namespaces)\b/;
/** A pod IP as the wide table prints it. */
const POD_IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]+:[0-9a-f:]*|<none>)$/;

/**
 * A wide table's rows without its header (`get pods -A -o wide | grep kube-proxy`, review 50g F3): placed only where every
 * row ends in the IP, the node and the two columns kubectl prints "<none>" in for an ordinary pod (NOMINATED NODE,
 * READINESS GATES), so the node is the word before them.
 */
function headerlessPodNodes(
  command: string,
  lineAt: (line: number) => string | undefined,
  after: number,
  context: string,
): Map<string, string> {
  const placed = new Map<string, string>();
  const namespaced = ALL_NAMESPACES.test(command);
  const ns = namespaceOf(command, context);
  for (let k = after + 1; k < after + 1 + MAX_POD_ROWS; k++) {
    const words = lineAt(k)?.trim().split(/\s+/);
    if (!words || words.length < (namespaced ? 10 : 9) || words.at(-1) !== "<none>" || words.at(-2) !== "<none>") break;
    const [node, ip] = [words.at(-3) ?? "", words.at(-4) ?? ""];
    const name = (namespaced ? words[1] : words[0]) ?? "";
    if (!POD_IP.test(ip) || !POD_NAME.test(name) || !/^\d+\/\d+$/.test((namespaced ? words[2] : words[1]) ?? "")) break;
    if (node !== "<none>") placed.set(`${namespaced ? words[0] : ns}/${name}`, node);
  }
  return placed;
}

/** `kubectl get events` (or `get ev`), or `kubectl events` (1.26 on): its rows name the object each event is about. */
const GET_EVENTS = /(?:^|\s)(?:kubectl|kubecolor|k|oc)\b[^|;&]{0,120}?\s(?:get\s+(?:events?|ev)|events)\b/;
/** An event row's object, a pod ("pod/web-0"; `kubectl events` prints "Pod/web-0": review 53e F4), as a word of its own. */
const EVENT_POD = /\s[Pp]od\/([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?=\s)/;

/** Whether a command line lists events (eventPod's `command`): asked once per command, not per row (review 53f F2). */
export const listsEvents = (command: string): boolean =>
  command.length <= MAX_COMMAND && command.includes("ev") && GET_EVENTS.test(command);

/**
 * Whether a command fetches what it prints through the cluster's API (`kubectl logs`, `describe`, `get events`): its lines
 * are a pod's or an object's on some node, not the machine's the command ran on.
 */
export const readsThroughCluster = (command: string): boolean =>
  command.length <= MAX_COMMAND && (LOGS_WORDS.test(command) || DESCRIBE_WORDS.test(command) || GET_EVENTS.test(command));

/**
 * The pod an event row of `kubectl get events` is about, as "<namespace>/<name>" (its NAMESPACE column with `-A`, else
 * the command's or the context's), so that a `get pods -o wide` table can place it (review 53c F3: the errno 524 event of
 * a pod the table put on the fixed node was judged on another node in range). `command` lists events (listsEvents); null
 * for a row about no pod.
 */
export function eventPod(command: string, row: string, context = ""): string | null {
  const pod = EVENT_POD.exec(row.length > MAX_EVENT_HEAD ? row.slice(0, MAX_EVENT_HEAD) : row)?.[1];
  if (!pod) return null;
  const ns = ALL_NAMESPACES.test(command) ? /^\s*([a-z0-9][a-z0-9-]{0,62})\s/.exec(row)?.[1] : namespaceOf(command, context);
  return ns === undefined ? null : `${ns}/${pod}`;
}
/** How far into an event row its object is looked for: the columns before MESSAGE. */
const MAX_EVENT_HEAD = 400;

/**
 * `kubectl cluster-info dump`'s head of a container's logs ("==== START logs for container kube-proxy of pod
 * kube-system/kube-proxy-qq81n ===="): its pod, "<namespace>/<name>", whose node the dump's PodList gives (review 70b
 * F7); "" for its END line, which heads the dump's next part; null for any other line.
 */
export function dumpedPodLogs(line: string): string | null {
  const m = DUMPED_LOGS.exec(line);
  if (!m) return null;
  return m[1] === "START" && m[2] && m[3] && POD_NAME.test(m[3]) ? `${m[2]}/${m[3]}` : "";
}
const DUMPED_LOGS = /^==== (START|END) logs for container \S+ of pod ([a-z0-9][a-z0-9.-]*)\/(\S+) ====$/;
