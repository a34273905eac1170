-- Up Migration

-- The skeleton's marts were plain views that recounted distinct visitors over fact_event on every
-- read. The dashboards now read the daily aggregates the ETL keeps (agg_*), so they go.
DROP VIEW mart_page_views_daily;
DROP VIEW mart_product_views_daily;

-- Down Migration
CREATE VIEW mart_page_views_daily AS
SELECT event_date AS day, count(*)::bigint AS page_views, count(DISTINCT anonymous_id)::bigint AS visitors,
       count(DISTINCT session_id)::bigint AS sessions
FROM fact_event WHERE event_name = 'page_view' GROUP BY event_date;
CREATE VIEW mart_product_views_daily AS
SELECT e.event_date AS day, e.product_id, count(*)::bigint AS views, count(DISTINCT e.anonymous_id)::bigint AS visitors
FROM fact_event e WHERE e.event_name = 'product_view' GROUP BY e.event_date, e.product_id;
