// A real record grown the way curators grow records: more distribution packages carrying the same ranges (the product's
// direction), until its JSON is well past one D1 statement (100 KB). Built in the test, never committed as data.

/** The record id grown: the largest record in data/. */
export const GROWN_ID = "xt-mark-ipv6-typo-2024";
/** What the grown record's JSON exceeds: twice D1's statement limit, so its document is several parts. */
export const GROWN_MIN_BYTES = 200_000;

type Affected = { ecosystem: string; package: string } & Record<string, unknown>;

/**
 * `record` (a plain object: parsed YAML or a stored document) with its distribution packages repeated as further
 * flavours (`linux-aws` → `linux-aws-flavour-1`, the same ranges, notes and sources) until its JSON reaches
 * GROWN_MIN_BYTES.
 */
export function grownRecord<T extends { affected: Affected[] }>(record: T): T {
  const distro = record.affected.filter((a) => a.ecosystem.includes(":"));
  if (!distro.length) throw new Error("the record has no distribution ranges to grow");
  const affected = [...record.affected];
  for (let copy = 1; JSON.stringify({ ...record, affected }).length < GROWN_MIN_BYTES; copy++)
    affected.push(...distro.map((a) => ({ ...a, package: `${a.package}-flavour-${copy}` })));
  return { ...record, affected };
}
