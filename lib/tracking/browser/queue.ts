import { MAX_BATCH_BYTES, MAX_EVENTS_PER_BATCH, SCHEMA_VERSION } from "../constants.ts";
import { LEASE_KEY, QUEUE_PREFIX } from "./identity-keys.ts";

/** Oldest events are dropped beyond this (a long offline period): the warehouse sees the seq gap. */
export const MAX_QUEUE = 500;
/**
 * Request bodies stay under the 64 KiB browsers allow a beacon or keepalive fetch, and under
 * the ingest's limit; 100 bytes of it are left for the envelope around the events.
 */
export const MAX_BODY_BYTES = Math.min(60 * 1024, MAX_BATCH_BYTES);
const MAX_EVENT_BYTES = MAX_BODY_BYTES - 100;
export const LEASE_MS = 10_000;

/** A queued event: its storage key and its JSON, exactly as it will be sent. */
export type Entry = [key: string, json: string];

const bytes = (text: string) => new Blob([text]).size;

/** The queued events' keys, oldest first (event ids are UUID v7: they sort by time). */
export const queuedKeys = (): string[] =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith(QUEUE_PREFIX))
    .sort();

/** Adds an event, cut down or set aside when too large to be sent alone. Returns the queue's length. */
export function enqueue(event: { event_id: string }): number {
  let json = JSON.stringify(event);
  // Cutting every string to 100 characters keeps ids, times and numbers and makes any event of
  // the schema fit, short of a hundred list items with long names (set aside).
  if (bytes(json) >= MAX_EVENT_BYTES) json = JSON.stringify(event, (_key, value: unknown) => (typeof value == "string" ? value.slice(0, 100) : value));
  if (bytes(json) < MAX_EVENT_BYTES) localStorage.setItem(QUEUE_PREFIX + event.event_id, json);
  const keys = queuedKeys();
  for (const key of keys.slice(0, -MAX_QUEUE)) localStorage.removeItem(key);
  return keys.length;
}

/** The oldest events that fit one request, by count and UTF-8 bytes, leaving out `skip`. */
export function nextBatch(skip: readonly string[] = []): Entry[] {
  const batch: Entry[] = [];
  let size = 0;
  for (const key of queuedKeys()) {
    const json = localStorage.getItem(key);
    if (json && !skip.includes(key) && batch.length < MAX_EVENTS_PER_BATCH && (size += bytes(json) + 1) <= MAX_EVENT_BYTES) batch.push([key, json]);
  }
  return batch;
}

export const envelope = (batch: readonly Entry[]): string =>
  `{"schema_version":${SCHEMA_VERSION},"sent_at":"${new Date().toISOString()}","events":[${batch.map((entry) => entry[1]).join()}]}`;

/**
 * Takes or renews the lease ("<tab id><expiry ms>") that lets one tab send the shared queue:
 * false while another tab holds an unexpired one. Storage is not atomic across tabs, so the
 * sender takes it, waits a moment for a rival's write to arrive, and checks again (tracker.ts).
 */
export function takeLease(tab: string): boolean {
  const lease = localStorage.getItem(LEASE_KEY) ?? tab;
  if (!lease.startsWith(tab) && +lease.slice(36) > Date.now()) return false;
  localStorage.setItem(LEASE_KEY, tab + (Date.now() + LEASE_MS));
  return true;
}

export function dropLease(tab: string): void {
  if (localStorage.getItem(LEASE_KEY)?.startsWith(tab)) localStorage.removeItem(LEASE_KEY);
}
