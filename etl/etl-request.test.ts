import { describe, expect, it } from "vitest";
import { etlOptionsFromEvent } from "./etl-request.ts";

describe("etlOptionsFromEvent", () => {
  it("treats EventBridge's scheduled event, or no input, as the ordinary run", () => {
    expect(etlOptionsFromEvent({ version: "0", source: "aws.events", "detail-type": "Scheduled Event", detail: {} })).toEqual({});
    expect(etlOptionsFromEvent(undefined)).toEqual({});
  });

  it("reads a backfill of chosen hours", () => {
    expect(etlOptionsFromEvent({ backfill: { from: "2026-11-01T00:00:00Z", to: "2026-11-02T23:00:00+00:00" } })).toEqual({
      backfill: { from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-02T23:00:00Z") },
    });
    expect(etlOptionsFromEvent({ reconcile: "now", checks: false })).toEqual({ reconcile: "now", checks: false });
  });

  it("refuses what it cannot do, saying why", () => {
    expect(() => etlOptionsFromEvent({ backfill: { from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z" } })).toThrow(/from must not be after/);
    expect(() => etlOptionsFromEvent({ backfill: { from: "yesterday", to: "2026-11-01T00:00:00Z" } })).toThrow(/backfill\.from/);
    expect(() => etlOptionsFromEvent({ reconcile: "weekly" })).toThrow(/reconcile/);
    expect(() => etlOptionsFromEvent({ backfil: {} })).toThrow(/invalid ETL request/);
    expect(() => etlOptionsFromEvent({ backfill: { from: "2026-11-01T00:00:00Z", to: "2026-11-01T00:00:00Z" }, reconcile: "now" })).toThrow(/lists its own range/);
  });
});
