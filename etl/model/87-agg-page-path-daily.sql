-- Where sessions enter and leave, and the paths they take, on the session's day (bots left out):
-- entry: the first page viewed; exit: the last; path: the first three pages viewed, joined by
-- ' → ' (fewer for shorter sessions). Each with sessions, bounced and converted sessions.
DELETE FROM agg_page_path_daily WHERE day IN (SELECT day FROM run_affected_day);

WITH page AS (
  SELECT session_key, page_path,
         row_number() OVER (PARTITION BY session_key ORDER BY derived_at, event_id) AS n
  FROM run_session_event
  WHERE event_name = 'page_view' AND page_path IS NOT NULL
),
journey AS (
  SELECT session_key, string_agg(page_path, ' → ' ORDER BY n) AS path FROM page WHERE n <= 3 GROUP BY session_key
),
session AS (
  SELECT session_key, session_date AS day, entry_page, exit_page, bounced, converted
  FROM fact_session
  WHERE NOT is_bot AND session_date IN (SELECT day FROM run_affected_day)
),
visit AS (
  SELECT day, 'entry' AS kind, entry_page AS path, bounced, converted FROM session WHERE entry_page IS NOT NULL
  UNION ALL
  SELECT day, 'exit', exit_page, bounced, converted FROM session WHERE exit_page IS NOT NULL
  UNION ALL
  SELECT s.day, 'path', j.path, s.bounced, s.converted FROM journey j JOIN session s USING (session_key)
)
INSERT INTO agg_page_path_daily (day, kind, path, sessions, bounced_sessions, converted_sessions)
SELECT day, kind, left(path, 1000), count(*), count(*) FILTER (WHERE bounced), count(*) FILTER (WHERE converted)
FROM visit
GROUP BY day, kind, left(path, 1000);
