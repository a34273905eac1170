import { describe, expect, it } from "vitest";
import { MAX_BATCH_BYTES } from "../lib/tracking/schema.ts";
import { batchBody, pageView, productView, purchase } from "../lib/tracking/testing/event-factory.ts";
import { processBatch } from "./process-batch.ts";

const receivedAt = new Date("2026-11-25T12:00:00.000Z");
const run = (body: string, userAgent: string | null = "Mozilla/5.0 test", trusted = false) => processBatch({ body, receivedAt, userAgent, trusted });

describe("processBatch", () => {
  it("keeps every valid event with what ingest knew", () => {
    const events = [pageView(), productView()];
    const sentAt = new Date("2026-11-25T11:59:59.000Z");
    const decision = run(batchBody(events, sentAt));
    expect(decision.kind).toBe("batch");
    if (decision.kind !== "batch") return;
    expect(decision.rejected).toEqual([]);
    expect(decision.accepted).toEqual(
      events.map((event) => ({
        schema_version: 1,
        received_at: receivedAt.toISOString(),
        sent_at: sentAt.toISOString(),
        user_agent: "Mozilla/5.0 test",
        trusted: false,
        event,
      })),
    );
  });

  it("sets a malformed event aside with its reason and keeps its neighbours", () => {
    const good = [pageView(), productView()];
    const bad = { ...pageView(), anonymous_id: "not-a-uuid" };
    const decision = run(batchBody([good[0], bad, good[1]]));
    if (decision.kind !== "batch") throw new Error("expected a batch");
    expect(decision.accepted.map((record) => record.event)).toEqual(good);
    expect(decision.rejected).toHaveLength(1);
    expect(decision.rejected[0]).toMatchObject({ index: 1, payload: bad });
    expect(decision.rejected[0]?.reason).toMatch(/^anonymous_id: /);
  });

  it("keeps the first of two events with the same id", () => {
    const event = pageView();
    const decision = run(batchBody([event, event]));
    if (decision.kind !== "batch") throw new Error("expected a batch");
    expect(decision.accepted).toHaveLength(1);
    expect(decision.rejected[0]).toMatchObject({ index: 1, reason: "duplicate event_id in batch" });
  });

  it("answers 400 with a clear message for a body that is not a batch", () => {
    expect(run("{oops")).toEqual({ kind: "invalid-request", status: 400, message: "body is not valid JSON" });
    const notBatch = run(JSON.stringify({ events: "none" }));
    expect(notBatch).toMatchObject({ kind: "invalid-request", status: 400 });
    if (notBatch.kind === "invalid-request") expect(notBatch.message).toMatch(/not a valid event batch: .*events/);
    expect(run(batchBody([]))).toMatchObject({ status: 400 });
  });

  it("answers 413 for a body over the size limit", () => {
    const padded = batchBody([{ ...pageView(), pad: "x".repeat(MAX_BATCH_BYTES) }]);
    expect(run(padded)).toMatchObject({ kind: "invalid-request", status: 413 });
  });

  it("truncates an absurd user agent", () => {
    const decision = run(batchBody([pageView()]), "U".repeat(5000));
    if (decision.kind !== "batch") throw new Error("expected a batch");
    expect(decision.accepted[0]?.user_agent).toHaveLength(1024);
  });

  it("takes purchases from signed server requests only, and marks what it keeps as trusted", () => {
    const order = purchase();
    const fromBrowser = run(batchBody([pageView(), order]));
    if (fromBrowser.kind !== "batch") throw new Error("expected a batch");
    expect(fromBrowser.accepted).toHaveLength(1);
    expect(fromBrowser.rejected).toEqual([
      expect.objectContaining({ index: 1, reason: "purchase events are accepted from the shop's server only (signed requests)" }),
    ]);

    const fromServer = run(batchBody([order]), "compushop-server", true);
    if (fromServer.kind !== "batch") throw new Error("expected a batch");
    expect(fromServer.rejected).toEqual([]);
    expect(fromServer.accepted).toEqual([expect.objectContaining({ trusted: true, event: order })]);
  });

  it("refuses a purchase whose totals do not add up, even from the server", () => {
    const order = purchase();
    const inflated = { ...order, properties: { ...order.properties, revenue_cents: order.properties.revenue_cents + 1 } };
    const decision = run(batchBody([inflated]), "compushop-server", true);
    if (decision.kind !== "batch") throw new Error("expected a batch");
    expect(decision.rejected[0]?.reason).toMatch(/revenue_cents must be subtotal_cents \+ shipping_cents/);
  });
});
