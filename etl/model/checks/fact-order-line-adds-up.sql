-- severity: error
-- Every signed purchase has its lines, and they add up to its subtotal.
SELECT e.event_id, (e.properties->>'subtotal_cents')::bigint AS subtotal_cents, sum(l.line_revenue_cents) AS lines_cents
FROM fact_event e
LEFT JOIN fact_order_line l ON l.event_id = e.event_id
WHERE e.event_date IN (SELECT unnest(days) FROM params) AND e.event_name = 'purchase' AND e.trusted
GROUP BY e.event_id, e.properties
HAVING sum(l.line_revenue_cents) IS DISTINCT FROM (e.properties->>'subtotal_cents')::bigint
