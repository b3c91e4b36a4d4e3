import { codeOf, StartupError, withoutSecrets } from "./prepare-store";

/**
 * Every start-up failure of the server and of the store's scripts (`npm run kb:import`, `kb:feedback`) ends here: one
 * line an operator can act on, no stack trace, exit 1 (review 58e F3: kb:import, which the 503 for a missing knowledge
 * base names, ended each of them with a stack trace). A cause spanning lines (SQLite's quick_check lists every damaged
 * page) is folded into that one line.
 */
export function failStartup(err: unknown): never {
  const message = err instanceof StartupError ? err.message : `start-up failed: ${codeOf(err).split("\n")[0]}`;
  console.error(`known-bugs: ${withoutSecrets(oneLine(message))}`);
  process.exit(1);
}

const oneLine = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join("; ");
