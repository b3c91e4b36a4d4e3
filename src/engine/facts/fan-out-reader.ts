/**
 * Reading a fan-out tool's output line by line (the shapes are fan-out.ts'): which host printed each line, where its
 * block ends, and what a host printed on its label's line. readBundle hands each line here first; what this reader
 * takes is a label or a host's output, not a log line of the paste's own machine.
 */
import {
  ansibleOneLine,
  DASH_RULE,
  type FanOutCommand,
  fanOutCommand,
  fanOutHeader,
  gatheredHosts,
  HOST_PREFIX,
  MINION_HEAD,
} from "./fan-out";

/** What the reader needs of the lines (readBundle's Lines). */
export interface OutputLines {
  readonly length: number;
  /** Line i, or "" past the end. */
  at(i: number): string;
  /** Whether line i has a log line's framing (a timestamp, a klog header). */
  framed(i: number): boolean;
}

/** Where readBundle keeps the commands and printers it read: the reader adds its labels to them. */
export interface PrinterMarks {
  /** Lines (1-based) that are a tool's labels, no log. */
  readonly commandLines: number[];
  /** From a line (1-based) on, the machine that printed the lines: a label's host, or null where none is known. */
  readonly commandHosts: Array<[number, string | null]>;
  /** Lines (1-based) where another machine's output starts (an `ssh` target's, a fan-out label's). */
  readonly sshCommands: Set<number>;
  /** Lines (1-based) where a gathered block's output starts: what follows, to the next label, each of its hosts printed. */
  readonly gatheredBlocks: Set<number>;
}

/** A line the reader took: the index to read next, and what a host printed on its label's line, to read as output. */
export interface Taken {
  next: number;
  output?: string | null;
}

/**
 * The machine a target names: an address whole, a host name whole in lower case (two nodes may share a first label:
 * review 40a F2); machineIndex and sameMachine match a whole name to a bare short one.
 */
export function machineOf(target: string): string {
  return /^[\d.]+$|:/.test(target) ? target : target.toLowerCase();
}

export class FanOutReader {
  /** After pdsh, clush or pssh -P: each line names its host before a colon, until the next command or a blank line. */
  private prefixed = false;
  /** After a command gathering its hosts' output into dshbak blocks (a pipe into dshbak, clush -b). */
  private inBlocks = false;
  /** After salt: each host's id and a colon on a line of its own, its output indented under it (review 70b F7). */
  private keyed = false;
  /** Whether an unprefixed line continues the host's line before it (pssh -P). */
  private continues = false;
  /** The hosts the command names, where it lists them: a log line's own "Error: …" is no host's (review 38a). */
  private targets: FanOutCommand["hosts"] = null;
  private lastPrefix: string | null | undefined;
  /** After a header: its host's block, until the next header, command or blank line ("lines"), or a JSON closing brace. */
  private block: "none" | "lines" | "json" = "none";

  constructor(
    private readonly lines: OutputLines,
    private readonly marks: PrinterMarks,
  ) {}

  /** A command line: the output form of the fan-out tool it runs, if any, from the next line on. */
  command(raw: string): void {
    const fanOut = fanOutCommand(raw);
    this.prefixed = fanOut?.output === "prefixed";
    this.inBlocks = fanOut?.output === "gathered";
    this.keyed = fanOut?.output === "keyed";
    this.continues = fanOut?.continues ?? false;
    this.targets = fanOut?.hosts ?? null;
    this.lastPrefix = undefined;
    this.block = "none";
  }

  /** Another command's output (a nodes table) ends the tool's. */
  end(): void {
    this.prefixed = false;
    this.keyed = false;
    this.block = "none";
  }

