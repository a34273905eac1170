import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { deriveEventTime } from "../../ingest/event-time.ts";
import { lakeObjectKey, type LakeArea } from "../../lib/lake/keys.ts";
import type { RawEventRecord, RawEventRecordV1, TrackedEvent, TrackedEventV1 } from "../../lib/tracking/schema.ts";

/** How an event reached the ingest; its time of sending defaults to its occurred_at (a right clock). */
export interface Arrival {
  receivedAt: Date;
  sentAt?: string;
  trusted?: boolean;
  /** The verified sign-in the ingest saw. */
  userId?: string | null;
}

function edge(occurredAt: string, { receivedAt, sentAt = occurredAt, trusted = false, userId = null }: Arrival) {
  const { derivedAt, flags } = deriveEventTime(occurredAt, sentAt, receivedAt);
  return {
    schema_version: 2 as const,
    received_at: receivedAt.toISOString(),
    sent_at: sentAt,
    derived_at: derivedAt,
    user_agent: "Mozilla/5.0 (X11; Linux x86_64) test",
    client_ip: "127.0.0.0",
    user_id: userId,
    trusted,
    flags,
  };
}

/** A lake line as the ingest writes it now, with its derived time worked out as the ingest does. */
export function ingested(event: TrackedEvent, arrival: Arrival): RawEventRecord {
  return { ...edge(event.occurred_at, arrival), event_version: 2, event };
}

/** A version 1 event from an old tab, as the ingest writes it now. */
export function ingestedV1(event: TrackedEventV1, arrival: Arrival): RawEventRecord {
  return { ...edge(event.occurred_at, arrival), event_version: 1, event };
}

/** A lake line as the version 1 ingest wrote it: no derived time, flags or ingest user. */
export function legacyV1(event: TrackedEventV1, { receivedAt, sentAt = event.occurred_at, trusted = false }: Arrival): RawEventRecordV1 {
  return { schema_version: 1, received_at: receivedAt.toISOString(), sent_at: sentAt, user_agent: "Mozilla/5.0 legacy", trusted, event };
}

/** Writes one lake object (its bytes as stored) straight into a local mirror directory; returns its key. */
export async function writeLocalLakeObject(dir: string, area: LakeArea, receivedAt: Date, body: Uint8Array): Promise<string> {
  const key = lakeObjectKey(area, receivedAt);
  const file = path.join(dir, key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, body);
  return key;
}
