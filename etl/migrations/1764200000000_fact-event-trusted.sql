-- Up Migration

-- Whether the event came from the shop's server with a valid signature (raw record `trusted`).
-- Only trusted events may define money (purchases) or the catalog; browser events never are.
ALTER TABLE fact_event ADD COLUMN trusted boolean NOT NULL DEFAULT false;

CREATE INDEX fact_event_trusted_name_idx ON fact_event (event_name, event_date) WHERE trusted;

-- Down Migration
DROP INDEX fact_event_trusted_name_idx;
ALTER TABLE fact_event DROP COLUMN trusted;
