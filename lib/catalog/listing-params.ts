import { z } from "zod";
import { DEFAULT_SORT, PRODUCT_SORTS } from "./types.ts";
import type { ProductSort } from "./types.ts";

/** Next.js passes each query parameter as a string, a list of strings (repeated) or undefined. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** Far beyond any real catalog; keeps `skip` small for hand-written URLs. */
export const MAX_PAGE = 1000;

const firstValue = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

const listingParamsSchema = z.object({
  sort: z.preprocess(firstValue, z.enum(PRODUCT_SORTS)).catch(DEFAULT_SORT),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1),
});

export interface ListingParams {
  sort: ProductSort;
  page: number;
}

/**
 * Reads `?sort=` and `?page=` from a listing URL. Anything invalid falls back to the default
 * (featured, page 1) instead of an error page: these URLs are typed and shared by people.
 */
export function parseListingParams(searchParams: SearchParams): ListingParams {
  return listingParamsSchema.parse(searchParams);
}
