-- Up Migration

-- Run bookkeeping ---------------------------------------------------------------------------
CREATE TABLE etl_run (
  run_id          bigserial PRIMARY KEY,
  started_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz,
  status          text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
  objects_loaded  integer NOT NULL DEFAULT 0,
  objects_quarantined integer NOT NULL DEFAULT 0,
  events_loaded   integer NOT NULL DEFAULT 0,
  duplicates      integer NOT NULL DEFAULT 0,
  rejected        integer NOT NULL DEFAULT 0,
  error           text
);

-- Every raw object the ETL has taken, exactly once. Written in the same transaction as the
-- object's events, so an object is either fully loaded and listed here, or neither.
CREATE TABLE etl_object_manifest (
  object_key      text PRIMARY KEY,
  run_id          bigint NOT NULL REFERENCES etl_run (run_id),
  status          text NOT NULL CHECK (status IN ('loaded', 'quarantined')),
  events_loaded   integer NOT NULL DEFAULT 0,
  duplicates      integer NOT NULL DEFAULT 0,
  rejected        integer NOT NULL DEFAULT 0,
  error           text,
  loaded_at       timestamptz NOT NULL DEFAULT now()
);

-- Lines of raw objects that failed validation at ETL time, with their reason.
CREATE TABLE etl_rejected_line (
  id              bigserial PRIMARY KEY,
  object_key      text NOT NULL,
  line_number     integer NOT NULL,
  reason          text NOT NULL,
  line            text NOT NULL,
  rejected_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (object_key, line_number)
);

-- Model ------------------------------------------------------------------------------------
CREATE TABLE fact_event (
  event_id        uuid PRIMARY KEY,
  event_name      text NOT NULL,
  occurred_at     timestamptz NOT NULL,
  sent_at         timestamptz NOT NULL,
  received_at     timestamptz NOT NULL,
  event_date      date NOT NULL,
  anonymous_id    uuid NOT NULL,
  session_id      uuid NOT NULL,
  user_id         text,
  page_url        text NOT NULL,
  page_path       text NOT NULL,
  page_referrer   text,
  page_title      text NOT NULL,
  product_id      text,
  properties      jsonb NOT NULL,
  user_agent      text,
  object_key      text NOT NULL
);

CREATE INDEX fact_event_date_name_idx ON fact_event (event_date, event_name);
CREATE INDEX fact_event_product_idx ON fact_event (product_id) WHERE product_id IS NOT NULL;

-- Products as the events describe them; the most recent event wins.
CREATE TABLE dim_product (
  product_id      text PRIMARY KEY,
  sku             text NOT NULL,
  slug            text NOT NULL,
  name            text NOT NULL,
  brand           text NOT NULL,
  category        text NOT NULL,
  price_cents     integer NOT NULL,
  currency        char(3) NOT NULL,
  first_seen_at   timestamptz NOT NULL,
  last_seen_at    timestamptz NOT NULL
);

-- Marts the dashboards read ------------------------------------------------------------------
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
DROP TABLE dim_product;
DROP TABLE fact_event;
DROP TABLE etl_rejected_line;
DROP TABLE etl_object_manifest;
DROP TABLE etl_run;
