import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { SCHEMA_VERSION } from "../constants.ts";
import type {
  EventName,
  EventProperties,
  ProductRef,
  ProductUpdatedEvent,
  PurchaseEvent,
  RawEventRecord,
  TrackedEvent,
  TrackedEventV1,
  VisitorEvent,
} from "../schema.ts";

/** Valid events of every kind for tests and benchmarks; fields can be overridden. */
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

type VisitorEventName = VisitorEvent["event_name"];
type EventOverrides<N extends EventName> = Partial<Omit<Extract<TrackedEvent, { event_name: N }>, "event_name" | "properties">>;

/** A visitor's event of any name with the given properties, stamped now on the home page. */
export function visitorEvent<N extends VisitorEventName>(
  name: N,
  properties: EventProperties<N>,
  overrides: EventOverrides<N> = {},
): Extract<TrackedEvent, { event_name: N }> {
  return {
    event_id: uuidv7(),
    event_name: name,
    occurred_at: new Date().toISOString(),
    seq: 1,
    anonymous_id: uuidv4(),
    session_id: uuidv7(),
    page: { url: "http://127.0.0.1:3000/", path: "/", referrer: null, title: "CompuShop" },
    context: { logged_in: false, first_visit: true },
    properties,
    ...overrides,
  } as Extract<TrackedEvent, { event_name: N }>;
}

export function pageView(overrides: EventOverrides<"page_view"> = {}): Extract<TrackedEvent, { event_name: "page_view" }> {
  return visitorEvent("page_view", {}, overrides);
}

export function productView(
  product: ProductRef = sampleProduct,
  overrides: EventOverrides<"product_view"> = {},
): Extract<TrackedEvent, { event_name: "product_view" }> {
  return visitorEvent("product_view", product, {
    page: {
      url: `http://127.0.0.1:3000/products/${product.slug}`,
      path: `/products/${product.slug}`,
      referrer: "http://127.0.0.1:3000/",
      title: product.name,
    },
    ...overrides,
  });
}

/** A purchase of `quantity` of a product, with its totals consistent, as the shop's server sends it. */
export function purchase(product: ProductRef = sampleProduct, quantity = 1, shippingCents = 999): PurchaseEvent {
  const subtotal = product.price_cents * quantity;
  return visitorEvent(
    "purchase",
    {
      order_id: uuidv4(),
      order_number: "100001",
      currency: product.currency,
      subtotal_cents: subtotal,
      shipping_cents: shippingCents,
      revenue_cents: subtotal + shippingCents,
      shipping_method: "Standard",
      items: [{ ...product, quantity }],
    },
    {
      seq: null,
      user_id: uuidv4(),
      page: { url: "http://127.0.0.1:3000/checkout", path: "/checkout", referrer: null, title: "Checkout" },
      context: { logged_in: true, first_visit: false },
    },
  );
}

export function productUpdated(product: ProductRef = sampleProduct, stock = 7): ProductUpdatedEvent {
  return {
    event_id: uuidv7(),
    event_name: "product_updated",
    occurred_at: new Date().toISOString(),
    properties: { ...product, compare_at_cents: null, stock, active: true },
  };
}

/** One valid event of every name in the taxonomy (server-only ones included). */
export function oneOfEach(product: ProductRef = sampleProduct): TrackedEvent[] {
  const line = { ...product, quantity: 2 };
  const items = { items: [line], value_cents: product.price_cents * 2, currency: product.currency };
  const list = { list_type: "category", list_id: product.category } as const;
  return [
    pageView(),
    visitorEvent("product_list_view", { ...list, items: [{ ...product, position: 1 }] }),
    visitorEvent("product_click", { ...product, ...list, position: 1 }),
    productView(product),
    visitorEvent("search", { query: "rtx 4070", filters: { brand: "asus" }, sort: null, page: 1, result_count: 3 }),
    visitorEvent("add_to_cart", { ...product, quantity: 1 }),
    visitorEvent("remove_from_cart", { ...product, quantity: 1 }),
    visitorEvent("cart_view", items),
    visitorEvent("begin_checkout", items),
    visitorEvent("add_shipping_info", { ...items, shipping_method: "standard" }),
    purchase(product),
    visitorEvent("wishlist_add", product),
    visitorEvent("wishlist_remove", product),
    visitorEvent("sign_up", { method: "password" }),
    visitorEvent("login", { method: "password" }),
    visitorEvent("logout", { method: "password" }),
    visitorEvent("engagement", { visible_ms: 12_000, focused_ms: 9_000, max_scroll_pct: 80, lcp_ms: 850 }),
    visitorEvent("click", { tag: "a", href: "/deals", text: "Deals" }),
    productUpdated(product),
  ];
}

/** A page view as a tab opened before schema version 2 still sends it. */
export function pageViewV1(): TrackedEventV1 {
  return {
    event_id: uuidv7(),
    event_name: "page_view",
    occurred_at: new Date().toISOString(),
    anonymous_id: uuidv4(),
    session_id: uuidv7(),
    user_id: null,
    page: { url: "http://127.0.0.1:3000/", path: "/", referrer: null, title: "CompuShop" },
    properties: {},
  };
}

export function batchBody(events: readonly unknown[], sentAt = new Date(), schemaVersion: number = SCHEMA_VERSION): string {
  return JSON.stringify({ schema_version: schemaVersion, sent_at: sentAt.toISOString(), events });
}

/** An event as the ingest stores it in the lake. */
export function rawRecord(event: TrackedEvent, receivedAt = new Date(event.occurred_at), trusted = false): RawEventRecord {
  return {
    schema_version: SCHEMA_VERSION,
    event_version: 2,
    received_at: receivedAt.toISOString(),
    sent_at: event.occurred_at,
    derived_at: event.occurred_at,
    user_agent: "Mozilla/5.0 (X11; Linux x86_64) test",
    client_ip: "127.0.0.0",
    geo: null,
    user_id: null,
    trusted,
    flags: [],
    event,
  };
}
