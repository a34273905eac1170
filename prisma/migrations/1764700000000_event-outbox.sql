-- Up Migration

-- Server events waiting for the ingest (the transactional outbox). A row is written in the same
-- transaction as the fact it reports (an order and its purchase event), so no order ever lacks
-- its event; the relay (lib/outbox/) sends due rows, signed, and retries with backoff until the
-- ingest accepts them. The event id is fixed here, so a resend is a duplicate the warehouse drops.
CREATE TABLE event_outbox (
  event_id         uuid PRIMARY KEY,
  event_name       text NOT NULL,
  event            jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text,
  delivered_at     timestamptz
);

CREATE INDEX event_outbox_due_idx ON event_outbox (next_attempt_at) WHERE delivered_at IS NULL;

-- Down Migration
DROP TABLE event_outbox;
