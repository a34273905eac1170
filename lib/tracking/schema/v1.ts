import { z } from "zod";

/*
 * Version 1 of the event schema, frozen: the reader of raw data written before version 2, and
 * of batches from tabs opened before it. Never change it; write a new version instead.
 */

const isoDateTime = z.iso.datetime({ offset: true });

const pageContextV1Schema = z.strictObject({
  url: z.url().max(2048),
  path: z.string().startsWith("/").max(1024),
  referrer: z.string().max(2048).nullable(),
  title: z.string().max(512),
});

const eventBaseV1 = {
  event_id: z.uuid({ version: "v7" }),
  occurred_at: isoDateTime,
  anonymous_id: z.uuid(),
  session_id: z.uuid(),
  user_id: z.string().min(1).max(128).nullable(),
  page: pageContextV1Schema,
};

const productRefV1Schema = z.strictObject({
  product_id: z.string().min(1).max(64),
  sku: z.string().min(1).max(64),
  slug: z.string().min(1).max(200),
  name: z.string().min(1).max(300),
  brand: z.string().min(1).max(100),
  category: z.string().min(1).max(100),
  price_cents: z.int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

const purchaseV1Schema = z.strictObject({
  ...eventBaseV1,
  event_name: z.literal("purchase"),
  properties: z.strictObject({
    order_id: z.uuid(),
    order_number: z.string().regex(/^\d{1,19}$/),
    currency: z.string().regex(/^[A-Z]{3}$/),
    subtotal_cents: z.int().nonnegative(),
    shipping_cents: z.int().nonnegative(),
    revenue_cents: z.int().nonnegative(),
    shipping_method: z.string().min(1).max(50),
    items: z.array(productRefV1Schema.extend({ quantity: z.int().min(1).max(99) })).min(1).max(100),
  }),
});

export const trackedEventV1Schema = z.discriminatedUnion("event_name", [
  z.strictObject({ ...eventBaseV1, event_name: z.literal("page_view"), properties: z.strictObject({}) }),
  z.strictObject({ ...eventBaseV1, event_name: z.literal("product_view"), properties: productRefV1Schema }),
  purchaseV1Schema,
]);

export type TrackedEventV1 = z.infer<typeof trackedEventV1Schema>;

/** A raw lake line as the version 1 ingest wrote it. */
export const rawEventRecordV1Schema = z.strictObject({
  schema_version: z.literal(1),
  received_at: isoDateTime,
  sent_at: isoDateTime,
  user_agent: z.string().max(1024).nullable(),
  trusted: z.boolean().default(false),
  event: trackedEventV1Schema,
});

export type RawEventRecordV1 = z.infer<typeof rawEventRecordV1Schema>;
