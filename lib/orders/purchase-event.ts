import type { ProductRef, PurchaseEvent } from "@/lib/tracking/schema.ts";
import { visitorServerEvent, type BrowserContext } from "@/lib/tracking/server/visitor-event.ts";

export type { BrowserContext };

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

/**
 * The authoritative purchase event of an order, built from what the order transaction read and
 * wrote (never from the request). Validated here, so an order whose event would be refused is
 * not placed at all.
 */
export function purchaseEvent(facts: PurchaseFacts, browser: BrowserContext, occurredAt: Date): PurchaseEvent {
  return visitorServerEvent(
    "purchase",
    {
      order_id: facts.orderId,
      order_number: facts.orderNumber,
      currency: facts.currency,
      subtotal_cents: facts.subtotalCents,
      shipping_cents: facts.shippingCents,
      revenue_cents: facts.subtotalCents + facts.shippingCents,
      shipping_method: facts.shippingMethod,
      items: facts.items,
    },
    { ...browser, pageTitle: browser.pageTitle ?? "Checkout" },
    facts.userId,
    occurredAt,
  );
}
