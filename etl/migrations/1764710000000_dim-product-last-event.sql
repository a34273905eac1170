-- Up Migration

-- The catalog event dim_product's row came from, so a pass compares only its new events with the
-- row (latest occurred_at wins, then the greatest event id) instead of re-reading each product's
-- whole history.
ALTER TABLE dim_product ADD COLUMN last_event_id uuid;
UPDATE dim_product p
SET last_event_id = (
  SELECT e.event_id FROM fact_event e
  WHERE e.event_name = 'product_updated' AND e.trusted AND e.product_id = p.product_id
  ORDER BY e.occurred_at DESC, e.event_id DESC LIMIT 1);

-- Down Migration
ALTER TABLE dim_product DROP COLUMN last_event_id;
