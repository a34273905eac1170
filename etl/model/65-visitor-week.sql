-- The weeks each visitor with new events was active in (non-bot sessions, ISO weeks from
-- Monday), rebuilt whole from their sessions like fact_session, with the week of their first:
-- what the Retention view's weekly cohorts read.
DELETE FROM visitor_week
WHERE anonymous_id IN (SELECT anonymous_id FROM run_new_event WHERE anonymous_id IS NOT NULL);

INSERT INTO visitor_week (anonymous_id, week, first_week, sessions)
SELECT anonymous_id, week, min(week) OVER (PARTITION BY anonymous_id), sessions
FROM (
  SELECT anonymous_id, date_trunc('week', session_date)::date AS week, count(*) AS sessions
  FROM fact_session
  WHERE NOT is_bot
    AND anonymous_id IN (SELECT anonymous_id FROM run_new_event WHERE anonymous_id IS NOT NULL)
  GROUP BY 1, 2
) AS w;
