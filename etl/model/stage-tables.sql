-- A pass's staging tables: the rows it read from the lake, enriched, before they are merged into
-- the model (the numbered files, in order). Temporary, so they vanish with the transaction.
CREATE TEMP TABLE stage_event (
  event_id uuid NOT NULL, event_name text NOT NULL, event_version smallint NOT NULL,
  occurred_at timestamptz NOT NULL, derived_at timestamptz NOT NULL, sent_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL, seq integer, anonymous_id uuid, session_id uuid, user_id text,
  logged_in boolean, first_visit boolean, campaign jsonb, page_url text, page_path text,
  page_referrer text, page_title text, product_id text, properties jsonb NOT NULL, user_agent text,
  client_ip text, trusted boolean NOT NULL, flags text[] NOT NULL, object_key text NOT NULL,
  line_number integer NOT NULL, device_id uuid, is_bot boolean NOT NULL, entry_channel text,
  geo_country text, geo_region text, geo_city text, language text, time_zone text,
  screen_width integer, screen_height integer, viewport_width integer, viewport_height integer
) ON COMMIT DROP;

CREATE TEMP TABLE stage_device (
  device_id uuid NOT NULL, user_agent text, browser_name text, browser_major text, os_name text,
  os_version text, device_type text NOT NULL, device_vendor text, device_model text, is_bot boolean NOT NULL
) ON COMMIT DROP;

-- The days whose aggregates this transaction rebuilds (steps 80-99 read it).
CREATE TEMP TABLE run_affected_day (day date NOT NULL) ON COMMIT DROP;
