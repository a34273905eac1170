-- Up Migration

-- What the dashboards read, one row per day and key, rebuilt by the ETL for the days a pass
-- touched (etl/model/8N-*.sql define each number). Bots are left out of every one.

-- Browser events the tracker numbered (seq) and the numbers that never arrived before them.
ALTER TABLE fact_session
  ADD COLUMN tracked_events integer NOT NULL DEFAULT 0,
  ADD COLUMN lost_events integer NOT NULL DEFAULT 0;
CREATE INDEX fact_session_visitor_time_idx ON fact_session (anonymous_id, started_at);

ALTER TABLE agg_daily_kpi
  ADD COLUMN bot_sessions integer NOT NULL DEFAULT 0,
  ADD COLUMN tracked_events integer NOT NULL DEFAULT 0,
  ADD COLUMN lost_events integer NOT NULL DEFAULT 0;

CREATE TABLE agg_product_daily (
  day             date NOT NULL,
  product_id      text NOT NULL,
  list_views      integer NOT NULL,
  clicks          integer NOT NULL,
  views           integer NOT NULL,
  add_to_carts    integer NOT NULL,
  orders          integer NOT NULL,
  units_sold      integer NOT NULL,
  revenue_cents   bigint NOT NULL,
  PRIMARY KEY (day, product_id)
);

CREATE TABLE agg_search_daily (
  day             date NOT NULL,
  -- Lower-cased, trimmed, inner spaces collapsed.
  query           text NOT NULL,
  searches        integer NOT NULL,
  zero_result_searches integer NOT NULL,
  searches_with_click integer NOT NULL,
  searches_with_purchase integer NOT NULL,
  PRIMARY KEY (day, query)
);

CREATE TABLE agg_funnel_daily (
  day             date NOT NULL,
  -- A product category, or '(all)'.
  category        text NOT NULL,
  step_number     smallint NOT NULL,
  step            text NOT NULL,
  -- Sessions with an event of this step.
  sessions        integer NOT NULL,
  -- Sessions with events of this step and of every step before it.
  sessions_through integer NOT NULL,
  PRIMARY KEY (day, category, step_number)
);

CREATE TABLE agg_checkout_daily (
  day             date PRIMARY KEY,
  began_checkout  integer NOT NULL,
  added_shipping  integer NOT NULL,
  purchased       integer NOT NULL,
  abandoned       integer NOT NULL,
  abandoned_value_cents bigint NOT NULL
);

CREATE TABLE agg_channel_daily (
  day             date NOT NULL,
  channel         text NOT NULL,
  -- '' where the session had none (a key part cannot be null).
  referrer_host   text NOT NULL,
  utm_source      text NOT NULL,
  utm_medium      text NOT NULL,
  utm_campaign    text NOT NULL,
  sessions        integer NOT NULL,
  users           integer NOT NULL,
  bounced_sessions integer NOT NULL,
  engaged_sessions integer NOT NULL,
  converted_sessions integer NOT NULL,
  revenue_cents   bigint NOT NULL,
  PRIMARY KEY (day, channel, referrer_host, utm_source, utm_medium, utm_campaign)
);

CREATE TABLE agg_page_path_daily (
  day             date NOT NULL,
  -- entry: a session's first page; exit: its last; path: its first three pages, joined by ' → '.
  kind            text NOT NULL CHECK (kind IN ('entry', 'exit', 'path')),
  path            text NOT NULL,
  sessions        integer NOT NULL,
  bounced_sessions integer NOT NULL,
  converted_sessions integer NOT NULL,
  PRIMARY KEY (day, kind, path)
);

-- Down Migration
DROP TABLE agg_page_path_daily;
DROP TABLE agg_channel_daily;
DROP TABLE agg_checkout_daily;
DROP TABLE agg_funnel_daily;
DROP TABLE agg_search_daily;
DROP TABLE agg_product_daily;
ALTER TABLE agg_daily_kpi DROP COLUMN bot_sessions, DROP COLUMN tracked_events, DROP COLUMN lost_events;
DROP INDEX fact_session_visitor_time_idx;
ALTER TABLE fact_session DROP COLUMN tracked_events, DROP COLUMN lost_events;
