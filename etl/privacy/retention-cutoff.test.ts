import { describe, expect, it } from "vitest";
import { retentionCutoff } from "./retention-cutoff.ts";

describe("retentionCutoff", () => {
  it("keeps today and the given number of whole UTC days before it", () => {
    expect(retentionCutoff(new Date("2026-03-31T23:59:59.999Z"), 30)).toBe("2026-03-01");
    expect(retentionCutoff(new Date("2026-03-31T00:00:00.000Z"), 30)).toBe("2026-03-01");
    expect(retentionCutoff(new Date("2026-01-01T12:00:00Z"), 1)).toBe("2025-12-31");
    expect(retentionCutoff(new Date("2028-03-01T05:00:00Z"), 1)).toBe("2028-02-29");
  });

  it("never drops today", () => {
    expect(() => retentionCutoff(new Date(), 0)).toThrow(/at least one/);
    expect(() => retentionCutoff(new Date(), 2.5)).toThrow(/at least one/);
  });
});
