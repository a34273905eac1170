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

export const trackedEventSchema = z.discriminatedUnion("event_name", [
  pageViewEventSchema,
  productViewEventSchema,
]);

export type TrackedEvent = z.infer<typeof trackedEventSchema>;
export type EventName = TrackedEvent["event_name"];
export type EventProperties<N extends EventName> = Extract<TrackedEvent, { event_name: N }>["properties"];
export type PageContext = z.infer<typeof pageContextSchema>;
export type ProductRef = z.infer<typeof productRefSchema>;

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
  event: trackedEventSchema,
});

export type RawEventRecord = z.infer<typeof rawEventRecordSchema>;

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
