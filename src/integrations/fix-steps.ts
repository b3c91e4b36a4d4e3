import { fixStepItem } from "../engine/summary";

/**
 * A fix step as a chat message shows it: its wrapped lines joined (a chat client wraps them itself: review 64e F7), and
 * each line of a command or config block on a line of its own in a code span, so that the platform's markdown never
 * reads a command's `*` as emphasis (review 64e F1: Discord ate both stars of `/proc/*\/fd/*` and of etcd's
 * `[0-9]*`, and the on-call copied a broken command). `code` and `text` are the platform's own escapes.
 */
export function chatFixStep(step: string, code: (line: string) => string, text: (line: string) => string): string {
  const { n, text: body } = fixStepItem(step);
  // A block line keeps its indentation outside the span: a bullet's command stays with its bullet.
  const lines = body.split("\n").map((line) => {
    const indent = /^\s*/.exec(line)?.[0] ?? "";
    return indent ? `${indent}${code(line.trim())}` : text(line);
  });
  return n === null ? lines.join("\n") : `${n}. ${lines.join("\n")}`;
}
