-- The places this pass's events came from (the ingest's geography), each once, keyed by
-- geo_key(country, region, city) as fact_event refers to them (10-fact-event.sql). A place is
-- never removed: it names no one.
INSERT INTO dim_geography (geo_id, country, region, city)
SELECT DISTINCT geo_key(geo_country, geo_region, geo_city), geo_country, coalesce(geo_region, ''), coalesce(geo_city, '')
FROM stage_event
WHERE geo_country IS NOT NULL
ON CONFLICT (geo_id) DO NOTHING;