  /** Line i before anything else reads it: a blank line ending (or inside) a host's output, or a prefixed line. */
  first(i: number): Taken | null {
    const { lines, marks } = this;
    const line = lines.at(i);
    if ((this.prefixed || this.block !== "none") && line.trim() === "") {
      // What follows blank lines, when it is no log line, is no longer shown to be the block's host's (review 38a: a log
      // pasted after ansible's output, under a heading naming another node, was the last header's); blank lines the
      // command printed itself, before more of its log, are not (review 38b). The run is skipped in one step.
      let next = i + 1;
      while (next < lines.length && lines.at(next).trim() === "") next++;
      if (next < lines.length && (lines.framed(next) || /^\s/.test(lines.at(next)))) return { next };
      marks.commandHosts.push([i + 1, null]);
      this.end();
      return { next: i + 1 };
    }
    if (this.keyed) return this.keyedLine(i, line);
    if (!this.prefixed) return null;
    const status = this.continues && line.startsWith("[") ? fanOutHeader(line.trim()) : null;
    if (status) {
      // pssh -P -i prints the host's output again, unprefixed, under its status line.
      this.lastPrefix = machineOf(status.host);
      this.label(i, this.lastPrefix);
      return { next: i + 1 };
    }
    const found = HOST_PREFIX.exec(line);
    const m = found?.[1] && (!this.targets || this.targets.has(found[1].toLowerCase())) ? found : null;
    // A line without a prefix continues the line before it when indented, or under pssh -P (it prefixes only the first
    // line of each chunk it reads: review 38b).
    const host = m?.[1] ? machineOf(m[1]) : this.continues || /^\s/.test(line) ? this.lastPrefix : null;
    if (host !== this.lastPrefix) {
      marks.commandHosts.push([i + 1, host ?? null]);
      if (host) marks.sshCommands.add(i + 1);
      this.lastPrefix = host;
    }
    // What the host printed, read as a line of its own: its uname, its iptables -V.
    const printed = m?.[2]?.trim();
    return printed ? { next: i + 1, output: printed } : null;
  }

  /**
   * An unframed, non-blank line (`t` trimmed): a JSON block's end, a dshbak block's rules and hosts, an ansible or pssh
   * header, or an `ansible -o` result. What the reader takes is its hosts' output from then on, no container's.
   */
  labels(i: number, t: string): Taken | null {
    const { lines, marks } = this;
    if (this.block === "json" && t === "}") {
      marks.commandHosts.push([i + 2, null]);
      this.block = "none";
    }
    // dshbak's or `clush -b`'s gathered block: a rule, the hosts that printed it, a rule.
    if (this.inBlocks && DASH_RULE.test(t) && i + 2 < lines.length && DASH_RULE.test(lines.at(i + 2).trim()) && lines.at(i + 1).trim()) {
      const hosts = gatheredHosts(lines.at(i + 1).trim());
      this.prefixed = false;
      marks.commandLines.push(i + 1, i + 2);
      this.label(i + 2, hosts.includes(",") ? hosts : hosts ? machineOf(hosts) : "", i);
      marks.gatheredBlocks.add(i + 1);
      this.block = "lines";
      return { next: i + 3 };
    }
    // ansible's or pssh's header over one host's output: what follows is that host's, as an `ssh` target's output is.
    // Under pssh -P (prefixed) the same line closes the host's output instead.
    const header = !this.prefixed && (t.includes(" | ") || t.startsWith("[")) ? fanOutHeader(t) : null;
    if (header) {
      this.label(i, machineOf(header.host));
      this.block = header.json ? "json" : "lines";
      return { next: i + 1 };
    }
    // `ansible -o`: one line per host, its output inline. The line stays a log line (its stderr may hold the symptom).
    const result = t.includes(" | (stdout) ") ? ansibleOneLine(t) : null;
    if (result) {
      this.end();
      marks.commandHosts.push([i + 1, machineOf(result.host)], [i + 2, null]);
      marks.sshCommands.add(i + 1);
      return { next: i + 1, output: result.output };
    }
    return null;
  }

  /**
   * Under salt: a minion's id heads its block; the block's indented lines are its output, each read as a line of its own
   * (its uname -r) and still a log line; any other line ends the command's output.
   */
  private keyedLine(i: number, line: string): Taken | null {
    if (/^\s/.test(line)) return this.lastPrefix ? { next: i + 1, output: line.trim() } : null;
    const id = MINION_HEAD.exec(line)?.[1];
    if (id) {
      this.lastPrefix = machineOf(id);
      this.label(i, this.lastPrefix);
      this.block = "lines";
      return { next: i + 1 };
    }
    if (this.lastPrefix) this.marks.commandHosts.push([i + 1, null]);
    this.end();
    return null;
  }

  /** A label at line `at` (0-based) naming `host` ("" for hosts that cannot be listed) from line `from` on. */
  private label(at: number, host: string, from = at): void {
    this.marks.commandLines.push(at + 1);
    this.marks.commandHosts.push([from + 1, host]);
    if (host) this.marks.sshCommands.add(from + 1);
  }
}
