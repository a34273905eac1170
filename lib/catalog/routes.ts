import type { Route } from "next";
import { DEFAULT_SORT } from "./types.ts";
import type { ProductSort } from "./types.ts";

/** Links to the storefront's pages, typed for `typedRoutes`. */

export function productHref(slug: string): Route {
  return `/products/${encodeURIComponent(slug)}` as Route;
}

export interface ListingLink {
  /** A category slug: `/c/<slug>`; the home page lists every category. */
  category?: string | null;
  sort?: ProductSort;
  page?: number;
}

/** `/`, `/c/gpus`, `/c/gpus?sort=price-asc&page=2`; defaults are left out of the URL. */
export function listingHref({ category, sort = DEFAULT_SORT, page = 1 }: ListingLink = {}): Route {
  const path = category ? `/c/${encodeURIComponent(category)}` : "/";
  const query = new URLSearchParams();
  if (sort !== DEFAULT_SORT) query.set("sort", sort);
  if (page > 1) query.set("page", String(page));
  const search = query.toString();
  return (search ? `${path}?${search}` : path) as Route;
}

export function categoryHref(slug: string): Route {
  return listingHref({ category: slug });
}
