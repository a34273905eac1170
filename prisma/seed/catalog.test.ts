import { afterEach, describe, expect, it, vi } from "vitest";
import { CATEGORIES, CATEGORY_SLUGS, type CategorySlug } from "./categories.ts";
import {
  buildCatalog,
  countByCategory,
  sentenceCount,
  SKU_PATTERN,
  SLUG_PATTERN,
  skuFor,
  slugify,
} from "./catalog.ts";

/** Plausible USD price bands per category, in cents (inclusive). */
const PRICE_BANDS: Record<CategorySlug, readonly [number, number]> = {
  laptops: [300_00, 6_000_00],
  desktops: [300_00, 6_000_00],
  cpus: [60_00, 2_500_00],
  gpus: [120_00, 3_500_00],
  memory: [20_00, 600_00],
  storage: [30_00, 800_00],
  monitors: [90_00, 2_500_00],
  peripherals: [15_00, 400_00],
  networking: [15_00, 1_000_00],
};

describe("seed catalog", () => {
  afterEach(() => vi.restoreAllMocks());

  const catalog = buildCatalog();

  it("has at least 170 products", () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(170);
  });

  it("has all nine categories, each with at least 10 products", () => {
    expect(catalog.categories.map((c) => c.slug)).toEqual([...CATEGORY_SLUGS]);
    const counts = countByCategory(catalog);
    for (const slug of CATEGORY_SLUGS) expect(counts[slug], slug).toBeGreaterThanOrEqual(10);
  });

  it("gives categories unique sort orders in storefront order", () => {
    const orders = catalog.categories.map((c) => c.sortOrder);
    expect(new Set(orders).size).toBe(orders.length);
    expect([...orders].sort((a, b) => a - b)).toEqual(orders);
  });

  it("puts every product in a category that exists", () => {
    const known = new Set(catalog.categories.map((c) => c.slug));
    for (const product of catalog.products) expect(known.has(product.categorySlug), product.slug).toBe(true);
  });

  it("has unique kebab-case slugs", () => {
    const slugs = catalog.products.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(SLUG_PATTERN);
    for (const category of catalog.categories) expect(category.slug).toMatch(SLUG_PATTERN);
  });

  it("has unique SKUs derived from category, brand and slug", () => {
    const skus = catalog.products.map((p) => p.sku);
    expect(new Set(skus).size).toBe(skus.length);
    for (const product of catalog.products) {
      expect(product.sku).toMatch(SKU_PATTERN);
      expect(product.sku).toBe(skuFor(product.categorySlug, product.brand, product.slug));
    }
  });

  it("prices every product as a positive whole number of cents within its category's band", () => {
    for (const product of catalog.products) {
      const [low, high] = PRICE_BANDS[product.categorySlug];
      expect(Number.isInteger(product.priceCents), product.slug).toBe(true);
      expect(product.priceCents, product.slug).toBeGreaterThanOrEqual(low);
      expect(product.priceCents, product.slug).toBeLessThanOrEqual(high);
      expect(product.currency).toBe("USD");
    }
  });

  it("keeps stock realistic: some sold out, the rest between 3 and 120", () => {
    const stocks = catalog.products.map((p) => p.stock);
    const soldOut = stocks.filter((s) => s === 0).length;
    expect(soldOut).toBeGreaterThan(0);
    expect(soldOut).toBeLessThan(catalog.products.length * 0.15);
    for (const stock of stocks.filter((s) => s !== 0)) {
      expect(stock).toBeGreaterThanOrEqual(3);
      expect(stock).toBeLessThanOrEqual(120);
    }
  });

  it("describes every product in one or two sentences", () => {
    for (const product of catalog.products) {
      expect(sentenceCount(product.description), product.slug).toBeGreaterThanOrEqual(1);
      expect(sentenceCount(product.description), product.slug).toBeLessThanOrEqual(2);
    }
  });

  it("uses a handful of believable brands per category", () => {
    for (const slug of CATEGORY_SLUGS) {
      const brands = new Set(catalog.products.filter((p) => p.categorySlug === slug).map((p) => p.brand));
      expect(brands.size, slug).toBeGreaterThanOrEqual(2);
    }
  });

  it("is the same on every build and uses no randomness or clock", () => {
    const random = vi.spyOn(Math, "random");
    const now = vi.spyOn(Date, "now");
    const first = buildCatalog();
    const second = buildCatalog();
    expect(second).toEqual(first);
    expect(first).toEqual(catalog);
    expect(second).not.toBe(first);
    expect(second.products[0]).not.toBe(first.products[0]);
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
  });

  it("does not share the category constants with callers", () => {
    const built = buildCatalog();
    expect(built.categories).toEqual(CATEGORIES);
    expect(built.categories[0]).not.toBe(CATEGORIES[0]);
  });
});

describe("slugify", () => {
  it("makes lower-case kebab-case ASCII", () => {
    expect(slugify('LG UltraGear 27GR95QE-B 27" OLED')).toBe("lg-ultragear-27gr95qe-b-27-oled");
    expect(slugify("WD_BLACK SN850X 2TB")).toBe("wd-black-sn850x-2tb");
    expect(slugify("  Crème (Brûlée) Edition ")).toBe("creme-brulee-edition");
  });
});
