-- Up Migration

-- Event schema version 2: what the edge and the tracker now say about each event. Columns of
-- the visitor are nullable because product_updated (the catalog's own event) has no visitor.
ALTER TABLE fact_event
  ALTER COLUMN anonymous_id DROP NOT NULL,
  ALTER COLUMN session_id DROP NOT NULL,
  ALTER COLUMN page_url DROP NOT NULL,
  ALTER COLUMN page_path DROP NOT NULL,
  ALTER COLUMN page_title DROP NOT NULL,
  ADD COLUMN event_version smallint NOT NULL DEFAULT 1,
  -- The device's time corrected by its clock error (received_at − (sent_at − occurred_at)).
  ADD COLUMN derived_at timestamptz,
  -- The visitor's own event counter (gap-free from 1): gaps are events that never arrived.
  ADD COLUMN seq integer,
  ADD COLUMN logged_in boolean,
  ADD COLUMN first_visit boolean,
  ADD COLUMN campaign jsonb,
  -- Truncated at the edge (IPv4 /24, IPv6 /48); the full address is never stored.
  ADD COLUMN client_ip text,
  -- What the ingest noticed: truncated fields, times in the future or long ago.
  ADD COLUMN flags text[] NOT NULL DEFAULT '{}';

UPDATE fact_event SET derived_at = occurred_at WHERE derived_at IS NULL;
ALTER TABLE fact_event ALTER COLUMN derived_at SET NOT NULL;

-- The catalog as the shop's server states it (trusted product_updated events), latest wins.
ALTER TABLE dim_product
  ADD COLUMN compare_at_cents integer,
  ADD COLUMN stock integer,
  ADD COLUMN active boolean NOT NULL DEFAULT true;

-- Down Migration
ALTER TABLE dim_product DROP COLUMN compare_at_cents, DROP COLUMN stock, DROP COLUMN active;
DELETE FROM fact_event WHERE anonymous_id IS NULL OR session_id IS NULL OR page_url IS NULL;
ALTER TABLE fact_event
  DROP COLUMN event_version, DROP COLUMN derived_at, DROP COLUMN seq, DROP COLUMN logged_in,
  DROP COLUMN first_visit, DROP COLUMN campaign, DROP COLUMN client_ip, DROP COLUMN flags,
  ALTER COLUMN anonymous_id SET NOT NULL,
  ALTER COLUMN session_id SET NOT NULL,
  ALTER COLUMN page_url SET NOT NULL,
  ALTER COLUMN page_path SET NOT NULL,
  ALTER COLUMN page_title SET NOT NULL;
