-- Up Migration

-- What the warehouse may read of the shop: daily order totals, to reconcile its own orders and
-- revenue (from the shop's signed purchase events) against the source of truth. Nothing else:
-- the role warehouse_reader may only call this function, which runs with its owner's rights and
-- returns counts and sums, never an order, a customer or an address. In production the ETL logs
-- in as a user in that role (SHOP_READONLY_URL); locally it uses the shop's own URL.
CREATE INDEX shop_order_placed_idx ON shop_order (placed_at);

CREATE FUNCTION warehouse_order_totals(first_day date, last_day date)
RETURNS TABLE (day date, orders integer, revenue_cents bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT (placed_at AT TIME ZONE 'UTC')::date, count(*)::integer, sum(total_cents)::bigint
  FROM shop_order
  WHERE placed_at >= first_day::timestamp AT TIME ZONE 'UTC'
    AND placed_at < (last_day + 1)::timestamp AT TIME ZONE 'UTC'
  GROUP BY 1
$$;
REVOKE ALL ON FUNCTION warehouse_order_totals(date, date) FROM PUBLIC;

DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'warehouse_reader') THEN
    CREATE ROLE warehouse_reader NOLOGIN;
  END IF;
END $$;
GRANT EXECUTE ON FUNCTION warehouse_order_totals(date, date) TO warehouse_reader;

-- Down Migration
DROP FUNCTION warehouse_order_totals(date, date);
DROP INDEX shop_order_placed_idx;
