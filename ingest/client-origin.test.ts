import { describe, expect, it } from "vitest";
import { clientOrigin, ORIGIN_SECRET_HEADER, parseForwarder, proxyTrust } from "./client-origin.ts";

const SECRET = "s".repeat(40);
const local = proxyTrust({ forwarders: ["loopback"], originSecret: null });
const behindCloudFront = proxyTrust({ forwarders: [], originSecret: SECRET });
const viewer = {
  "cloudfront-viewer-address": "81.2.69.142:40000",
  "cloudfront-viewer-country": "GB",
  "cloudfront-viewer-country-region-name": "England",
  "cloudfront-viewer-city": "London",
};

const origin = (sourceIp: string | null, headers: Record<string, string>, trust = local) => {
  const { address, edgeGeo } = clientOrigin({ sourceIp, headers }, trust);
  return { address: address?.text ?? null, edgeGeo };
};

describe("clientOrigin", () => {
  it("takes the source address and ignores a forged X-Forwarded-For from a peer it does not trust", () => {
    expect(origin("198.51.100.7", { "x-forwarded-for": "81.2.69.142" })).toEqual({ address: "198.51.100.7", edgeGeo: null });
    expect(origin("::ffff:198.51.100.7", { "x-forwarded-for": "81.2.69.142" })).toEqual({ address: "198.51.100.7", edgeGeo: null });
    // nobody is trusted by default
    expect(clientOrigin({ sourceIp: "127.0.0.1", headers: { "x-forwarded-for": "81.2.69.142" } }).address?.text).toBe("127.0.0.1");
  });

  it("believes the forwarded address a trusted peer passes on", () => {
    expect(origin("127.0.0.1", { "x-forwarded-for": "81.2.69.142" }).address).toBe("81.2.69.142");
    expect(origin("::1", { "x-forwarded-for": "2a00:1450:4001::1" }).address).toBe("2a00:1450:4001::1");
    expect(origin("::ffff:127.0.0.1", { "x-forwarded-for": " 81.2.69.142 " }).address).toBe("81.2.69.142");
    expect(origin("127.0.0.1", {}).address).toBe("127.0.0.1");
  });

  it("reads a trusted chain from the right, past trusted hops, to the first hop nobody vouches for", () => {
    // The client wrote "1.1.1.1" itself; the shop's server (loopback) appended what it saw.
    expect(origin("127.0.0.1", { "x-forwarded-for": "1.1.1.1, 81.2.69.142, 127.0.0.1" }).address).toBe("81.2.69.142");
    const lan = proxyTrust({ forwarders: ["10.0.0.0/8", "2001:db8:1::/48"], originSecret: null });
    expect(origin("10.0.0.2", { "x-forwarded-for": "1.1.1.1, 81.2.69.142, 10.0.0.5" }, lan).address).toBe("81.2.69.142");
    expect(origin("2001:db8:1::9", { "x-forwarded-for": "81.2.69.142,,2001:db8:1::10" }, lan).address).toBe("81.2.69.142");
  });

  it("knows no client when a trusted hop passes on something that is no address", () => {
    expect(origin("127.0.0.1", { "x-forwarded-for": "81.2.69.142, unknown" }).address).toBeNull();
    expect(origin(null, { "x-forwarded-for": "81.2.69.142" }).address).toBeNull();
    expect(origin("garbage", {}).address).toBeNull();
  });

  it("through the shop's CloudFront (its secret header), takes the viewer's address and location from CloudFront", () => {
    expect(origin("130.176.1.1", { ...viewer, [ORIGIN_SECRET_HEADER]: SECRET, "x-forwarded-for": "1.1.1.1" }, behindCloudFront)).toEqual({
      address: "81.2.69.142",
      edgeGeo: { country: "GB", region: "England", city: "London", source: "cloudfront" },
    });
    const { "cloudfront-viewer-country": _country, ...addressOnly } = viewer;
    expect(origin("130.176.1.1", { ...addressOnly, [ORIGIN_SECRET_HEADER]: SECRET }, behindCloudFront)).toEqual({ address: "81.2.69.142", edgeGeo: null });
  });

  it("ignores CloudFront's headers without the right secret, or when none is configured", () => {
    const forged = { address: "198.51.100.7", edgeGeo: null };
    expect(origin("198.51.100.7", viewer, behindCloudFront)).toEqual(forged);
    expect(origin("198.51.100.7", { ...viewer, [ORIGIN_SECRET_HEADER]: `${SECRET}x` }, behindCloudFront)).toEqual(forged);
    expect(origin("198.51.100.7", { ...viewer, [ORIGIN_SECRET_HEADER]: "" }, behindCloudFront)).toEqual(forged);
    expect(origin("198.51.100.7", { ...viewer, [ORIGIN_SECRET_HEADER]: SECRET }, local)).toEqual(forged);
    // a trusted forwarder vouches for X-Forwarded-For, not for CloudFront's headers
    expect(origin("127.0.0.1", viewer)).toEqual({ address: "127.0.0.1", edgeGeo: null });
  });
});

describe("proxyTrust", () => {
  it("takes loopback, CIDRs and single addresses, and refuses anything else", () => {
    expect(parseForwarder("loopback")).toHaveLength(2);
    expect(parseForwarder("10.0.0.0/8")).toEqual([{ network: "10.0.0.0", prefix: 8, family: 4 }]);
    expect(parseForwarder("2001:db8::/32")).toEqual([{ network: "2001:db8::", prefix: 32, family: 6 }]);
    expect(parseForwarder("192.0.2.1")).toEqual([{ network: "192.0.2.1", prefix: 32, family: 4 }]);
    for (const bad of ["10.0.0.0/33", "::/129", "10.0.0.0/8/1", "10.0.0.0/x", "localhost", "*", ""]) expect(parseForwarder(bad), bad).toBeNull();
    expect(() => proxyTrust({ forwarders: ["*"], originSecret: null })).toThrow(/not a trusted proxy/);
  });
});
