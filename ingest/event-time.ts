import type { EventFlag } from "../lib/tracking/schema.ts";

/** How far after its arrival an event's derived time may lie before it is flagged. */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;
/** How long before its arrival an event may have happened before it is flagged (offline queues keep no longer). */
export const LONG_AGO_MS = 30 * 24 * 3_600_000;

// The lake's timestamps are ISO 8601 with four-digit years; a broken device clock must not
// push a derived time out of that range.
const EARLIEST = Date.parse("0000-01-01T00:00:00.000Z");
const LATEST = Date.parse("9999-12-31T23:59:59.999Z");

/**
 * An event's derived time (Snowplow's derived timestamp): its occurred_at corrected by the
 * sending device's clock error, received_at − (sent_at − occurred_at). occurred_at and sent_at
 * come from the same clock, so their difference is right however wrong that clock is.
 *
 * Both flags compare the derived time with received_at, i.e. they are skew-corrected: a device
 * whose clock is merely fast or slow is not flagged (derived_at already corrects it), while an
 * event that claims to have happened more than ten minutes after its batch was sent, or more than
 * thirty days before it (an offline queue older than the tracker keeps), is.
 *
 * Returns the time of each event of one batch (sent at `sentAt`), pushing its flags to `flags`.
 */
export function batchClock(sentAt: string, receivedAt: Date): (occurredAt: string, flags: EventFlag[]) => string {
  const received = receivedAt.getTime();
  const sent = Date.parse(sentAt);
  return (occurredAt, flags) => {
    const occurred = Date.parse(occurredAt);
    // The schema accepts only real dates, so this is a guard, not a path.
    const derived = Number.isFinite(occurred) && Number.isFinite(sent) ? received - (sent - occurred) : received;
    if (derived - received > FUTURE_TOLERANCE_MS) flags.push("occurred_in_future");
    if (received - derived > LONG_AGO_MS) flags.push("occurred_long_ago");
    return new Date(Math.min(Math.max(derived, EARLIEST), LATEST)).toISOString();
  };
}

/** One event's derived time and time flags (batchClock for a single event). */
export function deriveEventTime(occurredAt: string, sentAt: string, receivedAt: Date): { derivedAt: string; flags: EventFlag[] } {
  const flags: EventFlag[] = [];
  const derivedAt = batchClock(sentAt, receivedAt)(occurredAt, flags);
  return { derivedAt, flags };
}
