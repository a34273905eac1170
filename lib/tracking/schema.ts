import { z } from "zod";
import { MAX_EVENTS_PER_BATCH, SCHEMA_VERSION } from "./constants.ts";

export { MAX_BATCH_BYTES, MAX_EVENTS_PER_BATCH, SCHEMA_VERSION } from "./constants.ts";

/*
 * The one event schema shared by the browser tracker, the server emitter, the ingest Lambda
 * and the ETL. Bump SCHEMA_VERSION for any change a reader of old raw data must know about.
 */

const isoDateTime = z.iso.datetime({ offset: true });

export const pageContextSchema = z.strictObject({
  url: z.url().max(2048),
  path: z.string().startsWith("/").max(1024),
  referrer: z.string().max(2048).nullable(),
  title: z.string().max(512),
});

const eventBase = {
  event_id: z.uuid({ version: "v7" }),
  occurred_at: isoDateTime,
  anonymous_id: z.uuid(),
  session_id: z.uuid(),
  user_id: z.string().min(1).max(128).nullable(),
  page: pageContextSchema,
};

export const productRefSchema = z.strictObject({
  product_id: z.string().min(1).max(64),
  sku: z.string().min(1).max(64),
  slug: z.string().min(1).max(200),
  name: z.string().min(1).max(300),
  brand: z.string().min(1).max(100),
  category: z.string().min(1).max(100),
  price_cents: z.int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

export const pageViewEventSchema = z.strictObject({
  ...eventBase,
  event_name: z.literal("page_view"),
  properties: z.strictObject({}),
});

export const productViewEventSchema = z.strictObject({
  ...eventBase,
  event_name: z.literal("product_view"),
  properties: productRefSchema,
});

export const purchaseItemSchema = productRefSchema.extend({
  quantity: z.int().min(1).max(99),
});

/**
 * An order placed: emitted by the shop's server only (in the order's own transaction, through
 * the outbox), accepted by the ingest only when signed. Browser events are untrusted, so no
 * revenue may ever rest on one.
 */
export const purchaseEventSchema = z.strictObject({
  ...eventBase,
  event_name: z.literal("purchase"),
  properties: z
    .strictObject({
      order_id: z.uuid(),
      order_number: z.string().regex(/^\d{1,19}$/),
      currency: z.string().regex(/^[A-Z]{3}$/),
      subtotal_cents: z.int().nonnegative(),
      shipping_cents: z.int().nonnegative(),
      revenue_cents: z.int().nonnegative(),
      shipping_method: z.string().min(1).max(50),
      items: z.array(purchaseItemSchema).min(1).max(100),
    })
    .refine((order) => order.revenue_cents === order.subtotal_cents + order.shipping_cents, "revenue_cents must be subtotal_cents + shipping_cents")
    .refine(
      (order) => order.subtotal_cents === order.items.reduce((sum, item) => sum + item.price_cents * item.quantity, 0),
      "subtotal_cents must be the sum of the items",
    ),
});

export const trackedEventSchema = z.discriminatedUnion("event_name", [
  pageViewEventSchema,
  productViewEventSchema,
  purchaseEventSchema,
]);

/** Events whose facts money or the catalog rest on: accepted only from the shop's server, signed. */
export const SERVER_ONLY_EVENTS: ReadonlySet<string> = new Set(["purchase"]);

export type TrackedEvent = z.infer<typeof trackedEventSchema>;
export type EventName = TrackedEvent["event_name"];
export type EventProperties<N extends EventName> = Extract<TrackedEvent, { event_name: N }>["properties"];
export type PageContext = z.infer<typeof pageContextSchema>;
export type ProductRef = z.infer<typeof productRefSchema>;
export type PurchaseEvent = z.infer<typeof purchaseEventSchema>;

/**
 * The request envelope. Events stay `unknown` here on purpose: each one is validated on its
 * own so a malformed event never takes its valid neighbours down with it.
 */
export const batchEnvelopeSchema = z.strictObject({
  schema_version: z.literal(SCHEMA_VERSION),
  sent_at: isoDateTime,
  events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_BATCH),
});

/** One line of a raw NDJSON object in the lake: the event as sent plus what ingest knew. */
export const rawEventRecordSchema = z.strictObject({
  schema_version: z.literal(SCHEMA_VERSION),
  received_at: isoDateTime,
  sent_at: isoDateTime,
  user_agent: z.string().max(1024).nullable(),
  /** Sent by the shop's server with a valid signature. Absent in lines written before it existed: untrusted. */
  trusted: z.boolean().default(false),
  event: trackedEventSchema,
});

export type RawEventRecord = z.infer<typeof rawEventRecordSchema>;
export type RawEventRecordInput = z.input<typeof rawEventRecordSchema>;

/** One line of a rejected NDJSON object: what arrived, and why it was set aside. */
export const rejectedEventRecordSchema = z.strictObject({
  schema_version: z.literal(SCHEMA_VERSION),
  received_at: isoDateTime,
  index: z.int().nonnegative(),
  reason: z.string(),
  payload: z.unknown(),
});

export type RejectedEventRecord = z.infer<typeof rejectedEventRecordSchema>;

/** A short, readable reason from a zod error: "properties.price_cents: Invalid input…". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}
