-- The shopping funnel by session, on the session's day, for all products ('(all)') and per
-- category: 1 product_list_view → 2 product_view → 3 add_to_cart → 4 begin_checkout →
-- 5 add_shipping_info → 6 purchase (signed by the shop). A session reaches a step in a category
-- when it has an event of that step about a product of the category. sessions: sessions that
-- reached the step; sessions_through: those that reached it and every step before it (the
-- closed funnel; drop-off from step n to n+1 is 1 − through(n+1) / through(n)). Each for all
-- sessions ('(all)') and for the session's login state ('signed_in' or 'anonymous').
DELETE FROM agg_funnel_daily WHERE day IN (SELECT day FROM run_affected_day);

WITH step (step_number, step) AS (
  VALUES (1, 'product_list_view'), (2, 'product_view'), (3, 'add_to_cart'), (4, 'begin_checkout'),
         (5, 'add_shipping_info'), (6, 'purchase')
),
reached AS (
  SELECT DISTINCT e.session_key, e.session_date AS day, login.state AS login_state, category.name AS category,
         step.step_number, step.step
  FROM run_session_event e
  JOIN step ON step.step = e.event_name
  CROSS JOIN LATERAL (VALUES ('(all)'), (CASE WHEN e.signed_in THEN 'signed_in' ELSE 'anonymous' END)) AS login(state)
  CROSS JOIN LATERAL (
    SELECT '(all)' AS name
    UNION
    SELECT item->>'category' FROM jsonb_array_elements(
      CASE WHEN jsonb_typeof(e.properties->'items') = 'array' THEN e.properties->'items' ELSE '[]'::jsonb END) AS item
    UNION
    SELECT e.properties->>'category' WHERE e.properties ? 'category'
  ) AS category
  WHERE e.event_name <> 'purchase' OR e.trusted
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY session_key, login_state, category ORDER BY step_number) = step_number AS through
  FROM reached
)
INSERT INTO agg_funnel_daily (day, login_state, category, step_number, step, sessions, sessions_through)
SELECT day, login_state, category, step_number, step, count(*), count(*) FILTER (WHERE through)
FROM ranked
GROUP BY day, login_state, category, step_number, step;
