import type { ProductRef } from "@/lib/tracking/schema";
import { specValueSchema, specsSchema } from "./specs-schema.ts";
import type { BrandView, BrandWithCount, CategoryView, CategoryWithCount, ProductDetail, ProductSummary, Specs } from "./types.ts";

/**
 * Pure mappings from database rows (the shapes the queries select) to the catalog's view types.
 * The row types are structural so these functions can be tested without Prisma or a database.
 */

export interface CategoryRow {
  slug: string;
  name: string;
  description: string;
}

export interface CategoryCountRow extends CategoryRow {
  _count: { products: number };
}

export interface ProductSummaryRow {
  id: number;
  slug: string;
  sku: string;
  name: string;
  brand: { slug: string; name: string };
  priceCents: number;
  compareAtPriceCents: number | null;
  currency: string;
  stock: number;
  category: { slug: string; name: string };
}

export interface ProductDetailRow extends ProductSummaryRow {
  description: string;
  specs: unknown;
  updatedAt: Date;
}

export interface ParsedSpecs {
  specs: Specs;
  /** Keys whose values were not valid spec values (see `specValueSchema`), and were left out. */
  invalidKeys: string[];
}

/**
 * Validates a product's `specs` JSON as a flat record of spec values (string, number, boolean,
 * null, or a list of strings/numbers). Entries that are not (nested objects, lists of objects)
 * are dropped and reported rather than failing the whole product page; anything but an object
 * yields no specs.
 */
export function parseSpecs(raw: unknown): ParsedSpecs {
  const whole = specsSchema.safeParse(raw);
  if (whole.success) return { specs: whole.data, invalidKeys: [] };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { specs: {}, invalidKeys: ["(root)"] };
  const specs: Specs = {};
  const invalidKeys: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const parsed = specValueSchema.safeParse(value);
    if (parsed.success) specs[key] = parsed.data;
    else invalidKeys.push(key);
  }
  return { specs, invalidKeys };
}

export function toCategoryView(row: CategoryRow): CategoryView {
  return { slug: row.slug, name: row.name, description: row.description };
}

export function toCategoryWithCount(row: CategoryCountRow): CategoryWithCount {
  return { ...toCategoryView(row), productCount: row._count.products };
}

export interface BrandRow {
  slug: string;
  name: string;
  description: string;
}

export function toBrandView(row: BrandRow): BrandView {
  return { slug: row.slug, name: row.name, description: row.description };
}

export function toBrandWithCount(row: BrandRow & { _count: { products: number } }): BrandWithCount {
  return { ...toBrandView(row), productCount: row._count.products };
}

export function toProductSummary(row: ProductSummaryRow): ProductSummary {
  return {
    id: row.id,
    slug: row.slug,
    sku: row.sku,
    name: row.name,
    brand: { slug: row.brand.slug, name: row.brand.name },
    priceCents: row.priceCents,
    // The database keeps it above the price (a CHECK); anything else would show a false saving.
    compareAtPriceCents: row.compareAtPriceCents !== null && row.compareAtPriceCents > row.priceCents ? row.compareAtPriceCents : null,
    currency: row.currency.trim().toUpperCase(),
    stock: row.stock,
    category: { slug: row.category.slug, name: row.category.name },
  };
}

export function toProductDetail(row: ProductDetailRow): ProductDetail {
  const { specs, invalidKeys } = parseSpecs(row.specs);
  if (invalidKeys.length > 0) {
    console.warn(`catalog: product "${row.slug}" has invalid spec values (left out): ${invalidKeys.join(", ")}`);
  }
  return {
    ...toProductSummary(row),
    description: row.description,
    specs,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What a product's event description is made of; any product row or summary that has it will do. */
export interface ProductRefSource {
  id: number;
  sku: string;
  slug: string;
  name: string;
  brand: { name: string };
  category: { slug: string };
  priceCents: number;
  currency: string;
}

/** The product as click-stream events describe it (`product_view` properties, order items, the catalog's events). */
export function toProductRef(product: ProductRefSource): ProductRef {
  return {
    product_id: String(product.id),
    sku: product.sku,
    slug: product.slug,
    name: product.name,
    brand: product.brand.name,
    category: product.category.slug,
    price_cents: product.priceCents,
    currency: product.currency,
  };
}
