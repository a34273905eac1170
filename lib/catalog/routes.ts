import type { Route } from "next";
import { listingPath, listingUrl, NO_FILTERS, type ListingState } from "./listing-state.ts";
import { productImageVersion, type ProductImageSubject } from "./product-image-version.ts";
import { DEFAULT_SORT } from "./types.ts";

/** Links to the storefront's pages, typed for `typedRoutes`. */

export function productHref(slug: string): Route {
  return `/products/${encodeURIComponent(slug)}` as Route;
}

/** A listing with its filters, order and page: `/c/gpus?brand=asus&sort=price-asc&page=2`. */
export function listingHref(state: ListingState): Route {
  return listingUrl(state) as Route;
}

export function allProductsHref(): Route {
  return listingPath({ kind: "all" }) as Route;
}

/** A category, or its products of one brand: `/c/laptops?brand=lenovo`. */
export function categoryHref(slug: string, only?: { brand: string }): Route {
  if (!only) return listingPath({ kind: "category", slug }) as Route;
  return listingUrl({ scope: { kind: "category", slug }, filters: { ...NO_FILTERS, brands: [only.brand] }, sort: DEFAULT_SORT, page: 1 }) as Route;
}

export function brandHref(slug: string): Route {
  return listingPath({ kind: "brand", slug }) as Route;
}

export function brandsHref(): Route {
  return "/brands" as Route;
}

/** Every discounted product, biggest saving first. */
export function dealsHref(): Route {
  return listingPath({ kind: "deals" }) as Route;
}

/**
 * A product's generated picture (app/images/products/[slug]/[version]): versioned by what it
 * shows, so it is cached for good and a renamed product gets a new URL.
 */
export function productImageHref(product: ProductImageSubject): string {
  return `/images/products/${encodeURIComponent(product.slug)}/${productImageVersion(product)}`;
}
