import { z } from "zod";
import { MAX_CLICK_TEXT_LENGTH, MAX_URL_LENGTH } from "../constants.ts";
import {
  cents,
  currencyCode,
  isoDateTime,
  itemsAddUp,
  itemsWithValue,
  lineItemSchema,
  pageContextSchema,
  productRefSchema,
  quantity,
  visitContextSchema,
} from "./common.ts";

/*
 * Version 2 of the event taxonomy: one properties schema per event name. Bump SCHEMA_VERSION
 * (constants.ts) for any change an existing reader could not read, and keep the old version's
 * reader (v1.ts) so old raw data and old tabs stay readable.
 */

/** Fields of every event a visitor's browser or the shop's server sends for a visitor. */
const visitorEventBase = {
  event_id: z.uuid({ version: "v7" }),
  occurred_at: isoDateTime,
  /** The visitor's own event counter, from 1 without gaps: the warehouse counts what never arrived. Null from the server. */
  seq: z.int().min(1).nullable(),
  anonymous_id: z.uuid(),
  session_id: z.uuid(),
  /** Only in events the shop's server signed; the ingest sets a browser event's user from its verified sign-in. */
  user_id: z.string().min(1).max(128).optional(),
  page: pageContextSchema,
  context: visitContextSchema,
};

function visitorEvent<N extends string, P extends z.ZodType>(name: N, properties: P) {
  return z.strictObject({ ...visitorEventBase, event_name: z.literal(name), properties });
}

export const listTypes = ["home", "category", "brand", "all", "deals", "search", "related", "wishlist"] as const;

const listRef = {
  list_type: z.enum(listTypes),
  /** Which list of its type: the category or brand slug, the home shelf, … */
  list_id: z.string().min(1).max(100),
};

const position = z.int().min(1).max(10_000);

const productListView = visitorEvent(
  "product_list_view",
  z.strictObject({ ...listRef, items: z.array(productRefSchema.extend({ position })).min(1).max(100) }),
);

const productClick = visitorEvent("product_click", productRefSchema.extend({ ...listRef, position }));

const search = visitorEvent(
  "search",
  z.strictObject({
    query: z.string().min(1).max(200),
    /** Filters applied with the query, by URL parameter: brand, price_max, … */
    filters: z.record(z.string().regex(/^[a-z0-9_]{1,40}$/), z.string().max(200)),
    sort: z.string().min(1).max(40).nullable(),
    page: z.int().min(1),
    result_count: z.int().nonnegative(),
  }),
);

const cartChange = productRefSchema.extend({ quantity });

const cartView = visitorEvent("cart_view", z.strictObject(itemsWithValue).refine(itemsAddUp, "value_cents must be the sum of the items"));

const beginCheckout = visitorEvent(
  "begin_checkout",
  z.strictObject({ ...itemsWithValue, items: itemsWithValue.items.min(1) }).refine(itemsAddUp, "value_cents must be the sum of the items"),
);

const addShippingInfo = visitorEvent(
  "add_shipping_info",
  z
    .strictObject({ ...itemsWithValue, items: itemsWithValue.items.min(1), shipping_method: z.string().min(1).max(50) })
    .refine(itemsAddUp, "value_cents must be the sum of the items"),
);

/**
 * An order placed: emitted by the shop's server only (in the order's own transaction, through
 * the outbox), accepted by the ingest only when signed. Browser events are untrusted, so no
 * revenue may ever rest on one.
 */
export const purchaseEventSchema = visitorEvent(
  "purchase",
  z
    .strictObject({
      order_id: z.uuid(),
      order_number: z.string().regex(/^\d{1,19}$/),
      currency: currencyCode,
      subtotal_cents: cents,
      shipping_cents: cents,
      revenue_cents: cents,
      shipping_method: z.string().min(1).max(50),
      items: z.array(lineItemSchema).min(1).max(100),
    })
    .refine((order) => order.revenue_cents === order.subtotal_cents + order.shipping_cents, "revenue_cents must be subtotal_cents + shipping_cents")
    .refine(
      (order) => order.subtotal_cents === order.items.reduce((sum, item) => sum + item.price_cents * item.quantity, 0),
      "subtotal_cents must be the sum of the items",
    ),
);

const accountEvent = z.strictObject({ method: z.enum(["password"]) });

/** Sent when the shopper leaves a page (or hides it): how long and how far they read. */
const engagement = visitorEvent(
  "engagement",
  z.strictObject({
    visible_ms: z.int().nonnegative().max(86_400_000),
    focused_ms: z.int().nonnegative().max(86_400_000),
    max_scroll_pct: z.int().min(0).max(100),
    // Core Web Vitals of the page, when the browser measured them.
    lcp_ms: z.number().nonnegative().optional(),
    cls: z.number().nonnegative().optional(),
    inp_ms: z.number().nonnegative().optional(),
    ttfb_ms: z.number().nonnegative().optional(),
  }),
);

/** A click on a link, button or other interactive element; never an input's value. */
const click = visitorEvent(
  "click",
  z.strictObject({
    tag: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
    id: z.string().min(1).max(100).optional(),
    role: z.string().min(1).max(40).optional(),
    href: z.string().min(1).max(MAX_URL_LENGTH).optional(),
    text: z.string().min(1).max(MAX_CLICK_TEXT_LENGTH).optional(),
  }),
);

/**
 * A product as the catalog defines it, sent by the shop's server when a product is created or
 * changes: the only source of the warehouse's product dimension. Not about a visitor.
 */
export const productUpdatedEventSchema = z.strictObject({
  event_id: z.uuid({ version: "v7" }),
  event_name: z.literal("product_updated"),
  occurred_at: isoDateTime,
  properties: productRefSchema.extend({
    compare_at_cents: cents.nullable(),
    stock: z.int().nonnegative(),
    active: z.boolean(),
  }),
});

export const trackedEventSchema = z.discriminatedUnion("event_name", [
  visitorEvent("page_view", z.strictObject({})),
  productListView,
  productClick,
  visitorEvent("product_view", productRefSchema),
  search,
  visitorEvent("add_to_cart", cartChange),
  visitorEvent("remove_from_cart", cartChange),
  cartView,
  beginCheckout,
  addShippingInfo,
  purchaseEventSchema,
  visitorEvent("wishlist_add", productRefSchema),
  visitorEvent("wishlist_remove", productRefSchema),
  visitorEvent("sign_up", accountEvent),
  visitorEvent("login", accountEvent),
  visitorEvent("logout", accountEvent),
  engagement,
  click,
  productUpdatedEventSchema,
]);

/** Events whose facts money or the catalog rest on: accepted only from the shop's server, signed. */
export const SERVER_ONLY_EVENTS: ReadonlySet<string> = new Set(["purchase", "product_updated"]);

export type TrackedEvent = z.infer<typeof trackedEventSchema>;
export type EventName = TrackedEvent["event_name"];
export type VisitorEvent = Exclude<TrackedEvent, { event_name: "product_updated" }>;
/** What the browser tracker may send: visitor events the server does not own. */
export type BrowserEventName = Exclude<VisitorEvent["event_name"], "purchase">;
export type EventProperties<N extends EventName> = Extract<TrackedEvent, { event_name: N }>["properties"];
export type PurchaseEvent = z.infer<typeof purchaseEventSchema>;
export type ProductUpdatedEvent = z.infer<typeof productUpdatedEventSchema>;
export type ListType = (typeof listTypes)[number];
