import { describe, expect, it } from "vitest";
import { v4 as uuidv4 } from "uuid";
import { batchEnvelopeSchema, describeIssues, MAX_EVENTS_PER_BATCH, trackedEventSchema } from "./schema.ts";
import { pageView, productView, sampleProduct } from "./testing/event-factory.ts";

describe("trackedEventSchema", () => {
  it("accepts page_view and product_view events", () => {
    expect(trackedEventSchema.safeParse(pageView()).success).toBe(true);
    expect(trackedEventSchema.safeParse(productView()).success).toBe(true);
  });

  it("requires a UUID v7 event id", () => {
    const result = trackedEventSchema.safeParse(pageView({ event_id: uuidv4() }));
    expect(result.success).toBe(false);
  });

  it("rejects an unknown event name", () => {
    const result = trackedEventSchema.safeParse({ ...pageView(), event_name: "page_viewed" });
    expect(result.success).toBe(false);
  });

  it("checks properties per event name, naming the field at fault", () => {
    const result = trackedEventSchema.safeParse(productView({ ...sampleProduct, price_cents: -1 }));
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(/^properties\.price_cents: /);
    expect(trackedEventSchema.safeParse({ ...pageView(), properties: { product_id: "1" } }).success).toBe(false);
  });

  it("rejects unknown top-level fields instead of silently dropping them", () => {
    expect(trackedEventSchema.safeParse({ ...pageView(), extra: 1 }).success).toBe(false);
  });

  it("requires a timezone in timestamps", () => {
    expect(trackedEventSchema.safeParse(pageView({ occurred_at: "2026-11-25T10:00:00" })).success).toBe(false);
  });
});

describe("batchEnvelopeSchema", () => {
  const envelope = (events: unknown[]) => ({ schema_version: 1, sent_at: new Date().toISOString(), events });

  it("takes 1 to MAX_EVENTS_PER_BATCH events of any shape", () => {
    expect(batchEnvelopeSchema.safeParse(envelope([{ not: "an event" }])).success).toBe(true);
    expect(batchEnvelopeSchema.safeParse(envelope([])).success).toBe(false);
    expect(batchEnvelopeSchema.safeParse(envelope(Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, pageView))).success).toBe(false);
  });

  it("rejects another schema version", () => {
    expect(batchEnvelopeSchema.safeParse({ ...envelope([pageView()]), schema_version: 2 }).success).toBe(false);
  });
});
