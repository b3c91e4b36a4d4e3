/**
 * Which command lines run a container CLI against another machine's daemon. What that daemon reports (`docker version`'s
 * server part, `docker info`, `podman --remote info`) and what it answers (a `docker run`'s error) are its machine's,
 * never the prompt's (review 40a, then 40c: an `export DOCKER_HOST=ssh://web-2` earlier in the paste still made web-2's
 * Docker web-1's, "affected, verified"; review 41a F1: Docker 29's "client version 1.41 is too old" after it was judged
 * on web-1's own Docker 28, "not affected, certain").
 */

/** Each command line (1-based) with the machine its output is, in order: readBundle's commandHosts. */
type Commands = ReadonlyArray<readonly [number, string | null]>;

/** The variables the CLIs read, and `docker context use`'s setting: a daemon elsewhere (its name), the local one (null). */
type Setting = "DOCKER_HOST" | "DOCKER_CONTEXT" | "CONTAINER_HOST" | "CONTAINER_CONNECTION" | "context";
type ShellDaemons = Partial<Record<Setting, string | null>>;

/**
 * The command lines whose Docker or Podman CLI talks to a daemon elsewhere, each with that daemon's machine as a line's
 * printer names it (an `ssh://` or `tcp://` URL's host, else the context or connection named). The command names it
 * (`docker -H ssh://web-2 version`, `--context`, `DOCKER_HOST=tcp://… docker info`, `podman --remote`), or an earlier
 * command in the same user's shell on that machine set it (a `set -x` trace's `+ export …` too): `export DOCKER_HOST=…`
 * (`declare -x`, fish's `set -gx`, an assignment exported after it, `eval $(minikube docker-env)`, `eval $(docker-machine
 * env web-2)`), `docker context use web-2`, until undone (`unset`, `docker context use default`). Docker's order decides:
 * DOCKER_HOST over DOCKER_CONTEXT over the context in use (Docker itself warns that the variable overrides it); Podman
 * reads only its own two; `sudo` without `-E` drops the variables (not the context in use, kept in a file). A subshell's
 * or a comment's setting sets nothing.
 */
export function remoteDaemonCommands(commands: Commands, lineAt: (line: number) => string | undefined): ReadonlyMap<number, string> {
  const remote = new Map<number, string>();
  const shells = new Map<string, ShellDaemons>();
  // Assignments not yet exported (`DOCKER_HOST=ssh://web-2`, then `export DOCKER_HOST`), per shell.
  const assigned = new Map<string, ShellDaemons>();
  for (const [line, machine] of commands) {
    const raw = lineAt(line);
    // Most command lines name no container CLI or setting: one test, not a dozen patterns. No setting is thousands of
    // characters long, and the patterns need not meet such a line (review 41b F1: 100,000 spaces took 8-12 s).
    if (raw === undefined || raw.length > MAX_COMMAND || !MENTIONS_DAEMON.test(raw)) continue;
    const text = raw.replace(COMMENT, "$1");
    // One shell per user and machine: `sudo -i`'s root@web-1 starts with none of admin@web-1's settings (review 41b F6).
    const shell = USER_AT_HOST.exec(raw)?.[1]?.toLowerCase() ?? machine ?? "";
    const own = shells.get(shell) ?? {};
    // `(export DOCKER_HOST=…; docker ps)`: the subshell's settings end with the line.
    const state = SUBSHELL.test(text) ? { ...own } : own;
    shells.set(shell, own);
    const pending = assigned.get(shell) ?? {};
    assigned.set(shell, pending);
    // Each command of a line in turn: `export DOCKER_HOST=… && docker version` is already the other daemon's.
    for (const part of text.split(/&&|;|\|\|/)) {
      if (settles(part, state, pending)) continue;
      // A daemon the command names, the local one too (`docker --context default`), overrides the shell's.
      const named = namedDaemon(part);
      const daemon = named !== undefined ? named : shellDaemon(part, state);
      if (daemon) remote.set(line, daemon);
    }
  }
  return remote;
}

