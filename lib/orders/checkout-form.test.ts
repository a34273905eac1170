import { describe, expect, it } from "vitest";
import { parseCheckoutForm } from "./checkout-form.ts";

const KEY = "5f0c1c9e-7a0c-4e59-9a57-1b2a3c4d5e6f";

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const valid = {
  name: "Ada Lovelace",
  line1: "12 Analytical Way",
  city: "London",
  postalCode: "N1 9GU",
  country: "GB",
  shippingMethod: "express",
  idempotencyKey: KEY,
};

describe("parseCheckoutForm", () => {
  it("reads a complete form, trimming and defaulting the optional lines", () => {
    const result = parseCheckoutForm(form({ ...valid, name: "  Ada Lovelace " }));
    expect(result).toEqual({
      ok: true,
      value: {
        address: { name: "Ada Lovelace", line1: "12 Analytical Way", line2: "", city: "London", region: "", postalCode: "N1 9GU", country: "GB" },
        shippingMethod: "express",
        idempotencyKey: KEY,
      },
    });
  });

  it("names each missing or bad field with its own message", () => {
    const result = parseCheckoutForm(form({ ...valid, name: " ", city: "x".repeat(101), country: "ZZ", shippingMethod: "teleport", postalCode: "!!" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: "Enter the recipient's name",
      city: "City is too long (at most 100 characters)",
      country: "Choose a country we ship to",
      shippingMethod: "Choose a shipping method",
      postalCode: "Enter a valid postal code",
    });
  });

  it("refuses markup and control characters, and a form without a valid key", () => {
    const result = parseCheckoutForm(form({ ...valid, line1: "<script>alert(1)</script>", idempotencyKey: "1; DROP TABLE shop_order" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.line1).toMatch(/characters an address cannot hold/);
    expect(result.errors.idempotencyKey).toMatch(/expired/);
  });

  it("treats a missing field as missing, not as an error of another kind", () => {
    const result = parseCheckoutForm(form({ shippingMethod: "standard", idempotencyKey: KEY }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["city", "country", "line1", "name", "postalCode"]);
  });
});
