import "server-only";
import { unstable_cache } from "next/cache";
import { CATALOG_TAG, LISTING_TAG, productTag } from "./cache-tags.ts";
import { defaultSortFor, listingUrl, type ListingState } from "./listing-state.ts";
import * as catalog from "./queries.ts";
import type { ProductDetail } from "./types.ts";

/**
 * The catalog reads pages use: queries.ts through Next's data cache, tagged so revalidate.ts can
 * drop them when products change. Listings carry stock, so they keep a short life on top.
 */

const PRODUCT_SECONDS = 300;
const LISTING_SECONDS = 60;
const NAVIGATION_SECONDS = 300;

export function getProductBySlug(slug: string) {
  return unstable_cache(() => catalog.getProductBySlug(slug), ["product", slug], {
    tags: [CATALOG_TAG, productTag(slug)],
    revalidate: PRODUCT_SECONDS,
  })();
}

export function relatedProducts(product: ProductDetail) {
  return unstable_cache(() => catalog.relatedProducts(product), ["related", product.slug], {
    tags: [CATALOG_TAG, LISTING_TAG, productTag(product.slug)],
    revalidate: PRODUCT_SECONDS,
  })();
}

export function listProducts(state: ListingState) {
  return unstable_cache(() => catalog.listProducts(state), ["listing", listingUrl(state)], {
    tags: [CATALOG_TAG, LISTING_TAG],
    revalidate: LISTING_SECONDS,
  })();
}

export function listingFacets(state: ListingState) {
  return unstable_cache(() => catalog.listingFacets(state), ["facets", listingUrl({ ...state, sort: defaultSortFor(state.scope), page: 1 })], {
    tags: [CATALOG_TAG, LISTING_TAG],
    revalidate: LISTING_SECONDS,
  })();
}

/** The home page's featured products: they show stock and prices, so they live as listings do. */
export const featuredProducts = unstable_cache(() => catalog.featuredProducts(), ["featured"], {
  tags: [CATALOG_TAG, LISTING_TAG],
  revalidate: LISTING_SECONDS,
});

export const listCategories = unstable_cache(() => catalog.listCategories(), ["categories"], {
  tags: [CATALOG_TAG],
  revalidate: NAVIGATION_SECONDS,
});

export const listBrands = unstable_cache(() => catalog.listBrands(), ["brands"], {
  tags: [CATALOG_TAG],
  revalidate: NAVIGATION_SECONDS,
});

export function getCategoryBySlug(slug: string) {
  return unstable_cache(() => catalog.getCategoryBySlug(slug), ["category", slug], {
    tags: [CATALOG_TAG],
    revalidate: NAVIGATION_SECONDS,
  })();
}

export function getBrandBySlug(slug: string) {
  return unstable_cache(() => catalog.getBrandBySlug(slug), ["brand", slug], {
    tags: [CATALOG_TAG],
    revalidate: NAVIGATION_SECONDS,
  })();
}