/** Applies what a command sets or unsets to the shell's state; false when it is no such command. */
function settles(command: string, state: ShellDaemons, pending: ShellDaemons): boolean {
  const exported = EXPORTS.exec(command) ?? FISH_EXPORTS.exec(command);
  if (exported) {
    const variable = exported[1] as Setting;
    const value = exported[2];
    // `export DOCKER_HOST` alone exports what the shell assigned it.
    state[variable] = value === undefined ? (pending[variable] ?? state[variable]) : daemonOfValue(variable, value);
    return true;
  }
  const assignment = ASSIGNS.exec(command);
  if (assignment) {
    pending[assignment[1] as Setting] = daemonOfValue(assignment[1] as Setting, assignment[2] ?? "");
    return true;
  }
  const unset = UNSETS.exec(command);
  if (unset) {
    for (const variable of unset[0].match(SETTINGS) ?? []) delete state[variable as Setting];
    return true;
  }
  const env = ENV_EVAL.exec(command);
  if (env) {
    const args = env[2] ?? "";
    // minikube's podman-env sets Podman's variable; docker-machine names its machine (none: "default").
    const variable = env[1] === "minikube" && /\bpodman-env\b/.test(args) ? "CONTAINER_HOST" : "DOCKER_HOST";
    if (/(?:^|\s)(?:-u|--unset)\b/.test(args)) delete state[variable];
    else
      state[variable] = env[1] === "minikube" ? "minikube" : (/\benv(?:\s+-\S+)*\s+([\w.-]+)/.exec(args)?.[1]?.toLowerCase() ?? "default");
    return true;
  }
  const context = CONTEXT_USE.exec(command);
  if (!context) return false;
  state.context = daemonOfValue("context", context[1] ?? "");
  return true;
}

/** The daemon a command line names itself, by option or one-shot variable: a machine, null for the local one, or undefined. */
function namedDaemon(command: string): string | null | undefined {
  const docker = DOCKER_OPTION.exec(command);
  if (docker) return daemonOfValue(/^(?:-c|--context)$/.test(docker[1] ?? "") ? "DOCKER_CONTEXT" : "DOCKER_HOST", docker[2] ?? "");
  const podman = PODMAN_OPTION.exec(command);
  if (podman) {
    if (podman[1]) return PODMAN_REMOTE_DAEMON;
    return daemonOfValue(podman[2] === "--url" ? "CONTAINER_HOST" : "CONTAINER_CONNECTION", podman[3] ?? "");
  }
  if (PODMAN_REMOTE.test(command)) return PODMAN_REMOTE_DAEMON;
  const oneShot = ONE_SHOT.exec(command);
  if (!oneShot) return undefined;
  return daemonOfValue((oneShot[1] ?? oneShot[3]) as Setting, oneShot[2] ?? oneShot[4] ?? "");
}
const PODMAN_REMOTE_DAEMON = "podman's remote daemon";

/**
 * The daemon the shell's settings give the CLI a command runs, or null. Not under `sudo` without `-E`: its env_reset
 * (Debian's, Ubuntu's and Red Hat's default) drops the variables, so the CLI talks to the local daemon (review 41b F6).
 */
function shellDaemon(command: string, state: ShellDaemons): string | null {
  const run = RUNS_CLI.exec(command);
  const cli = run?.[2];
  if (!cli) return null;
  // `docker context use` is kept in a file, not the environment: sudo may still read it (a kept HOME), so it stands.
  const reset = run[1] !== undefined && !/\s(?:-\w*E\w*|--preserve-env\b)/.test(run[1]);
  const order: Setting[] = cli === "podman" ? ["CONTAINER_HOST", "CONTAINER_CONNECTION"] : ["DOCKER_HOST", "DOCKER_CONTEXT", "context"];
  for (const setting of order) if (state[setting] !== undefined && !(reset && setting !== "context")) return state[setting] ?? null;
  return null;
}

