import { gunzipSync } from "node:zlib";
import { describeIssues, rawEventRecordSchema, type RawEventRecord } from "../lib/tracking/schema.ts";

/** A fact_event row as the load query's jsonb_to_recordset expects it. */
export interface FactEventRow {
  event_id: string;
  event_name: string;
  occurred_at: string;
  sent_at: string;
  received_at: string;
  anonymous_id: string;
  session_id: string;
  user_id: string | null;
  page_url: string;
  page_path: string;
  page_referrer: string | null;
  page_title: string;
  product_id: string | null;
  properties: Record<string, unknown>;
  user_agent: string | null;
  trusted: boolean;
  object_key: string;
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

export function toFactEventRow(record: RawEventRecord, objectKey: string): FactEventRow {
  const { event } = record;
  return {
    event_id: event.event_id,
    event_name: event.event_name,
    occurred_at: event.occurred_at,
    sent_at: record.sent_at,
    received_at: record.received_at,
    anonymous_id: event.anonymous_id,
    session_id: event.session_id,
    user_id: event.user_id,
    page_url: event.page.url,
    page_path: event.page.path,
    page_referrer: event.page.referrer,
    page_title: event.page.title,
    product_id: event.event_name === "product_view" ? event.properties.product_id : null,
    properties: event.properties,
    user_agent: record.user_agent,
    trusted: record.trusted,
    object_key: objectKey,
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
      rejected.push({ object_key: objectKey, line_number: index + 1, reason, line: line.slice(0, MAX_KEPT_LINE_LENGTH) });
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      reject("line is not valid JSON");
      return;
    }
    const parsed = rawEventRecordSchema.safeParse(json);
    if (!parsed.success) {
      reject(describeIssues(parsed.error));
      return;
    }
    rows.push(toFactEventRow(parsed.data, objectKey));
  });
  return { kind: "events", rows, rejected };
}
