/**
 * The one stylesheet, served by the app (no build step, no external fonts). Colours are variables so
 * the dark scheme is one block; every text/background pair keeps WCAG AA contrast in both schemes.
 */
export const STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #4d5661; --line: #d0d7de; --panel: #f4f6f8; --link: #0a55c2;
  --ok: #116329; --ok-bg: #dcf5e3; --warn: #7a4a00; --warn-bg: #fff1cc; --bad: #a40e26; --bad-bg: #ffe3e6;
  --mark: #ffe066; --mark-fg: #1b1f24; --focus: #0a55c2;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #111418; --fg: #e6e9ed; --muted: #a8b1bb; --line: #3a424c; --panel: #1b2027; --link: #7cb4ff;
    --ok: #7ee2a0; --ok-bg: #113321; --warn: #ffd479; --warn-bg: #3a2c06; --bad: #ff9ba8; --bad-bg: #41121a;
    --mark: #6b5800; --mark-fg: #fff8d6; --focus: #7cb4ff;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
code, pre, kbd, samp, textarea { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem; }
.skip:focus { left: .5rem; z-index: 1; }
.wrap { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
header.site { border-bottom: 1px solid var(--line); background: var(--panel); }
header.site .wrap { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding-top: .6rem; padding-bottom: .6rem; }
header.site .brand { font-weight: 700; font-size: 1.15rem; color: var(--fg); text-decoration: none; }
search { display: block; flex: 1 1 18rem; }
form.search { display: flex; flex-wrap: wrap; gap: .4rem; }
form.search label { flex-basis: 100%; margin: 0; }
form.search input { flex: 1; min-width: 0; }
input[type=search], input[type=text], textarea { width: 100%; padding: .5rem .6rem; border: 1px solid var(--muted); border-radius: 6px; background: var(--bg); color: var(--fg); font-size: 1rem; }
textarea { min-height: 12rem; resize: vertical; white-space: pre; }
button, .button { display: inline-block; padding: .5rem .9rem; border: 1px solid var(--link); border-radius: 6px; background: var(--link); color: var(--bg); font: inherit; font-weight: 600; cursor: pointer; text-decoration: none; }
button.small { padding: .1rem .5rem; font-size: .85rem; font-weight: 500; background: var(--bg); color: var(--link); }
/* A record's long paths, commands and package versions break rather than widen the page on a phone. */
main { padding: 1rem 0 2rem; overflow-wrap: anywhere; }
main:focus { outline: none; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .6rem 0 .8rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 1.8rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; overflow-wrap: anywhere; }
p, li { overflow-wrap: anywhere; }
.lead { font-size: 1.1rem; }
.muted, .hint { color: var(--muted); }
.hint { font-size: .9rem; margin: .3rem 0; }
.notice { color: var(--warn); background: var(--warn-bg); border-radius: 6px; padding: .5rem .8rem; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
.prose { white-space: pre-wrap; overflow-wrap: anywhere; }
.prose code, td code, li code, p code { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 0 .25rem; }
.copyable { position: relative; }
.copy { margin-left: .3rem; vertical-align: baseline; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin: 1rem 0; }
.panel > h2:first-child { margin-top: 0; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--panel); }
/* A version, id or hash in a table is never broken inside: with "anywhere" its column shrank to a character or two and
   the prose beside it took the width (review 63d F2). A table wider than a phone scrolls in its own box (.table). */
th, td.tokens { overflow-wrap: normal; }
/* Nor at a hyphen: 5.15.0-126-generic over three lines hid the one kernel that differs (review 66d F4); the box scrolls. */
td.tokens { white-space: nowrap; }
td code:not([data-copy]) { white-space: nowrap; }
tr.odd td, tr.odd th { background: var(--warn-bg); }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.badge.verified, .badge.not-affected, .badge.corroborated { color: var(--ok); background: var(--ok-bg); }
.badge.reported, .badge.unknown, .badge.unverified, .badge.medium { color: var(--warn); background: var(--warn-bg); }
.badge.misreported, .badge.affected, .badge.high { color: var(--bad); background: var(--bad-bg); }
.badge.low { color: var(--muted); }
ol.hits, ol.findings { padding-left: 1.4rem; }
ol.hits > li, ol.findings > li { margin: 0 0 1.2rem; }
ol.hits h2, ol.findings h3 { border: 0; margin: 0 0 .2rem; font-size: 1.1rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; overflow-wrap: anywhere; }
.evidence { list-style: none; padding: 0; margin: .4rem 0; }
.evidence li { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; background: var(--panel); border-left: 3px solid var(--line); padding: .25rem .5rem; margin: .2rem 0; white-space: pre-wrap; }
.evidence .ln { color: var(--muted); user-select: none; }
mark { background: var(--mark); color: var(--mark-fg); padding: 0 .1rem; border-radius: 2px; }
details { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem; margin: .5rem 0; }
details > summary { cursor: pointer; font-weight: 600; }
.timeline { display: block; max-width: 34rem; width: 100%; height: auto; }
.timeline .axis { stroke: var(--muted); stroke-width: 2; }
.timeline .band { stroke: var(--bad); stroke-width: 8; }
.timeline .band.open { stroke-dasharray: 6 4; }
.timeline .end { stroke-width: 3; }
.timeline .end.verified { fill: currentColor; stroke: currentColor; }
.timeline .end.corroborated { fill: var(--bg); stroke: currentColor; }
.timeline .end.reported { fill: var(--bg); stroke: currentColor; stroke-dasharray: 3 2; }
.timeline .in { color: var(--bad); }
.timeline .out { color: var(--ok); }
.timeline .last { color: var(--warn); }
.timeline text { fill: var(--fg); font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.timeline text.label { fill: var(--muted); font-family: system-ui, sans-serif; }
.branches { display: grid; gap: .6rem; }
.legend { font-size: .85rem; color: var(--muted); }
.focus { border: 2px solid var(--link); }
.problem { border: 2px solid var(--bad); }
.problem > h2:first-child { margin-top: 0; border: 0; }
.problem:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
.form-row { margin: .6rem 0; }
label { font-weight: 600; display: block; margin-bottom: .2rem; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; padding: 1rem 0 2rem; }
footer.site p { margin: .2rem 0; }
[data-busy] button[type=submit] { opacity: .6; }
@media (max-width: 40rem) { h1 { font-size: 1.3rem; } th, td { padding: .3rem; } }
`;
