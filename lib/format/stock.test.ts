import { describe, expect, it } from "vitest";
import { LOW_STOCK_THRESHOLD, stockLabel, stockStatus } from "./stock.ts";

describe("stock labels", () => {
  it("says out of stock at zero (or below)", () => {
    expect(stockLabel(0)).toBe("Out of stock");
    expect(stockLabel(-2)).toBe("Out of stock");
    expect(stockStatus(0).level).toBe("out-of-stock");
  });

  it("counts down when few are left", () => {
    expect(stockLabel(1)).toBe("Only 1 left");
    expect(stockLabel(3)).toBe("Only 3 left");
    expect(stockLabel(LOW_STOCK_THRESHOLD)).toBe(`Only ${LOW_STOCK_THRESHOLD} left`);
    expect(stockStatus(3).level).toBe("low-stock");
  });

  it("says in stock above the threshold", () => {
    expect(stockLabel(LOW_STOCK_THRESHOLD + 1)).toBe("In stock");
    expect(stockLabel(250)).toBe("In stock");
    expect(stockStatus(250).level).toBe("in-stock");
  });
});
