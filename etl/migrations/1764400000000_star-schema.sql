-- Up Migration

-- The star schema around fact_event. Metric definitions live beside the SQL that computes
-- them (etl/sql/model/*.sql) and in the README's "Metrics" section; both say the same.

-- What the ETL adds to each event when it loads it (etl/enrich/).
ALTER TABLE fact_event
  -- dim_device: the browser, OS and device type its user agent names.
  ADD COLUMN device_id uuid,
  -- A crawler or automation by its user agent (isbot). Kept, never deleted; left out of aggregates.
  ADD COLUMN is_bot boolean NOT NULL DEFAULT false,
  -- The channel of a session this event starts (referrer and campaign rules, etl/enrich/channel.ts).
  ADD COLUMN entry_channel text;

-- An event's day is the UTC day of its clock-corrected time (derived_at), as its session's is.
UPDATE fact_event SET event_date = (derived_at AT TIME ZONE 'UTC')::date
WHERE event_date <> (derived_at AT TIME ZONE 'UTC')::date;

-- Sessionizing reads one visitor's events in time order.
CREATE INDEX fact_event_visitor_time_idx ON fact_event (anonymous_id, derived_at, event_id) WHERE anonymous_id IS NOT NULL;
CREATE INDEX fact_event_derived_at_brin ON fact_event USING brin (derived_at);

CREATE TABLE dim_device (
  device_id       uuid PRIMARY KEY,
  user_agent      text,
  browser_name    text,
  browser_major   text,
  os_name         text,
  os_version      text,
  device_type     text NOT NULL,
  device_vendor   text,
  device_model    text,
  is_bot          boolean NOT NULL
);

CREATE TABLE dim_date (
  day             date PRIMARY KEY,
  year            smallint NOT NULL,
  quarter         smallint NOT NULL,
  month           smallint NOT NULL,
  iso_year        smallint NOT NULL,
  iso_week        smallint NOT NULL,
  -- ISO day of week: 1 Monday … 7 Sunday.
  iso_weekday     smallint NOT NULL,
  is_weekend      boolean NOT NULL
);

-- Who an anonymous visitor turned out to be: the user of their latest signed-in event. Sessions
-- take their user from here, so a shopper's anonymous sessions before signing in count for them.
CREATE TABLE identity_map (
  anonymous_id    uuid PRIMARY KEY,
  user_id         text NOT NULL,
  first_linked_at timestamptz NOT NULL,
  last_linked_at  timestamptz NOT NULL
);
CREATE INDEX identity_map_user_idx ON identity_map (user_id);

CREATE TABLE fact_session (
  -- The event_id of the session's first event: stable whatever order its events loaded in.
  session_key     uuid PRIMARY KEY,
  session_id      uuid NOT NULL,
  anonymous_id    uuid NOT NULL,
  user_id         text,
  session_date    date NOT NULL,
  started_at      timestamptz NOT NULL,
  ended_at        timestamptz NOT NULL,
  duration_s      integer NOT NULL,
  engaged_time_s  integer NOT NULL,
  page_views      integer NOT NULL,
  events          integer NOT NULL,
  entry_page      text,
  exit_page       text,
  landing_referrer text,
  utm_source      text,
  utm_medium      text,
  utm_campaign    text,
  channel         text NOT NULL,
  device_id       uuid,
  device_type     text,
  is_bot          boolean NOT NULL,
  first_visit     boolean NOT NULL,
  bounced         boolean NOT NULL,
  engaged         boolean NOT NULL,
  converted       boolean NOT NULL,
  orders          integer NOT NULL,
  revenue_cents   bigint NOT NULL
);
CREATE INDEX fact_session_visitor_idx ON fact_session (anonymous_id);
CREATE INDEX fact_session_date_idx ON fact_session (session_date);

-- One row per line of an order, from the shop's signed purchase events only.
CREATE TABLE fact_order_line (
  order_id        uuid NOT NULL,
  line_number     smallint NOT NULL,
  order_number    text NOT NULL,
  event_id        uuid NOT NULL,
  ordered_at      timestamptz NOT NULL,
  order_date      date NOT NULL,
  anonymous_id    uuid,
  session_id      uuid,
  user_id         text,
  product_id      text NOT NULL,
  sku             text NOT NULL,
  product_name    text NOT NULL,
  brand           text NOT NULL,
  category        text NOT NULL,
  quantity        integer NOT NULL,
  unit_price_cents integer NOT NULL,
  line_revenue_cents bigint NOT NULL,
  currency        char(3) NOT NULL,
  PRIMARY KEY (order_id, line_number)
);
CREATE INDEX fact_order_line_date_idx ON fact_order_line (order_date);

-- Daily KPIs the overview reads, rebuilt for the days a run touched. Bots left out.
CREATE TABLE agg_daily_kpi (
  day               date PRIMARY KEY,
  sessions          integer NOT NULL,
  users             integer NOT NULL,
  page_views        integer NOT NULL,
  bounced_sessions  integer NOT NULL,
  engaged_sessions  integer NOT NULL,
  converted_sessions integer NOT NULL,
  orders            integer NOT NULL,
  revenue_cents     bigint NOT NULL
);

-- Down Migration
DROP TABLE agg_daily_kpi;
DROP TABLE fact_order_line;
DROP TABLE fact_session;
DROP TABLE identity_map;
DROP TABLE dim_date;
DROP TABLE dim_device;
DROP INDEX fact_event_derived_at_brin;
DROP INDEX fact_event_visitor_time_idx;
ALTER TABLE fact_event DROP COLUMN device_id, DROP COLUMN is_bot, DROP COLUMN entry_channel;
