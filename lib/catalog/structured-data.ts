import { minorUnitDigits } from "@/lib/format/price.ts";
import type { ProductDetail } from "./types.ts";

/**
 * schema.org `Product` data for a product page, so search engines show its price and stock. It
 * names no URL: the page's canonical link does, and one build serves every domain.
 */
export function productJsonLd(product: ProductDetail): Record<string, unknown> {
  const digits = minorUnitDigits(product.currency);
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    sku: product.sku,
    ...(product.description ? { description: product.description } : {}),
    brand: { "@type": "Brand", name: product.brand.name },
    category: product.category.name,
    offers: {
      "@type": "Offer",
      priceCurrency: product.currency,
      price: (product.priceCents / 10 ** digits).toFixed(digits),
      availability: product.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      itemCondition: "https://schema.org/NewCondition",
    },
  };
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<` escaped, so no value (a product
 * name with "</script>" in it) can end the script early.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
