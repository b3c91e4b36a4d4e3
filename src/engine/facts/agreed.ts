/**
 * One value per key from readings that may repeat: a key read with two values (two machines' output, a
 * version before and after an upgrade) gets none, since which one holds is not known and taking the first
 * would let the paste's order decide.
 */
export function agreedPerKey(pairs: Iterable<readonly [key: string, value: string]>): Record<string, string> {
  const seen = new Map<string, Set<string>>();
  for (const [key, value] of pairs) seen.set(key, (seen.get(key) ?? new Set()).add(value));
  const out: Record<string, string> = {};
  for (const [key, values] of seen) if (values.size === 1) out[key] = [...values][0] as string;
  return out;
}
