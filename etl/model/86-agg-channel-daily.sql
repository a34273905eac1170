-- Acquisition on the session's day (bots left out): sessions by channel, landing referrer host
-- (lower-cased, without "www.") and UTM source, medium and campaign ('' where none), with their
-- users, bounces, engaged and converted sessions and revenue. For all sessions ('(all)') and by
-- the session's login state.
DELETE FROM agg_channel_daily WHERE day IN (SELECT day FROM run_affected_day);

WITH session AS (
  SELECT session_date AS day, signed_in, channel,
         coalesce(regexp_replace(lower(substring(landing_referrer FROM '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?([^/:?#]+)')), '^www\.', ''), '') AS referrer_host,
         left(coalesce(utm_source, ''), 256) AS utm_source, left(coalesce(utm_medium, ''), 256) AS utm_medium,
         left(coalesce(utm_campaign, ''), 256) AS utm_campaign,
         coalesce(user_id, anonymous_id::text) AS identity, bounced, engaged, converted, revenue_cents
  FROM fact_session
  WHERE NOT is_bot AND session_date IN (SELECT day FROM run_affected_day)
)
INSERT INTO agg_channel_daily (day, login_state, channel, referrer_host, utm_source, utm_medium, utm_campaign, sessions,
                               users, bounced_sessions, engaged_sessions, converted_sessions, revenue_cents)
SELECT day, CASE WHEN grouping(signed_in) = 1 THEN '(all)' WHEN signed_in THEN 'signed_in' ELSE 'anonymous' END,
       channel, referrer_host, utm_source, utm_medium, utm_campaign,
       count(*), count(DISTINCT identity),
       count(*) FILTER (WHERE bounced), count(*) FILTER (WHERE engaged), count(*) FILTER (WHERE converted),
       sum(revenue_cents)
FROM session
GROUP BY GROUPING SETS ((day, channel, referrer_host, utm_source, utm_medium, utm_campaign),
                        (day, signed_in, channel, referrer_host, utm_source, utm_medium, utm_campaign));
