-- Up Migration

-- Login state, the dashboards' global filter. A session is signed in when any of its events
-- carries a verified user (the ingest's verified sign-in or the shop's signed server events);
-- identity stitching may give an anonymous session a user_id, but it stays anonymous here.
ALTER TABLE fact_session ADD COLUMN signed_in boolean NOT NULL DEFAULT false;
UPDATE fact_session s
SET signed_in = EXISTS (
  SELECT 1 FROM fact_event e
  WHERE e.anonymous_id = s.anonymous_id AND e.user_id IS NOT NULL
    AND e.derived_at BETWEEN s.started_at AND s.ended_at
    AND e.event_date BETWEEN s.session_date AND s.session_date + 1);

-- The session-grain aggregates gain the login state: '(all)', 'signed_in' or 'anonymous'.
-- '(all)' is kept as rows of its own because distinct counts (users) do not add up. Existing
-- rows are the '(all)' rows; every loaded day is marked, so the next ETL run adds the others.
ALTER TABLE agg_daily_kpi ADD COLUMN login_state text NOT NULL DEFAULT '(all)'
  CHECK (login_state IN ('(all)', 'signed_in', 'anonymous'));
ALTER TABLE agg_daily_kpi DROP CONSTRAINT agg_daily_kpi_pkey, ADD PRIMARY KEY (day, login_state);
ALTER TABLE agg_daily_kpi ALTER COLUMN login_state DROP DEFAULT;

ALTER TABLE agg_funnel_daily ADD COLUMN login_state text NOT NULL DEFAULT '(all)'
  CHECK (login_state IN ('(all)', 'signed_in', 'anonymous'));
ALTER TABLE agg_funnel_daily DROP CONSTRAINT agg_funnel_daily_pkey,
  ADD PRIMARY KEY (day, login_state, category, step_number);
ALTER TABLE agg_funnel_daily ALTER COLUMN login_state DROP DEFAULT;

ALTER TABLE agg_checkout_daily ADD COLUMN login_state text NOT NULL DEFAULT '(all)'
  CHECK (login_state IN ('(all)', 'signed_in', 'anonymous'));
ALTER TABLE agg_checkout_daily DROP CONSTRAINT agg_checkout_daily_pkey, ADD PRIMARY KEY (day, login_state);
ALTER TABLE agg_checkout_daily ALTER COLUMN login_state DROP DEFAULT;

ALTER TABLE agg_channel_daily ADD COLUMN login_state text NOT NULL DEFAULT '(all)'
  CHECK (login_state IN ('(all)', 'signed_in', 'anonymous'));
ALTER TABLE agg_channel_daily DROP CONSTRAINT agg_channel_daily_pkey,
  ADD PRIMARY KEY (day, login_state, channel, referrer_host, utm_source, utm_medium, utm_campaign);
ALTER TABLE agg_channel_daily ALTER COLUMN login_state DROP DEFAULT;

-- Events by day, name and the event's own login state (user_id set or not), bots apart: what
-- the Events view counts. Additive, so no '(all)' rows.
CREATE TABLE agg_event_daily (
  day           date NOT NULL,
  event_name    text NOT NULL,
  login_state   text NOT NULL CHECK (login_state IN ('signed_in', 'anonymous')),
  is_bot        boolean NOT NULL,
  trusted       boolean NOT NULL,
  events        integer NOT NULL,
  PRIMARY KEY (day, event_name, login_state, is_bot, trusted)
);

-- The Events view's sample of recent events and the Realtime view read fact_event newest first.
CREATE INDEX fact_event_derived_at_idx ON fact_event (derived_at);

CREATE OR REPLACE VIEW reconciliation_daily AS
SELECT s.day,
       s.orders AS shop_orders,
       coalesce(k.orders, 0) AS warehouse_orders,
       s.revenue_cents AS shop_revenue_cents,
       coalesce(k.revenue_cents, 0) AS warehouse_revenue_cents,
       coalesce(k.orders, 0) - s.orders AS orders_difference,
       coalesce(k.revenue_cents, 0) - s.revenue_cents AS revenue_difference_cents,
       s.fetched_at
FROM shop_daily_totals s
LEFT JOIN agg_daily_kpi k ON k.day = s.day AND k.login_state = '(all)';

INSERT INTO agg_dirty_day (day)
SELECT DISTINCT session_date FROM fact_session
UNION
SELECT DISTINCT event_date FROM fact_event
ON CONFLICT (day) DO NOTHING;

-- Down Migration
DROP INDEX fact_event_derived_at_idx;
DROP TABLE agg_event_daily;
DELETE FROM agg_channel_daily WHERE login_state <> '(all)';
ALTER TABLE agg_channel_daily DROP CONSTRAINT agg_channel_daily_pkey,
  ADD PRIMARY KEY (day, channel, referrer_host, utm_source, utm_medium, utm_campaign);
ALTER TABLE agg_channel_daily DROP COLUMN login_state;
DELETE FROM agg_checkout_daily WHERE login_state <> '(all)';
ALTER TABLE agg_checkout_daily DROP CONSTRAINT agg_checkout_daily_pkey, ADD PRIMARY KEY (day);
ALTER TABLE agg_checkout_daily DROP COLUMN login_state;
DELETE FROM agg_funnel_daily WHERE login_state <> '(all)';
ALTER TABLE agg_funnel_daily DROP CONSTRAINT agg_funnel_daily_pkey, ADD PRIMARY KEY (day, category, step_number);
ALTER TABLE agg_funnel_daily DROP COLUMN login_state;
DELETE FROM agg_daily_kpi WHERE login_state <> '(all)';
ALTER TABLE agg_daily_kpi DROP CONSTRAINT agg_daily_kpi_pkey, ADD PRIMARY KEY (day);
-- The view reads login_state: put back its first form before the column goes.
CREATE OR REPLACE VIEW reconciliation_daily AS
SELECT s.day,
       s.orders AS shop_orders,
       coalesce(k.orders, 0) AS warehouse_orders,
       s.revenue_cents AS shop_revenue_cents,
       coalesce(k.revenue_cents, 0) AS warehouse_revenue_cents,
       coalesce(k.orders, 0) - s.orders AS orders_difference,
       coalesce(k.revenue_cents, 0) - s.revenue_cents AS revenue_difference_cents,
       s.fetched_at
FROM shop_daily_totals s
LEFT JOIN agg_daily_kpi k USING (day);
ALTER TABLE agg_daily_kpi DROP COLUMN login_state;
ALTER TABLE fact_session DROP COLUMN signed_in;
