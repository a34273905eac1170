import { describe, expect, it } from "vitest";
import type { ProductSummary } from "@/lib/catalog/types.ts";
import { MAX_SUGGESTIONS } from "./limits.ts";
import { suggestResponseSchema, toProductSuggestion } from "./suggestions.ts";

const product: ProductSummary = {
  id: 7,
  slug: "msi-geforce-rtx-5090",
  sku: "GPU-MSI-0000007",
  name: "MSI GeForce RTX 5090",
  brand: { slug: "msi", name: "MSI" },
  priceCents: 249_999,
  compareAtPriceCents: null,
  currency: "USD",
  stock: 3,
  category: { slug: "gpus", name: "Graphics Cards" },
};

describe("toProductSuggestion", () => {
  it("keeps what a suggestion shows", () => {
    expect(toProductSuggestion(product, "/products/msi-geforce-rtx-5090")).toEqual({
      name: "MSI GeForce RTX 5090",
      slug: "msi-geforce-rtx-5090",
      href: "/products/msi-geforce-rtx-5090",
      brand: "MSI",
      category: "Graphics Cards",
      priceCents: 249_999,
      currency: "USD",
    });
  });
});

describe("suggestResponseSchema", () => {
  const suggestion = toProductSuggestion(product, "/products/msi-geforce-rtx-5090");

  it("accepts up to MAX_SUGGESTIONS suggestions", () => {
    expect(suggestResponseSchema.safeParse({ query: "rtx", suggestions: Array(MAX_SUGGESTIONS).fill(suggestion) }).success).toBe(true);
    expect(suggestResponseSchema.safeParse({ query: "rtx", suggestions: Array(MAX_SUGGESTIONS + 1).fill(suggestion) }).success).toBe(false);
  });

  it("rejects links off the shop and malformed prices", () => {
    expect(suggestResponseSchema.safeParse({ query: "rtx", suggestions: [{ ...suggestion, href: "https://evil.test/" }] }).success).toBe(false);
    expect(suggestResponseSchema.safeParse({ query: "rtx", suggestions: [{ ...suggestion, priceCents: 1.5 }] }).success).toBe(false);
  });
});
