// Draws a chat answer (Slack Block Kit JSON, Discord message JSON) as an SVG mock of how the client
// shows it. Used only by `npm run chat:examples` for the README's pictures: what it draws is the JSON
// the app really answered, laid out approximately (text widths are estimated, not measured).

interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  link?: boolean;
}
type Line = Run[];

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const EMOJI: Record<string, string> = { ":warning:": "⚠️", ":scissors:": "✂️" };

/** Slack mrkdwn: *bold*, _italic_, `code`, <url|text>, with &lt; &gt; &amp; decoded. */
function slackRuns(text: string): Run[] {
  const runs: Run[] = [];
  const re = /<([^>|]+)\|([^>]+)>|<(https?:[^>]+)>|`([^`\n]+)`|\*([^*\n]+)\*|_([^_\n]+)_|(:[a-z_]+:)/g;
  let last = 0;
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  for (const m of text.matchAll(re)) {
    if (m.index > last) runs.push({ text: decode(text.slice(last, m.index)) });
    if (m[2]) runs.push({ text: decode(m[2]), link: true });
    else if (m[3]) runs.push({ text: decode(m[3]), link: true });
    else if (m[4]) runs.push({ text: decode(m[4]), code: true });
    else if (m[5]) runs.push(...slackRuns(m[5]).map((r) => ({ ...r, bold: true })));
    else if (m[6]) runs.push({ text: decode(m[6]), italic: true });
    else if (m[7]) runs.push({ text: EMOJI[m[7]] ?? m[7] });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: decode(text.slice(last)) });
  return runs;
}

/** Discord markdown: **bold**, *italic*, `code`, backslash escapes. */
function discordRuns(text: string): Run[] {
  const runs: Run[] = [];
  const re = /\\([^\sa-zA-Z0-9])|`([^`\n]+)`|\*\*(.+?)\*\*|\*([^*\n]+)\*/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index) });
    if (m[1]) runs.push({ text: m[1] });
    else if (m[2]) runs.push({ text: m[2], code: true });
    else if (m[3]) runs.push(...discordRuns(m[3]).map((r) => ({ ...r, bold: true })));
    else if (m[4]) runs.push(...discordRuns(m[4]).map((r) => ({ ...r, italic: true })));
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}

/** Splits text into paragraphs and ``` blocks; each paragraph line goes through `inline`. */
function blocksOf(text: string, inline: (s: string) => Run[]): Array<{ code: string } | { lines: Run[][] }> {
  const out: Array<{ code: string } | { lines: Run[][] }> = [];
  const parts = text.split("```");
  parts.forEach((part, i) => {
    if (i % 2) out.push({ code: part.replace(/^\n|\n$/g, "") });
    else if (part.trim())
      out.push({
        lines: part
          .replace(/^\n|\n$/g, "")
          .split("\n")
          .map(inline),
      });
  });
  return out;
}

class Canvas {
  parts: string[] = [];
  y = 0;
  constructor(
    readonly width: number,
    readonly theme: { text: string; muted: string; link: string; codeBg: string; codeText: string; font: string; mono: string },
  ) {}

  /** Lays out runs in [x, x + maxWidth], wrapping on spaces; returns the height used. */
  runs(lines: Line[], x: number, maxWidth: number, size: number, color = this.theme.text, lineHeight = size * 1.45): void {
    for (const line of lines) {
      const words: Run[] = [];
      for (const r of line) for (const piece of r.text.split(/(?<= )/)) if (piece) words.push({ ...r, text: piece });
      let cx = x;
      let row: Run[] = [];
      const flush = () => {
        this.y += lineHeight;
        // One <text> per line, one <tspan> per run: the viewer places the runs, so spacing stays natural.
        if (row.length)
          this.parts.push(
            `<text x="${x}" y="${this.y - lineHeight * 0.28}" font-size="${size}" fill="${color}" xml:space="preserve">${row.map((r) => this.tspan(r, size, color)).join("")}</text>`,
          );
        row = [];
        cx = x;
      };
      for (const w of words) {
        let piece = w;
        const width = this.measure(piece, size);
        if (cx + width > x + maxWidth && cx > x) flush();
        // A word longer than the line is cut at the edge.
        while (this.measure(piece, size) > maxWidth) {
          const fit = Math.max(1, Math.floor((maxWidth / this.measure(piece, size)) * piece.text.length));
          row.push({ ...piece, text: piece.text.slice(0, fit) });
          flush();
          piece = { ...piece, text: piece.text.slice(fit) };
        }
        row.push(piece);
        cx += this.measure(piece, size);
      }
      flush();
    }
  }

