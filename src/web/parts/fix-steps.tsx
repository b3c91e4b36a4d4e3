import { fixStepItem, fixStepsOf } from "../../engine/summary";
import { Prose } from "./common";

/**
 * A record's fix as a person reads it: its numbered steps an ordered list (a screen reader steps through them), each
 * step's wrapped lines one paragraph, and a line indented past the step's text (a command, a config block) kept on a
 * line of its own. Review 63d F3: the YAML's hard wraps broke sentences mid-line, and the steps were one text node.
 */
export const FixSteps = (props: { steps: readonly string[] }) => {
  const groups: { numbered: boolean; items: { n: number | null; text: string }[] }[] = [];
  for (const step of props.steps) {
    const item = fixStepItem(step);
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
