-- Products rebuilt from the catalog's own events: product_updated, sent and signed by the shop's
-- server. A browser's product_view can name any price, so it never defines a product. The
-- latest event wins (ties by event_id), whatever order the events were loaded in.
INSERT INTO dim_product (product_id, sku, slug, name, brand, category, price_cents, currency,
                         compare_at_cents, stock, active, first_seen_at, last_seen_at)
SELECT latest.product_id, latest.sku, latest.slug, latest.name, latest.brand, latest.category,
       latest.price_cents, latest.currency, latest.compare_at_cents, latest.stock, latest.active,
       span.first_seen_at, span.last_seen_at
FROM (
  SELECT DISTINCT ON (product_id)
         product_id,
         properties->>'sku' AS sku,
         properties->>'slug' AS slug,
         properties->>'name' AS name,
         properties->>'brand' AS brand,
         properties->>'category' AS category,
         (properties->>'price_cents')::integer AS price_cents,
         properties->>'currency' AS currency,
         (properties->>'compare_at_cents')::integer AS compare_at_cents,
         (properties->>'stock')::integer AS stock,
         (properties->>'active')::boolean AS active
  FROM fact_event
  WHERE event_name = 'product_updated' AND trusted
    AND product_id IN (SELECT product_id FROM run_new_event WHERE event_name = 'product_updated' AND trusted)
  ORDER BY product_id, occurred_at DESC, event_id DESC
) AS latest
JOIN (
  SELECT product_id, min(occurred_at) AS first_seen_at, max(occurred_at) AS last_seen_at
  FROM fact_event
  WHERE event_name = 'product_updated' AND trusted
    AND product_id IN (SELECT product_id FROM run_new_event WHERE event_name = 'product_updated' AND trusted)
  GROUP BY product_id
) AS span USING (product_id)
ON CONFLICT (product_id) DO UPDATE SET
  sku = EXCLUDED.sku, slug = EXCLUDED.slug, name = EXCLUDED.name, brand = EXCLUDED.brand,
  category = EXCLUDED.category, price_cents = EXCLUDED.price_cents, currency = EXCLUDED.currency,
  compare_at_cents = EXCLUDED.compare_at_cents, stock = EXCLUDED.stock, active = EXCLUDED.active,
  first_seen_at = EXCLUDED.first_seen_at, last_seen_at = EXCLUDED.last_seen_at;
