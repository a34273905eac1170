-- Identity: an anonymous visitor belongs to the user of their latest event with a user_id (only
-- the verified sign-in at the ingest or the shop's signed server events set one). Recomputed
-- for the visitors of the new events that carry a user, so the result ignores load order.
INSERT INTO identity_map (anonymous_id, user_id, first_linked_at, last_linked_at)
SELECT DISTINCT ON (e.anonymous_id)
       e.anonymous_id, e.user_id,
       min(e.derived_at) OVER (PARTITION BY e.anonymous_id),
       max(e.derived_at) OVER (PARTITION BY e.anonymous_id)
FROM fact_event e
WHERE e.user_id IS NOT NULL
  AND e.anonymous_id IN (SELECT anonymous_id FROM run_new_event WHERE user_id IS NOT NULL)
ORDER BY e.anonymous_id, e.derived_at DESC, e.event_id DESC
ON CONFLICT (anonymous_id) DO UPDATE SET
  user_id = EXCLUDED.user_id, first_linked_at = EXCLUDED.first_linked_at, last_linked_at = EXCLUDED.last_linked_at;
