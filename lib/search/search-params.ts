import type { Route } from "next";
import { z } from "zod";
import { MAX_SEARCH_PAGE } from "./pagination.ts";
import { parseSearchText } from "./search-query.ts";
import { DEFAULT_SEARCH_SORT, SEARCH_SORTS, type SearchSort } from "./search-sort.ts";

/** Next.js passes each query parameter as a string, a list of strings (repeated) or undefined. */
export type SearchParams = Record<string, string | string[] | undefined>;

export interface SearchRequest {
  /** Cleaned query text; "" when there is none. */
  query: string;
  page: number;
  sort: SearchSort;
}

const firstValue = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
const pageSchema = z
  .preprocess(firstValue, z.coerce.number().int().min(1))
  .transform((page) => Math.min(page, MAX_SEARCH_PAGE))
  .catch(1);
const sortSchema = z.preprocess(firstValue, z.enum(SEARCH_SORTS)).catch(DEFAULT_SEARCH_SORT);

/** `/search?q=…&sort=…&page=…`, read leniently: a bad page is page 1, a bad sort relevance, a bad query no query. */
export function parseSearchRequest(params: SearchParams): SearchRequest {
  return { query: parseSearchText(params.q), page: pageSchema.parse(params.page), sort: sortSchema.parse(params.sort) };
}

/** The results page of a query, canonically: q, then sort, then page; relevance and page 1 left out. */
export function searchHref(query: string, page = 1, sort: SearchSort = DEFAULT_SEARCH_SORT): Route {
  const params = new URLSearchParams({ q: query });
  if (sort !== DEFAULT_SEARCH_SORT) params.set("sort", sort);
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}` as Route;
}
