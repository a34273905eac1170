-- Site search by query (lower-cased, trimmed, inner spaces collapsed), on its session's day. A
-- search is a search event for the first page of results (paging on is not a new search); a
-- zero-result search found nothing; followed by a click: the session clicked a product in a
-- search result list after it; followed by a purchase: the session placed an order after it.
DELETE FROM agg_search_daily WHERE day IN (SELECT day FROM run_affected_day);

WITH searched AS (
  SELECT session_key, session_date AS day, derived_at,
         left(regexp_replace(lower(btrim(properties->>'query')), '\s+', ' ', 'g'), 200) AS query,
         (properties->>'result_count')::integer AS result_count
  FROM run_session_event
  WHERE event_name = 'search' AND (properties->>'page')::integer = 1
),
followed AS (
  SELECT s.day, s.query, s.result_count,
         EXISTS (SELECT 1 FROM run_session_event c
                 WHERE c.session_key = s.session_key AND c.event_name = 'product_click'
                   AND c.properties->>'list_type' = 'search' AND c.derived_at >= s.derived_at) AS clicked,
         EXISTS (SELECT 1 FROM run_session_event p
                 WHERE p.session_key = s.session_key AND p.event_name = 'purchase' AND p.trusted
                   AND p.derived_at >= s.derived_at) AS purchased
  FROM searched s
)
INSERT INTO agg_search_daily (day, query, searches, zero_result_searches, searches_with_click, searches_with_purchase)
SELECT day, query, count(*), count(*) FILTER (WHERE result_count = 0), count(*) FILTER (WHERE clicked),
       count(*) FILTER (WHERE purchased)
FROM followed
WHERE query <> ''
GROUP BY day, query;
