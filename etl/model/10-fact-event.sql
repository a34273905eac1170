-- Staging → fact_event. stage_event holds this pass's rows (COPY'd by stage-rows.ts), possibly
-- with duplicates; an event already loaded, or twice in this pass, keeps its first arrival
-- (earliest received_at, then object key and line). fact_event_key claims each event id once
-- across every partition; the event's place is named by geo_id (08-dim-geography.sql). What was
-- new is kept in run_new_event for every later step: the model is rebuilt only where new events
-- fall.
CREATE TEMP TABLE run_new_event ON COMMIT DROP AS
WITH first_arrival AS (
  SELECT DISTINCT ON (event_id) *, (derived_at AT TIME ZONE 'UTC')::date AS event_date
  FROM stage_event
  ORDER BY event_id, received_at, object_key, line_number
),
claimed AS (
  INSERT INTO fact_event_key (event_id, event_date)
  SELECT event_id, event_date FROM first_arrival
  ON CONFLICT (event_id) DO NOTHING
  RETURNING event_id
),
inserted AS (
  INSERT INTO fact_event (
    event_id, event_name, event_version, occurred_at, derived_at, sent_at, received_at, event_date, seq,
    anonymous_id, session_id, user_id, logged_in, first_visit, campaign, page_url, page_path,
    page_referrer, page_title, product_id, properties, user_agent, client_ip, trusted, flags, object_key,
    device_id, is_bot, entry_channel, geo_id, language, time_zone, screen_width, screen_height,
    viewport_width, viewport_height)
  SELECT event_id, event_name, event_version, occurred_at, derived_at, sent_at, received_at, event_date, seq,
         anonymous_id, session_id, user_id, logged_in, first_visit, campaign, page_url, page_path,
         page_referrer, page_title, product_id, properties, user_agent, client_ip, trusted, flags, object_key,
         device_id, is_bot, entry_channel,
         CASE WHEN geo_country IS NOT NULL THEN geo_key(geo_country, geo_region, geo_city) END,
         language, time_zone, screen_width, screen_height, viewport_width, viewport_height
  FROM first_arrival
  WHERE event_id IN (SELECT event_id FROM claimed)
  RETURNING event_id, event_name, event_date, anonymous_id, user_id, product_id, trusted, object_key
)
SELECT * FROM inserted;

CREATE INDEX ON run_new_event (anonymous_id);
ANALYZE run_new_event;
