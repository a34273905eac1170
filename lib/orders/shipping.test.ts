import { describe, expect, it } from "vitest";
import { shippingCents, SHIPPING_METHODS } from "./shipping.ts";

describe("shippingCents", () => {
  it("charges standard shipping below the free threshold and nothing from it on", () => {
    expect(shippingCents("standard", 9_999)).toBe(999);
    expect(shippingCents("standard", 10_000)).toBe(0);
  });

  it("always charges express", () => {
    expect(shippingCents("express", 1_000_000)).toBe(SHIPPING_METHODS.express.priceCents);
  });
});
