import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "./listing-state.ts";
import { productImageVersion } from "./product-image-version.ts";
import { allProductsHref, brandHref, categoryHref, dealsHref, listingHref, productHref, productImageHref } from "./routes.ts";

describe("routes", () => {
  it("links to products, listings and brands", () => {
    expect(productHref("rtx-5080")).toBe("/products/rtx-5080");
    expect(allProductsHref()).toBe("/products");
    expect(categoryHref("gpus")).toBe("/c/gpus");
    expect(categoryHref("laptops", { brand: "lenovo" })).toBe("/c/laptops?brand=lenovo");
    expect(brandHref("western-digital")).toBe("/brands/western-digital");
    expect(dealsHref()).toBe("/deals");
  });

  it("versions a product's picture by what it shows", () => {
    const product = { slug: "rtx-5080", name: "RTX 5080", brand: { slug: "nvidia", name: "NVIDIA" }, category: { slug: "gpus", name: "Graphics cards" } };
    expect(productImageHref(product)).toBe(`/images/products/rtx-5080/${productImageVersion(product)}`);
    expect(productImageHref({ ...product, name: "RTX 5080 Super" })).not.toBe(productImageHref(product));
  });

  it("leaves defaults out of listing URLs and keeps sort and page", () => {
    const gpus = { scope: { kind: "category", slug: "gpus" } as const, filters: NO_FILTERS, sort: "featured" as const, page: 1 };
    expect(listingHref(gpus)).toBe("/c/gpus");
    expect(listingHref({ ...gpus, sort: "price-desc", page: 3 })).toBe("/c/gpus?sort=price-desc&page=3");
    expect(listingHref({ ...gpus, sort: "best-selling" })).toBe("/c/gpus?sort=best-selling");
    const deals = { ...gpus, scope: { kind: "deals" } as const, sort: "biggest-saving" as const };
    expect(listingHref(deals)).toBe("/deals");
    expect(listingHref({ ...deals, sort: "featured", page: 2 })).toBe("/deals?sort=featured&page=2");
  });
});
