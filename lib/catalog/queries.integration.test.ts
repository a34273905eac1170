import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PostgresPart } from "@/dev/parts/postgres.ts";
import { throwawayPostgres } from "@/dev/testing/local-parts.ts";
import { db } from "@/lib/db/client.ts";
import { migrateShop } from "@/lib/db/migrations.ts";
import { formatSpecs } from "@/lib/format/specs.ts";
import { productRefSchema } from "@/lib/tracking/schema";
import { seedCatalog } from "@/prisma/seed.ts";
import { buildCatalog } from "@/prisma/seed/catalog.ts";
import { parseListingState, type ListingScope, type SearchParams } from "./listing-state.ts";
import { parseSpecs, toProductRef } from "./mappers.ts";
import {
  PAGE_SIZE,
  featuredProducts,
  getBrandBySlug,
  getCategoryBySlug,
  getProductBySlug,
  listBrands,
  listCategories,
  listingFacets,
  listProducts,
  relatedProducts,
} from "./queries.ts";
import type { ListingFacets, ProductSort, ProductSummary } from "./types.ts";


let postgres: PostgresPart;

beforeAll(async () => {
  postgres = await throwawayPostgres("shop_catalog_test");
  await migrateShop(postgres.url);
  await seedCatalog(postgres.url);
  process.env.DATABASE_URL = postgres.url;
});

afterAll(async () => {
  await db().$disconnect();
  await postgres?.stop();
});

const ALL: ListingScope = { kind: "all" };
const DEALS: ListingScope = { kind: "deals" };
const category = (slug: string): ListingScope => ({ kind: "category", slug });
const list = (scope: ListingScope = ALL, params: SearchParams = {}) => listProducts(parseListingState(scope, params));

async function everyPage(sort: ProductSort, scope: ListingScope = ALL, params: SearchParams = {}): Promise<ProductSummary[]> {
  const first = await list(scope, { ...params, sort });
  const products = [...first.products];
  for (let page = 2; page <= first.totalPages; page += 1) {
    products.push(...(await list(scope, { ...params, sort, page: String(page) })).products);
  }
  return products;
}

/** Every product of a scope, with its specs, to check the SQL's filters against. */
async function everyDetail(scope: ListingScope) {
  const summaries = await everyPage("featured", scope);
  return Promise.all(summaries.map(async (summary) => (await getProductBySlug(summary.slug))!));
}

describe("listCategories", () => {
  it("lists categories in navigation order with product counts", async () => {
    const categories = await listCategories();
    expect(categories.map((c) => c.slug)).toEqual([
      "laptops", "desktops", "cpus", "gpus", "memory", "storage", "monitors", "peripherals", "networking",
    ]);
    const total = (await list()).totalCount;
    expect(categories.reduce((sum, c) => sum + c.productCount, 0)).toBe(total);
  });

  it("finds a category by slug, and nothing for unknown or malformed slugs", async () => {
    expect(await getCategoryBySlug("gpus")).toMatchObject({ slug: "gpus", name: expect.any(String) });
    expect(await getCategoryBySlug("nope")).toBeNull();
    expect(await getCategoryBySlug("../etc")).toBeNull();
  });
});

