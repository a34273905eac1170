import { Prisma } from "@/lib/db/generated/client.ts";
import type { ListingState } from "./listing-state.ts";
import type { ProductSort } from "./types.ts";

/**
 * The SQL of product listings, as parameterised fragments (every value is a bind parameter).
 * Every statement reads `product p JOIN category c JOIN brand b`; the fragments below fill in
 * its WHERE and ORDER BY.
 */

export const LISTING_FROM = Prisma.sql`
  FROM product p
  JOIN category c ON c.id = p.category_id
  JOIN brand b ON b.id = p.brand_id`;

/**
 * The values a product has for one spec key, as text[]: a list spec's items, a scalar's text
 * ('16', 'GDDR7', 'true'), and 'none' for JSON null or a missing key.
 */
export function specValues(key: string): Prisma.Sql {
  return Prisma.sql`(CASE jsonb_typeof(p.specs -> ${key})
      WHEN 'array' THEN ARRAY(SELECT jsonb_array_elements_text(p.specs -> ${key}))
      ELSE ARRAY[coalesce(p.specs ->> ${key}, 'none')] END)`;
}

/** A filter a facet count leaves out: each facet counts what the other filters let through. */
export type FacetOwnFilter = "category" | "brand" | "price" | "in-stock" | { spec: string };

/** The listing's WHERE clause: its scope and filters, less `except` (for that facet's counts). */
export function listingWhere(state: Pick<ListingState, "scope" | "filters">, except?: FacetOwnFilter): Prisma.Sql {
  const { scope, filters } = state;
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (scope.kind === "category") conditions.push(Prisma.sql`c.slug = ${scope.slug}`);
  if (scope.kind === "brand") conditions.push(Prisma.sql`b.slug = ${scope.slug}`);
  if (scope.kind === "deals") conditions.push(Prisma.sql`p.compare_at_price_cents IS NOT NULL`);
  if (except !== "category" && filters.categories.length > 0) conditions.push(Prisma.sql`c.slug = ANY(${filters.categories}::text[])`);
  if (except !== "brand" && filters.brands.length > 0) conditions.push(Prisma.sql`b.slug = ANY(${filters.brands}::text[])`);
  if (except !== "price" && filters.priceMin !== null) conditions.push(Prisma.sql`p.price_cents >= ${filters.priceMin * 100}`);
  if (except !== "price" && filters.priceMax !== null) conditions.push(Prisma.sql`p.price_cents <= ${filters.priceMax * 100}`);
  if (except !== "in-stock" && filters.inStock) conditions.push(Prisma.sql`p.stock > 0`);
  for (const [key, values] of Object.entries(filters.specs)) {
    if (values.length === 0 || (typeof except === "object" && except.spec === key)) continue;
    conditions.push(Prisma.sql`${specValues(key)} && ${values}::text[]`);
  }
  return Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
}

/**
 * "Featured": categories take turns (a laptop, a desktop, a processor, ...), and within a
 * category products in stock come first, the merchandiser's featured ones first among those,
 * then by name.
 * "Best selling": most units sold first. "Biggest saving": the largest share of the compare-at
 * price saved first (products without one last). Every order ends on the id, so pages never
 * overlap or skip a product.
 */
const ORDER_BY: Readonly<Record<ProductSort, Prisma.Sql>> = {
  featured: Prisma.sql`ORDER BY row_number() OVER (PARTITION BY p.category_id ORDER BY (p.stock > 0) DESC, p.featured DESC, p.name, p.id), c.sort_order, c.id`,
  "best-selling": Prisma.sql`ORDER BY p.units_sold DESC, p.id ASC`,
  "biggest-saving": Prisma.sql`ORDER BY (p.compare_at_price_cents - p.price_cents)::numeric / p.compare_at_price_cents DESC NULLS LAST, p.id ASC`,
  newest: Prisma.sql`ORDER BY p.created_at DESC, p.id DESC`,
  "price-asc": Prisma.sql`ORDER BY p.price_cents ASC, p.id ASC`,
  "price-desc": Prisma.sql`ORDER BY p.price_cents DESC, p.id ASC`,
};

export function listingCountSql(state: ListingState): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n ${LISTING_FROM} ${listingWhere(state)}`;
}

export function listingIdsSql(state: ListingState, skip: number, take: number): Prisma.Sql {
  return Prisma.sql`SELECT p.id ${LISTING_FROM} ${listingWhere(state)} ${ORDER_BY[state.sort]} LIMIT ${take} OFFSET ${skip}`;
}

/**
 * Every facet's counts in one statement, one row per (facet, value): categories and brands
 * (where the scope is not one), the category's spec facets, in-stock, and the price range (its
 * row's value and label hold the lowest and highest price in cents).
 */
export function facetCountsSql(state: ListingState, specKeys: readonly string[]): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (state.scope.kind !== "category") {
    parts.push(Prisma.sql`SELECT 'category' AS facet, c.slug AS value, c.name AS label, count(*)::int AS n
      ${LISTING_FROM} ${listingWhere(state, "category")} GROUP BY c.slug, c.name`);
  }
  if (state.scope.kind !== "brand") {
    parts.push(Prisma.sql`SELECT 'brand' AS facet, b.slug AS value, b.name AS label, count(*)::int AS n
      ${LISTING_FROM} ${listingWhere(state, "brand")} GROUP BY b.slug, b.name`);
  }
  for (const key of specKeys) {
    parts.push(Prisma.sql`SELECT ${`spec:${key}`}::text AS facet, v AS value, v AS label, count(*)::int AS n
      ${LISTING_FROM} CROSS JOIN LATERAL unnest(${specValues(key)}) AS v
      ${listingWhere(state, { spec: key })} GROUP BY v`);
  }
  parts.push(Prisma.sql`SELECT 'in-stock' AS facet, 'in-stock' AS value, '' AS label, count(*)::int AS n
    ${LISTING_FROM} ${listingWhere(state, "in-stock")} AND p.stock > 0`);
  parts.push(Prisma.sql`SELECT 'price' AS facet, min(p.price_cents)::text AS value, max(p.price_cents)::text AS label, count(*)::int AS n
    ${LISTING_FROM} ${listingWhere(state, "price")}`);
  return Prisma.join(
    parts.map((part) => Prisma.sql`(${part})`),
    " UNION ALL ",
  );
}
