import { describe, expect, it } from "vitest";
import { trackingAllowed } from "./request-visitor.ts";

describe("trackingAllowed", () => {
  it("follows an explicit choice over browser signals", () => {
    expect(trackingAllowed("granted", "1", "1")).toBe(true);
    expect(trackingAllowed("denied", null, null)).toBe(false);
  });

  it("honours Do Not Track and Global Privacy Control when no choice was made", () => {
    expect(trackingAllowed(undefined, "1", null)).toBe(false);
    expect(trackingAllowed(undefined, null, "1")).toBe(false);
    expect(trackingAllowed(undefined, null, null)).toBe(true);
    expect(trackingAllowed("something else", "0", "0")).toBe(true);
  });
});
