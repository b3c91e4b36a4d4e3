import { RE2JS } from "re2js";
import type { ExtractedFacts } from "./facts";
import type { RecordBreaksRunning } from "./record";
import { evidenceExcerpt } from "./summary";

/**
 * A bug that breaks containers already running after an event (a record's `breaksRunning`: NVIDIA's GPUs lost when
 * `systemctl daemon-reload` re-applies systemd's device rules) leaves a container started afterwards working: "Running the
 * container again will work fine until you do another systemctl daemon-reload" (nvidia-docker#1671). Its symptom printed
 * by a fresh container's first command (`docker run --rm --gpus all … nvidia-smi` followed by "Failed to initialize NVML")
 * is then another cause's (review 73a F1: a toolkit whose config.toml was ignored). Only where the paste shows nothing of
 * the bug's own sequence: no line showing the event, no earlier run of the same command, and no line of the record's from
 * another command (an `exec` into a running container, a container's shell, its logs).
 */

/** Where a record's symptom is a fresh container's first output, and the run that printed it (1-based lines). */
export interface FirstCommandFailure {
  line: number;
  run: number;
  runText: string;
}

/** Options before a subcommand (`docker --context x run`, `ctr -n k8s.io run`), each with its value if any. */
const OPTIONS = String.raw`(?:\s+--?[\w.-]+(?:[= ][^\s|;&]+)?)*?`;
/**
 * A command starting a new container and running its command at once: `docker|podman|nerdctl|finch [container] run`,
 * `docker compose run`, `kubectl|oc run`, `ctr run`, `runc run`; a container's exec, start or shell is no fresh one.
 */
const FRESH_RUN = new RegExp(
  String.raw`(?:^|[\s>$#%+/\u276f\u279c])((?:docker|podman|nerdctl|finch)${OPTIONS}(?:\s+container)?|docker(?:-|\s+)compose${OPTIONS}|kubectl${OPTIONS}|oc${OPTIONS}|ctr${OPTIONS}|runc${OPTIONS})\s+run(?:\s|$)`,
);
/** The same, alone at the start of a line with no prompt (a code block quoting the command), `sudo` allowed. */
const BARE_RUN = new RegExp(String.raw`^\s*(?:sudo\s+(?:-\S+\s+)*)?${FRESH_RUN.source.replace(/^\(\?:\^\|[^)]*\)/, "")}`);
/**
 * A run that opens a shell (`docker run -it … bash`, `kubectl run -it … ` with no command after `--`): what follows is typed
 * in it later, perhaps much later, and is no first command's output (nvidia-docker#1671: `docker run … -it … bash`, then
 * `nvidia-smi` in it, working until the reload).
 */
const OPENS_SHELL = /(?:^|[\s/])(?:ba|z|a|da|fi|k)?sh(?:\s+-{1,2}[\w-]+)*\s*$/;
const KUBE_RUN = /^(?:kubectl|oc)\b/;
const KUBE_COMMAND = /\s--\s+\S/;
/** A run given a terminal or stdin (`-it`, `-i`, `--tty`): a person may type into what it starts. */
const INTERACTIVE = /\s(?:-[a-zA-Z]*[it][a-zA-Z]*|--interactive|--tty|--stdin)(?=[\s=]|$)/;
/** A line a person may have typed into an interactive run's container (`nvidia-smi`, `ls -l /dev`): a short lower-case command. */
const TYPED = /^\s*[a-z][\w.+-]*(?:\s+\S+){0,4}\s*$/;
/** Commands are short: a longer line is no command of a person's. */
const MAX_COMMAND = 2000;

/** The run command a line is, from its program's name on with its spaces collapsed; null for none. */
function runCommand(text: string, pattern: RegExp): string | null {
  if (text.length > MAX_COMMAND) return null;
  const m = pattern.exec(text);
  if (!m) return null;
  const at = text.indexOf(m[1] as string, m.index);
  return text.slice(at).trim().replace(/\s+/g, " ");
}

type CommandFacts = Pick<ExtractedFacts, "commandAt" | "containerOutput" | "lineAt">;

/**
 * The run whose first output line `line` is: the command line the paste's reading puts it under (its output so far a
 * container's), or, for a line no command heads, the line right before it when that is a run alone at its start. Null for
 * none; `other` when the line is another command's output.
 */
