/**
 * Tags of cached catalog data (cached-queries.ts). A product page is rendered once and served
 * from the cache until one of its tags is revalidated (revalidate.ts) or its time is up.
 */

/** Everything cached from the catalog: one call drops it all. */
export const CATALOG_TAG = "catalog";

/** Listing pages and their facet counts, which show stock and prices of many products. */
export const LISTING_TAG = "catalog:listings";

export function productTag(slug: string): string {
  return `product:${slug}`;
}
