import { describe, expect, it } from "vitest";
import { discountOf, discountPercent, savingLabel } from "./discount.ts";

describe("discountPercent", () => {
  it("is the whole percent saved, rounded down", () => {
    expect(discountPercent(80_00, 100_00)).toBe(20);
    expect(discountPercent(79_999, 99_999)).toBe(20);
    expect(discountPercent(80_01, 100_00)).toBe(19);
    expect(discountPercent(1_099_99, 1_299_99)).toBe(15);
    expect(discountPercent(2, 3)).toBe(33);
  });

  it("is 0 without a real discount", () => {
    expect(discountPercent(100_00, 100_00)).toBe(0);
    expect(discountPercent(120_00, 100_00)).toBe(0);
    expect(discountPercent(0, 0)).toBe(0);
  });
});

describe("discountOf", () => {
  it("describes the saving against the compare-at price", () => {
    expect(discountOf(1_099_99, 1_299_99)).toEqual({ compareAtCents: 1_299_99, savingCents: 200_00, percent: 15 });
  });

  it("is null without a compare-at price above the price", () => {
    expect(discountOf(100_00, null)).toBeNull();
    expect(discountOf(100_00, undefined)).toBeNull();
    expect(discountOf(100_00, 100_00)).toBeNull();
    expect(discountOf(100_00, 90_00)).toBeNull();
    expect(discountOf(100_00, 120.5)).toBeNull();
  });
});

describe("savingLabel", () => {
  it("names the percent saved, or the amount when under one percent", () => {
    expect(savingLabel(discountOf(80_00, 100_00)!, "USD")).toBe("Save 20%");
    expect(savingLabel(discountOf(999_50, 1_000_00)!, "USD")).toBe("Save $0.50");
  });
});
