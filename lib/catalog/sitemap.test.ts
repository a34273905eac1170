import { describe, expect, it } from "vitest";
import { requestOrigin, sitemapEntries } from "./sitemap.ts";

describe("sitemapEntries", () => {
  it("lists the home, listing, deals, brand and product pages as absolute URLs", () => {
    const updatedAt = new Date("2026-11-01T00:00:00Z");
    const entries = sitemapEntries("https://shop.example", {
      categories: [{ slug: "gpus" }],
      brands: [{ slug: "western-digital" }],
      products: [{ slug: "rtx-5080", updatedAt }],
    });
    expect(entries.map((entry) => entry.url)).toEqual([
      "https://shop.example/",
      "https://shop.example/products",
      "https://shop.example/deals",
      "https://shop.example/brands",
      "https://shop.example/c/gpus",
      "https://shop.example/brands/western-digital",
      "https://shop.example/products/rtx-5080",
    ]);
    expect(entries.at(-1)?.lastModified).toBe(updatedAt);
  });
});

describe("requestOrigin", () => {
  const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

  it("prefers the forwarded host and protocol of the proxy in front", () => {
    expect(requestOrigin(headers({ host: "lambda.internal", "x-forwarded-host": "shop.example, cdn", "x-forwarded-proto": "https" }))).toBe(
      "https://shop.example",
    );
  });

  it("uses http for a local server and https elsewhere", () => {
    expect(requestOrigin(headers({ host: "127.0.0.1:3000" }))).toBe("http://127.0.0.1:3000");
    expect(requestOrigin(headers({ host: "shop.example" }))).toBe("https://shop.example");
    expect(requestOrigin(headers({ host: "shop.example", "x-forwarded-proto": "http" }))).toBe("http://shop.example");
  });
});
