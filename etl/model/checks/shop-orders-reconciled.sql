-- severity: warn
-- The warehouse's orders and revenue per day equal the shop's own (when the ETL can read them).
-- A purchase event still in the shop's outbox differs for a few minutes; a lasting difference
-- is an order lost or doubled on the way.
SELECT day, shop_orders, warehouse_orders, shop_revenue_cents, warehouse_revenue_cents
FROM reconciliation_daily
WHERE day IN (SELECT unnest(days) FROM params)
  AND (orders_difference <> 0 OR revenue_difference_cents <> 0)
