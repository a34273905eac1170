-- severity: error
-- An event's device is in dim_device.
SELECT DISTINCT e.device_id
FROM fact_event e
WHERE e.event_date IN (SELECT unnest(days) FROM params)
  AND e.device_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM dim_device d WHERE d.device_id = e.device_id)
