import "server-only";
import { updateTag } from "next/cache";
import { LISTING_TAG, productTag } from "./cache-tags.ts";

/**
 * Drops the cached pages and reads that show these products' stock or price: their product pages
 * and every listing (which count stock in their facets). Expires at once (`updateTag`), so the
 * shopper who just bought the last unit sees "sold out" on the next page. Server Actions only.
 */
export function expireProducts(slugs: readonly string[]): void {
  for (const slug of new Set(slugs)) updateTag(productTag(slug));
  updateTag(LISTING_TAG);
}
