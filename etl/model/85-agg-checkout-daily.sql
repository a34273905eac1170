-- Checkout on the session's day: sessions that began checkout, added shipping, and purchased;
-- abandoned: began checkout and placed no order in the session, with the value of the checkout
-- they left (their last checkout step's value_cents). For all sessions ('(all)') and by the
-- session's login state.
DELETE FROM agg_checkout_daily WHERE day IN (SELECT day FROM run_affected_day);

WITH per_session AS (
  SELECT session_key, session_date AS day, signed_in,
         bool_or(event_name = 'begin_checkout') AS began,
         bool_or(event_name = 'add_shipping_info') AS added_shipping,
         bool_or(event_name = 'purchase' AND trusted) AS purchased,
         (array_agg((properties->>'value_cents')::bigint ORDER BY derived_at DESC, event_id DESC)
            FILTER (WHERE event_name IN ('begin_checkout', 'add_shipping_info')))[1] AS checkout_value_cents
  FROM run_session_event
  WHERE event_name IN ('begin_checkout', 'add_shipping_info', 'purchase')
  GROUP BY session_key, session_date, signed_in
)
INSERT INTO agg_checkout_daily (day, login_state, began_checkout, added_shipping, purchased, abandoned, abandoned_value_cents)
SELECT day, CASE WHEN grouping(signed_in) = 1 THEN '(all)' WHEN signed_in THEN 'signed_in' ELSE 'anonymous' END,
       count(*),
       count(*) FILTER (WHERE added_shipping),
       count(*) FILTER (WHERE purchased),
       count(*) FILTER (WHERE NOT purchased),
       coalesce(sum(checkout_value_cents) FILTER (WHERE NOT purchased), 0)
FROM per_session
WHERE began
GROUP BY GROUPING SETS ((day), (day, signed_in));
