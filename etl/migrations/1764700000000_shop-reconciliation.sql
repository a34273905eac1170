-- Up Migration

-- The shop's own daily order totals (read by the ETL through the shop's warehouse_order_totals,
-- etl/reconcile-shop.ts), beside the warehouse's, which come from the shop's signed purchase
-- events: a difference is an order whose event is late, lost or doubled.
CREATE TABLE shop_daily_totals (
  day           date PRIMARY KEY,
  orders        integer NOT NULL,
  revenue_cents bigint NOT NULL,
  fetched_at    timestamptz NOT NULL DEFAULT now()
);

CREATE VIEW reconciliation_daily AS
SELECT s.day,
       s.orders AS shop_orders,
       coalesce(k.orders, 0) AS warehouse_orders,
       s.revenue_cents AS shop_revenue_cents,
       coalesce(k.revenue_cents, 0) AS warehouse_revenue_cents,
       coalesce(k.orders, 0) - s.orders AS orders_difference,
       coalesce(k.revenue_cents, 0) - s.revenue_cents AS revenue_difference_cents,
       s.fetched_at
FROM shop_daily_totals s
LEFT JOIN agg_daily_kpi k USING (day);

-- Down Migration
DROP VIEW reconciliation_daily;
DROP TABLE shop_daily_totals;
