-- severity: error
-- The daily KPIs say what the facts say: sessions and orders per day.
WITH day AS (SELECT unnest(days) AS day FROM params),
facts AS (
  SELECT day.day,
         (SELECT count(*) FROM fact_session s WHERE s.session_date = day.day AND NOT s.is_bot) AS sessions,
         (SELECT count(*) FROM fact_event e WHERE e.event_date = day.day AND e.event_name = 'purchase' AND e.trusted) AS orders
  FROM day
)
SELECT f.day, f.sessions, k.sessions AS kpi_sessions, f.orders, k.orders AS kpi_orders
FROM facts f
LEFT JOIN agg_daily_kpi k ON k.day = f.day AND k.login_state = '(all)'
WHERE coalesce(k.sessions, 0) <> f.sessions OR coalesce(k.orders, 0) <> f.orders
