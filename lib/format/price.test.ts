import { describe, expect, it } from "vitest";
import { formatPrice, minorUnitDigits } from "./price.ts";

describe("formatPrice", () => {
  it("formats cents as dollars with grouping", () => {
    expect(formatPrice(129900, "USD")).toBe("$1,299.00");
    expect(formatPrice(4999, "USD")).toBe("$49.99");
    expect(formatPrice(5, "USD")).toBe("$0.05");
    expect(formatPrice(0, "USD")).toBe("$0.00");
  });

  it("is currency-aware", () => {
    expect(formatPrice(129900, "EUR")).toBe("€1,299.00");
    expect(formatPrice(129900, "GBP")).toBe("£1,299.00");
    // Yen has no minor unit: the stored amount is whole yen.
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(formatPrice(129900, "JPY")).toBe("¥129,900");
  });

  it("accepts lower case and padded codes (char(3) columns)", () => {
    expect(formatPrice(100, "usd ")).toBe("$1.00");
  });

  it("honours the locale", () => {
    expect(formatPrice(129900, "EUR", "de-DE")).toBe("1.299,00\u00a0€");
  });

  it("rejects non-integer amounts and unknown currencies", () => {
    expect(() => formatPrice(12.5, "USD")).toThrow(RangeError);
    expect(() => formatPrice(100, "DOLLARS")).toThrow(RangeError);
  });
});
