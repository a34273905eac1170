import { LEASE_KEY, QUEUE_PREFIX } from "./identity-keys.ts";
import { LEASE_MS, MAX_EVENT_BYTES, MAX_EVENTS_PER_BATCH, MAX_QUEUE, SCHEMA_VERSION } from "./limits.ts";

/** A queued event: its storage key and its JSON, exactly as it will be sent. */
export type Entry = [key: string, json: string];

const bytes = (text: string) => new Blob([text]).size;

/** The tracker's localStorage keys starting with `prefix`, sorted: queued events oldest first (event ids are UUID v7). */
export const storedKeys = (prefix = QUEUE_PREFIX): string[] =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith(prefix))
    .sort();

export const removeKeys = (keys: readonly string[]): void => keys.forEach((key) => localStorage.removeItem(key));

/** Adds an event, cut down or set aside when too large to be sent alone. Returns the queue's length. */
export function enqueue(event: { event_id: string }): number {
  let json = JSON.stringify(event);
  // Cutting every string to 100 characters keeps ids, times and numbers and makes any event of
  // the schema fit, short of a hundred list items with long names (set aside).
  if (bytes(json) >= MAX_EVENT_BYTES) json = JSON.stringify(event, (_key, value: unknown) => (typeof value == "string" ? value.slice(0, 100) : value));
  if (bytes(json) < MAX_EVENT_BYTES) localStorage.setItem(QUEUE_PREFIX + event.event_id, json);
  const keys = storedKeys();
  removeKeys(keys.slice(0, -MAX_QUEUE));
  return keys.length;
}

/** The oldest events that fit one request, by count and UTF-8 bytes, leaving out `skip`. */
export function nextBatch(skip: readonly string[]): Entry[] {
  const batch: Entry[] = [];
  let size = 0;
  for (const key of storedKeys()) {
    const json = localStorage.getItem(key);
    if (json && !skip.includes(key) && batch.length < MAX_EVENTS_PER_BATCH && (size += bytes(json) + 1) <= MAX_EVENT_BYTES) batch.push([key, json]);
  }
  return batch;
}

// An array in a template literal joins its items with commas.
export const envelope = (batch: readonly Entry[]): string =>
  `{"schema_version":${SCHEMA_VERSION},"sent_at":"${new Date().toISOString()}","events":[${batch.map((entry) => entry[1])}]}`;

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
