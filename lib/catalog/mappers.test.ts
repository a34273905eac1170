import { describe, expect, it, vi } from "vitest";
import { productRefSchema } from "@/lib/tracking/schema";
import { parseSpecs, toCategoryWithCount, toProductDetail, toProductRef, toProductSummary } from "./mappers.ts";
import type { ProductDetailRow } from "./mappers.ts";

const row: ProductDetailRow = {
  id: 42,
  slug: "geforce-rtx-5080-founders",
  sku: "GPU-NV-5080-FE",
  name: "GeForce RTX 5080 Founders Edition",
  brand: { slug: "nvidia", name: "NVIDIA" },
  priceCents: 99900,
  compareAtPriceCents: null,
  currency: "USD",
  stock: 3,
  category: { slug: "gpus", name: "Graphics cards" },
  description: "A fast card.",
  specs: { vram_gb: 16, memory_type: "GDDR7", ray_tracing: true },
  updatedAt: new Date("2025-11-01T10:00:00.000Z"),
};

describe("toProductRef", () => {
  it("maps a product to the tracking ProductRef", () => {
    const ref = toProductRef(toProductSummary(row));
    expect(ref).toEqual({
      product_id: "42",
      sku: "GPU-NV-5080-FE",
      slug: "geforce-rtx-5080-founders",
      name: "GeForce RTX 5080 Founders Edition",
      brand: "NVIDIA",
      category: "gpus",
      price_cents: 99900,
      currency: "USD",
    });
    expect(productRefSchema.safeParse(ref).success).toBe(true);
  });

  it("works on a detail view as well (extra fields are not copied)", () => {
    const ref = toProductRef(toProductDetail(row));
    expect(Object.keys(ref).sort()).toEqual(
      ["brand", "category", "currency", "name", "price_cents", "product_id", "sku", "slug"],
    );
  });
});

describe("toProductSummary / toProductDetail", () => {
  it("returns plain serialisable objects", () => {
    const detail = toProductDetail(row);
    expect(detail.updatedAt).toBe("2025-11-01T10:00:00.000Z");
    expect(JSON.parse(JSON.stringify(detail))).toEqual(detail);
    expect(detail.specs).toEqual({ vram_gb: 16, memory_type: "GDDR7", ray_tracing: true });
  });

  it("keeps a compare-at price above the price, and none that would show a false saving", () => {
    expect(toProductSummary(row).compareAtPriceCents).toBeNull();
    expect(toProductSummary({ ...row, compareAtPriceCents: 119900 }).compareAtPriceCents).toBe(119900);
    expect(toProductSummary({ ...row, compareAtPriceCents: 99900 }).compareAtPriceCents).toBeNull();
    expect(toProductDetail({ ...row, compareAtPriceCents: 119900 }).compareAtPriceCents).toBe(119900);
  });

  it("normalises a padded or lower-case currency", () => {
    expect(toProductSummary({ ...row, currency: "usd" }).currency).toBe("USD");
  });

  it("keeps nulls and lists of text, as the catalog seed writes them", () => {
    const specs = { display_in: null, outputs: ["HDMI 2.1", "DP 2.1"], slots: 2.5 };
    expect(toProductDetail({ ...row, specs }).specs).toEqual(specs);
  });

  it("drops spec values that are nested objects or lists of objects, and warns", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const detail = toProductDetail({ ...row, specs: { vram_gb: 16, ports: [{ hdmi: 2 }], extra: { a: 1 } } });
    expect(detail.specs).toEqual({ vram_gb: 16 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("ports, extra"));
    warn.mockRestore();
  });
});

describe("parseSpecs", () => {
  it("accepts a flat record", () => {
    expect(parseSpecs({ a: 1, b: "x", c: false, d: null, e: ["x", 2] })).toEqual({
      specs: { a: 1, b: "x", c: false, d: null, e: ["x", 2] },
      invalidKeys: [],
    });
  });

  it("rejects non-objects as a whole", () => {
    expect(parseSpecs(null)).toEqual({ specs: {}, invalidKeys: ["(root)"] });
    expect(parseSpecs([1, 2])).toEqual({ specs: {}, invalidKeys: ["(root)"] });
    expect(parseSpecs("ram: 16")).toEqual({ specs: {}, invalidKeys: ["(root)"] });
  });

  it("reports nested values", () => {
    expect(parseSpecs({ a: 1, nested: { b: 2 } })).toEqual({ specs: { a: 1 }, invalidKeys: ["nested"] });
  });
});

describe("toCategoryWithCount", () => {
  it("flattens the product count", () => {
    expect(
      toCategoryWithCount({ slug: "gpus", name: "Graphics cards", description: "", _count: { products: 19 } }),
    ).toEqual({ slug: "gpus", name: "Graphics cards", description: "", productCount: 19 });
  });
});
