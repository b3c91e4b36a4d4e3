import { type Evidence, rangeEndEvidence } from "../../kb/fact-status";
import type { VersionRange } from "../../kb/record-schema";

// Drawn at the size it is shown on a phone, so its 12px labels stay readable.
const W = 360;
const Y = 34;
const LEFT = 8;
const START = 92;
const END = 250;
const RIGHT = W - 8;

/** One branch's range as a small picture: introduced → fixed, with unconfirmed ends drawn hollow or dashed. */
export const RangeTimeline = (props: { id: string; label: string; branch: string; range: VersionRange; requirement?: boolean }) => {
  const r = props.range;
  const from = r.introduced === "0" ? null : r.introduced;
  const inEv = rangeEndEvidence(r, "introduced");
  const outEv = rangeEndEvidence(r, "fixed");
  const start = from ? START : LEFT;
  const end = r.fixed || r.lastAffected ? END : RIGHT;
  const titleId = `${props.id}-t`;
  return (
    <svg class="timeline" role="img" aria-labelledby={titleId} viewBox={`0 0 ${W} 64`} width={W} height={64}>
      <title id={titleId}>{describeRange(`${props.label} ${props.branch}`.trim(), r)}</title>
      <line class="axis" x1={LEFT} y1={Y} x2={RIGHT} y2={Y} />
      <line class={`band${r.fixed ? "" : " open"}`} x1={start} y1={Y} x2={end} y2={Y} />
      {r.lastAffected ? <line class="band open" x1={END} y1={Y} x2={RIGHT - 20} y2={Y} /> : null}
      {from ? (
        <End x={START} cls="in" ev={inEv} top="introduced" version={from} />
      ) : (
        <Label x={LEFT + 4} text="all earlier versions" anchor="start" />
      )}
      {r.fixed ? <End x={END} cls="out" ev={outEv} top={props.requirement ? "has it since" : "fixed"} version={r.fixed} /> : null}
      {r.lastAffected ? <End x={END} cls="last" ev={outEv} top="last seen affected" version={r.lastAffected} /> : null}
      {r.lastAffected ? <Label x={RIGHT} text="later ?" anchor="end" /> : null}
      {!r.fixed && !r.lastAffected ? <Label x={RIGHT} text="no fix known" anchor="end" /> : null}
      <text class="label" x={RIGHT} y={58} text-anchor="end">
        {props.branch}
      </text>
    </svg>
  );
};

const End = (props: { x: number; cls: string; ev: Evidence; top: string; version: string }) => (
  <g class={props.cls}>
    <circle class={`end ${props.ev}`} cx={props.x} cy={Y} r={7} />
    <text class="label" x={props.x} y={14} text-anchor="middle">
      {props.top}
    </text>
    <text x={props.x} y={58} text-anchor="middle">
      {props.version}
    </text>
  </g>
);

const Label = (props: { x: number; text: string; anchor: "start" | "end" }) => (
  <text class="label" x={props.x} y={14} text-anchor={props.anchor}>
    {props.text}
  </text>
);

export function describeRange(label: string, r: VersionRange): string {
  const inEv = rangeEndEvidence(r, "introduced");
  const outEv = rangeEndEvidence(r, "fixed");
  const from = r.introduced === "0" ? "affected from the first version" : `affected from ${r.introduced} (${inEv})`;
  if (r.fixed) return `${label}: ${from} until fixed in ${r.fixed} (${outEv}).`;
  if (r.lastAffected) return `${label}: ${from} up to at least ${r.lastAffected} (${outEv}); later versions unknown.`;
  return `${label}: ${from}; no fixed version known.`;
}

export const TimelineLegend = () => (
  <p class="legend">
    Ends: filled = verified by a primary source; hollow = corroborated by several reports; dashed = one report only. Red band = affected;
    dashed band = not confirmed where it ends.
  </p>
);
