import "server-only";
import { cache } from "react";
import { z } from "zod";
import { db } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/db/generated/client.ts";
import { specFacetsFor } from "./facets.ts";
import { toListingFacets } from "./facet-options.ts";
import { facetCountsSql, listingCountSql, listingIdsSql } from "./listing-sql.ts";
import { MAX_PAGE, type ListingState } from "./listing-state.ts";
import type { SitemapSource } from "./sitemap.ts";
import {
  toBrandView,
  toBrandWithCount,
  toCategoryView,
  toCategoryWithCount,
  toProductDetail,
  toProductSummary,
} from "./mappers.ts";
import type {
  BrandView,
  BrandWithCount,
  CategoryView,
  CategoryWithCount,
  ListingFacets,
  ProductDetail,
  ProductListPage,
  ProductSummary,
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

/** The columns of a ProductSummary (mappers.ts `toProductSummary`), for any query that shows products. */
export const summarySelect = {
  id: true,
  slug: true,
  sku: true,
  name: true,
  brand: { select: { slug: true, name: true } },
  priceCents: true,
  compareAtPriceCents: true,
  currency: true,
  stock: true,
  category: { select: { slug: true, name: true } },
} satisfies Prisma.ProductSelect;

const idRowsSchema = z.array(z.object({ id: z.number().int() }));
const countRowsSchema = z.array(z.object({ n: z.number().int() }));
const facetRowsSchema = z.array(
  z.object({ facet: z.string(), value: z.string().nullable(), label: z.string().nullable(), n: z.number().int() }),
);

/** The summaries of the products whose `{ id }` rows an SQL statement picked, in its order. */
async function summariesInOrder(idRows: unknown): Promise<ProductSummary[]> {
  const ids = idRowsSchema.parse(idRows).map((row) => row.id);
  const found = await db().product.findMany({ where: { id: { in: ids } }, select: summarySelect });
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []).map(toProductSummary);
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

/** Every brand A–Z as people read it (Acer, AMD, Apple; not the database's byte order). */
export const listBrands = cache(async (): Promise<BrandWithCount[]> => {
  const rows = await db().brand.findMany({
    select: { slug: true, name: true, description: true, _count: { select: { products: true } } },
  });
  return rows.map(toBrandWithCount).sort((a, b) => a.name.localeCompare(b.name, "en"));
});

export const getBrandBySlug = cache(async (slug: string): Promise<BrandView | null> => {
  if (!isSlug(slug)) return null;
  const row = await db().brand.findUnique({ where: { slug }, select: { slug: true, name: true, description: true } });
  return row ? toBrandView(row) : null;
});

/**
 * One page of a listing: its scope, filters and order (see listing-state.ts). A page past the
 * end is clamped to the last page (and an empty result reports page 1 of 1).
 */
export async function listProducts(state: ListingState, pageSize = PAGE_SIZE): Promise<ProductListPage> {
  const size = Math.max(1, Math.min(100, Math.floor(pageSize)));
  const [counted] = countRowsSchema.parse(await db().$queryRaw<unknown>(listingCountSql(state)));
  const totalCount = counted?.n ?? 0;
  const totalPages = Math.max(1, Math.ceil(totalCount / size));
  const page = Math.min(Math.max(1, Math.min(MAX_PAGE, Math.floor(state.page))), totalPages);

  let products: ProductSummary[] = [];
  if (totalCount > 0) {
    products = await summariesInOrder(await db().$queryRaw<unknown>(listingIdsSql(state, (page - 1) * size, size)));
  }
  return { products, page, pageSize: size, totalCount, totalPages, sort: state.sort };
}

/** The listing's facets, each value counted against the listing's other filters. */
export async function listingFacets(state: ListingState): Promise<ListingFacets> {
  const specFacets = state.scope.kind === "category" ? specFacetsFor(state.scope.slug) : [];
  const rows = facetRowsSchema.parse(await db().$queryRaw<unknown>(facetCountsSql(state, specFacets.map((facet) => facet.key))));
  return toListingFacets(state, specFacets, rows);
}

export const getProductBySlug = cache(readProduct);

/** The merchandiser's picks for the home page (`featured`), in category order, then by name. */
export async function featuredProducts(take = 12): Promise<ProductSummary[]> {
  const rows = await db().product.findMany({
    where: { featured: true },
    select: summarySelect,
    orderBy: [{ category: { sortOrder: "asc" } }, { name: "asc" }, { id: "asc" }],
    take,
  });
  return rows.map(toProductSummary);
}

/** What the sitemap lists: every category, brand and product. */
export async function sitemapSource(): Promise<SitemapSource> {
  const [categories, brands, products] = await Promise.all([
    db().category.findMany({ select: { slug: true }, orderBy: { sortOrder: "asc" } }),
    db().brand.findMany({ select: { slug: true }, orderBy: { slug: "asc" } }),
    db().product.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
  ]);
  return { categories, brands, products };
}

/** Up to `take` other products of the product's category: in stock first, then nearest in price. */
export async function relatedProducts(product: Pick<ProductSummary, "id" | "priceCents" | "category">, take = 4): Promise<ProductSummary[]> {
  const rows = await db().$queryRaw<unknown>(Prisma.sql`
    SELECT p.id
    FROM product p JOIN category c ON c.id = p.category_id
    WHERE c.slug = ${product.category.slug} AND p.id <> ${product.id}
    ORDER BY (p.stock > 0) DESC, abs(p.price_cents - ${product.priceCents}), p.id
    LIMIT ${take}`);
  return summariesInOrder(rows);
}

async function readProduct(slug: string): Promise<ProductDetail | null> {
  if (!isSlug(slug)) return null;
  const row = await db().product.findUnique({
    where: { slug },
    select: { ...summarySelect, description: true, specs: true, updatedAt: true },
  });
  return row ? toProductDetail(row) : null;
}
