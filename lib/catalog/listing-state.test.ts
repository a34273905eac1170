import { describe, expect, it } from "vitest";
import {
  defaultSortFor,
  hasFilters,
  listingPath,
  listingUrl,
  MAX_PAGE,
  NO_FILTERS,
  parseListingState,
  sortsFor,
  withoutFilter,
  type ListingScope,
} from "./listing-state.ts";
import { PRODUCT_SORTS, SORT_LABELS } from "./types.ts";

const laptops: ListingScope = { kind: "category", slug: "laptops" };
const all: ListingScope = { kind: "all" };
const deals: ListingScope = { kind: "deals" };

describe("parseListingState", () => {
  it("defaults to everything, featured, page 1", () => {
    expect(parseListingState(all, {})).toEqual({ scope: all, filters: NO_FILTERS, sort: "featured", page: 1 });
  });

  it("reads filters, sort and page, keeping the category's spec facets only", () => {
    const state = parseListingState(laptops, {
      brand: ["lenovo", "dell", "lenovo"],
      min: "500",
      max: "1500",
      in_stock: "1",
      ram_gb: ["32", "16"],
      vram_gb: "16",
      sort: "price-asc",
      page: "2",
    });
    expect(state.filters).toEqual({
      categories: [],
      brands: ["dell", "lenovo"],
      priceMin: 500,
      priceMax: 1500,
      inStock: true,
      specs: { ram_gb: ["16", "32"] },
    });
    expect(state).toMatchObject({ sort: "price-asc", page: 2 });
  });

  it("drops what cannot be valid instead of failing", () => {
    const state = parseListingState(all, {
      brand: ["Not A Slug", "../x", "asus"],
      category: "gpus'--",
      min: "-5",
      max: "12.5",
      in_stock: "yes",
      sort: "cheapest",
      page: String(MAX_PAGE + 1),
    });
    expect(state).toEqual({ scope: all, filters: { ...NO_FILTERS, brands: ["asus"] }, sort: "featured", page: 1 });
    expect(parseListingState(all, { page: "2.5" }).page).toBe(1);
    expect(parseListingState(all, { min: "" }).filters.priceMin).toBeNull();
  });

  it("sorts by units sold when asked to", () => {
    expect(parseListingState(all, { sort: "best-selling" }).sort).toBe("best-selling");
    expect(parseListingState(laptops, { sort: ["best-selling", "newest"] }).sort).toBe("best-selling");
    expect(SORT_LABELS["best-selling"]).toBe("Best selling");
  });

  it("swaps a price range given the wrong way round", () => {
    expect(parseListingState(all, { min: "900", max: "100" }).filters).toMatchObject({ priceMin: 100, priceMax: 900 });
  });

  it("never filters a category's page by category, nor a brand's by brand", () => {
    expect(parseListingState(laptops, { category: "gpus" }).filters.categories).toEqual([]);
    expect(parseListingState({ kind: "brand", slug: "asus" }, { brand: "msi" }).filters.brands).toEqual([]);
  });

  it("caps how many values one facet takes and how long a value may be", () => {
    const many = Array.from({ length: 50 }, (_, i) => `v${i}`);
    expect(parseListingState(laptops, { cpu: many }).filters.specs.cpu).toHaveLength(30);
    expect(parseListingState(laptops, { cpu: "x".repeat(101) }).filters.specs).toEqual({});
  });
});

describe("the deals listing", () => {
  it("lists discounted products at /deals, biggest saving first unless told otherwise", () => {
    expect(listingPath(deals)).toBe("/deals");
    expect(parseListingState(deals, {})).toEqual({ scope: deals, filters: NO_FILTERS, sort: "biggest-saving", page: 1 });
    expect(parseListingState(deals, { sort: "best-selling", category: "gpus", page: "2" })).toMatchObject({
      sort: "best-selling",
      page: 2,
      filters: { categories: ["gpus"] },
    });
    expect(parseListingState(deals, { sort: "cheapest" }).sort).toBe("biggest-saving");
  });

  it("offers the biggest saving first on deals only", () => {
    expect(sortsFor(deals)).toEqual(["biggest-saving", ...PRODUCT_SORTS]);
    expect(sortsFor(all)).toEqual(PRODUCT_SORTS);
    expect(sortsFor(all)).not.toContain("biggest-saving");
    expect(parseListingState(all, { sort: "biggest-saving" }).sort).toBe("featured");
    expect([defaultSortFor(deals), defaultSortFor(laptops)]).toEqual(["biggest-saving", "featured"]);
  });

  it("leaves its own default order out of its canonical URL, and keeps any other", () => {
    expect(listingUrl(parseListingState(deals, {}))).toBe("/deals");
    expect(listingUrl(parseListingState(deals, { sort: "biggest-saving", brand: "asus" }))).toBe("/deals?brand=asus");
    expect(listingUrl(parseListingState(deals, { sort: "featured" }))).toBe("/deals?sort=featured");
    expect(parseListingState(deals, { sort: "featured" }).sort).toBe("featured");
  });
});

describe("listingUrl", () => {
  it("writes one canonical URL per listing, which parses back to the same state", () => {
    const state = parseListingState(laptops, { sort: "newest", page: "3", ram_gb: ["32", "16"], brand: ["lenovo", "dell"], in_stock: "1", min: "10" });
    const url = listingUrl(state);
    expect(url).toBe("/c/laptops?brand=dell&brand=lenovo&min=10&in_stock=1&ram_gb=16&ram_gb=32&sort=newest&page=3");
    const params = new URL(url, "http://shop.test").searchParams;
    const reparsed: Record<string, string[]> = {};
    for (const [key, value] of params) (reparsed[key] ??= []).push(value);
    expect(parseListingState(laptops, reparsed)).toEqual(state);
  });

  it("encodes values that need it", () => {
    const state = parseListingState(laptops, { os: "Windows 11 Home" });
    expect(listingUrl(state)).toBe("/c/laptops?os=Windows+11+Home");
    expect(listingUrl(parseListingState({ kind: "brand", slug: "asus" }, {}))).toBe("/brands/asus");
    expect(listingUrl(parseListingState(all, {}))).toBe("/products");
  });
});

describe("withoutFilter", () => {
  it("takes off one part and goes back to page 1", () => {
    const state = parseListingState(laptops, { brand: ["dell", "lenovo"], ram_gb: "16", min: "1", max: "2", in_stock: "1", page: "4" });
    expect(withoutFilter(state, { kind: "brand", value: "dell" })).toMatchObject({ page: 1, filters: { brands: ["lenovo"] } });
    expect(withoutFilter(state, { kind: "spec", key: "ram_gb", value: "16" }).filters.specs).toEqual({});
    expect(withoutFilter(state, { kind: "price" }).filters).toMatchObject({ priceMin: null, priceMax: null });
    expect(withoutFilter(state, { kind: "in-stock" }).filters.inStock).toBe(false);
    expect(state.filters.brands).toEqual(["dell", "lenovo"]);
  });

  it("knows when nothing is filtered", () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, specs: { ram_gb: ["16"] } })).toBe(true);
  });
});
