/**
 * /etc/os-release: newline-separated KEY=value assignments in shell syntax (os-release(5)). Values may
 * be double-quoted (with \" \\ \$ \` escapes), single-quoted or bare.
 */
import type { OsFacts } from "../types";

/** os-release keys are upper-case shell variable names; logfmt keys (level=, msg=) are lower-case. */
export const OS_RELEASE_LINE = /^[A-Z][A-Z0-9_]*=(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'`$\\]*)\s*$/;

export function parseOsReleaseValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!OS_RELEASE_LINE.test(line)) continue;
    const eq = line.indexOf("=");
    values.set(line.slice(0, eq), unquote(line.slice(eq + 1).trim()));
  }
  return values;
}

function unquote(value: string): string {
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    return value.slice(1, -1).replace(/\\(["\\$`])/g, "$1");
  }
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) return value.slice(1, -1);
  return value;
}

/** Null when the text holds no ID= and no NAME= (then it is not an os-release file). */
export function parseOsRelease(text: string, lines?: [number, number]): OsFacts | null {
  const v = parseOsReleaseValues(text);
  const id = v.get("ID");
  if (!id && !v.get("NAME")) return null;
  const nonEmpty = (key: string) => v.get(key) || null;
  return {
    // os-release(5): "If not set, a default of ID=linux may be used."
    id: (id || "linux").toLowerCase(),
    idLike: (v.get("ID_LIKE") ?? "").toLowerCase().split(/\s+/).filter(Boolean),
    versionId: nonEmpty("VERSION_ID"),
    prettyName: nonEmpty("PRETTY_NAME") ?? nonEmpty("NAME"),
    codename: nonEmpty("VERSION_CODENAME") ?? nonEmpty("UBUNTU_CODENAME"),
    ...(lines ? { lines } : {}),
  };
}
