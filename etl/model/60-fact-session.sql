-- Sessions, rebuilt whole for every visitor with a new event (a session can span two runs, and
-- a late event can join or split sessions), so the result never depends on how events were
-- split between runs. The new events' days, and the days of the sessions removed and rebuilt, go
-- to run_affected_day: the aggregates (80-99) are rebuilt for those days.
--
-- Definitions (the README's "Metrics" says the same):
--   session     a visitor's events in time order (derived_at, the clock-corrected time), cut where
--               30 minutes pass without an event, where the tracker's session id changes, and
--               every 24 hours from a session's start. Keyed by its first event's id.
--   page views  page_view events.
--   interactive any event but page_view, product_list_view, product_view, cart_view and
--               engagement (which a page sends by itself).
--   bounce      exactly one page view and no interactive event.
--   engaged     at least 10 s of engaged (visible and focused) time, or 2+ page views, or a
--               conversion.
--   conversion  a session with a purchase the shop's server signed; revenue is its revenue_cents.
--   channel     the entry_channel of its first page view (etl/enrich/channel.ts), else of its
--               first event.
--   device, bot from its browser events only: server events carry the shop's server's agent.
--   lost events the tracker's numbers (seq, per visitor from 1 without gaps) that never arrived,
--               counted in the session of the event that arrived after the gap.
--   signed in   a session with an event that carries a verified user (identity stitching may
--               give an anonymous session a user_id; it stays anonymous).
--   place       the geography of its first browser event that has one (the ingest's lookup).
--   language, time zone, screen class
--               from its first page view that has them; screen class by viewport width in CSS
--               pixels: phone under 600, tablet 600 to 1023, desktop 1024 and up.
INSERT INTO run_affected_day SELECT DISTINCT event_date FROM run_new_event;

WITH removed AS (
  DELETE FROM fact_session
  WHERE anonymous_id IN (SELECT anonymous_id FROM run_new_event WHERE anonymous_id IS NOT NULL)
  RETURNING session_date
)
INSERT INTO run_affected_day SELECT DISTINCT session_date FROM removed;

WITH visitor_event AS (
  SELECT e.event_id, e.event_name, e.anonymous_id, e.session_id, e.user_id, e.derived_at, e.page_path,
         e.page_referrer, e.campaign, e.entry_channel, e.device_id, e.is_bot, e.first_visit, e.trusted,
         e.properties, e.seq, e.geo_id, e.language, e.time_zone, e.viewport_width,
         lag(e.derived_at) OVER w AS previous_at,
         lag(e.session_id) OVER w AS previous_session_id,
         -- Numbers the tracker gave to events that never arrived, just before this one.
         CASE WHEN e.seq IS NOT NULL THEN greatest(e.seq - coalesce(lag(e.seq) OVER by_seq, 0) - 1, 0) END AS seq_gap
  FROM fact_event e
  WHERE e.anonymous_id IN (SELECT anonymous_id FROM run_new_event WHERE anonymous_id IS NOT NULL)
  WINDOW w AS (PARTITION BY e.anonymous_id ORDER BY e.derived_at, e.event_id),
         by_seq AS (PARTITION BY e.anonymous_id ORDER BY e.seq NULLS LAST, e.event_id)
),
activity AS (
  SELECT *,
         sum(CASE WHEN previous_at IS NULL
                    OR derived_at - previous_at > interval '30 minutes'
                    OR session_id IS DISTINCT FROM previous_session_id THEN 1 ELSE 0 END)
           OVER (PARTITION BY anonymous_id ORDER BY derived_at, event_id) AS activity_no
  FROM visitor_event
),
capped AS (
  SELECT *,
         floor(extract(epoch FROM derived_at - min(derived_at) OVER (PARTITION BY anonymous_id, activity_no)) / 86400) AS day_no
  FROM activity
),
sessioned AS (
  SELECT *,
         first_value(event_id) OVER (PARTITION BY anonymous_id, activity_no, day_no ORDER BY derived_at, event_id) AS session_key
  FROM capped
),
summed AS (
  SELECT s.session_key,
         min(s.anonymous_id::text)::uuid AS anonymous_id,
         (array_agg(s.session_id ORDER BY s.derived_at, s.event_id))[1] AS session_id,
         (array_agg(s.user_id ORDER BY s.derived_at DESC, s.event_id DESC) FILTER (WHERE s.user_id IS NOT NULL))[1] AS event_user_id,
         min(s.derived_at) AS started_at,
         max(s.derived_at) AS ended_at,
         coalesce(sum((s.properties->>'focused_ms')::bigint) FILTER (WHERE s.event_name = 'engagement'), 0) / 1000 AS engaged_time_s,
         count(*) FILTER (WHERE s.event_name = 'page_view') AS page_views,
         count(*) AS events,
         count(*) FILTER (WHERE s.seq IS NOT NULL) AS tracked_events,
         coalesce(sum(s.seq_gap), 0) AS lost_events,
         count(*) FILTER (WHERE s.event_name NOT IN ('page_view', 'product_list_view', 'product_view', 'cart_view', 'engagement')) AS interactive,
         (array_agg(s.page_path ORDER BY s.derived_at, s.event_id) FILTER (WHERE s.event_name = 'page_view'))[1] AS entry_page,
         (array_agg(s.page_path ORDER BY s.derived_at DESC, s.event_id DESC) FILTER (WHERE s.event_name = 'page_view'))[1] AS exit_page,
         (array_agg(s.page_referrer ORDER BY s.derived_at, s.event_id) FILTER (WHERE s.event_name = 'page_view'))[1] AS landing_referrer,
         (array_agg(s.campaign ORDER BY s.derived_at, s.event_id) FILTER (WHERE s.campaign IS NOT NULL))[1] AS campaign,
         coalesce(
           (array_agg(s.entry_channel ORDER BY s.derived_at, s.event_id) FILTER (WHERE s.event_name = 'page_view' AND s.entry_channel IS NOT NULL))[1],
           (array_agg(s.entry_channel ORDER BY s.derived_at, s.event_id) FILTER (WHERE s.entry_channel IS NOT NULL))[1],
           'direct') AS channel,
         (array_agg(s.device_id ORDER BY s.derived_at, s.event_id) FILTER (WHERE NOT s.trusted AND s.device_id IS NOT NULL))[1] AS device_id,
         (array_agg(s.geo_id ORDER BY s.derived_at, s.event_id) FILTER (WHERE NOT s.trusted AND s.geo_id IS NOT NULL))[1] AS geo_id,
         (array_agg(s.language ORDER BY s.derived_at, s.event_id) FILTER (WHERE s.event_name = 'page_view' AND s.language IS NOT NULL))[1] AS language,
         (array_agg(s.time_zone ORDER BY s.derived_at, s.event_id) FILTER (WHERE s.event_name = 'page_view' AND s.time_zone IS NOT NULL))[1] AS time_zone,
         (array_agg(s.viewport_width ORDER BY s.derived_at, s.event_id) FILTER (WHERE s.event_name = 'page_view' AND s.viewport_width IS NOT NULL))[1] AS viewport_width,
         coalesce(bool_or(s.is_bot) FILTER (WHERE NOT s.trusted), false) AS is_bot,
         coalesce(bool_or(s.first_visit), false) AS first_visit,
         count(*) FILTER (WHERE s.event_name = 'purchase' AND s.trusted) AS orders,
         coalesce(sum((s.properties->>'revenue_cents')::bigint) FILTER (WHERE s.event_name = 'purchase' AND s.trusted), 0) AS revenue_cents
  FROM sessioned s
  GROUP BY s.session_key
),
inserted AS (
  INSERT INTO fact_session (
    session_key, session_id, anonymous_id, user_id, session_date, started_at, ended_at, duration_s,
    engaged_time_s, page_views, events, entry_page, exit_page, landing_referrer, utm_source, utm_medium,
    utm_campaign, channel, device_id, device_type, is_bot, first_visit, bounced, engaged, converted,
    orders, revenue_cents, tracked_events, lost_events, signed_in, geo_id, language, time_zone, screen_class)
  SELECT m.session_key, m.session_id, m.anonymous_id, coalesce(i.user_id, m.event_user_id),
         (m.started_at AT TIME ZONE 'UTC')::date, m.started_at, m.ended_at,
         floor(extract(epoch FROM m.ended_at - m.started_at)),
         m.engaged_time_s, m.page_views, m.events, m.entry_page, m.exit_page, m.landing_referrer,
         m.campaign->>'source', m.campaign->>'medium', m.campaign->>'name',
         m.channel, m.device_id, d.device_type, m.is_bot, m.first_visit,
         m.page_views = 1 AND m.interactive = 0,
         m.engaged_time_s >= 10 OR m.page_views >= 2 OR m.orders > 0,
         m.orders > 0, m.orders, m.revenue_cents, m.tracked_events, m.lost_events,
         m.event_user_id IS NOT NULL, m.geo_id, m.language, m.time_zone,
         CASE WHEN m.viewport_width < 600 THEN 'phone' WHEN m.viewport_width < 1024 THEN 'tablet'
              WHEN m.viewport_width >= 1024 THEN 'desktop' END
  FROM summed m
  LEFT JOIN identity_map i ON i.anonymous_id = m.anonymous_id
  LEFT JOIN dim_device d ON d.device_id = m.device_id
  RETURNING session_date
)
INSERT INTO run_affected_day SELECT DISTINCT session_date FROM inserted;
