import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { z } from "zod";
import { type Prisma, PrismaClient } from "../lib/db/generated/client.ts";
import { announceProducts } from "../lib/catalog/product-events.ts";
import { buildCatalog, slugify, type Catalog, type CatalogProduct } from "./seed/catalog.ts";

/*
 * Seeds the shop's catalog: `npm run db:seed` (DATABASE_URL from the environment), or
 * `seedCatalog(url)` from tests and the dev runner. The schema must already be migrated.
 *
 * Idempotent, in one transaction, keyed by slug (categories, brands and products):
 * - a missing row is created with every seed value, including the opening `stock`, `units_sold`
 *   and listing date (`created_at`);
 * - an existing row gets its catalog facts (SKU, name, brand, category, price, compare-at price,
 *   featured, currency, specs, description; for categories name, description, sort order) reset
 *   to the seed values, and `updated_at` bumped, but only when one of them differs, so a second
 *   run changes nothing;
 * - `stock` and `units_sold` of an existing product are never written: they are live shop state
 *   (orders decrement the one and add to the other, staff restock), and re-seeding a running shop
 *   must not undo that; nor is its `created_at`, the day it was listed;
 * - rows that are not in the seed (products added by staff) are left alone; nothing is deleted.
 * A transaction-scoped advisory lock serialises concurrent seed runs against one database.
 */

/** Key of the advisory lock taken for the duration of a seed transaction. */
const SEED_LOCK_KEY = 7_316_530_001;

export interface SeedCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface SeedSummary {
  categories: SeedCounts;
  brands: SeedCounts;
  products: SeedCounts;
}

type Tx = Prisma.TransactionClient;

/** JSON equality that ignores object key order (jsonb does not keep it). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(rb, k) && sameJson(ra[k], rb[k]));
}

async function seedCategories(tx: Tx, catalog: Catalog, counts: SeedCounts): Promise<Map<string, number>> {
  const existing = await tx.category.findMany({ where: { slug: { in: catalog.categories.map((c) => c.slug) } } });
  const bySlug = new Map(existing.map((row) => [row.slug, row]));
  const ids = new Map<string, number>();
  for (const seed of catalog.categories) {
    const facts = { name: seed.name, description: seed.description, sortOrder: seed.sortOrder };
    const row = bySlug.get(seed.slug);
    if (row === undefined) {
      const created = await tx.category.create({ data: { slug: seed.slug, ...facts }, select: { id: true } });
      ids.set(seed.slug, created.id);
      counts.created += 1;
      continue;
    }
    ids.set(seed.slug, row.id);
    if (row.name === facts.name && row.description === facts.description && row.sortOrder === facts.sortOrder) {
      counts.unchanged += 1;
    } else {
      await tx.category.update({ where: { id: row.id }, data: facts });
      counts.updated += 1;
    }
  }
  return ids;
}

/** One brand row per distinct brand name in the catalog, slugged as product slugs are. */
async function seedBrands(tx: Tx, catalog: Catalog, counts: SeedCounts, renamed: number[]): Promise<Map<string, number>> {
  const names = [...new Set(catalog.products.map((product) => product.brand))].sort();
  const existing = await tx.brand.findMany({ where: { slug: { in: names.map(slugify) } } });
  const bySlug = new Map(existing.map((row) => [row.slug, row]));
  const ids = new Map<string, number>();
  for (const name of names) {
    const slug = slugify(name);
    const row = bySlug.get(slug);
    if (row === undefined) {
      ids.set(name, (await tx.brand.create({ data: { slug, name }, select: { id: true } })).id);
      counts.created += 1;
    } else if (row.name === name) {
      ids.set(name, row.id);
      counts.unchanged += 1;
    } else {
      await tx.brand.update({ where: { id: row.id }, data: { name } });
      ids.set(name, row.id);
      renamed.push(row.id);
      counts.updated += 1;
    }
  }
  return ids;
}

function productFacts(product: CatalogProduct, categoryId: number, brandId: number) {
  return {
    sku: product.sku,
    name: product.name,
    brandId,
    categoryId,
    priceCents: product.priceCents,
    compareAtPriceCents: product.compareAtPriceCents,
    featured: product.featured,
    currency: product.currency,
    specs: product.specs satisfies Prisma.InputJsonObject,
    description: product.description,
  };
}

