-- severity: error
-- Every login-state split adds up: the signed-in and anonymous rows of a day's KPIs, checkout
-- and acquisition sum to its '(all)' row (sessions, orders, revenue). A session has exactly one
-- login state, so a difference is a model bug.
WITH day AS (SELECT unnest(days) AS day FROM params),
parts AS (
  SELECT 'agg_daily_kpi' AS aggregate, k.day, k.login_state = '(all)' AS is_all,
         k.sessions::bigint AS sessions, k.orders::bigint AS orders, k.revenue_cents AS revenue_cents
  FROM agg_daily_kpi k JOIN day USING (day)
  UNION ALL
  SELECT 'agg_checkout_daily', c.day, c.login_state = '(all)', c.began_checkout, c.purchased, c.abandoned_value_cents
  FROM agg_checkout_daily c JOIN day USING (day)
  UNION ALL
  SELECT 'agg_channel_daily', a.day, a.login_state = '(all)', a.sessions, a.converted_sessions, a.revenue_cents
  FROM agg_channel_daily a JOIN day USING (day)
),
totals AS (
  SELECT aggregate, day,
         sum(sessions) FILTER (WHERE is_all) AS all_sessions, sum(sessions) FILTER (WHERE NOT is_all) AS split_sessions,
         sum(orders) FILTER (WHERE is_all) AS all_orders, sum(orders) FILTER (WHERE NOT is_all) AS split_orders,
         sum(revenue_cents) FILTER (WHERE is_all) AS all_revenue_cents, sum(revenue_cents) FILTER (WHERE NOT is_all) AS split_revenue_cents
  FROM parts
  GROUP BY aggregate, day
)
SELECT * FROM totals
WHERE coalesce(all_sessions, 0) <> coalesce(split_sessions, 0)
   OR coalesce(all_orders, 0) <> coalesce(split_orders, 0)
   OR coalesce(all_revenue_cents, 0) <> coalesce(split_revenue_cents, 0)
