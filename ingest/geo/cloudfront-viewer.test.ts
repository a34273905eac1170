import { describe, expect, it } from "vitest";
import { viewerAddress, viewerGeo } from "./cloudfront-viewer.ts";

describe("viewerAddress", () => {
  it("reads CloudFront-Viewer-Address, IPv4 or unbracketed IPv6, without its port", () => {
    expect(viewerAddress({ "cloudfront-viewer-address": "81.2.69.142:46532" })).toEqual({ text: "81.2.69.142", family: 4 });
    expect(viewerAddress({ "cloudfront-viewer-address": "2a00:1450:4001:0:0:0:0:1:46532" })).toEqual({ text: "2a00:1450:4001::1", family: 6 });
  });

  it("is null without a well-formed header", () => {
    for (const value of [undefined, "", "81.2.69.142", "81.2.69.142:", "nonsense:80", ":80"]) {
      expect(viewerAddress({ "cloudfront-viewer-address": value })).toBeNull();
    }
  });
});

describe("viewerGeo", () => {
  it("takes country, region name and city, decoding percent-encoded names", () => {
    expect(
      viewerGeo({ "cloudfront-viewer-country": "br", "cloudfront-viewer-country-region-name": "S%C3%A3o%20Paulo", "cloudfront-viewer-city": "S%C3%A3o Paulo", "cloudfront-viewer-country-region": "SP" }),
    ).toEqual({ country: "BR", region: "São Paulo", city: "São Paulo", source: "cloudfront" });
    expect(viewerGeo({ "cloudfront-viewer-country": "GB", "cloudfront-viewer-city": "100%" })).toEqual({ country: "GB", region: null, city: "100%", source: "cloudfront" });
  });

  it("is null without a country CloudFront could place", () => {
    for (const country of [undefined, "", "ZZ", "GBR", "1A"]) expect(viewerGeo({ "cloudfront-viewer-country": country, "cloudfront-viewer-city": "London" })).toBeNull();
  });
});
