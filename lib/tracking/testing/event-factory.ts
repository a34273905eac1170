import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { SCHEMA_VERSION } from "../constants.ts";
import type { ProductRef, PurchaseEvent, RawEventRecord, TrackedEvent } from "../schema.ts";

/** Valid events for tests and benchmarks; fields can be overridden. */
export const sampleProduct: ProductRef = {
  product_id: "42",
  sku: "GPU-RTX-4070S-12G",
  slug: "asus-dual-geforce-rtx-4070-super",
  name: "ASUS Dual GeForce RTX 4070 SUPER 12GB",
  brand: "ASUS",
  category: "gpus",
  price_cents: 59_999,
  currency: "USD",
};

export function pageView(overrides: Partial<Extract<TrackedEvent, { event_name: "page_view" }>> = {}): TrackedEvent {
  return {
    event_id: uuidv7(),
    event_name: "page_view",
    occurred_at: new Date().toISOString(),
    anonymous_id: uuidv4(),
    session_id: uuidv7(),
    user_id: null,
    page: { url: "http://127.0.0.1:3000/", path: "/", referrer: null, title: "CompuShop" },
    properties: {},
    ...overrides,
  };
}

export function productView(
  product: ProductRef = sampleProduct,
  overrides: Partial<Omit<Extract<TrackedEvent, { event_name: "product_view" }>, "properties">> = {},
): TrackedEvent {
  return {
    event_id: uuidv7(),
    event_name: "product_view",
    occurred_at: new Date().toISOString(),
    anonymous_id: uuidv4(),
    session_id: uuidv7(),
    user_id: null,
    page: {
      url: `http://127.0.0.1:3000/products/${product.slug}`,
      path: `/products/${product.slug}`,
      referrer: "http://127.0.0.1:3000/",
      title: product.name,
    },
    properties: product,
    ...overrides,
  };
}

export function batchBody(events: readonly unknown[], sentAt = new Date()): string {
  return JSON.stringify({ schema_version: SCHEMA_VERSION, sent_at: sentAt.toISOString(), events });
}

/** An event as ingest stores it in the lake. */
export function rawRecord(event: TrackedEvent, receivedAt = new Date(event.occurred_at), trusted = false): RawEventRecord {
  return {
    schema_version: SCHEMA_VERSION,
    received_at: receivedAt.toISOString(),
    sent_at: event.occurred_at,
    user_agent: "Mozilla/5.0 (X11; Linux x86_64) test",
    trusted,
    event,
  };
}

/** A purchase of `quantity` of a product, with its totals consistent. */
export function purchase(product: ProductRef = sampleProduct, quantity = 1, shippingCents = 999): PurchaseEvent {
  const subtotal = product.price_cents * quantity;
  return {
    event_id: uuidv7(),
    event_name: "purchase",
    occurred_at: new Date().toISOString(),
    anonymous_id: uuidv4(),
    session_id: uuidv7(),
    user_id: uuidv4(),
    page: { url: "http://127.0.0.1:3000/checkout", path: "/checkout", referrer: null, title: "Checkout" },
    properties: {
      order_id: uuidv4(),
      order_number: "100001",
      currency: product.currency,
      subtotal_cents: subtotal,
      shipping_cents: shippingCents,
      revenue_cents: subtotal + shippingCents,
      shipping_method: "Standard",
      items: [{ ...product, quantity }],
    },
  };
}