/** The machine a setting's value names (`ssh://admin@web-2`, `tcp://10.0.1.12:2376`), else how it names it; null if local. */
function daemonOfValue(setting: Setting, raw: string): string | null {
  const value = raw.replace(/^['"]|['"]$/g, "");
  if (LOCAL_VALUE.test(value)) return null;
  const url = URL_HOST.exec(value);
  const host = url?.[1] ?? url?.[2];
  if (host) return host.toLowerCase();
  if (setting === "DOCKER_CONTEXT" || setting === "context") return `docker context ${value}`;
  if (setting === "CONTAINER_CONNECTION") return `podman connection ${value}`;
  return `the daemon at ${value}`;
}

const MENTIONS_DAEMON = /docker|podman|DOCKER_|CONTAINER_/;
// The variables the CLIs read: one list for every pattern below.
const NAMES = "DOCKER_HOST|DOCKER_CONTEXT|CONTAINER_HOST|CONTAINER_CONNECTION";
const SETTINGS = new RegExp(String.raw`\b(?:${NAMES})\b`, "g");
// A command starts the part, after a prompt or `sudo`: not a word inside another's quotes (`echo 'export …' >> ~/.bashrc`).
// One way to each command's start, so no two quantifiers share a run of spaces: `set -x`'s `+ ` trace too (review 41b F4).
const START = String.raw`(?:^\s*(?:\+\s+)?|[$#%>]\s+|\bsudo(?:\s+-\S+)*\s+)`;
const VARIABLE = `(${NAMES})`;
// sh's `export NAME=value` (`declare -x` too, other names beside it), or `export NAME` alone; fish's `set -gx NAME value`.
const EXPORTS = new RegExp(
  String.raw`${START}(?:export|declare\s+-\w*x\w*)\s+(?:[A-Za-z_]\w*(?:=\S*)?\s+)*?${VARIABLE}(?:=(['"]?[^\s'"]*['"]?))?(?=\s|$)`,
);
const FISH_EXPORTS = new RegExp(String.raw`${START}set\s+-\w*x\w*\s+${VARIABLE}\s+(['"]?[^\s'"]*['"]?)`);
// An assignment alone, which exports nothing until an `export NAME`.
const ASSIGNS = new RegExp(String.raw`${START}${VARIABLE}=(\S*)\s*$`);
const UNSETS = new RegExp(String.raw`${START}(?:unset|set\s+-e)\s+(?:-v\s+)?(?:[\w-]+\s+)*(?:${NAMES})\b.*`);
// minikube's and docker-machine's `env` print the exports of their daemon (`--unset`, `-u` the unsets).
const ENV_EVAL = /\beval\s+["']?\$\((minikube|docker-machine)\b([^)]{0,200})\)/;
const CONTEXT_USE = /\bdocker\s+context\s+use\s+['"]?([^\s'"]+)/;
// The local daemon: its socket, the default context, or an empty value.
const LOCAL_VALUE = /^(?:unix:|default$|$)/;
// An IPv6 address without its brackets, as a row's INTERNAL-IP gives it (review 41b F8).
const URL_HOST = /^(?:ssh|tcp|https?):\/\/(?:[^@/\s]+@)?(?:\[([^\]]+)\]|([^:/\s'"]+))/;
// A comment after a prompt (`$ # export DOCKER_HOST=…`); a line starting "# " is root's prompt.
const COMMENT = /([$#%>]\s+)#.*$/;
const MAX_COMMAND = 2000;
const USER_AT_HOST = /^\s*\[?([\w.-]+@[\w.-]+)/;
const SUBSHELL = /\(\s*(?:export|declare|set|eval|docker\s+context)\b/;
// The CLI's own options come before its command; each option one token, so no backtracking over a long line.
const DOCKER_OPTION = /\bdocker(?:-compose)?(?:\s+-\S+)*?\s+(-H|--host|-c|--context)[= ]['"]?([^\s'"]+)/;
const PODMAN_OPTION = /\bpodman(?:\s+-\S+)*?\s+(?:(-r|--remote)(?=\s|$)|(--url|-c|--connection)[= ]['"]?([^\s'"]+))/;
const PODMAN_REMOTE = /\bpodman-remote\b/;
// `DOCKER_HOST=… docker ps`, `env DOCKER_HOST=… docker info`: this command's daemon only, for the CLI that reads it.
const ONE_SHOT =
  /\b(?:(DOCKER_HOST|DOCKER_CONTEXT)=(\S*)\s+(?:\w+=\S*\s+)*(?:sudo\s+)?docker|(CONTAINER_HOST|CONTAINER_CONNECTION)=(\S*)\s+(?:\w+=\S*\s+)*(?:sudo\s+)?podman)/;
// A command the CLI runs (after a prompt, `sudo` or an assignment), not a word in another command (`systemctl status docker`).
const RUNS_CLI = /(?:^\s*(?:\+\s+)?|[$#>]\s+|(\bsudo(?:\s+-\S+)*\s+))(?:\w+=\S*\s+)*(docker(?:-compose)?|podman)\b/;
