import { describe, expect, it } from "vitest";
import { clientKey, isAddress } from "../../src/http/client-key";

describe("the key a client's requests share", () => {
  it("keeps an IPv4 address, takes an IPv6 address's /64, and unwraps an IPv4-mapped one", () => {
    expect(clientKey("198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:DB8:1:2::9")).toBe("2001:db8:1:2::/64");
    expect(clientKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
  });

  it("drops the port a proxy may write into X-Forwarded-For (each connection has its own)", () => {
    expect(clientKey("198.51.100.9:50000")).toBe("198.51.100.9");
    expect(clientKey("[2001:db8:9:9::1]:50000")).toBe("2001:db8:9:9::/64");
    expect(clientKey("[2001:db8:9:9::1]")).toBe("2001:db8:9:9::/64");
  });

  it("keys what is no address as given, and a missing one as unknown", () => {
    expect(clientKey("not an address")).toBe("not an address");
    expect(clientKey(undefined)).toBe("unknown");
  });

  it("tells an address a proxy wrote from a made-up X-Forwarded-For value (review 33a)", () => {
    for (const v of ["198.51.100.9", "198.51.100.9:50000", "[2001:db8::1]:443", "2001:db8::1"]) expect(isAddress(v), v).toBe(true);
    for (const v of ["garbage1", "unknown", "", "198.51.100.9.evil"]) expect(isAddress(v), v).toBe(false);
  });
});
