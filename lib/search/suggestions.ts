import * as z from "zod/mini";
import type { ProductSummary } from "@/lib/catalog/types.ts";
import { MAX_SUGGESTIONS } from "./limits.ts";

/**
 * Suggestions while typing: what GET /api/search/suggest answers and the header's search box
 * reads. zod/mini, since this schema ships to every shopper's browser with the search box.
 */

export const productSuggestionSchema = z.object({
  name: z.string(),
  slug: z.string(),
  /** The product's page, a path on the shop. */
  href: z.string().check(z.startsWith("/")),
  brand: z.string(),
  category: z.string(),
  priceCents: z.number().check(z.int()),
  currency: z.string().check(z.length(3)),
});

export const suggestResponseSchema = z.object({
  query: z.string(),
  suggestions: z.array(productSuggestionSchema).check(z.maxLength(MAX_SUGGESTIONS)),
});

export type ProductSuggestion = z.infer<typeof productSuggestionSchema>;
export type SuggestResponse = z.infer<typeof suggestResponseSchema>;

export function toProductSuggestion(product: ProductSummary, href: string): ProductSuggestion {
  return {
    name: product.name,
    slug: product.slug,
    href,
    brand: product.brand.name,
    category: product.category.name,
    priceCents: product.priceCents,
    currency: product.currency,
  };
}
