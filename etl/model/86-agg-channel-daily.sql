-- Acquisition on the session's day (bots left out): sessions by channel, landing referrer host
-- (lower-cased, without "www.") and UTM source, medium and campaign ('' where none), with their
-- users, bounces, engaged and converted sessions and revenue.
DELETE FROM agg_channel_daily WHERE day IN (SELECT day FROM run_affected_day);

INSERT INTO agg_channel_daily (day, channel, referrer_host, utm_source, utm_medium, utm_campaign, sessions, users,
                               bounced_sessions, engaged_sessions, converted_sessions, revenue_cents)
SELECT session_date, channel,
       coalesce(regexp_replace(lower(substring(landing_referrer FROM '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?([^/:?#]+)')), '^www\.', ''), ''),
       left(coalesce(utm_source, ''), 256), left(coalesce(utm_medium, ''), 256), left(coalesce(utm_campaign, ''), 256),
       count(*), count(DISTINCT coalesce(user_id, anonymous_id::text)),
       count(*) FILTER (WHERE bounced), count(*) FILTER (WHERE engaged), count(*) FILTER (WHERE converted),
       sum(revenue_cents)
FROM fact_session
WHERE NOT is_bot AND session_date IN (SELECT day FROM run_affected_day)
GROUP BY 1, 2, 3, 4, 5, 6;
