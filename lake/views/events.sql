-- One row per event, as fact_event keeps it: a retried event (the same event_id in several
-- objects) by its first arrival, the earliest received_at, then the object key. fact_event
-- differs only by lines the ETL rejects (raw_events does not validate) and by an event whose
-- earlier copy was loaded in a later pass than a later copy.
CREATE VIEW events AS
SELECT *
FROM raw_events
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY received_at, object_key) = 1;
