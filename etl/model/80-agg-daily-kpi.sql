-- Daily KPIs, rebuilt for every day this pass touched (new events' days, and the days of the
-- sessions it removed or rebuilt). Bots are left out (bot_sessions counts them). A session counts
-- on the day it started; page views and orders on their own day. users: distinct signed-in
-- users, plus anonymous visitors never linked to one. tracked_events and lost_events: the
-- tracker's numbered events that arrived, and the numbers that never did (share lost =
-- lost / (tracked + lost)).
DELETE FROM agg_daily_kpi WHERE day IN (SELECT day FROM run_affected_day);

WITH days AS (SELECT DISTINCT day FROM run_affected_day),
sessions AS (
  SELECT session_date AS day,
         count(*) FILTER (WHERE NOT is_bot) AS sessions,
         count(DISTINCT coalesce(user_id, anonymous_id::text)) FILTER (WHERE NOT is_bot) AS users,
         count(*) FILTER (WHERE bounced AND NOT is_bot) AS bounced_sessions,
         count(*) FILTER (WHERE engaged AND NOT is_bot) AS engaged_sessions,
         count(*) FILTER (WHERE converted AND NOT is_bot) AS converted_sessions,
         count(*) FILTER (WHERE is_bot) AS bot_sessions,
         coalesce(sum(tracked_events) FILTER (WHERE NOT is_bot), 0) AS tracked_events,
         coalesce(sum(lost_events) FILTER (WHERE NOT is_bot), 0) AS lost_events
  FROM fact_session
  WHERE session_date IN (SELECT day FROM days)
  GROUP BY session_date
),
page_views AS (
  SELECT event_date AS day, count(*) AS page_views
  FROM fact_event
  WHERE event_name = 'page_view' AND NOT is_bot AND event_date IN (SELECT day FROM days)
  GROUP BY event_date
),
orders AS (
  SELECT event_date AS day, count(*) AS orders, sum((properties->>'revenue_cents')::bigint) AS revenue_cents
  FROM fact_event
  WHERE event_name = 'purchase' AND trusted AND event_date IN (SELECT day FROM days)
  GROUP BY event_date
)
INSERT INTO agg_daily_kpi (day, sessions, users, page_views, bounced_sessions, engaged_sessions,
                           converted_sessions, orders, revenue_cents, bot_sessions, tracked_events, lost_events)
SELECT days.day,
       coalesce(s.sessions, 0), coalesce(s.users, 0), coalesce(p.page_views, 0),
       coalesce(s.bounced_sessions, 0), coalesce(s.engaged_sessions, 0), coalesce(s.converted_sessions, 0),
       coalesce(o.orders, 0), coalesce(o.revenue_cents, 0),
       coalesce(s.bot_sessions, 0), coalesce(s.tracked_events, 0), coalesce(s.lost_events, 0)
FROM days
LEFT JOIN sessions s USING (day)
LEFT JOIN page_views p USING (day)
LEFT JOIN orders o USING (day)
WHERE s.day IS NOT NULL OR p.day IS NOT NULL OR o.day IS NOT NULL;
