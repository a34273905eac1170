import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { purchaseEventSchema, type ProductRef, type PurchaseEvent } from "@/lib/tracking/schema.ts";

export interface PurchaseFacts {
  orderId: string;
  orderNumber: string;
  userId: string;
  currency: string;
  subtotalCents: number;
  shippingCents: number;
  shippingMethod: string;
  items: Array<ProductRef & { quantity: number }>;
}

/** Where the shopper's browser was: the tracker's ids when its cookies came along, else none. */
export interface BrowserContext {
  anonymousId: string | null;
  sessionId: string | null;
  /** The checkout page's URL as the shopper saw it. */
  pageUrl: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The authoritative purchase event of an order, built from what the order transaction read and
 * wrote (never from the request). Validated here, so an order whose event would be refused is
 * not placed at all.
 */
export function purchaseEvent(facts: PurchaseFacts, browser: BrowserContext, occurredAt: Date): PurchaseEvent {
  const url = new URL(browser.pageUrl);
  return purchaseEventSchema.parse({
    event_id: uuidv7({ msecs: occurredAt.getTime() }),
    event_name: "purchase",
    occurred_at: occurredAt.toISOString(),
    anonymous_id: browser.anonymousId && UUID.test(browser.anonymousId) ? browser.anonymousId : uuidv4(),
    session_id: browser.sessionId && UUID.test(browser.sessionId) ? browser.sessionId : uuidv7({ msecs: occurredAt.getTime() }),
    user_id: facts.userId,
    page: { url: url.href, path: url.pathname, referrer: null, title: "Checkout" },
    properties: {
      order_id: facts.orderId,
      order_number: facts.orderNumber,
      currency: facts.currency,
      subtotal_cents: facts.subtotalCents,
      shipping_cents: facts.shippingCents,
      revenue_cents: facts.subtotalCents + facts.shippingCents,
      shipping_method: facts.shippingMethod,
      items: facts.items,
    },
  });
}
