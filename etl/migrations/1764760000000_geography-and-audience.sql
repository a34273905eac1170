-- Up Migration

-- Where shoppers are (the ingest's lookup before it truncated the address, or CloudFront's viewer
-- headers) and what they browse with (the tracker's page-view context). Unknown parts are ''.
-- A place's key is derived from its name (geo_key), so the warehouse is the same whatever order
-- events load in.
CREATE FUNCTION geo_key(country text, region text, city text) RETURNS uuid
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN md5(country || chr(31) || coalesce(region, '') || chr(31) || coalesce(city, ''))::uuid;

CREATE TABLE dim_geography (
  geo_id    uuid PRIMARY KEY,
  -- ISO 3166-1 alpha-2, upper case.
  country   text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  region    text NOT NULL,
  city      text NOT NULL,
  UNIQUE (country, region, city)
);

ALTER TABLE fact_event
  ADD COLUMN geo_id uuid,
  ADD COLUMN language text,
  ADD COLUMN time_zone text,
  ADD COLUMN screen_width integer,
  ADD COLUMN screen_height integer,
  ADD COLUMN viewport_width integer,
  ADD COLUMN viewport_height integer;

-- A session's place and browser settings: of its first page view that has them.
-- screen_class: phone (viewport under 600 CSS px wide), tablet (600-1023), desktop (1024 and up).
ALTER TABLE fact_session
  ADD COLUMN geo_id uuid,
  ADD COLUMN language text,
  ADD COLUMN time_zone text,
  ADD COLUMN screen_class text CHECK (screen_class IN ('phone', 'tablet', 'desktop'));
CREATE INDEX fact_session_geo_idx ON fact_session (session_date, geo_id);

-- Sessions by place on the session's day (bots left out), for all sessions ('(all)') and by the
-- session's login state, down to the city ('' where unknown; country '' for no known place).
CREATE TABLE agg_geo_daily (
  day                date NOT NULL,
  login_state        text NOT NULL CHECK (login_state IN ('(all)', 'signed_in', 'anonymous')),
  country            text NOT NULL,
  region             text NOT NULL,
  city               text NOT NULL,
  sessions           integer NOT NULL,
  users              integer NOT NULL,
  converted_sessions integer NOT NULL,
  revenue_cents      bigint NOT NULL,
  PRIMARY KEY (day, login_state, country, region, city)
);

-- The next ETL run fills agg_geo_daily for every day already loaded.
INSERT INTO agg_dirty_day (day) SELECT DISTINCT session_date FROM fact_session ON CONFLICT (day) DO NOTHING;

-- Down Migration
DROP TABLE agg_geo_daily;
DROP INDEX fact_session_geo_idx;
ALTER TABLE fact_session DROP COLUMN geo_id, DROP COLUMN language, DROP COLUMN time_zone, DROP COLUMN screen_class;
ALTER TABLE fact_event
  DROP COLUMN geo_id, DROP COLUMN language, DROP COLUMN time_zone, DROP COLUMN screen_width,
  DROP COLUMN screen_height, DROP COLUMN viewport_width, DROP COLUMN viewport_height;
DROP TABLE dim_geography;
DROP FUNCTION geo_key(text, text, text);
