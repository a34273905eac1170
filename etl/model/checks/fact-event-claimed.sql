-- severity: error
-- Every event is claimed in fact_event_key, under its own day (what keeps loads exactly-once).
SELECT e.event_id, e.event_date, k.event_date AS claimed_date
FROM fact_event e
LEFT JOIN fact_event_key k USING (event_id)
WHERE e.event_date IN (SELECT unnest(days) FROM params)
  AND k.event_date IS DISTINCT FROM e.event_date
