-- Products from the catalog's own events: product_updated, sent and signed by the shop's server.
-- A browser's product_view can name any price, so it never defines a product. The latest event
-- wins (by occurred_at, then event id), whatever order the events were loaded in: only the
-- pass's new events are read, and one replaces the row only when it is later than the event the
-- row came from (last_seen_at, last_event_id); first_seen_at keeps the earliest.
CREATE TEMP TABLE run_product_update ON COMMIT DROP AS
SELECT e.product_id, e.event_id, e.occurred_at, e.properties
FROM fact_event e
JOIN run_new_event n ON n.event_id = e.event_id AND n.event_date = e.event_date
WHERE n.event_name = 'product_updated' AND n.trusted;

UPDATE dim_product p
SET first_seen_at = u.first_seen_at
FROM (SELECT product_id, min(occurred_at) AS first_seen_at FROM run_product_update GROUP BY product_id) AS u
WHERE u.product_id = p.product_id AND u.first_seen_at < p.first_seen_at;

INSERT INTO dim_product AS p (product_id, sku, slug, name, brand, category, price_cents, currency,
                              compare_at_cents, stock, active, first_seen_at, last_seen_at, last_event_id)
SELECT l.product_id,
       l.properties->>'sku', l.properties->>'slug', l.properties->>'name', l.properties->>'brand',
       l.properties->>'category', (l.properties->>'price_cents')::integer, l.properties->>'currency',
       (l.properties->>'compare_at_cents')::integer, (l.properties->>'stock')::integer,
       (l.properties->>'active')::boolean,
       (SELECT min(occurred_at) FROM run_product_update u WHERE u.product_id = l.product_id),
       l.occurred_at, l.event_id
FROM (SELECT DISTINCT ON (product_id) * FROM run_product_update ORDER BY product_id, occurred_at DESC, event_id DESC) AS l
ON CONFLICT (product_id) DO UPDATE SET
  sku = EXCLUDED.sku, slug = EXCLUDED.slug, name = EXCLUDED.name, brand = EXCLUDED.brand,
  category = EXCLUDED.category, price_cents = EXCLUDED.price_cents, currency = EXCLUDED.currency,
  compare_at_cents = EXCLUDED.compare_at_cents, stock = EXCLUDED.stock, active = EXCLUDED.active,
  last_seen_at = EXCLUDED.last_seen_at, last_event_id = EXCLUDED.last_event_id
WHERE (EXCLUDED.last_seen_at, EXCLUDED.last_event_id)
    > (p.last_seen_at, coalesce(p.last_event_id, '00000000-0000-0000-0000-000000000000'::uuid));
