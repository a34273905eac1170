-- severity: error
-- Every event name is one the taxonomy (lib/tracking/schema) defines.
SELECT event_name, count(*) AS events
FROM fact_event
WHERE event_date IN (SELECT unnest(days) FROM params)
  AND event_name NOT IN (SELECT unnest(event_names) FROM params)
GROUP BY event_name
