import ipaddr from "ipaddr.js";

/**
 * The key one client's requests share, for the rate limit and the diagnosis queue: an IPv4 address as it
 * is, an IPv6 address by its /64 network. A host or a home network gets at least a /64 and may send from any
 * address in it (privacy addresses rotate on their own), so counting each address apart would let one client
 * pass for millions. IPv4-mapped IPv6 addresses ("::ffff:192.0.2.1", Node's form on a dual-stack socket) are
 * their IPv4 address; anything that is not an address is keyed as given. A port is dropped: some proxies
 * write "198.51.100.9:50000" or "[2001:db8::1]:50000" into X-Forwarded-For, and the source port changes with
 * every connection.
 */
export function clientKey(given: string | undefined): string {
  if (!given) return "unknown";
  const address = withoutPort(given);
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === "ipv4") return ip.toString();
  const parts = (ip as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(":")}::/64`;
}

/** Whether a value names an address (a port aside): what a proxy writes into X-Forwarded-For, not a client's junk. */
export const isAddress = (given: string): boolean => ipaddr.isValid(withoutPort(given));

/** The address without a port: "198.51.100.9:50000" and "[2001:db8::1]:50000" (a bare IPv6 address keeps its colons). */
function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1] as string;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4 ? (v4[1] as string) : address;
}
