/**
 * Which command lines run a container CLI against another machine's daemon. What that daemon reports (`docker version`'s
 * server part, `docker info`, `podman --remote info`) is its machine's, never the prompt's (review 40a, then 40c: an
 * `export DOCKER_HOST=ssh://web-2` earlier in the paste still made web-2's Docker web-1's, "affected, verified").
 */

/** Each command line (1-based) with the machine its output is, in order: readBundle's commandHosts. */
type Commands = ReadonlyArray<readonly [number, string | null]>;

/**
 * The command lines whose Docker or Podman CLI talks to a daemon elsewhere: the command names it (`docker -H ssh://web-2
 * version`, `--context`, `DOCKER_HOST=tcp://… docker info`, `podman --remote`), or an earlier command on the same machine
 * made it the shell's (`export DOCKER_HOST=…`, `docker context use web-2`) and none has undone it since (`unset
 * DOCKER_HOST`, `docker context use default`). Under `sudo` too: sudoers may keep the variable, and a hedged answer is
 * the safe side of not knowing.
 */
export function remoteDaemonCommands(commands: Commands, lineAt: (line: number) => string | undefined): ReadonlySet<number> {
  const remote = new Set<number>();
  const shellDaemonElsewhere = new Map<string, boolean>();
  for (const [line, machine] of commands) {
    const text = lineAt(line);
    if (text === undefined) continue;
    const shell = machine ?? "";
    // Each command of a line in turn: `export DOCKER_HOST=… && docker version` is already the other daemon's.
    for (const part of text.split(/&&|;|\|\|/)) {
      const set = setsDaemon(part);
      if (set !== null) shellDaemonElsewhere.set(shell, set);
      else if (NAMES_DAEMON.test(part) || (shellDaemonElsewhere.get(shell) && RUNS_CLI.test(part))) remote.add(line);
    }
  }
  return remote;
}

/** Whether a command makes another daemon the shell's (true), makes the local one the shell's again (false), or neither (null). */
function setsDaemon(command: string): boolean | null {
  const exported = EXPORTS.exec(command);
  if (exported) return !LOCAL_VALUE.test(exported[1] ?? "");
  if (UNSETS.test(command)) return false;
  const context = CONTEXT_USE.exec(command);
  return context ? !LOCAL_VALUE.test(context[1] ?? "") : null;
}

// sh's `export NAME=value` and fish's `set -gx NAME value`; a bare `NAME=value` exports nothing new.
const EXPORTS = /\b(?:export\s+|set\s+-\w*x\w*\s+)(?:DOCKER_HOST|DOCKER_CONTEXT|CONTAINER_HOST|CONTAINER_CONNECTION)[=\s]\s*['"]?(\S*)/;
const UNSETS = /\b(?:unset|set\s+-e)\s+(?:DOCKER_HOST|DOCKER_CONTEXT|CONTAINER_HOST|CONTAINER_CONNECTION)\b/;
const CONTEXT_USE = /\bdocker\s+context\s+use\s+['"]?(\S+)/;
// The local daemon: its socket, the default context, or an empty value.
const LOCAL_VALUE = /^(?:unix:|default\b|['"]?$)/;
// The CLI's own options come before its command; each option one token, so no backtracking over a long line. The local
// socket or the default context named is the prompt's own daemon (review 40c: `docker -H unix:///var/run/docker.sock`).
const NAMES_DAEMON =
  /\b(?:DOCKER_(?:HOST|CONTEXT)|CONTAINER_(?:HOST|CONNECTION))=(?!unix:)\S|\bdocker(?:\s+-\S+)*\s+(?:-H|--host|-c|--context)[= ](?!['"]?(?:unix:|default\b))\S|\bpodman(?:\s+-\S+)*\s+(?:-r|--remote|--url|-c|--connection)\b|\bpodman-remote\b/;
// A command the CLI runs (after a prompt, `sudo` or an assignment), not a word in another command (`systemctl status docker`).
const RUNS_CLI = /(?:^|[$#>]\s|\bsudo(?:\s+-\S+)*\s)\s*(?:\w+=\S*\s+)*(?:docker(?:-compose)?|podman)\b/;
