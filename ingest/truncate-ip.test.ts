import { describe, expect, it } from "vitest";
import { truncateIp } from "./truncate-ip.ts";

describe("truncateIp", () => {
  it("keeps an IPv4 address's /24", () => {
    expect(truncateIp("203.0.113.77")).toBe("203.0.113.0");
    expect(truncateIp("127.0.0.1")).toBe("127.0.0.0");
    expect(truncateIp(" 10.1.2.3 ")).toBe("10.1.2.0");
  });

  it("keeps an IPv6 address's /48 in canonical form", () => {
    expect(truncateIp("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1::");
    expect(truncateIp("2001:DB8:0001:ffff::7")).toBe("2001:db8:1::");
    expect(truncateIp("2001:db8::1")).toBe("2001:db8::");
    expect(truncateIp("2001:0:1::1")).toBe("2001:0:1::");
    expect(truncateIp("0:db8:0::9")).toBe("0:db8::");
    expect(truncateIp("::1")).toBe("::");
    expect(truncateIp("::")).toBe("::");
    expect(truncateIp("fe80::1%eth0")).toBe("fe80::");
    expect(truncateIp("64:ff9b:1::198.51.100.7")).toBe("64:ff9b:1::");
  });

  it("treats an IPv4-mapped IPv6 address as IPv4", () => {
    expect(truncateIp("::ffff:203.0.113.77")).toBe("203.0.113.0");
    expect(truncateIp("::FFFF:cb00:714d")).toBe("203.0.113.0");
    expect(truncateIp("0:0:0:0:0:ffff:127.0.0.1")).toBe("127.0.0.0");
  });

  it("gives null for anything that is not an address", () => {
    for (const junk of [null, undefined, "", "localhost", "1.2.3", "1.2.3.256", "01.2.3.4", "[::1]", "2001:db8::1::2", "::ffff:1.2.3.4.5", "1.2.3.4:80"]) {
      expect(truncateIp(junk)).toBeNull();
    }
  });

  it("never returns the address it was given", () => {
    for (const address of ["198.51.100.23", "2001:db8:aa:bb:cc:dd:ee:ff", "::ffff:198.51.100.23"]) {
      const truncated = truncateIp(address);
      expect(truncated).not.toBe(address);
      expect(truncated).not.toContain("23");
    }
  });
});
