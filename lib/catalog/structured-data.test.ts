import { describe, expect, it } from "vitest";
import { inlineJson, productJsonLd } from "./structured-data.ts";
import type { ProductDetail } from "./types.ts";

const product: ProductDetail = {
  id: 7,
  slug: "geforce-rtx-5080",
  sku: "GPU-NVI-1234567",
  name: "GeForce RTX 5080",
  brand: { slug: "nvidia", name: "NVIDIA" },
  priceCents: 99_999,
  compareAtPriceCents: null,
  currency: "USD",
  stock: 3,
  category: { slug: "gpus", name: "Graphics cards" },
  description: "A fast card.",
  specs: {},
  updatedAt: "2026-11-01T00:00:00.000Z",
};

describe("productJsonLd", () => {
  it("describes the product, its brand and an offer in major units", () => {
    expect(productJsonLd(product)).toEqual({
      "@context": "https://schema.org",
      "@type": "Product",
      name: "GeForce RTX 5080",
      sku: "GPU-NVI-1234567",
      description: "A fast card.",
      brand: { "@type": "Brand", name: "NVIDIA" },
      category: "Graphics cards",
      offers: {
        "@type": "Offer",
        priceCurrency: "USD",
        price: "999.99",
        availability: "https://schema.org/InStock",
        itemCondition: "https://schema.org/NewCondition",
      },
    });
  });

  it("says when it is out of stock, and uses the currency's own decimals", () => {
    const yen = productJsonLd({ ...product, stock: 0, currency: "JPY", priceCents: 150_000, description: "" });
    expect(yen).toMatchObject({ offers: { price: "150000", availability: "https://schema.org/OutOfStock" } });
    expect(yen).not.toHaveProperty("description");
  });
});

describe("productJsonLd of a discounted product", () => {
  it("offers the current price, never the struck-through one", () => {
    expect(productJsonLd({ ...product, compareAtPriceCents: 129_999 })).toMatchObject({ offers: { price: "999.99" } });
  });
});

describe("inlineJson", () => {
  it("cannot close the script it sits in", () => {
    const json = inlineJson({ name: "</script><script>alert(1)</script>" });
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toEqual({ name: "</script><script>alert(1)</script>" });
  });
});
