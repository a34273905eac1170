import type { ProductSummary } from "@/lib/catalog/types.ts";
import type { SearchSort } from "./search-sort.ts";

/** One page of search results, as the results page shows it. */
export interface SearchResultPage {
  query: string;
  /** The order the products are in. */
  sort: SearchSort;
  products: ProductSummary[];
  page: number;
  pageSize: number;
  totalCount: number;
  totalPages: number;
  /** Words no product holds, matched by similarity instead (typos): "thinkpd". */
  fuzzyWords: string[];
}
