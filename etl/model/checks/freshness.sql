-- severity: warn
-- The newest event the warehouse holds arrived within the last two hours (a quiet shop at night
-- warns too: read it with the traffic you expect).
SELECT max(received_at) AS newest_received_at
FROM fact_event
WHERE event_date >= current_date - 1
HAVING max(received_at) IS NULL OR max(received_at) < now() - interval '2 hours'