  measure(r: Run, size: number): number {
    const per = r.code ? 0.6 : r.bold ? 0.58 : 0.54;
    return [...r.text].length * size * per;
  }

  tspan(r: Run, size: number, color: string): string {
    const t = this.theme;
    const attrs = [
      `fill="${r.link ? t.link : r.code ? t.codeText : color}"`,
      r.code ? `font-family="${t.mono}" font-size="${size - 1}"` : "",
      r.bold ? `font-weight="700"` : "",
      r.italic ? `font-style="italic"` : "",
    ];
    return `<tspan ${attrs.filter(Boolean).join(" ")}>${xml(r.text)}</tspan>`;
  }

  codeBlock(code: string, x: number, maxWidth: number, size: number, bg: string, border: string) {
    const top = this.y + 4;
    const perLine = Math.max(10, Math.floor((maxWidth - 16) / (size * 0.6)));
    const lines = code.split("\n").flatMap((l) => (l.length ? (l.match(new RegExp(`.{1,${perLine}}`, "g")) ?? [l]) : [""]));
    const h = lines.length * size * 1.45 + 14;
    this.parts.push(`<rect x="${x}" y="${top}" width="${maxWidth}" height="${h}" rx="4" fill="${bg}" stroke="${border}"/>`);
    lines.forEach((l, i) => {
      this.parts.push(
        `<text x="${x + 8}" y="${top + 7 + (i + 1) * size * 1.45 - size * 0.4}" font-size="${size}" font-family="${this.theme.mono}" fill="${this.theme.text}" xml:space="preserve">${xml(l)}</text>`,
      );
    });
    this.y = top + h + 4;
  }

  rich(
    text: string,
    inline: (s: string) => Run[],
    x: number,
    maxWidth: number,
    size: number,
    codeBg: string,
    border: string,
    color?: string,
  ) {
    for (const b of blocksOf(text, inline)) {
      if ("code" in b) this.codeBlock(b.code, x, maxWidth, size - 1, codeBg, border);
      else this.runs(b.lines, x, maxWidth, size, color);
    }
  }

  button(x: number, label: string, fill: string, textColor: string, stroke: string, size = 14): number {
    const w = Math.round([...label].length * size * 0.62 + 28);
    this.parts.push(`<rect x="${x}" y="${this.y + 6}" width="${w}" height="32" rx="4" fill="${fill}" stroke="${stroke}"/>`);
    this.parts.push(
      `<text x="${x + 14}" y="${this.y + 27}" font-size="${size}" font-weight="700" fill="${textColor}">${xml(label)}</text>`,
    );
    return x + w + 8;
  }

  svg(bg: string, caption: string): string {
    const height = Math.ceil(this.y + 24);
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${height}" viewBox="0 0 ${this.width} ${height}" font-family="${this.theme.font}">`,
      `<title>${xml(caption)}</title>`,
      `<rect width="100%" height="100%" fill="${bg}"/>`,
      ...this.parts,
      "</svg>",
      "",
    ].join("\n");
  }
}

interface SlackBlock {
  type: string;
  text?: { type: string; text: string };
  elements?: Array<{ type: string; text?: string | { text: string }; style?: string }>;
}

export function slackSvg(message: { response_type?: string; blocks?: SlackBlock[] }, caption: string): string {
  const c = new Canvas(760, {
    text: "#1d1c1d",
    muted: "#616061",
    link: "#1264a3",
    codeBg: "#f4ede4",
    codeText: "#c01343",
    font: "Lato, 'Helvetica Neue', Helvetica, Arial, sans-serif",
    mono: "Monaco, Menlo, Consolas, 'Courier New', monospace",
  });
  const x = 72;
  const width = 660;
  c.y = 12;
  if (message.response_type !== "in_channel") c.runs([[{ text: "Only visible to you" }]], x, width, 12, "#616061");
  c.parts.push(`<rect x="16" y="${c.y + 8}" width="40" height="40" rx="6" fill="#1f2933"/>`);
  c.parts.push(`<text x="24" y="${c.y + 34}" font-size="13" font-weight="700" fill="#fff">KB</text>`);
  c.runs([[{ text: "known-bugs ", bold: true }, { text: "APP", code: true }, { text: "  11:14 AM" }]], x, width, 15);
  for (const b of message.blocks ?? []) {
    if (b.type === "header") c.runs([[{ text: b.text?.text ?? "", bold: true }]], x, width, 18);
    else if (b.type === "section") {
      c.y += 4;
      c.rich(b.text?.text ?? "", slackRuns, x, width, 15, "#f8f8f8", "#dddddd");
    } else if (b.type === "context") {
      c.y += 2;
      for (const e of b.elements ?? [])
        c.rich(typeof e.text === "string" ? e.text : "", slackRuns, x, width, 12.5, "#f8f8f8", "#dddddd", "#616061");
    } else if (b.type === "divider") {
      c.parts.push(`<line x1="${x}" x2="${x + width}" y1="${c.y + 10}" y2="${c.y + 10}" stroke="#dddddd"/>`);
      c.y += 18;
    } else if (b.type === "actions") {
      let bx = x;
      for (const e of b.elements ?? []) {
        const label = typeof e.text === "object" ? e.text.text : "";
        if (e.style === "primary") bx = c.button(bx, label, "#007a5a", "#ffffff", "#007a5a");
        else if (e.style === "danger") bx = c.button(bx, label, "#e01e5a", "#ffffff", "#e01e5a");
        else bx = c.button(bx, label, "#ffffff", "#1d1c1d", "#bbbbbb");
      }
      c.y += 44;
    }
  }
  return c.svg("#ffffff", caption);
}

