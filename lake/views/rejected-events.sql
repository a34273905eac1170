-- The lake's rejected/ area: what arrived and was set aside, with the ingest's reason.
CREATE VIEW rejected_events AS
SELECT
  regexp_extract(filename, '(rejected/dt=[^/]+/hr=[^/]+/[^/]+)$', 1) AS object_key,
  dt,
  hr,
  TRY_CAST(received_at AS TIMESTAMPTZ) AS received_at,
  "index" AS event_index,
  reason,
  payload
FROM rejected_lines
WHERE reason IS NOT NULL;
