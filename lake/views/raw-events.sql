-- Every event line of the lake's raw/ area, whatever version wrote it, read as readLakeLine
-- (lib/tracking/schema/read-lake-line.ts) reads it: a legacy version 1 line has schema_version 1
-- and neither event_version nor derived_at nor the ingest's user_id; later lines keep the event
-- as sent, in its own version, beside what the ingest knew. Not validated: a line the ETL would
-- reject is here too, when it has an event_id.
CREATE VIEW raw_events AS
WITH line AS (
  SELECT *,
         coalesce(event_version, schema_version) AS version,
         -- The time of an event: the device's time corrected by its clock error, as the ingest
         -- derived it; version 1 kept none, so the device's time is the best there is.
         TRY_CAST(coalesce(derived_at, event ->> 'occurred_at') AS TIMESTAMPTZ) AS event_time
  FROM raw_lines
)
SELECT
  regexp_extract(filename, '(raw/dt=[^/]+/hr=[^/]+/[^/]+)$', 1) AS object_key,
  dt,
  hr,
  version AS event_version,
  event ->> 'event_id' AS event_id,
  event ->> 'event_name' AS event_name,
  TRY_CAST(event ->> 'occurred_at' AS TIMESTAMPTZ) AS occurred_at,
  TRY_CAST(sent_at AS TIMESTAMPTZ) AS sent_at,
  TRY_CAST(received_at AS TIMESTAMPTZ) AS received_at,
  event_time AS derived_at,
  -- An event's day is the UTC day of its derived time, as fact_event.event_date.
  CAST(timezone('UTC', event_time) AS DATE) AS event_date,
  TRY_CAST(event ->> 'seq' AS INTEGER) AS seq,
  event ->> 'anonymous_id' AS anonymous_id,
  event ->> 'session_id' AS session_id,
  -- Only a signed event's own user_id can be believed; otherwise the ingest's verified sign-in.
  CASE WHEN coalesce(trusted, false) THEN event ->> 'user_id' ELSE user_id END AS user_id,
  CASE WHEN version = 2 THEN TRY_CAST(event -> 'context' ->> 'logged_in' AS BOOLEAN)
       WHEN schema_version >= 2 THEN user_id IS NOT NULL END AS logged_in,
  CASE WHEN version = 2 THEN TRY_CAST(event -> 'context' ->> 'first_visit' AS BOOLEAN) END AS first_visit,
  CASE WHEN version = 2 THEN event -> 'context' -> 'campaign' END AS campaign,
  event -> 'page' ->> 'url' AS page_url,
  event -> 'page' ->> 'path' AS page_path,
  event -> 'page' ->> 'referrer' AS page_referrer,
  event -> 'page' ->> 'title' AS page_title,
  CASE WHEN json_type(event, '$.properties.product_id') = 'VARCHAR' THEN event -> 'properties' ->> 'product_id' END AS product_id,
  event -> 'properties' AS properties,
  user_agent,
  client_ip,
  coalesce(trusted, false) AS trusted,
  coalesce(flags, []::VARCHAR[]) AS flags,
  event
FROM line
WHERE event ->> 'event_id' IS NOT NULL;
