-- severity: error
-- An event id is one row of fact_event.
SELECT event_id, count(*) AS copies
FROM fact_event
WHERE event_date IN (SELECT unnest(days) FROM params)
GROUP BY event_id
HAVING count(*) > 1
