import { describe, expect, it } from "vitest";
import { MAX_DELAY_MS, retryDelayMs } from "./backoff.ts";

describe("retryDelayMs", () => {
  it("doubles with each attempt, between half and all of the step", () => {
    expect(retryDelayMs(1, () => 0)).toBe(500);
    expect(retryDelayMs(1, () => 1)).toBe(1_000);
    expect(retryDelayMs(4, () => 0)).toBe(4_000);
    expect(retryDelayMs(4, () => 1)).toBe(8_000);
  });

  it("never waits longer than the cap, however many attempts failed", () => {
    expect(retryDelayMs(40, () => 1)).toBe(MAX_DELAY_MS);
    expect(retryDelayMs(10_000, () => 0.5)).toBeLessThanOrEqual(MAX_DELAY_MS);
  });
});
