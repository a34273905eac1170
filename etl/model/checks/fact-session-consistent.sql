-- severity: error
-- A session's measures agree with each other and with its definitions (60-fact-session.sql).
SELECT session_key
FROM fact_session
WHERE session_date IN (SELECT unnest(days) FROM params)
  AND (ended_at < started_at
       OR ended_at - started_at > interval '24 hours'
       OR page_views > events
       OR tracked_events > events
       OR lost_events < 0
       OR (bounced AND page_views <> 1)
       OR converted <> (orders > 0)
       OR (NOT converted AND revenue_cents <> 0)
       OR session_date <> (started_at AT TIME ZONE 'UTC')::date)