function runOf(facts: CommandFacts, line: number): { run: number; text: string } | "other" | null {
  const command = facts.commandAt(line);
  if (command !== null) {
    if (command >= line || !facts.containerOutput.has(line)) return "other";
    const text = runCommand(facts.lineAt(command) ?? "", FRESH_RUN);
    return text && firstOutput(facts, command, text, line) ? { run: command, text } : "other";
  }
  let before = line - 1;
  while (before > 0 && (facts.lineAt(before) ?? "").trim() === "") before--;
  const text = before > 0 ? runCommand(facts.lineAt(before) ?? "", BARE_RUN) : null;
  if (!text) return null;
  return firstOutput(facts, before, text, line) ? { run: before, text } : "other";
}

/**
 * Whether `line` is what the run's own command printed: not a shell it opened, nor, in an interactive run, after a line
 * that may be a command typed in it.
 */
function firstOutput(facts: CommandFacts, run: number, text: string, line: number): boolean {
  if (OPENS_SHELL.test(text) || (KUBE_RUN.test(text) && INTERACTIVE.test(text) && !KUBE_COMMAND.test(text))) return false;
  if (!INTERACTIVE.test(text)) return true;
  for (let n = run + 1; n < line; n++) if (TYPED.test(facts.lineAt(n) ?? "")) return false;
  return true;
}

/** Whether the paste ran the same command before `run`'s line. */
function ranBefore(facts: CommandFacts, run: { run: number; text: string }): boolean {
  for (let n = 1; n < run.run; n++) {
    const earlier = facts.lineAt(n) ?? "";
    if (runCommand(earlier, FRESH_RUN) === run.text || runCommand(earlier, BARE_RUN) === run.text) return true;
  }
  return false;
}

/**
 * Where the paste shows the record's symptom (its matched `lines`) at a fresh container's first command, with nothing of
 * the bug's own sequence beside it (see the module's comment); null otherwise, and for a record without `breaksRunning`.
 */
export function firstCommandFailure(
  breaks: RecordBreaksRunning | undefined,
  lines: ReadonlySet<number>,
  facts: CommandFacts,
  logs: string,
): FirstCommandFailure | null {
  if (!breaks || !lines.size) return null;
  let first: FirstCommandFailure | null = null;
  // Each run's earlier copies are looked for once, however many of its lines the record matched.
  const fresh = new Set<number>();
  for (const line of [...lines].sort((a, b) => a - b)) {
    const run = runOf(facts, line);
    // A line of another command's (an exec into a running container) may be the bug's own: nothing is refuted. So may a
    // run of a command the paste ran before, which may have worked then (the bug's "worked, then broke").
    if (run === "other") return null;
    if (!run) continue;
    if (!fresh.has(run.run)) {
      if (ranBefore(facts, run)) return null;
      fresh.add(run.run);
    }
    first ??= { line, run: run.run, runText: run.text };
  }
  if (!first) return null;
  const event = RE2JS.compile(breaks.event, RE2JS.CASE_INSENSITIVE);
  return event.matcher(logs).find() ? null : first;
}

/** The longest part of the run's line an answer quotes. */
const QUOTED_CHARS = 120;

/** The caveat a finding carries when its symptom is a fresh container's first output. */
export function firstCommandCaveat(breaks: RecordBreaksRunning, failure: FirstCommandFailure): string {
  const run = evidenceExcerpt({ text: failure.runText }, QUOTED_CHARS);
  return `Refuted: the failure is at the container's first command (line ${failure.line}, printed by the run at line ${failure.run}: "${run}"), and this bug breaks containers that worked, after ${breaks.after}: a container started since works. The finding is a lead at most, not the cause.`;
}

/** The next step of such a finding: no version decides a symptom the bug does not print. */
/** An undecided verdict's reason beside such a failure: no version would make this bug its cause. */
export const firstCommandReason = (breaks: RecordBreaksRunning, failure: FirstCommandFailure) =>
  `ruled out by the paste whatever the versions: the failure is at the container's first command (line ${failure.line}), and this bug breaks containers that worked, after ${breaks.after}`;

export const firstCommandStep = (failure: FirstCommandFailure) =>
  `no version command decides it: the failure at the container's first command (line ${failure.line}) rules this bug out as its cause`;