async function seedProducts(
  tx: Tx,
  catalog: Catalog,
  ids: { categories: Map<string, number>; brands: Map<string, number>; renamedBrands: number[] },
  counts: SeedCounts,
) {
  const existing = await tx.product.findMany({
    where: { slug: { in: catalog.products.map((p) => p.slug) } },
    select: {
      id: true,
      slug: true,
      sku: true,
      name: true,
      brandId: true,
      categoryId: true,
      priceCents: true,
      compareAtPriceCents: true,
      featured: true,
      currency: true,
      specs: true,
      description: true,
    },
  });
  const bySlug = new Map(existing.map((row) => [row.slug, row]));
  const toCreate: Prisma.ProductCreateManyInput[] = [];
  const changed: string[] = [];
  for (const product of catalog.products) {
    const categoryId = ids.categories.get(product.categorySlug);
    if (categoryId === undefined) throw new Error(`${product.slug}: category ${product.categorySlug} was not seeded`);
    const brandId = ids.brands.get(product.brand);
    if (brandId === undefined) throw new Error(`${product.slug}: brand ${product.brand} was not seeded`);
    const facts = productFacts(product, categoryId, brandId);
    const row = bySlug.get(product.slug);
    if (row === undefined) {
      toCreate.push({ slug: product.slug, stock: product.stock, unitsSold: product.unitsSold, createdAt: product.createdAt, ...facts });
      continue;
    }
    const same =
      row.sku === facts.sku &&
      row.name === facts.name &&
      row.brandId === facts.brandId &&
      row.categoryId === facts.categoryId &&
      row.priceCents === facts.priceCents &&
      row.compareAtPriceCents === facts.compareAtPriceCents &&
      row.featured === facts.featured &&
      row.currency === facts.currency &&
      row.description === facts.description &&
      sameJson(row.specs, facts.specs);
    if (same) {
      counts.unchanged += 1;
    } else {
      // `stock`, `units_sold` and `created_at` deliberately absent: see the note at the top of this file.
      await tx.product.update({ where: { id: row.id }, data: { ...facts, updatedAt: new Date() } });
      counts.updated += 1;
      changed.push(product.slug);
    }
  }
  if (toCreate.length > 0) {
    const { count } = await tx.product.createMany({ data: toCreate });
    counts.created += count;
    changed.push(...toCreate.map((product) => product.slug));
  }
  // Products carry their brand's name (and their category's slug, which never changes).
  await announceProducts(tx, { OR: [{ slug: { in: changed } }, { brandId: { in: ids.renamedBrands } }] });
}

/** Writes `catalog` (by default the built-in seed catalog) into the shop database at `databaseUrl`. */
export async function seedCatalog(databaseUrl: string, catalog: Catalog = buildCatalog()): Promise<SeedSummary> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const summary: SeedSummary = {
    categories: { created: 0, updated: 0, unchanged: 0 },
    brands: { created: 0, updated: 0, unchanged: 0 },
    products: { created: 0, updated: 0, unchanged: 0 },
  };
  try {
    await prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
        const categories = await seedCategories(tx, catalog, summary.categories);
        const renamedBrands: number[] = [];
        const brands = await seedBrands(tx, catalog, summary.brands, renamedBrands);
        await seedProducts(tx, catalog, { categories, brands, renamedBrands }, summary.products);
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  } finally {
    await prisma.$disconnect();
  }
  return summary;
}

const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: point it at the shop's PostgreSQL database, e.g. postgresql://postgres:postgres@127.0.0.1:5432/shop" })
    .regex(/^postgres(ql)?:\/\/\S+$/, "DATABASE_URL must be a postgres:// or postgresql:// URL"),
});

async function main(): Promise<void> {
  const env = envSchema.safeParse(process.env);
  if (!env.success) {
    console.error(`db:seed: ${env.error.issues.map((issue) => issue.message).join("; ")}`);
    process.exitCode = 1;
    return;
  }
  const catalog = buildCatalog();
  const summary = await seedCatalog(env.data.DATABASE_URL, catalog);
  const line = (what: string, c: SeedCounts) => `${what}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
  console.log(`db:seed: ${line("categories", summary.categories)}; ${line("brands", summary.brands)}; ${line("products", summary.products)}`);
}

function runDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(path.resolve(script)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runDirectly()) {
  main().catch((error: unknown) => {
    console.error("db:seed failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
