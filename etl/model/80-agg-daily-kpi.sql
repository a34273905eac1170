-- Daily KPIs, rebuilt for every day this pass touched (new events' days, and the days of the
-- sessions it removed or rebuilt). Bots are left out (bot_sessions counts them). A session and
-- its page views count on the day it started; orders on their own day. users: distinct signed-in
-- users, plus anonymous visitors never linked to one. tracked_events and lost_events: the
-- tracker's numbered events that arrived, and the numbers that never did (share lost =
-- lost / (tracked + lost)).
-- One row per day and login state: '(all)', and 'signed_in' / 'anonymous' by the session's login
-- state (fact_session.signed_in), for orders by the purchase's own (user_id set or not: a guest
-- checkout is anonymous). Counts of the two add up to '(all)'; users need not (one user can have
-- both kinds of session in a day).
DELETE FROM agg_daily_kpi WHERE day IN (SELECT day FROM run_affected_day);

WITH days AS (SELECT DISTINCT day FROM run_affected_day),
sessions AS (
  SELECT session_date AS day,
         CASE WHEN grouping(signed_in) = 1 THEN '(all)' WHEN signed_in THEN 'signed_in' ELSE 'anonymous' END AS login_state,
         count(*) FILTER (WHERE NOT is_bot) AS sessions,
         coalesce(sum(page_views) FILTER (WHERE NOT is_bot), 0) AS page_views,
         count(DISTINCT coalesce(user_id, anonymous_id::text)) FILTER (WHERE NOT is_bot) AS users,
         count(*) FILTER (WHERE bounced AND NOT is_bot) AS bounced_sessions,
         count(*) FILTER (WHERE engaged AND NOT is_bot) AS engaged_sessions,
         count(*) FILTER (WHERE converted AND NOT is_bot) AS converted_sessions,
         count(*) FILTER (WHERE is_bot) AS bot_sessions,
         coalesce(sum(tracked_events) FILTER (WHERE NOT is_bot), 0) AS tracked_events,
         coalesce(sum(lost_events) FILTER (WHERE NOT is_bot), 0) AS lost_events
  FROM fact_session
  WHERE session_date IN (SELECT day FROM days)
  GROUP BY GROUPING SETS ((session_date), (session_date, signed_in))
),
orders AS (
  SELECT event_date AS day,
         CASE WHEN grouping(user_id IS NULL) = 1 THEN '(all)' WHEN user_id IS NULL THEN 'anonymous' ELSE 'signed_in' END AS login_state,
         count(*) AS orders, sum((properties->>'revenue_cents')::bigint) AS revenue_cents
  FROM fact_event
  WHERE event_name = 'purchase' AND trusted AND event_date IN (SELECT day FROM days)
  GROUP BY GROUPING SETS ((event_date), (event_date, user_id IS NULL))
)
INSERT INTO agg_daily_kpi (day, login_state, sessions, users, page_views, bounced_sessions, engaged_sessions,
                           converted_sessions, orders, revenue_cents, bot_sessions, tracked_events, lost_events)
SELECT day, login_state,
       coalesce(s.sessions, 0), coalesce(s.users, 0), coalesce(s.page_views, 0),
       coalesce(s.bounced_sessions, 0), coalesce(s.engaged_sessions, 0), coalesce(s.converted_sessions, 0),
       coalesce(o.orders, 0), coalesce(o.revenue_cents, 0),
       coalesce(s.bot_sessions, 0), coalesce(s.tracked_events, 0), coalesce(s.lost_events, 0)
FROM sessions s
FULL JOIN orders o USING (day, login_state);
