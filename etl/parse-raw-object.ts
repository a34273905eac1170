import { gunzipSync } from "node:zlib";
import { describeIssues, readLakeLine, type LakeEvent } from "../lib/tracking/schema.ts";

/** A fact_event row as the load query's jsonb_to_recordset expects it. */
export interface FactEventRow {
  event_id: string;
  event_name: string;
  event_version: number;
  occurred_at: string;
  derived_at: string;
  sent_at: string;
  received_at: string;
  seq: number | null;
  anonymous_id: string | null;
  session_id: string | null;
  user_id: string | null;
  logged_in: boolean | null;
  first_visit: boolean | null;
  campaign: LakeEvent["campaign"];
  page_url: string | null;
  page_path: string | null;
  page_referrer: string | null;
  page_title: string | null;
  product_id: string | null;
  properties: Record<string, unknown>;
  user_agent: string | null;
  client_ip: string | null;
  geo_country: string | null;
  geo_region: string | null;
  geo_city: string | null;
  language: string | null;
  time_zone: string | null;
  screen_width: number | null;
  screen_height: number | null;
  viewport_width: number | null;
  viewport_height: number | null;
  trusted: boolean;
  flags: string[];
  object_key: string;
  /** The line of the object it came from, from 1: with object_key, where it was first read. */
  line_number: number;
}

export interface RejectedLine {
  object_key: string;
  line_number: number;
  reason: string;
  line: string;
}

export type ParsedObject =
  | { kind: "events"; rows: FactEventRow[]; rejected: RejectedLine[] }
  | { kind: "corrupt"; reason: string };

const MAX_KEPT_LINE_LENGTH = 8_192;

/** The product an event is about, when it is about one product. */
function productIdOf(event: LakeEvent): string | null {
  const id = event.properties["product_id"];
  return typeof id === "string" ? id : null;
}

export function toFactEventRow(event: LakeEvent, objectKey: string, lineNumber: number): FactEventRow {
  return {
    event_id: event.event_id,
    event_name: event.event_name,
    event_version: event.event_version,
    occurred_at: event.occurred_at,
    derived_at: event.derived_at,
    sent_at: event.sent_at,
    received_at: event.received_at,
    seq: event.seq,
    anonymous_id: event.anonymous_id,
    session_id: event.session_id,
    user_id: event.user_id,
    logged_in: event.logged_in,
    first_visit: event.first_visit,
    campaign: event.campaign,
    page_url: event.page?.url ?? null,
    page_path: event.page?.path ?? null,
    page_referrer: event.page?.referrer ?? null,
    page_title: event.page?.title ?? null,
    product_id: productIdOf(event),
    properties: event.properties,
    user_agent: event.user_agent,
    client_ip: event.client_ip,
    geo_country: event.geo?.country ?? null,
    geo_region: event.geo?.region ?? null,
    geo_city: event.geo?.city ?? null,
    language: event.language,
    time_zone: event.time_zone,
    screen_width: event.screen?.width ?? null,
    screen_height: event.screen?.height ?? null,
    viewport_width: event.viewport?.width ?? null,
    viewport_height: event.viewport?.height ?? null,
    trusted: event.trusted,
    flags: event.flags,
    object_key: objectKey,
    line_number: lineNumber,
  };
}

/**
 * Turns one raw lake object (gzipped NDJSON) into rows. A line that is not a valid raw record
 * is set aside with its reason; an object that cannot be decompressed is corrupt as a whole.
 */
export function parseRawObject(objectKey: string, body: Uint8Array): ParsedObject {
  let text: string;
  try {
    text = gunzipSync(body).toString("utf8");
  } catch (error) {
    return { kind: "corrupt", reason: `not a readable gzip object: ${error instanceof Error ? error.message : String(error)}` };
  }
  const rows: FactEventRow[] = [];
  const rejected: RejectedLine[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const reject = (reason: string) =>
      // A damaged object can hold NUL bytes, which PostgreSQL cannot store in text.
      rejected.push({ object_key: objectKey, line_number: index + 1, reason, line: line.slice(0, MAX_KEPT_LINE_LENGTH).replace(/\u0000/g, "\uFFFD") });
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      reject("line is not valid JSON");
      return;
    }
    // Every raw format ever written stays readable (schema/read-lake-line.ts).
    const parsed = readLakeLine(json);
    if (!parsed.ok) {
      reject(describeIssues(parsed.error));
      return;
    }
    rows.push(toFactEventRow(parsed.event, objectKey, index + 1));
  });
  return { kind: "events", rows, rejected };
}
