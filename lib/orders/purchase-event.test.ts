import { describe, expect, it } from "vitest";
import { sampleProduct } from "@/lib/tracking/testing/event-factory.ts";
import { purchaseEvent, type PurchaseFacts } from "./purchase-event.ts";

const facts: PurchaseFacts = {
  orderId: "0f8fad5b-d9cb-469f-a165-70867728950e",
  orderNumber: "100042",
  userId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
  currency: "USD",
  subtotalCents: sampleProduct.price_cents * 2,
  shippingCents: 0,
  shippingMethod: "Standard",
  items: [{ ...sampleProduct, quantity: 2 }],
};
const at = new Date("2026-11-25T12:00:00.000Z");

describe("purchaseEvent", () => {
  it("reports the order as placed, joined to the shopper's browser session when known", () => {
    const anonymousId = "8f14e45f-ceea-467a-9575-1f5a3c2b1d0e";
    const sessionId = "019ab5f0-0000-7000-8000-000000000001";
    const event = purchaseEvent(facts, { anonymousId, sessionId, pageUrl: "https://shop.example/checkout" }, at);
    expect(event).toMatchObject({
      event_name: "purchase",
      occurred_at: at.toISOString(),
      anonymous_id: anonymousId,
      session_id: sessionId,
      user_id: facts.userId,
      page: { url: "https://shop.example/checkout", path: "/checkout" },
      properties: { order_id: facts.orderId, revenue_cents: facts.subtotalCents, items: facts.items },
    });
    expect(event.event_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it("makes up ids for a browser without the tracker's cookies, and refuses totals that do not add up", () => {
    const event = purchaseEvent(facts, { anonymousId: "forged", sessionId: null, pageUrl: "http://127.0.0.1:3000/checkout" }, at);
    expect(event.anonymous_id).not.toBe("forged");
    expect(() => purchaseEvent({ ...facts, subtotalCents: 1 }, { anonymousId: null, sessionId: null, pageUrl: "http://x.test/checkout" }, at)).toThrow(
      /subtotal_cents must be the sum of the items/,
    );
  });
});
