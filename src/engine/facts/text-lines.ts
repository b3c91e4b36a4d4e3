import { isLogFramedAt } from "./log-framing";

/**
 * The lines of a text as `splitLines` gives them (split on "\n", a trailing CR dropped), read on demand
 * from their offsets: a 16 MB log is mostly framed log lines that bundle reading skips, and splitting
 * it into strings would cost more than reading the few lines that are not.
 */
export class TextLines {
  readonly length: number;
  /** Offset of each line's start. */
  private readonly starts: readonly number[];

  /** `lineStarts`: each line's start offset in `text`, when a pass over it already counted them. */
  constructor(
    private readonly text: string,
    lineStarts?: readonly number[],
  ) {
    let starts = lineStarts;
    if (!starts) {
      const found = [0];
      for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", nl + 1)) found.push(nl + 1);
      starts = found;
    }
    this.starts = starts;
    this.length = starts.length;
  }

  private end(i: number): number {
    const end = (i + 1 < this.length ? (this.starts[i + 1] as number) : this.text.length + 1) - 1;
    return end > (this.starts[i] as number) && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  }

  /** Line i (0-based); "" past the end, as `lines[i] ?? ""` reads an array. */
  at(i: number): string {
    if (i < 0 || i >= this.length) return "";
    return this.text.slice(this.starts[i], this.end(i));
  }

  /** Whether line i opens with a log framing (isLogFramed), without building the line. */
  framed(i: number): boolean {
    return isLogFramedAt(this.text, this.starts[i] as number, this.end(i));
  }

  /** Whether any line holds `literal`: lets a reader of a rare output skip the framed lines that make up most of a log. */
  includes(literal: string): boolean {
    return this.text.includes(literal);
  }

  /**
   * The lines that open with `prefix` (offset, 1-based number), in order: reading each line's first character
   * costs less than searching a large text for a prefix whose first letter is common.
   */
  openingWith(prefix: string): Array<{ offset: number; line: number }> {
    const first = prefix.charCodeAt(0);
    const out: Array<{ offset: number; line: number }> = [];
    for (let i = 0; i < this.length; i++) {
      const s = this.starts[i] as number;
      if (this.text.charCodeAt(s) === first && this.text.startsWith(prefix, s)) out.push({ offset: s, line: i + 1 });
    }
    return out;
  }

  slice(from: number, to = this.length): string[] {
    const out: string[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) out.push(this.at(i));
    return out;
  }
}
