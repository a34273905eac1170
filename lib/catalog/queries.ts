import "server-only";
import { cache } from "react";
import { z } from "zod";
import { db } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/db/generated/client.ts";
import { specFacetsFor } from "./facets.ts";
import { toListingFacets } from "./facet-options.ts";
import { facetCountsSql, listingCountSql, listingIdsSql } from "./listing-sql.ts";
import { MAX_PAGE, type ListingState } from "./listing-state.ts";
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

const summarySelect = {
  id: true,
  slug: true,
  sku: true,
  name: true,
  brand: { select: { slug: true, name: true } },
  priceCents: true,
  currency: true,
  stock: true,
  category: { select: { slug: true, name: true } },
} satisfies Prisma.ProductSelect;

const idRowsSchema = z.array(z.object({ id: z.number().int() }));
const countRowsSchema = z.array(z.object({ n: z.number().int() }));
const facetRowsSchema = z.array(
  z.object({ facet: z.string(), value: z.string().nullable(), label: z.string().nullable(), n: z.number().int() }),
);

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
    const ids = idRowsSchema.parse(await db().$queryRaw<unknown>(listingIdsSql(state, (page - 1) * size, size))).map((row) => row.id);
    const found = await db().product.findMany({ where: { id: { in: ids } }, select: summarySelect });
    const byId = new Map(found.map((row) => [row.id, row]));
    products = ids.flatMap((id) => byId.get(id) ?? []).map(toProductSummary);
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

async function readProduct(slug: string): Promise<ProductDetail | null> {
  if (!isSlug(slug)) return null;
  const row = await db().product.findUnique({
    where: { slug },
    select: { ...summarySelect, description: true, specs: true, updatedAt: true },
  });
  return row ? toProductDetail(row) : null;
}
