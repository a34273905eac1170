import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "./listing-state.ts";
import { allProductsHref, brandHref, categoryHref, listingHref, productHref } from "./routes.ts";

describe("routes", () => {
  it("links to products, listings and brands", () => {
    expect(productHref("rtx-5080")).toBe("/products/rtx-5080");
    expect(allProductsHref()).toBe("/products");
    expect(categoryHref("gpus")).toBe("/c/gpus");
    expect(categoryHref("laptops", { brand: "lenovo" })).toBe("/c/laptops?brand=lenovo");
    expect(brandHref("western-digital")).toBe("/brands/western-digital");
  });

  it("leaves defaults out of listing URLs and keeps sort and page", () => {
    const gpus = { scope: { kind: "category", slug: "gpus" } as const, filters: NO_FILTERS, sort: "featured" as const, page: 1 };
    expect(listingHref(gpus)).toBe("/c/gpus");
    expect(listingHref({ ...gpus, sort: "price-desc", page: 3 })).toBe("/c/gpus?sort=price-desc&page=3");
  });
});
