import { describe, expect, it } from "vitest";
import { clientAddress, rateLimitSubject } from "./client-address";

describe("clientAddress", () => {
  it("takes the entry our load balancer appended, not one the client wrote", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the load balancer appended the real address.
    expect(clientAddress("1.2.3.4, 203.0.113.7", 1)).toBe("203.0.113.7");
    // A fresh made-up header per request still counts against the same real address.
    expect(clientAddress("9.9.9.9, 203.0.113.7", 1)).toBe("203.0.113.7");
  });

  it("counts back past each trusted proxy", () => {
    // client, then what the CDN saw, then what the load balancer saw (the CDN's own address)
    expect(clientAddress("6.6.6.6, 198.51.100.20, 192.0.2.1", 2)).toBe("198.51.100.20");
  });

  it("takes the leftmost entry when there are fewer entries than proxies", () => {
    expect(clientAddress("198.51.100.20", 2)).toBe("198.51.100.20");
  });

  it("reads a single address as it is (next start fills it from the socket)", () => {
    expect(clientAddress("127.0.0.1", 1)).toBe("127.0.0.1");
    expect(clientAddress("::1", 1)).toBe("::1");
  });

  it("normalizes ports, brackets, IPv4-mapped IPv6 and case", () => {
    expect(clientAddress("203.0.113.7:51234", 1)).toBe("203.0.113.7");
    expect(clientAddress("[2001:DB8::1]:443", 1)).toBe("2001:db8::1");
    expect(clientAddress("::ffff:10.0.0.1", 1)).toBe("10.0.0.1");
  });

  it("has no address for an empty header or one that is not an IP address", () => {
    expect(clientAddress(null, 1)).toBeNull();
    expect(clientAddress("", 1)).toBeNull();
    expect(clientAddress(" , ", 1)).toBeNull();
    expect(clientAddress("unknown", 1)).toBeNull();
    expect(clientAddress("1.2.3.4, <script>", 1)).toBeNull();
    expect(clientAddress(`1.2.3.4, ${"a".repeat(300)}`, 1)).toBeNull();
  });
});

describe("rateLimitSubject", () => {
  it("counts an IPv4 address as itself", () => {
    expect(rateLimitSubject("203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts every IPv6 address of one /64 as one subject", () => {
    const a = rateLimitSubject("2001:db8:aa:bb:1:2:3:4");
    expect(a).toBe("2001:db8:aa:bb::/64");
    expect(rateLimitSubject("2001:db8:aa:bb:ffff::9")).toBe(a);
    expect(rateLimitSubject("2001:0db8:00aa:00bb::1")).toBe(a);
    expect(rateLimitSubject("2001:db8:aa:bc::1")).not.toBe(a);
  });

  it("expands :: wherever it stands", () => {
    expect(rateLimitSubject("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitSubject("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(rateLimitSubject("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(rateLimitSubject("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });
});