describe("listProducts", () => {
  it("pages through every product exactly once, in each order", async () => {
    const total = (await list()).totalCount;
    for (const sort of ["featured", "best-selling", "newest", "price-asc", "price-desc"] as const) {
      const products = await everyPage(sort);
      expect(products).toHaveLength(total);
      expect(new Set(products.map((p) => p.id)).size).toBe(total);
    }
  });

  it("sorts by price", async () => {
    const asc = (await everyPage("price-asc")).map((p) => p.priceCents);
    const desc = (await everyPage("price-desc")).map((p) => p.priceCents);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
  });

  it("sorts best sellers by units sold, most first, ties by id", async () => {
    const sold = new Map(buildCatalog().products.map((p) => [p.slug, p.unitsSold]));
    const products = await everyPage("best-selling");
    const units = products.map((p) => sold.get(p.slug) ?? -1);
    expect(units.every((n) => n >= 0)).toBe(true);
    for (let i = 1; i < products.length; i += 1) {
      const [before, after] = [units[i - 1] ?? 0, units[i] ?? 0];
      expect(before > after || (before === after && products[i - 1]!.id < products[i]!.id), products[i]?.slug).toBe(true);
    }
  });

  it("sorts newest first by the day each product was listed", async () => {
    const listed = new Map(buildCatalog().products.map((p) => [p.slug, p.createdAt.getTime()]));
    const times = (await everyPage("newest")).map((p) => listed.get(p.slug) ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("features one product of each category in turn, in-stock ones first", async () => {
    const categories = (await listCategories()).map((c) => c.slug);
    const first = await list();
    expect(first.products).toHaveLength(PAGE_SIZE);
    expect(first.products.slice(0, categories.length).map((p) => p.category.slug)).toEqual(categories);

    const gpus = await everyPage("featured", category("gpus"));
    const firstOut = gpus.findIndex((p) => p.stock === 0);
    if (firstOut >= 0) expect(gpus.slice(firstOut).every((p) => p.stock === 0)).toBe(true);
  });

  it("filters by category", async () => {
    const result = await list(category("monitors"), { sort: "price-asc" });
    const monitors = (await listCategories()).find((c) => c.slug === "monitors");
    expect(result.totalCount).toBe(monitors?.productCount);
    expect(result.products.every((p) => p.category.slug === "monitors")).toBe(true);
  });

  it("clamps a page past the end to the last page", async () => {
    const result = await list(category("gpus"), { page: "999" });
    expect(result.page).toBe(result.totalPages);
    expect(result.products.length).toBeGreaterThan(0);
  });

  it("reports one empty page for an unknown category", async () => {
    const result = await list(category("nope"));
    expect(result).toMatchObject({ products: [], page: 1, totalPages: 1, totalCount: 0 });
  });

  it("filters by brand, price and stock, each as the URL says", async () => {
    const asusGpus = await everyPage("featured", category("gpus"), { brand: "asus" });
    expect(asusGpus.length).toBeGreaterThan(0);
    expect(asusGpus.every((p) => p.brand.slug === "asus" && p.category.slug === "gpus")).toBe(true);

    const cheap = await everyPage("price-asc", ALL, { min: "50", max: "100", in_stock: "1" });
    expect(cheap.length).toBeGreaterThan(0);
    expect(cheap.every((p) => p.priceCents >= 5000 && p.priceCents <= 10000 && p.stock > 0)).toBe(true);
    const all = await everyPage("price-asc");
    expect(cheap.length).toBe(all.filter((p) => p.priceCents >= 5000 && p.priceCents <= 10000 && p.stock > 0).length);
  });

  it("matches spec facets: one value of a facet or another, and every facet given", async () => {
    const laptops = await everyDetail(category("laptops"));
    const expected = laptops.filter((p) => [16, 32].includes(p.specs.ram_gb as number) && p.specs.os === "Windows 11 Home");
    const found = await everyPage("featured", category("laptops"), { ram_gb: ["16", "32"], os: "Windows 11 Home" });
    expect(found.map((p) => p.slug).sort()).toEqual(expected.map((p) => p.slug).sort());
    expect(found.length).toBeGreaterThan(0);

    // A list spec (a mouse's connectivity) matches any of its items; a null spec is "none".
    const peripherals = await everyDetail(category("peripherals"));
    const bluetooth = await everyPage("featured", category("peripherals"), { connectivity: "Bluetooth" });
    expect(bluetooth.map((p) => p.slug).sort()).toEqual(
      peripherals.filter((p) => Array.isArray(p.specs.connectivity) && p.specs.connectivity.includes("Bluetooth")).map((p) => p.slug).sort(),
    );
    const wired = await everyPage("featured", category("networking"), { wifi_standard: "none" });
    expect(wired.length).toBe((await everyDetail(category("networking"))).filter((p) => p.specs.wifi_standard === null).length);
  });

  it("treats SQL and markup in filter values as plain values", async () => {
    const result = await list(category("laptops"), { os: "' OR 1=1 --", brand: "<script>", cpu: "x'); DROP TABLE product; --" });
    expect(result.totalCount).toBe(0);
    expect((await list()).totalCount).toBeGreaterThan(0);
  });
});

describe("deals", () => {
  it("lists every discounted product and nothing else, biggest share saved first", async () => {
    const expected = buildCatalog().products.filter((p) => p.compareAtPriceCents !== null);
    const deals = await everyPage("biggest-saving", DEALS);
    expect(deals.map((p) => p.slug).sort()).toEqual(expected.map((p) => p.slug).sort());
    expect(deals.length).toBeGreaterThan(PAGE_SIZE);
    const share = (p: ProductSummary) => (p.compareAtPriceCents! - p.priceCents) / p.compareAtPriceCents!;
    for (const product of deals) expect(product.compareAtPriceCents!, product.slug).toBeGreaterThan(product.priceCents);
    const shares = deals.map(share);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect((await list(DEALS)).sort).toBe("biggest-saving");
  });

  it("filters and counts deals as any listing", async () => {
    const state = parseListingState(DEALS, { in_stock: "1", sort: "price-asc" });
    const inStock = await everyPage("price-asc", DEALS, { in_stock: "1" });
    expect(inStock.every((p) => p.stock > 0 && p.compareAtPriceCents !== null)).toBe(true);
    const facets = await listingFacets(state);
    expect(facets.categories?.reduce((sum, c) => sum + c.count, 0)).toBe(inStock.length);
    expect(facets.brands).not.toBeNull();
    expect(facets.priceRange).toEqual({ min: inStock[0]?.priceCents, max: inStock.at(-1)?.priceCents });
  });

  it("shows discounts in every listing's summaries", async () => {
    const all = await everyPage("featured");
    const discounted = all.filter((p) => p.compareAtPriceCents !== null);
    expect(discounted.length).toBe((await list(DEALS)).totalCount);
  });
});

describe("featuredProducts", () => {
  it("lists the merchandiser's picks in category order", async () => {
    const featured = await featuredProducts();
    const expected = buildCatalog().products.filter((p) => p.featured);
    expect(featured.map((p) => p.slug).sort()).toEqual(expected.map((p) => p.slug).sort());
    const order = (await listCategories()).map((c) => c.slug);
    const positions = featured.map((p) => order.indexOf(p.category.slug));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(await featuredProducts(3)).toHaveLength(3);
  });

  it("follows the flag as staff change it", async () => {
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const [first] = await featuredProducts();
      await client.query("UPDATE product SET featured = false WHERE slug = $1", [first?.slug]);
      expect((await featuredProducts()).map((p) => p.slug)).not.toContain(first?.slug);
      await client.query("UPDATE product SET featured = true WHERE slug = $1", [first?.slug]);
      expect((await featuredProducts()).map((p) => p.slug)).toContain(first?.slug);
    } finally {
      await client.end();
    }
  });

  it("puts a category's featured product first in its turn of the featured order", async () => {
    const featured = new Set((await featuredProducts()).map((p) => p.slug));
    const gpus = await everyPage("featured", category("gpus"));
    const firstFeatured = gpus.findIndex((p) => featured.has(p.slug));
    expect(firstFeatured).toBe(0);
  });
});

describe("listingFacets", () => {
  const option = (facets: ListingFacets["brands"], value: string) => facets?.find((o) => o.value === value);

  it("counts each brand and spec value against the other filters, not its own", async () => {
    const state = parseListingState(category("laptops"), { brand: "lenovo", ram_gb: "16" });
    const facets = await listingFacets(state);
    expect(facets.categories).toBeNull();
    // Brand counts ignore the brand filter: Dell still counts its 16 GB laptops.
    const laptops = await everyDetail(category("laptops"));
    const dell16 = laptops.filter((p) => p.brand.slug === "dell" && p.specs.ram_gb === 16).length;
    expect(option(facets.brands, "dell")?.count).toBe(dell16);
    expect(option(facets.brands, "lenovo")).toMatchObject({ selected: true });
    // Memory counts ignore the memory filter but keep the brand filter.
    const ram = facets.specs.find((facet) => facet.key === "ram_gb");
    const lenovo = laptops.filter((p) => p.brand.slug === "lenovo");
    for (const value of ram?.options ?? []) {
      expect(value.count, value.value).toBe(lenovo.filter((p) => String(p.specs.ram_gb) === value.value).length);
    }
    expect(ram?.options.map((o) => o.label)).toEqual([...(ram?.options ?? [])].sort((a, b) => Number(a.value) - Number(b.value)).map((o) => `${o.value} GB`));
    // The listing and the facets agree on how many products the filters leave.
    expect((await listProducts(state)).totalCount).toBe(ram?.options.find((o) => o.value === "16")?.count);
  });

  it("keeps a selected value that matches nothing, so it can be taken off", async () => {
    const facets = await listingFacets(parseListingState(category("gpus"), { brand: "apple", in_stock: "1" }));
    expect(option(facets.brands, "apple")).toMatchObject({ count: 0, selected: true });
    expect(facets.inStockCount).toBe(0);
  });

  it("offers categories and the price range on a brand's page", async () => {
    const facets = await listingFacets(parseListingState({ kind: "brand", slug: "asus" }, {}));
    expect(facets.brands).toBeNull();
    const asus = await everyPage("price-asc", { kind: "brand", slug: "asus" });
    expect(facets.categories?.reduce((sum, c) => sum + c.count, 0)).toBe(asus.length);
    expect(facets.priceRange).toEqual({ min: asus[0]?.priceCents, max: asus.at(-1)?.priceCents });
    expect(facets.specs).toEqual([]);
  });
});

describe("brands", () => {
  it("lists every brand A-Z with counts that add up to the catalog, and finds one by slug", async () => {
    const brands = await listBrands();
    expect(brands.map((b) => b.name)).toEqual([...brands.map((b) => b.name)].sort((a, b) => a.localeCompare(b)));
    expect(brands.reduce((sum, b) => sum + b.productCount, 0)).toBe((await list()).totalCount);
    expect(await getBrandBySlug("asus")).toMatchObject({ slug: "asus", name: "ASUS" });
    expect(await getBrandBySlug("../asus")).toBeNull();
  });
});

describe("relatedProducts", () => {
  it("offers other products of the same category, in stock first, then nearest in price", async () => {
    const gpus = await everyPage("price-asc", category("gpus"));
    const middle = gpus[Math.floor(gpus.length / 2)]!;
    const related = await relatedProducts(middle);
    expect(related).toHaveLength(4);
    expect(related.every((p) => p.category.slug === "gpus" && p.id !== middle.id)).toBe(true);
    const distance = (p: ProductSummary) => Math.abs(p.priceCents - middle.priceCents);
    const expected = gpus
      .filter((p) => p.id !== middle.id)
      .sort((a, b) => Number(b.stock > 0) - Number(a.stock > 0) || distance(a) - distance(b) || a.id - b.id)
      .slice(0, 4);
    expect(related.map((p) => p.slug)).toEqual(expected.map((p) => p.slug));
  });
});

describe("getProductBySlug", () => {
  it("returns null for unknown and malformed slugs", async () => {
    expect(await getProductBySlug("no-such-product")).toBeNull();
    expect(await getProductBySlug("Bad Slug")).toBeNull();
  });

  it("loads every seeded product with valid, displayable specs and a valid tracking ref", async () => {
    const warn = vi.spyOn(console, "warn");
    const summaries = await everyPage("featured");
    for (const summary of summaries) {
      const product = await getProductBySlug(summary.slug);
      expect(product, summary.slug).not.toBeNull();
      if (!product) continue;
      expect(parseSpecs(product.specs).invalidKeys, summary.slug).toEqual([]);
      const rows = formatSpecs(product.specs);
      expect(rows.length, summary.slug).toBe(Object.keys(product.specs).length);
      for (const row of rows) {
        expect(row.value, `${summary.slug}.${row.key}`).not.toMatch(/undefined|NaN|\[object|^$/);
        expect(row.label, `${summary.slug}.${row.key}`).toMatch(/^[A-Z0-9]/);
      }
      expect(productRefSchema.safeParse(toProductRef(product)).success, summary.slug).toBe(true);
    }
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
