-- severity: warn
-- Products shoppers saw that the catalog's own events never described (no dim_product row):
-- their names and categories are unknown to the dashboards until the shop sends product_updated.
SELECT DISTINCT a.product_id
FROM agg_product_daily a
WHERE a.day IN (SELECT unnest(days) FROM params)
  AND NOT EXISTS (SELECT 1 FROM dim_product p WHERE p.product_id = a.product_id)
