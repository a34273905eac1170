import "server-only";
import { listCategories } from "@/lib/catalog/queries.ts";
import { productHref } from "@/lib/catalog/routes.ts";
import type { CategoryWithCount } from "@/lib/catalog/types.ts";
import { db } from "@/lib/db/client.ts";
import { SEARCH_PAGE_SIZE } from "./pagination.ts";
import { closeMatches, searchProducts } from "./queries.ts";
import { MAX_SUGGESTIONS, MIN_SUGGEST_LENGTH } from "./limits.ts";
import type { SearchSort } from "./search-sort.ts";
import { toProductSuggestion, type ProductSuggestion } from "./suggestions.ts";
import type { SearchResultPage } from "./types.ts";

/** Search as the shop's pages and route handlers use it: the queries, on the shop's database. */

export function searchCatalog(query: string, page: number, sort: SearchSort): Promise<SearchResultPage> {
  return searchProducts(db(), query, { page, pageSize: SEARCH_PAGE_SIZE, sort });
}

export async function suggestProducts(query: string): Promise<ProductSuggestion[]> {
  if ([...query].length < MIN_SUGGEST_LENGTH) return [];
  const { products } = await searchProducts(db(), query, { page: 1, pageSize: MAX_SUGGESTIONS });
  return products.map((product) => toProductSuggestion(product, productHref(product.slug)));
}

export function didYouMean(query: string): Promise<string[]> {
  return closeMatches(db(), query);
}

/** The categories with the most products, for shoppers who found nothing (or asked nothing). */
export async function popularCategories(limit = 6): Promise<CategoryWithCount[]> {
  const categories = await listCategories();
  return [...categories].sort((a, b) => b.productCount - a.productCount).slice(0, limit);
}
