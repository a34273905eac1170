import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { describeDevice, type Device } from "../enrich/device.ts";
import { classifyChannel } from "../enrich/channel.ts";
import type { FactEventRow } from "../parse-raw-object.ts";
import { copyLine, type CopyValue } from "./copy-text.ts";

const EVENT_COLUMNS = [
  "event_id", "event_name", "event_version", "occurred_at", "derived_at", "sent_at", "received_at", "seq",
  "anonymous_id", "session_id", "user_id", "logged_in", "first_visit", "campaign", "page_url", "page_path",
  "page_referrer", "page_title", "product_id", "properties", "user_agent", "client_ip", "trusted", "flags",
  "object_key", "line_number", "device_id", "is_bot", "entry_channel", "geo_country", "geo_region", "geo_city",
  "language", "time_zone", "screen_width", "screen_height", "viewport_width", "viewport_height",
] as const;

const DEVICE_COLUMNS = [
  "device_id", "user_agent", "browser_name", "browser_major", "os_name", "os_version", "device_type",
  "device_vendor", "device_model", "is_bot",
] as const;

/**
 * One event as staged: the row, with what the ETL learns from it. The shop's server sends its
 * own events (purchases, catalog changes, cart changes recorded by server actions) with its own
 * user agent, which says nothing of the shopper's device: they get no device and are no bot.
 */
function eventLine(row: FactEventRow, devices: Map<string, Device & { user_agent: string | null }>): string {
  const device = row.trusted ? null : describeDevice(row.user_agent);
  if (device && !devices.has(device.device_id)) devices.set(device.device_id, { ...device, user_agent: row.user_agent });
  const entryChannel = row.page_url
    ? classifyChannel({ referrer: row.page_referrer, landingUrl: row.page_url, campaign: row.campaign })
    : null;
  const values: Record<(typeof EVENT_COLUMNS)[number], CopyValue> = {
    ...row,
    campaign: { json: row.campaign },
    properties: { json: row.properties },
    device_id: device?.device_id ?? null,
    is_bot: device?.is_bot ?? false,
    entry_channel: entryChannel,
  };
  return copyLine(EVENT_COLUMNS.map((column) => values[column]));
}

async function copyInto(client: pg.PoolClient, table: string, columns: readonly string[], lines: Iterable<string> | AsyncIterable<string>): Promise<void> {
  await pipeline(Readable.from(lines), client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`)));
}

/**
 * Rows go to the COPY in chunks of about this many characters: pg-copy-streams writes each chunk
 * it is given to the socket, and a write per row was about a seventh of the ETL process's CPU.
 */
const COPY_CHUNK_CHARS = 64 * 1024;

/**
 * Streams a pass's rows, enriched, into stage_event, and the devices they name into stage_device.
 * `streaming` is awaited once the COPY has begun sending rows.
 */
export async function stageRows(client: pg.PoolClient, rows: readonly FactEventRow[], streaming: () => Promise<void> = async () => {}): Promise<void> {
  const devices = new Map<string, Device & { user_agent: string | null }>();
  async function* chunks() {
    let chunk = "";
    let sent = false;
    for (const [index, row] of rows.entries()) {
      chunk += eventLine(row, devices);
      if (chunk.length < COPY_CHUNK_CHARS && index < rows.length - 1) continue;
      yield chunk;
      chunk = "";
      if (!sent) {
        sent = true;
        await streaming();
      }
    }
  }
  await copyInto(client, "stage_event", EVENT_COLUMNS, chunks());
  await copyInto(
    client,
    "stage_device",
    DEVICE_COLUMNS,
    [...devices.values()].map((device) => copyLine(DEVICE_COLUMNS.map((column) => device[column]))),
  );
}
