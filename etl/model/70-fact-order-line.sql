-- Order lines from the new purchase events the shop's server signed. An order's event id is
-- fixed when its outbox row is written, so a relayed retry is a duplicate event, never a second
-- order; an order's lines never change.
INSERT INTO fact_order_line (
  order_id, line_number, order_number, event_id, ordered_at, order_date, anonymous_id, session_id,
  user_id, product_id, sku, product_name, brand, category, quantity, unit_price_cents,
  line_revenue_cents, currency)
SELECT (e.properties->>'order_id')::uuid, item.line_number, e.properties->>'order_number', e.event_id,
       e.derived_at, e.event_date, e.anonymous_id, e.session_id, e.user_id,
       item.value->>'product_id', item.value->>'sku', item.value->>'name', item.value->>'brand',
       item.value->>'category', (item.value->>'quantity')::integer, (item.value->>'price_cents')::integer,
       (item.value->>'quantity')::bigint * (item.value->>'price_cents')::bigint,
       e.properties->>'currency'
FROM run_new_event n
JOIN fact_event e ON e.event_id = n.event_id AND e.event_date = n.event_date
CROSS JOIN LATERAL jsonb_array_elements(e.properties->'items') WITH ORDINALITY AS item(value, line_number)
WHERE n.event_name = 'purchase' AND n.trusted
ON CONFLICT (order_id, line_number) DO NOTHING;
