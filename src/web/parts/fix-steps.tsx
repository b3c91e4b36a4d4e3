import { fixStepsOf } from "../../engine/summary";
import { Prose } from "./common";

/**
 * A record's fix as a person reads it: its numbered steps an ordered list (a screen reader steps through them), each
 * step's wrapped lines one paragraph, and a line indented past the step's text (a command, a config block) kept on a
 * line of its own. Review 63d F3: the YAML's hard wraps broke sentences mid-line, and the steps were one text node.
 */
export const FixSteps = (props: { steps: readonly string[] }) => {
  const groups: { numbered: boolean; items: { n: number | null; text: string }[] }[] = [];
  for (const step of props.steps) {
    const item = stepItem(step);
    const numbered = item.n !== null;
    const last = groups.at(-1);
    if (last && last.numbered === numbered) last.items.push(item);
    else groups.push({ numbered, items: [item] });
  }
  return (
    <>
      {groups.map((g) =>
        g.numbered ? (
          <ol class="steps">
            {g.items.map((i) => (
              <li value={i.n ?? undefined}>
                <Prose text={i.text} copy />
              </li>
            ))}
          </ol>
        ) : (
          g.items.map((i) => <Prose text={i.text} copy />)
        ),
      )}
    </>
  );
};

/** The fix's steps, for a record's whole fix text. */
export const FixText = (props: { fix: string }) => <FixSteps steps={fixStepsOf(props.fix)} />;

/**
 * A step's number and its text: wrapped lines joined with a space; a bullet ("- …") on a line of its own, its wrapped
 * lines joined to it; a line indented past the text it follows (a command, a config block) kept apart as written.
 */
function stepItem(step: string): { n: number | null; text: string } {
  const [first = "", ...rest] = step.split("\n");
  const head = /^(\d+)[.)]\s+/.exec(first);
  // The column a wrapped line of the current paragraph or bullet starts at.
  let wrapAt = head ? head[0].length : (/^\s*/.exec(first)?.[0].length ?? 0);
  const base = wrapAt;
  let text = head ? first.slice(head[0].length) : first.trim();
  let inBlock = false;
  for (const line of rest) {
    const indent = /^\s*/.exec(line)?.[0].length ?? 0;
    const words = line.trim();
    if (/^[-*\u2022]\s/.test(words)) {
      text += `\n${words}`;
      wrapAt = indent + 2;
      inBlock = false;
    } else if (indent > wrapAt) {
      // A block keeps its own indentation relative to the step's text.
      text += `\n${line.slice(base)}`;
      inBlock = true;
    } else if (inBlock) {
      text += `\n${words}`;
      inBlock = false;
    } else text += ` ${words}`;
  }
  return { n: head ? Number(head[1]) : null, text };
}
