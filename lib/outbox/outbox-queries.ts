/** SQL of the event outbox relay (table: prisma/migrations/1764700000000_event-outbox.sql). */

/** $1: how many. Due rows, oldest first, locked for this relay; another relay skips them. */
export const CLAIM_DUE = `
SELECT event_id, event, attempts
  FROM event_outbox
 WHERE delivered_at IS NULL AND next_attempt_at <= now()
 ORDER BY created_at, event_id
 LIMIT $1
   FOR UPDATE SKIP LOCKED`;

/** $1: event ids; $2: a note (the ingest's rejection reason, when it refused one). */
export const MARK_DELIVERED = `
UPDATE event_outbox
   SET delivered_at = now(), attempts = attempts + 1, last_error = $2
 WHERE event_id = ANY($1::uuid[])`;

/** $1: event ids; $2: why; $3: milliseconds until the next attempt. */
export const MARK_FAILED = `
UPDATE event_outbox
   SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + $3 * interval '1 millisecond'
 WHERE event_id = ANY($1::uuid[])`;

/** What is still waiting, and how long the oldest has waited. */
export const BACKLOG = `
SELECT count(*)::int AS waiting, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest_seconds
  FROM event_outbox
 WHERE delivered_at IS NULL`;
