import "server-only";
import { cache } from "react";
import { z } from "zod";
import { db } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/db/generated/client.ts";
import { toCategoryView, toCategoryWithCount, toProductDetail, toProductSummary } from "./mappers.ts";
import { MAX_PAGE } from "./listing-params.ts";
import { DEFAULT_SORT } from "./types.ts";
import type {
  CategoryView,
  CategoryWithCount,
  ProductDetail,
  ProductListPage,
  ProductListQuery,
  ProductSort,
} from "./types.ts";

/**
 * The catalog's reads. Every function returns plain view types (see types.ts). They query the
 * database when called, so callers (pages, layouts) must render at request time.
 * `cache` dedupes identical calls within one server request (e.g. generateMetadata + page).
 */

export const PAGE_SIZE = 12;

/** Slugs are checked by the database (`^[a-z0-9]+(-[a-z0-9]+)*$`); anything else cannot exist. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isSlug = (value: string): boolean => value.length <= 200 && SLUG.test(value);

const summarySelect = {
  id: true,
  slug: true,
  sku: true,
  name: true,
  brand: true,
  priceCents: true,
  currency: true,
  stock: true,
  category: { select: { slug: true, name: true } },
} satisfies Prisma.ProductSelect;

const PRICE_ORDER: Readonly<Record<Exclude<ProductSort, "featured">, Prisma.ProductOrderByWithRelationInput[]>> = {
  "price-asc": [{ priceCents: "asc" }, { id: "asc" }],
  "price-desc": [{ priceCents: "desc" }, { id: "asc" }],
};

const idRowsSchema = z.array(z.object({ id: z.number().int() }));

/**
 * "Featured" order: categories take turns (a laptop, a desktop, a processor, ...), and within a
 * category products in stock come first, then by name. Prisma's orderBy cannot express this, so
 * one SQL query picks the page's ids and a second loads them.
 */
async function featuredIds(category: string | undefined, skip: number, take: number): Promise<number[]> {
  const rows = await db().$queryRaw<unknown>`
    SELECT p.id
    FROM product p
    JOIN category c ON c.id = p.category_id
    WHERE (${category ?? null}::text IS NULL OR c.slug = ${category ?? null}::text)
    ORDER BY
      row_number() OVER (PARTITION BY p.category_id ORDER BY (p.stock > 0) DESC, p.name, p.id),
      c.sort_order, c.id
    LIMIT ${take} OFFSET ${skip}`;
  return idRowsSchema.parse(rows).map((row) => row.id);
}

/** All categories in navigation order, with how many products each has. */
export const listCategories = cache(async (): Promise<CategoryWithCount[]> => {
  const rows = await db().category.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { slug: true, name: true, description: true, _count: { select: { products: true } } },
  });
  return rows.map(toCategoryWithCount);
});

export const getCategoryBySlug = cache(async (slug: string): Promise<CategoryView | null> => {
  if (!isSlug(slug)) return null;
  const row = await db().category.findUnique({
    where: { slug },
    select: { slug: true, name: true, description: true },
  });
  return row ? toCategoryView(row) : null;
});

/**
 * One page of products, optionally within a category. A page past the end is clamped to the
 * last page (and an empty result reports page 1 of 1).
 */
export async function listProducts(query: ProductListQuery = {}): Promise<ProductListPage> {
  const sort = query.sort ?? DEFAULT_SORT;
  const pageSize = Math.max(1, Math.min(100, Math.floor(query.pageSize ?? PAGE_SIZE)));
  const where: Prisma.ProductWhereInput = query.category ? { category: { slug: query.category } } : {};

  const totalCount = await db().product.count({ where });
  const totalPages = Math.max(1, Math.ceil(totalCount / pageSize));
  const requested = Math.max(1, Math.min(MAX_PAGE, Math.floor(query.page ?? 1)));
  const page = Math.min(requested, totalPages);

  const skip = (page - 1) * pageSize;

  let rows: Prisma.ProductGetPayload<{ select: typeof summarySelect }>[] = [];
  if (totalCount > 0 && sort === "featured") {
    const ids = await featuredIds(query.category, skip, pageSize);
    const found = await db().product.findMany({ where: { id: { in: ids } }, select: summarySelect });
    const byId = new Map(found.map((row) => [row.id, row]));
    rows = ids.flatMap((id) => byId.get(id) ?? []);
  } else if (totalCount > 0 && sort !== "featured") {
    rows = await db().product.findMany({ where, select: summarySelect, orderBy: PRICE_ORDER[sort], skip, take: pageSize });
  }

  return { products: rows.map(toProductSummary), page, pageSize, totalCount, totalPages, sort };
}

export const getProductBySlug = cache(async (slug: string): Promise<ProductDetail | null> => {
  if (!isSlug(slug)) return null;
  const row = await db().product.findUnique({
    where: { slug },
    select: { ...summarySelect, description: true, specs: true, updatedAt: true },
  });
  return row ? toProductDetail(row) : null;
});
