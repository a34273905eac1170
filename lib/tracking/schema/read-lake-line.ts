import { z } from "zod";
import type { Campaign, PageContext, Size } from "../schema.ts";
import { fastValidator } from "./fast-validate.ts";
import { rawEventRecordSchema, type EventFlag, type Geo, type RawEventRecord } from "./records.ts";
import { rawEventRecordV1Schema } from "./v1.ts";

/**
 * One lake line in the shape the warehouse loads, whatever version wrote it: the reader of every
 * raw format ever written, so old data never becomes unreadable.
 */
export interface LakeEvent {
  event_version: 1 | 2;
  event_id: string;
  event_name: string;
  occurred_at: string;
  derived_at: string;
  sent_at: string;
  received_at: string;
  seq: number | null;
  /** Null only for events not about a visitor (product_updated). */
  anonymous_id: string | null;
  session_id: string | null;
  user_id: string | null;
  page: PageContext | null;
  logged_in: boolean | null;
  first_visit: boolean | null;
  campaign: Campaign | null;
  /** The browser's settings, on page views since the tracker sends them; null otherwise. */
  language: string | null;
  time_zone: string | null;
  screen: Size | null;
  viewport: Size | null;
  properties: Record<string, unknown>;
  user_agent: string | null;
  client_ip: string | null;
  /** Null when unknown, and for lines written before the ingest looked it up. */
  geo: Geo | null;
  trusted: boolean;
  flags: EventFlag[];
}

const NO_AUDIENCE = { language: null, time_zone: null, screen: null, viewport: null } as const;

/** Lines the version 1 ingest wrote say so at the top (later ones carry event_version). */
const isVersion1Line = (json: unknown) =>
  typeof json === "object" && json !== null && (json as { schema_version?: unknown }).schema_version === 1;

export type LakeLineResult = { ok: true; event: LakeEvent } | { ok: false; error: z.ZodError };

/**
 * The record schema's compiled fast path: the ETL reads every line the ingest ever wrote. The
 * schema is strict objects without transforms or defaults, so a line it accepts is already the
 * parsed record; anything it does not accept goes to zod, for zod's verdict and its issues.
 */
const currentRecord = fastValidator(rawEventRecordSchema);

export function readLakeLine(json: unknown): LakeLineResult {
  if (isVersion1Line(json)) {
    const parsed = rawEventRecordV1Schema.safeParse(json);
    if (!parsed.success) return { ok: false, error: parsed.error };
    const { event, ...record } = parsed.data;
    return {
      ok: true,
      event: {
        event_version: 1,
        event_id: event.event_id,
        event_name: event.event_name,
        occurred_at: event.occurred_at,
        // Version 1 kept no derived time: the device's time is the best there is.
        derived_at: event.occurred_at,
        sent_at: record.sent_at,
        received_at: record.received_at,
        seq: null,
        anonymous_id: event.anonymous_id,
        session_id: event.session_id,
        // Version 1 stored the body's user_id as sent; only a signed event's can be believed.
        user_id: record.trusted ? event.user_id : null,
        page: event.page,
        logged_in: null,
        first_visit: null,
        campaign: null,
        ...NO_AUDIENCE,
        properties: event.properties,
        user_agent: record.user_agent,
        client_ip: null,
        geo: null,
        trusted: record.trusted,
        flags: [],
      },
    };
  }
  let record: RawEventRecord;
  if (currentRecord.accepts(json)) {
    record = json as RawEventRecord;
  } else {
    const parsed = rawEventRecordSchema.safeParse(json);
    if (!parsed.success) return { ok: false, error: parsed.error };
    record = parsed.data;
  }
  const base = {
    event_id: record.event.event_id,
    event_name: record.event.event_name,
    occurred_at: record.event.occurred_at,
    derived_at: record.derived_at,
    sent_at: record.sent_at,
    received_at: record.received_at,
    properties: record.event.properties,
    user_agent: record.user_agent,
    client_ip: record.client_ip,
    geo: record.geo ?? null,
    trusted: record.trusted,
    flags: record.flags,
  };
  if (record.event_version === 1) {
    const { event } = record;
    return {
      ok: true,
      event: {
        ...base,
        event_version: 1,
        seq: null,
        anonymous_id: event.anonymous_id,
        session_id: event.session_id,
        user_id: record.trusted ? event.user_id : record.user_id,
        page: event.page,
        logged_in: record.user_id !== null,
        first_visit: null,
        campaign: null,
        ...NO_AUDIENCE,
      },
    };
  }
  const { event } = record;
  if (event.event_name === "product_updated") {
    return {
      ok: true,
      event: {
        ...base,
        event_version: 2,
        seq: null,
        anonymous_id: null,
        session_id: null,
        user_id: null,
        page: null,
        logged_in: null,
        first_visit: null,
        campaign: null,
        ...NO_AUDIENCE,
      },
    };
  }
  const { context } = event;
  return {
    ok: true,
    event: {
      ...base,
      event_version: 2,
      seq: event.seq,
      anonymous_id: event.anonymous_id,
      session_id: event.session_id,
      user_id: record.trusted ? (event.user_id ?? null) : record.user_id,
      page: event.page,
      logged_in: context.logged_in,
      first_visit: context.first_visit,
      campaign: context.campaign ?? null,
      language: context.language ?? null,
      time_zone: context.time_zone ?? null,
      screen: context.screen ?? null,
      viewport: context.viewport ?? null,
    },
  };
}
