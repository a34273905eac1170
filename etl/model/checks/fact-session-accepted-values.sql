-- severity: error
-- A session's channel and device type are ones the enrichment (etl/enrich) names.
SELECT session_key, channel, device_type
FROM fact_session
WHERE session_date IN (SELECT unnest(days) FROM params)
  AND (channel NOT IN (SELECT unnest(channels) FROM params)
       OR (device_type IS NOT NULL AND device_type NOT IN (SELECT unnest(device_types) FROM params)))
