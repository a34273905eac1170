import { describe, expect, it } from "vitest";
import { percentile } from "./percentile.ts";

describe("percentile (nearest rank over sorted values)", () => {
  const times = Float64Array.from({ length: 100 }, (_, i) => i + 1);

  it("picks the time at or below which the fraction of responses fall", () => {
    expect(percentile(times, 0.5)).toBe(50);
    expect(percentile(times, 0.95)).toBe(95);
    expect(percentile(times, 0.99)).toBe(99);
    expect(percentile(times, 1)).toBe(100);
  });

  it("stays inside the data at the edges and has nothing to say of no data", () => {
    expect(percentile(times, 0)).toBe(1);
    expect(percentile(Float64Array.of(7), 0.95)).toBe(7);
    expect(percentile(Float64Array.of(1, 2, 3), 0.95)).toBe(3);
    expect(percentile(new Float64Array(0), 0.5)).toBeNaN();
  });
});
