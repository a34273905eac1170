import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PostgresPart } from "@/dev/parts/postgres.ts";
import { throwawayPostgres } from "@/dev/testing/local-parts.ts";
import { db } from "@/lib/db/client.ts";
import { migrateShop } from "@/lib/db/migrations.ts";
import { formatSpecs } from "@/lib/format/specs.ts";
import { productRefSchema } from "@/lib/tracking/schema";
import { seedCatalog } from "@/prisma/seed.ts";
import { parseSpecs, toProductRef } from "./mappers.ts";
import { PAGE_SIZE, getCategoryBySlug, getProductBySlug, listCategories, listProducts } from "./queries.ts";
import type { ProductSort, ProductSummary } from "./types.ts";


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

async function everyPage(sort: ProductSort, category?: string): Promise<ProductSummary[]> {
  const first = await listProducts({ sort, category });
  const products = [...first.products];
  for (let page = 2; page <= first.totalPages; page += 1) {
    products.push(...(await listProducts({ sort, category, page })).products);
  }
  return products;
}

describe("listCategories", () => {
  it("lists categories in navigation order with product counts", async () => {
    const categories = await listCategories();
    expect(categories.map((c) => c.slug)).toEqual([
      "laptops", "desktops", "cpus", "gpus", "memory", "storage", "monitors", "peripherals", "networking",
    ]);
    const total = (await listProducts()).totalCount;
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
    const total = (await listProducts()).totalCount;
    for (const sort of ["featured", "price-asc", "price-desc"] as const) {
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

  it("features one product of each category in turn, in-stock ones first", async () => {
    const categories = (await listCategories()).map((c) => c.slug);
    const first = await listProducts();
    expect(first.products).toHaveLength(PAGE_SIZE);
    expect(first.products.slice(0, categories.length).map((p) => p.category.slug)).toEqual(categories);

    const gpus = await everyPage("featured", "gpus");
    const firstOut = gpus.findIndex((p) => p.stock === 0);
    if (firstOut >= 0) expect(gpus.slice(firstOut).every((p) => p.stock === 0)).toBe(true);
  });

  it("filters by category", async () => {
    const result = await listProducts({ category: "monitors", sort: "price-asc" });
    const monitors = (await listCategories()).find((c) => c.slug === "monitors");
    expect(result.totalCount).toBe(monitors?.productCount);
    expect(result.products.every((p) => p.category.slug === "monitors")).toBe(true);
  });

  it("clamps a page past the end to the last page", async () => {
    const result = await listProducts({ category: "gpus", page: 999 });
    expect(result.page).toBe(result.totalPages);
    expect(result.products.length).toBeGreaterThan(0);
  });

  it("reports one empty page for an unknown category", async () => {
    const result = await listProducts({ category: "nope" });
    expect(result).toMatchObject({ products: [], page: 1, totalPages: 1, totalCount: 0 });
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
