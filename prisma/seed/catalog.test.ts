import { afterEach, describe, expect, it, vi } from "vitest";
import { CATEGORIES, CATEGORY_SLUGS, type CategorySlug } from "./categories.ts";
import {
  buildCatalog,
  catalogSchema,
  countByCategory,
  sentenceCount,
  SKU_PATTERN,
  SLUG_PATTERN,
  skuFor,
  slugify,
} from "./catalog.ts";
import { DISCOUNT_RANGE, FEATURED_SLUGS, LISTED_UNTIL } from "./merchandising.ts";

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

describe("seed merchandising", () => {
  const catalog = buildCatalog();
  const discounted = catalog.products.filter((p) => p.compareAtPriceCents !== null);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

  it("discounts about 15% of products, spread over the categories", () => {
    expect(discounted.length).toBeGreaterThanOrEqual(catalog.products.length * 0.1);
    expect(discounted.length).toBeLessThanOrEqual(catalog.products.length * 0.2);
    expect(new Set(discounted.map((p) => p.categorySlug)).size).toBeGreaterThanOrEqual(6);
  });

  it("puts every compare-at price 10–30% above the price, at a price that ends as the price does", () => {
    for (const product of discounted) {
      const compareAt = product.compareAtPriceCents ?? 0;
      expect(compareAt, product.slug).toBeGreaterThan(product.priceCents);
      expect(compareAt, product.slug).toBeGreaterThanOrEqual(product.priceCents * (1 + DISCOUNT_RANGE.min));
      expect(compareAt, product.slug).toBeLessThanOrEqual(product.priceCents * (1 + DISCOUNT_RANGE.max));
      expect(compareAt % 100, product.slug).toBe(product.priceCents % 100 === 99 ? 99 : 0);
    }
  });

  it("features eight products in stock, from eight categories", () => {
    const featured = catalog.products.filter((p) => p.featured);
    expect(featured.map((p) => p.slug).sort()).toEqual([...FEATURED_SLUGS].sort());
    expect(featured).toHaveLength(8);
    expect(new Set(featured.map((p) => p.categorySlug)).size).toBe(8);
    for (const product of featured) expect(product.stock, product.slug).toBeGreaterThan(0);
  });

  it("gives every product a history of sales, cheaper ones selling more", () => {
    const sold = catalog.products.map((p) => p.unitsSold);
    for (const units of sold) expect(Number.isInteger(units) && units >= 0).toBe(true);
    expect(new Set(sold).size).toBeGreaterThan(catalog.products.length * 0.7);
    const cheap = catalog.products.filter((p) => p.priceCents < 100_00).map((p) => p.unitsSold);
    const dear = catalog.products.filter((p) => p.priceCents > 1_000_00).map((p) => p.unitsSold);
    expect(median(cheap)).toBeGreaterThan(median(dear) * 2);
  });

  it("lists every product on a whole day within the year before LISTED_UNTIL", () => {
    const days = new Set<number>();
    for (const product of catalog.products) {
      const time = product.createdAt.getTime();
      expect(time % 86_400_000, product.slug).toBe(0);
      expect(time, product.slug).toBeLessThanOrEqual(LISTED_UNTIL);
      expect(time, product.slug).toBeGreaterThan(LISTED_UNTIL - 366 * 86_400_000);
      days.add(time);
    }
    expect(days.size).toBeGreaterThan(100);
  });

  it("rejects a compare-at price that is not above the price", () => {
    const [first, ...rest] = catalog.products;
    if (first === undefined) throw new Error("empty catalog");
    const bad = { ...catalog, products: [{ ...first, compareAtPriceCents: first.priceCents }, ...rest] };
    const result = catalogSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(`${first.slug}: the compare-at price must be above the price`);
  });
});

describe("slugify", () => {
  it("makes lower-case kebab-case ASCII", () => {
    expect(slugify('LG UltraGear 27GR95QE-B 27" OLED')).toBe("lg-ultragear-27gr95qe-b-27-oled");
    expect(slugify("WD_BLACK SN850X 2TB")).toBe("wd-black-sn850x-2tb");
    expect(slugify("  Crème (Brûlée) Edition ")).toBe("creme-brulee-edition");
  });
});
