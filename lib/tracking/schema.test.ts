import { describe, expect, it } from "vitest";
import { v4 as uuidv4 } from "uuid";
import {
  batchEnvelopeSchema,
  CLICK_ID_PARAMS,
  describeIssues,
  MAX_EVENTS_PER_BATCH,
  rawEventRecordSchema,
  readLakeLine,
  SERVER_ONLY_EVENTS,
  trackedEventSchema,
  trackedEventV1Schema,
} from "./schema.ts";
import { oneOfEach, pageView, pageViewV1, productView, purchase, rawRecord, sampleProduct, visitorEvent } from "./testing/event-factory.ts";

describe("trackedEventSchema", () => {
  it("accepts an event of every name in the taxonomy", () => {
    const events = oneOfEach();
    expect(events.filter((event) => !trackedEventSchema.safeParse(event).success)).toEqual([]);
    expect(new Set(events.map((event) => event.event_name)).size).toBe(trackedEventSchema.options.length);
  });

  it("keeps money consistent: a purchase or a cart whose totals do not add up is refused", () => {
    const order = purchase(sampleProduct, 2);
    expect(trackedEventSchema.safeParse({ ...order, properties: { ...order.properties, revenue_cents: 1 } }).success).toBe(false);
    const cart = visitorEvent("cart_view", { items: [{ ...sampleProduct, quantity: 2 }], value_cents: sampleProduct.price_cents, currency: "USD" });
    const result = trackedEventSchema.safeParse(cart);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toMatch(/value_cents must be the sum/);
  });

  it("names purchases and catalog events as the server's alone", () => {
    expect([...SERVER_ONLY_EVENTS].sort()).toEqual(["product_updated", "purchase"]);
  });

  it("requires the visit context and a sequence number (null only from the server)", () => {
    const { context: _context, ...withoutContext } = pageView();
    expect(trackedEventSchema.safeParse(withoutContext).success).toBe(false);
    expect(trackedEventSchema.safeParse(pageView({ seq: 0 })).success).toBe(false);
    expect(trackedEventSchema.safeParse(pageView({ seq: null })).success).toBe(true);
  });

  it("knows the ad click ids a landing URL may carry", () => {
    expect(CLICK_ID_PARAMS).toContain("gclid");
    expect(trackedEventSchema.safeParse(pageView({ context: { logged_in: false, first_visit: true, campaign: { click_id_param: "gclid", click_id: "x" } } })).success).toBe(true);
    expect(trackedEventSchema.safeParse(pageView({ context: { logged_in: false, first_visit: true, campaign: { source: "" } } })).success).toBe(false);
  });

  it("takes the browser's settings on the visit context, bounded, and keeps events without them valid", () => {
    const context = { logged_in: false, first_visit: true, language: "en-US", time_zone: "America/Argentina/ComodRivadavia", screen: { width: 1920, height: 1080 }, viewport: { width: 0, height: 600 } };
    const valid = (overrides: Record<string, unknown>) => trackedEventSchema.safeParse(pageView({ context: { ...context, ...overrides } })).success;
    expect(valid({})).toBe(true);
    expect(trackedEventSchema.safeParse(pageView({ context: { logged_in: true, first_visit: false } })).success).toBe(true);
    expect(valid({ language: "" })).toBe(false);
    expect(valid({ language: "x".repeat(65) })).toBe(false);
    expect(valid({ language: "en US" })).toBe(false);
    expect(valid({ time_zone: "Etc/GMT+5" })).toBe(true);
    expect(valid({ time_zone: "Europe/Berlin<script>" })).toBe(false);
    expect(valid({ screen: { width: 1920.5, height: 1080 } })).toBe(false);
    expect(valid({ viewport: { width: -1, height: 600 } })).toBe(false);
    expect(valid({ viewport: { width: 100_001, height: 600 } })).toBe(false);
    expect(valid({ screen: { width: 1920, height: 1080, depth: 24 } })).toBe(false);
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
  const envelope = (events: unknown[]) => ({ schema_version: 2, sent_at: new Date().toISOString(), events });

  it("takes 1 to MAX_EVENTS_PER_BATCH events of any shape", () => {
    expect(batchEnvelopeSchema.safeParse(envelope([{ not: "an event" }])).success).toBe(true);
    expect(batchEnvelopeSchema.safeParse(envelope([])).success).toBe(false);
    expect(batchEnvelopeSchema.safeParse(envelope(Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, pageView))).success).toBe(false);
  });

  it("accepts the previous schema version (an open tab) and rejects unknown ones", () => {
    expect(batchEnvelopeSchema.safeParse({ ...envelope([pageViewV1()]), schema_version: 1 }).success).toBe(true);
    expect(batchEnvelopeSchema.safeParse({ ...envelope([pageView()]), schema_version: 3 }).success).toBe(false);
    expect(trackedEventV1Schema.safeParse(pageViewV1()).success).toBe(true);
    expect(trackedEventV1Schema.safeParse(pageView()).success).toBe(false);
  });
});

describe("readLakeLine", () => {
  it("reads a version 2 line, taking a browser event's user from the ingest, never the body", () => {
    const record = { ...rawRecord(productView()), user_id: "verified-sub" };
    const read = readLakeLine(record);
    expect(read.ok && read.event).toMatchObject({ event_version: 2, user_id: "verified-sub", seq: 1, logged_in: false, first_visit: true });
  });

  it("reads a signed server event's own user id", () => {
    const order = purchase();
    const read = readLakeLine(rawRecord(order, new Date(), true));
    expect(read.ok && read.event.user_id).toBe(order.user_id);
  });

  it("takes a line its compiled check accepts as the record itself, which holds only while the schema transforms nothing", () => {
    for (const event of oneOfEach()) {
      const record = JSON.parse(JSON.stringify(rawRecord(event, new Date(), event.event_name === "purchase" || event.event_name === "product_updated")));
      expect(rawEventRecordSchema.parse(record), event.event_name).toEqual(record);
      const read = readLakeLine(record);
      expect(read.ok && read.event.properties, event.event_name).toEqual(record.event.properties);
    }
  });

  it("reads the geography and the browser's settings, null where a line has none", () => {
    const view = pageView({ context: { logged_in: false, first_visit: true, language: "de-DE", time_zone: "Europe/Berlin", screen: { width: 390, height: 844 }, viewport: { width: 390, height: 664 } } });
    const geo = { country: "DE", region: "Hesse", city: "Frankfurt am Main", source: "dbip" } as const;
    const read = readLakeLine({ ...rawRecord(view), geo });
    expect(read.ok && read.event).toMatchObject({ geo, language: "de-DE", time_zone: "Europe/Berlin", screen: { width: 390, height: 844 }, viewport: { width: 390, height: 664 } });
    const { geo: _none, ...older } = rawRecord(productView());
    expect(readLakeLine(older).ok && readLakeLine(older)).toMatchObject({ event: { geo: null, language: null, time_zone: null, screen: null, viewport: null } });
    expect(readLakeLine({ ...rawRecord(view), geo: { ...geo, country: "de" } }).ok).toBe(false);
  });

  it("reports why a line is not a record of any version", () => {
    const read = readLakeLine({ ...rawRecord(pageView()), event_version: 7 });
    expect(read.ok).toBe(false);
    expect(readLakeLine({ schema_version: 1, nope: true }).ok).toBe(false);
  });
});
