/**
 * `--redact`: IP addresses, hostnames and tokens replaced by placeholders, consistently within one
 * redactor (the same value always gets the same placeholder, in order of first appearance), so a
 * redacted bundle still reads as one machine's story and still parses: IPs stay IPs (documentation
 * ranges, RFC 5737 and RFC 3849), hostnames stay one word, versions and kernel releases are untouched.
 */

const IPV4 = /(?<![\w.-])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w-]|\.\d)/g;
/** Hex groups with "::" or eight groups; timestamps (11:12:14) and MACs (six groups, no "::") do not match. */
const IPV6 =
  /(?<![\w:.])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,7}:|(?:[0-9a-f]{1,4}:){1,6}(?::[0-9a-f]{1,4}){1,6}|::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})(?![\w:])/gi;
/** AWS-style host names carry the IP: ip-10-0-1-23(.ec2.internal). */
const AWS_HOST = /\bip-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}(?:\.[\w.-]*[a-z])?\b/gi;
const TOKENS: RegExp[] = [
  /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/g, // JWT (service-account tokens)
  /\b[a-z0-9]{6}\.[a-z0-9]{16}\b/g, // kubeadm bootstrap token
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key id
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, // GitHub tokens
];
/** The value after a key: `token=x`, `"secret": "x"`, `Bearer x`, `--token x`. */
const KEYED: RegExp[] = [
  /(\b(?:token|password|passwd|secret|api[_-]?key|access[_-]?key)\b["']?\s*[:=]\s*["']?)([^\s"',;]{6,})/gi,
  /(\b(?:Bearer|Basic)\s+)([A-Za-z0-9._~+/=-]{8,})/g,
  /(--(?:token|password|discovery-token-ca-cert-hash|certificate-key)[= ])(\S+)/g,
];
/** Words a hostname may be that also occur in bundles as something else: replaced only where a hostname stands. */
const COMMON_WORDS = new Set([
  "localhost",
  "linux",
  "ubuntu",
  "debian",
  "fedora",
  "centos",
  "rocky",
  "alma",
  "arch",
  "amzn",
  "rhel",
  "kernel",
  "node",
  "host",
  "gnu",
  "generic",
  "root",
  "master",
  "worker",
  "none",
]);
const KEEP_IPS = new Set(["127.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "::"]);

/**
 * The hostnames a bundle shows: `uname -a`'s second field, journald's host column, a nodes table's NAME column, a shell
 * prompt's host (`[root@web-1 ~]#`, `admin@web-1:~$`), `hostnamectl`'s "Static hostname:", and `docker info`'s " Name:"
 * (one space in, in a paste that holds `docker info`; `kubectl describe`'s "Name:" opens its line and names objects).
 * Review 63h F2: prompts and `docker info`'s name were sent unredacted.
 */
export function hostnamesIn(text: string): string[] {
  const names = new Set<string>();
  let inTable = false;
  const dockerInfo = /^ ?Docker Root Dir: /m.test(text);
  for (const line of text.split("\n")) {
    const prompt = /^\[?[a-z_][\w.-]{0,31}@([A-Za-z0-9][\w.-]*)(?:\s+[^\]\s]*\]?[#$]|:\S*[#$])(?:\s|$)/.exec(line);
    if (prompt?.[1]) names.add(prompt[1]);
    const static_ = /^\s*Static hostname:\s*([A-Za-z0-9][\w.-]*)\s*$/.exec(line);
    if (static_?.[1]) names.add(static_[1]);
    const docker = dockerInfo ? /^ Name: ([A-Za-z0-9][\w.-]*)\s*$/.exec(line) : null;
    if (docker?.[1]) names.add(docker[1]);
    const uname = /^Linux (?!version )(\S+) \d+\.\d+/.exec(line);
    if (uname?.[1]) names.add(uname[1]);
    const journald = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d (\S+) [\w.@/-]+(?:\[\d+\])?:/.exec(line);
    if (journald?.[1]) names.add(journald[1]);
    if (/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/.test(line)) inTable = true;
    else if (inTable && /^\S+\s+(?:Ready|NotReady|Unknown|SchedulingDisabled)/.test(line)) names.add(line.split(/\s+/)[0] ?? "");
    else inTable = false;
  }
  names.delete("");
  return [...names];
}

export class Redactor {
  private readonly ips = new Map<string, string>();
  private readonly ips6 = new Map<string, string>();
  private readonly hosts = new Map<string, string>();
  private readonly tokens = new Map<string, string>();
  private readonly positional = new Set<string>();

  /** Hostnames to replace wherever they occur as a word (or, for common words, where a hostname stands). */
  addHostnames(names: Iterable<string>): this {
    for (const raw of names) {
      const name = raw.trim();
      if (!name || KEEP_IPS.has(name) || /^[\d.]+$/.test(name)) continue;
      const short = name.split(".")[0] ?? name;
      for (const n of new Set([name, short])) {
        if (n.length < 2) continue;
        if (COMMON_WORDS.has(n.toLowerCase())) this.positional.add(n);
        else this.placeholder(this.hosts, n.toLowerCase(), (i) => `host-${i}`);
      }
    }
    return this;
  }

  redact(text: string): string {
    this.addHostnames(hostnamesIn(text));
    let out = text;
    for (const re of TOKENS) out = out.replace(re, (m) => this.token(m));
    for (const re of KEYED) out = out.replace(re, (_m, key: string, value: string) => `${key}${this.token(value)}`);
    out = out.replace(AWS_HOST, (m) => this.placeholder(this.hosts, m.toLowerCase(), (i) => `host-${i}`));
    const names = [...this.hosts.keys()].sort((a, b) => b.length - a.length);
    if (names.length) {
      const re = new RegExp(`(?<![\\w.-])(?:${names.map(escapeRegExp).join("|")})(?![\\w-]|\\.\\w)`, "gi");
      out = out.replace(re, (m) => this.hosts.get(m.toLowerCase()) ?? m);
    }
    if (this.positional.size) out = this.redactPositional(out);
    out = out.replace(IPV4, (m) => (KEEP_IPS.has(m) || m.startsWith("127.") ? m : this.placeholder(this.ips, m, ipv4Placeholder)));
    out = out.replace(IPV6, (m) => {
      const key = m.toLowerCase();
      if (KEEP_IPS.has(key) || !/[0-9a-f]:|:[0-9a-f]/.test(key)) return m;
      return this.placeholder(this.ips6, key, (i) => `2001:db8::${i.toString(16)}`);
    });
    return out;
  }

  /** Common-word hostnames only where a hostname stands: uname -a, journald's host column, a nodes table. */
  private redactPositional(text: string): string {
    const lower = new Map([...this.positional].map((n) => [n.toLowerCase(), n]));
    const sub = (name: string) => this.placeholder(this.hosts, name.toLowerCase(), (i) => `host-${i}`);
    return text
      .split("\n")
      .map((line) => {
        let m = /^(Linux )(?!version )(\S+)( \d+\.\d+.*)$/.exec(line);
        if (m?.[2] && lower.has(m[2].toLowerCase())) return `${m[1]}${sub(m[2])}${m[3]}`;
        m = /^([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d )(\S+)( .*)$/.exec(line);
        if (m?.[2] && lower.has(m[2].toLowerCase())) return `${m[1]}${sub(m[2])}${m[3]}`;
        m = /^(\S+)(\s+(?:Ready|NotReady|Unknown)\S*\s+.*)$/.exec(line);
        if (m?.[1] && lower.has(m[1].toLowerCase())) return `${sub(m[1])}${m[2]}`;
        return line;
      })
      .join("\n");
  }

  private token(value: string): string {
    if (value.startsWith("REDACTED-TOKEN-")) return value;
    return this.placeholder(this.tokens, value, (i) => `REDACTED-TOKEN-${i}`);
  }

  private placeholder(map: Map<string, string>, key: string, make: (i: number) => string): string {
    let p = map.get(key);
    if (!p) {
      p = make(map.size + 1);
      map.set(key, p);
    }
    return p;
  }
}

/** 192.0.2.1-254, then 198.51.100.x, then 203.0.113.x (RFC 5737 documentation ranges). */
function ipv4Placeholder(i: number): string {
  const nets = ["192.0.2", "198.51.100", "203.0.113"];
  const net = nets[Math.floor((i - 1) / 254)];
  return net ? `${net}.${((i - 1) % 254) + 1}` : `192.0.2.${i}-redacted`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
