import { describe, expect, it } from "vitest";
import { categoryHref, listingHref, productHref } from "./routes.ts";

describe("routes", () => {
  it("links to products", () => {
    expect(productHref("rtx-5080")).toBe("/products/rtx-5080");
  });

  it("leaves defaults out of listing URLs", () => {
    expect(listingHref()).toBe("/");
    expect(listingHref({ sort: "featured", page: 1 })).toBe("/");
    expect(categoryHref("gpus")).toBe("/c/gpus");
  });

  it("keeps sort and page", () => {
    expect(listingHref({ sort: "price-asc", page: 2 })).toBe("/?sort=price-asc&page=2");
    expect(listingHref({ category: "gpus", sort: "price-desc" })).toBe("/c/gpus?sort=price-desc");
    expect(listingHref({ category: "gpus", page: 3 })).toBe("/c/gpus?page=3");
  });
});
