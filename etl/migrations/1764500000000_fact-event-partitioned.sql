-- Up Migration

-- fact_event partitioned by month of event_date (the UTC day of derived_at), so retention drops
-- whole months and a query over a period reads only its months. A partitioned table's unique
-- keys must include the partition key, and two deliveries of one event can be given different
-- days (derived_at moves with each delivery's latency), so one event id is kept once across all
-- partitions by fact_event_key, which the load claims before it inserts.

DROP VIEW mart_page_views_daily;
DROP VIEW mart_product_views_daily;

ALTER TABLE fact_event RENAME TO fact_event_unpartitioned;
ALTER INDEX fact_event_pkey RENAME TO fact_event_unpartitioned_pkey;
DROP INDEX fact_event_date_name_idx;
DROP INDEX fact_event_product_idx;
DROP INDEX fact_event_trusted_name_idx;
DROP INDEX fact_event_visitor_time_idx;
DROP INDEX fact_event_derived_at_brin;

CREATE TABLE fact_event (LIKE fact_event_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
  PARTITION BY RANGE (event_date);
ALTER TABLE fact_event ADD PRIMARY KEY (event_id, event_date);
CREATE INDEX fact_event_date_name_idx ON fact_event (event_date, event_name);
CREATE INDEX fact_event_product_idx ON fact_event (product_id) WHERE product_id IS NOT NULL;
CREATE INDEX fact_event_trusted_name_idx ON fact_event (event_name, event_date) WHERE trusted;
-- Sessionizing reads one visitor's events in time order.
CREATE INDEX fact_event_visitor_time_idx ON fact_event (anonymous_id, derived_at, event_id) WHERE anonymous_id IS NOT NULL;
CREATE INDEX fact_event_derived_at_brin ON fact_event USING brin (derived_at);

-- Rows whose month has no partition yet; ensure_fact_event_month moves them into their own.
CREATE TABLE fact_event_default PARTITION OF fact_event DEFAULT;

-- One row per event id ever loaded, whichever partition holds it: what makes a load exactly-once.
CREATE TABLE fact_event_key (
  event_id    uuid PRIMARY KEY,
  event_date  date NOT NULL
);

-- Creates the partition of the month holding `day` (fact_event_yYYYYmMM) unless it exists,
-- moving any rows the default partition holds for that month into it. The ETL calls it for a
-- pass's months before the pass's transaction, so readers are never blocked for a whole pass.
CREATE FUNCTION ensure_fact_event_month(day date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  first_day date := date_trunc('month', day)::date;
  next_first date := (date_trunc('month', day) + interval '1 month')::date;
  partition_name text := format('fact_event_y%sm%s', to_char(first_day, 'YYYY'), to_char(first_day, 'MM'));
BEGIN
  IF to_regclass(partition_name) IS NOT NULL THEN
    RETURN;
  END IF;
  EXECUTE format('CREATE TABLE %I (LIKE fact_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', partition_name);
  EXECUTE format(
    'WITH moved AS (DELETE FROM fact_event_default WHERE event_date >= %L AND event_date < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
    first_day, next_first, partition_name);
  EXECUTE format('ALTER TABLE fact_event ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', partition_name, first_day, next_first);
END $$;

SELECT ensure_fact_event_month(month)
FROM (SELECT DISTINCT date_trunc('month', event_date)::date AS month FROM fact_event_unpartitioned) AS months;

INSERT INTO fact_event SELECT * FROM fact_event_unpartitioned;
INSERT INTO fact_event_key (event_id, event_date) SELECT event_id, event_date FROM fact_event_unpartitioned;
DROP TABLE fact_event_unpartitioned;

CREATE VIEW mart_page_views_daily AS
SELECT event_date AS day,
       count(*)::bigint AS page_views,
       count(DISTINCT anonymous_id)::bigint AS visitors,
       count(DISTINCT session_id)::bigint AS sessions
FROM fact_event
WHERE event_name = 'page_view'
GROUP BY event_date;

CREATE VIEW mart_product_views_daily AS
SELECT e.event_date AS day,
       e.product_id,
       count(*)::bigint AS views,
       count(DISTINCT e.anonymous_id)::bigint AS visitors
FROM fact_event e
WHERE e.event_name = 'product_view'
GROUP BY e.event_date, e.product_id;

-- Down Migration
DROP VIEW mart_product_views_daily;
DROP VIEW mart_page_views_daily;
CREATE TABLE fact_event_unpartitioned (LIKE fact_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
INSERT INTO fact_event_unpartitioned SELECT * FROM fact_event;
DROP FUNCTION ensure_fact_event_month(date);
DROP TABLE fact_event_key;
DROP TABLE fact_event;
ALTER TABLE fact_event_unpartitioned RENAME TO fact_event;
ALTER TABLE fact_event ADD PRIMARY KEY (event_id);
CREATE INDEX fact_event_date_name_idx ON fact_event (event_date, event_name);
CREATE INDEX fact_event_product_idx ON fact_event (product_id) WHERE product_id IS NOT NULL;
CREATE INDEX fact_event_trusted_name_idx ON fact_event (event_name, event_date) WHERE trusted;
CREATE INDEX fact_event_visitor_time_idx ON fact_event (anonymous_id, derived_at, event_id) WHERE anonymous_id IS NOT NULL;
CREATE INDEX fact_event_derived_at_brin ON fact_event USING brin (derived_at);
CREATE VIEW mart_page_views_daily AS
SELECT event_date AS day, count(*)::bigint AS page_views, count(DISTINCT anonymous_id)::bigint AS visitors,
       count(DISTINCT session_id)::bigint AS sessions
FROM fact_event WHERE event_name = 'page_view' GROUP BY event_date;
CREATE VIEW mart_product_views_daily AS
SELECT e.event_date AS day, e.product_id, count(*)::bigint AS views, count(DISTINCT e.anonymous_id)::bigint AS visitors
FROM fact_event e WHERE e.event_name = 'product_view' GROUP BY e.event_date, e.product_id;
