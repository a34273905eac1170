import type { Route } from "next";
import { listingPath, listingUrl, type ListingState } from "./listing-state.ts";

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

export function categoryHref(slug: string): Route {
  return listingPath({ kind: "category", slug }) as Route;
}

export function brandHref(slug: string): Route {
  return listingPath({ kind: "brand", slug }) as Route;
}

export function brandsHref(): Route {
  return "/brands" as Route;
}
