import { SORT_LABELS } from "@/lib/catalog/types.ts";

/**
 * The orders search results offer: relevance (the default, left out of URLs) and the listings'
 * own orders but "featured", with the listings' labels.
 */
export const SEARCH_SORTS = ["relevance", "best-selling", "newest", "price-asc", "price-desc"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const DEFAULT_SEARCH_SORT = "relevance" satisfies SearchSort;

export const SEARCH_SORT_LABELS: Readonly<Record<SearchSort, string>> = {
  relevance: "Best match",
  "best-selling": SORT_LABELS["best-selling"],
  newest: SORT_LABELS.newest,
  "price-asc": SORT_LABELS["price-asc"],
  "price-desc": SORT_LABELS["price-desc"],
};
