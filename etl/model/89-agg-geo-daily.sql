-- Sessions by place on the session's day (bots left out): country, region and city ('' where
-- unknown; country '' for a session without a known place), with users, converted sessions and
-- revenue. For all sessions ('(all)') and by the session's login state.
DELETE FROM agg_geo_daily WHERE day IN (SELECT day FROM run_affected_day);

WITH session AS (
  SELECT s.session_date AS day, s.signed_in, coalesce(g.country, '') AS country, coalesce(g.region, '') AS region,
         coalesce(g.city, '') AS city, coalesce(s.user_id, s.anonymous_id::text) AS identity, s.converted, s.revenue_cents
  FROM fact_session s
  LEFT JOIN dim_geography g ON g.geo_id = s.geo_id
  WHERE NOT s.is_bot AND s.session_date IN (SELECT day FROM run_affected_day)
)
INSERT INTO agg_geo_daily (day, login_state, country, region, city, sessions, users, converted_sessions, revenue_cents)
SELECT day, CASE WHEN grouping(signed_in) = 1 THEN '(all)' WHEN signed_in THEN 'signed_in' ELSE 'anonymous' END,
       country, region, city, count(*), count(DISTINCT identity), count(*) FILTER (WHERE converted), sum(revenue_cents)
FROM session
GROUP BY GROUPING SETS ((day, country, region, city), (day, signed_in, country, region, city));
