-- Each product's day, on the day of the events (bots left out): list_views, how often it was
-- shown in a product list (home, category, search, related, …); clicks, from such a list;
-- views of its page; add_to_carts; and from the shop's signed orders (fact_order_line): orders
-- holding it, units sold and its revenue (unit price × quantity).
DELETE FROM agg_product_daily WHERE day IN (SELECT day FROM run_affected_day);

WITH days AS (SELECT DISTINCT day FROM run_affected_day),
event AS (
  SELECT event_date AS day, event_name, product_id, properties
  FROM fact_event
  WHERE event_date IN (SELECT day FROM days) AND NOT is_bot
    AND event_name IN ('product_list_view', 'product_click', 'product_view', 'add_to_cart')
),
touch AS (
  SELECT e.day, item->>'product_id' AS product_id, 'product_list_view' AS event_name
  FROM event e CROSS JOIN LATERAL jsonb_array_elements(e.properties->'items') AS item
  WHERE e.event_name = 'product_list_view'
  UNION ALL
  SELECT day, product_id, event_name FROM event WHERE event_name <> 'product_list_view' AND product_id IS NOT NULL
),
interest AS (
  SELECT day, product_id,
         count(*) FILTER (WHERE event_name = 'product_list_view') AS list_views,
         count(*) FILTER (WHERE event_name = 'product_click') AS clicks,
         count(*) FILTER (WHERE event_name = 'product_view') AS views,
         count(*) FILTER (WHERE event_name = 'add_to_cart') AS add_to_carts
  FROM touch
  GROUP BY day, product_id
),
sales AS (
  SELECT order_date AS day, product_id, count(DISTINCT order_id) AS orders, sum(quantity) AS units_sold,
         sum(line_revenue_cents) AS revenue_cents
  FROM fact_order_line
  WHERE order_date IN (SELECT day FROM days)
  GROUP BY order_date, product_id
)
INSERT INTO agg_product_daily (day, product_id, list_views, clicks, views, add_to_carts, orders, units_sold, revenue_cents)
SELECT day, product_id,
       coalesce(i.list_views, 0), coalesce(i.clicks, 0), coalesce(i.views, 0), coalesce(i.add_to_carts, 0),
       coalesce(s.orders, 0), coalesce(s.units_sold, 0), coalesce(s.revenue_cents, 0)
FROM interest i
FULL JOIN sales s USING (day, product_id);
