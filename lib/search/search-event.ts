import type { EventProperties } from "@/lib/tracking/schema";
import { DEFAULT_SEARCH_SORT, type SearchSort } from "./search-sort.ts";

/** The `search` event of a results page: what was asked, in which order, and how much was found. */
export function searchProperties(query: string, sort: SearchSort, page: number, resultCount: number): EventProperties<"search"> {
  return { query: query.slice(0, 200), filters: {}, sort: sort === DEFAULT_SEARCH_SORT ? null : sort, page, result_count: resultCount };
}
