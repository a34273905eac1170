import { describe, expect, it } from "vitest";
import { MAX_LINE_QUANTITY, productIdSchema, quantitySchema } from "./quantity.ts";

const reason = (value: unknown) => {
  const parsed = quantitySchema.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0]?.message;
};

describe("quantitySchema", () => {
  it("takes whole numbers from 1 to the maximum", () => {
    expect(quantitySchema.parse("1")).toBe(1);
    expect(quantitySchema.parse(" 12 ")).toBe(12);
    expect(quantitySchema.parse(String(MAX_LINE_QUANTITY))).toBe(MAX_LINE_QUANTITY);
  });

  it("refuses negative, zero, fractional, huge and non-numeric quantities with a clear reason", () => {
    expect(reason("0")).toBe("The quantity must be at least 1");
    expect(reason("-3")).toBe("The quantity must be at least 1");
    expect(reason("1.5")).toBe("Quantities are whole numbers");
    expect(reason("100")).toBe(`At most ${MAX_LINE_QUANTITY} of one product per order`);
    expect(reason("99999999999999999999")).toBe(`At most ${MAX_LINE_QUANTITY} of one product per order`);
    expect(reason("two")).toBe("Enter the quantity as a number, such as 1 or 2");
    expect(reason("")).toBe("Enter the quantity as a number, such as 1 or 2");
    expect(reason(null)).toBe("Enter a quantity");
  });
});

describe("productIdSchema", () => {
  it("takes a product id and nothing else", () => {
    expect(productIdSchema.parse("42")).toBe(42);
    expect(productIdSchema.safeParse("1; DROP TABLE product").success).toBe(false);
    expect(productIdSchema.safeParse("9999999999").success).toBe(false);
  });
});