interface DiscordEmbed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
}

export function discordSvg(
  message: {
    content?: string;
    flags?: number;
    embeds?: DiscordEmbed[];
    components?: Array<{ components: Array<{ label?: string; style?: number }> }>;
  },
  caption: string,
): string {
  const c = new Canvas(760, {
    text: "#dbdee1",
    muted: "#949ba4",
    link: "#00a8fc",
    codeBg: "#1e1f22",
    codeText: "#dbdee1",
    font: "'gg sans', 'Noto Sans', 'Helvetica Neue', Helvetica, Arial, sans-serif",
    mono: "Consolas, 'Andale Mono WT', 'Andale Mono', 'Lucida Console', monospace",
  });
  const x = 72;
  const width = 660;
  c.y = 12;
  c.parts.push(`<circle cx="36" cy="${c.y + 28}" r="20" fill="#5865f2"/>`);
  c.parts.push(`<text x="26" y="${c.y + 33}" font-size="13" font-weight="700" fill="#fff">KB</text>`);
  c.runs([[{ text: "known-bugs ", bold: true }, { text: "APP", code: true }, { text: "  Today at 11:14" }]], x, width, 15);
  if (message.content) c.rich(message.content, discordRuns, x, width, 15, "#2b2d31", "#1e1f22");
  for (const e of message.embeds ?? []) {
    const top = c.y + 8;
    const inner = x + 16;
    const innerWidth = width - 32;
    const start = c.parts.length;
    c.y = top + 8;
    if (e.title) c.runs([[{ text: e.title, bold: true, link: Boolean(e.url) }]], inner, innerWidth, 16);
    if (e.description) c.rich(e.description, discordRuns, inner, innerWidth, 14, "#1e1f22", "#1e1f22");
    for (const f of e.fields ?? []) {
      c.y += 4;
      c.runs([[{ text: f.name, bold: true }]], inner, innerWidth, 14);
      c.rich(f.value, discordRuns, inner, innerWidth, 14, "#1e1f22", "#1e1f22");
    }
    if (e.footer) {
      c.y += 4;
      c.runs([[{ text: e.footer.text }]], inner, innerWidth, 12, "#949ba4");
    }
    c.y += 10;
    const color = `#${(e.color ?? 0x1e1f22).toString(16).padStart(6, "0")}`;
    c.parts.splice(
      start,
      0,
      `<rect x="${x}" y="${top}" width="${width}" height="${c.y - top}" rx="4" fill="#2b2d31"/>`,
      `<rect x="${x}" y="${top}" width="4" height="${c.y - top}" rx="2" fill="${color}"/>`,
    );
  }
  const styles: Record<number, [string, string]> = {
    1: ["#5865f2", "#ffffff"],
    2: ["#4e5058", "#ffffff"],
    3: ["#248046", "#ffffff"],
    4: ["#da373c", "#ffffff"],
  };
  for (const row of message.components ?? []) {
    let bx = x;
    c.y += 4;
    for (const b of row.components) {
      const [fill, text] = styles[b.style ?? 2] ?? ["#4e5058", "#ffffff"];
      bx = c.button(bx, b.label ?? "", fill, text, fill);
    }
    c.y += 40;
  }
  if ((message.flags ?? 0) & 64)
    c.runs([[{ text: "Only you can see this • " }, { text: "Dismiss message", link: true }]], x, width, 12, "#949ba4");
  return c.svg("#313338", caption);
}
