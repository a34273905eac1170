-- Events by day, name and the event's own login state (user_id set: signed in), with bots and
-- the shop's signed server events apart: what the Events view counts, bots included, since it is
-- there to debug the tracker.
DELETE FROM agg_event_daily WHERE day IN (SELECT day FROM run_affected_day);

INSERT INTO agg_event_daily (day, event_name, login_state, is_bot, trusted, events)
SELECT event_date, event_name, CASE WHEN user_id IS NULL THEN 'anonymous' ELSE 'signed_in' END, is_bot, trusted, count(*)
FROM fact_event
WHERE event_date IN (SELECT DISTINCT day FROM run_affected_day)
GROUP BY 1, 2, 3, 4, 5;
