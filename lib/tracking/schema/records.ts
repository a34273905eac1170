import { z } from "zod";
import { MAX_EVENTS_PER_BATCH, MAX_GEO_NAME_LENGTH, SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS } from "../constants.ts";
import { isoDateTime } from "./common.ts";
import { trackedEventSchema } from "./events.ts";
import { trackedEventV1Schema } from "./v1.ts";

/**
 * The request envelope. Events stay `unknown` here on purpose: each one is validated on its
 * own (with the schema of the envelope's version) so a malformed event never takes its valid
 * neighbours down with it.
 */
export const batchEnvelopeSchema = z.strictObject({
  schema_version: z.union(SUPPORTED_SCHEMA_VERSIONS.map((version) => z.literal(version))),
  sent_at: isoDateTime,
  events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_BATCH),
});

export type BatchEnvelope = z.infer<typeof batchEnvelopeSchema>;

/** What the ingest noticed about an event it kept. */
export const eventFlags = [
  "page_url_truncated",
  "page_referrer_truncated",
  "page_title_truncated",
  "click_href_truncated",
  "click_text_truncated",
  /** occurred_at is later than the ingest received it (beyond clock skew). */
  "occurred_in_future",
  /** occurred_at is older than the ingest keeps offline queues for. */
  "occurred_long_ago",
] as const;

export type EventFlag = (typeof eventFlags)[number];

/**
 * Where the client was, as the ingest saw it before it dropped the address's host part: looked
 * up in DB-IP's city lite database from the full address ("dbip"), or CloudFront's viewer
 * headers when the request came through the shop's own CloudFront path ("cloudfront").
 */
export const geoSchema = z.strictObject({
  /** ISO 3166-1 alpha-2, upper case ("GB"). */
  country: z.string().regex(/^[A-Z]{2}$/),
  /** The first-level subdivision's name ("England"), when known. */
  region: z.string().min(1).max(MAX_GEO_NAME_LENGTH).nullable(),
  city: z.string().min(1).max(MAX_GEO_NAME_LENGTH).nullable(),
  source: z.enum(["dbip", "cloudfront"]),
});

export type Geo = z.infer<typeof geoSchema>;

/** What the ingest knew at the edge, kept beside the event as sent. */
const edgeFields = {
  schema_version: z.literal(SCHEMA_VERSION),
  received_at: isoDateTime,
  sent_at: isoDateTime,
  /** occurred_at corrected by the sending device's clock error: received_at − (sent_at − occurred_at). */
  derived_at: isoDateTime,
  user_agent: z.string().max(1024).nullable(),
  /** The client address with its host part dropped (IPv4 /24, IPv6 /48); never the full address. */
  client_ip: z.string().max(45).nullable(),
  /** Null when unknown (private, loopback or unlisted address, no address, a signed server request); absent in lines written before geography. */
  geo: geoSchema.nullable().optional(),
  /** The shopper's verified sign-in (Cognito `sub`), from the request and never from the body. */
  user_id: z.string().min(1).max(128).nullable(),
  /** Sent by the shop's server with a valid signature. */
  trusted: z.boolean(),
  flags: z.array(z.enum(eventFlags)),
};

/**
 * One line of a raw NDJSON object in the lake: the event exactly as sent (after field limits),
 * in the version its batch declared, plus what the ingest knew.
 */
export const rawEventRecordSchema = z.discriminatedUnion("event_version", [
  z.strictObject({ ...edgeFields, event_version: z.literal(2), event: trackedEventSchema }),
  z.strictObject({ ...edgeFields, event_version: z.literal(1), event: trackedEventV1Schema }),
]);

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
