-- The events of every non-bot session that started on a day being rebuilt, each with its
-- session: what the session-based aggregates (search, funnel, checkout, paths) read. A visitor's
-- sessions never overlap in time, so an event belongs to the session whose span holds it.
CREATE TEMP TABLE run_session_event ON COMMIT DROP AS
SELECT s.session_key, s.session_date, s.signed_in, e.event_id, e.event_name, e.derived_at, e.trusted, e.page_path,
       e.product_id, e.properties
FROM fact_session s
JOIN fact_event e
  ON e.anonymous_id = s.anonymous_id
 AND e.derived_at BETWEEN s.started_at AND s.ended_at
 AND e.event_date BETWEEN s.session_date AND s.session_date + 1
WHERE NOT s.is_bot AND s.session_date IN (SELECT day FROM run_affected_day);

CREATE INDEX ON run_session_event (session_key, event_name);
ANALYZE run_session_event;
