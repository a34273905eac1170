/**
 * Every statement the ETL runs against the warehouse. The tables are defined by the SQL
 * migrations in etl/migrations.
 */

/** One advisory lock key for the whole ETL: overlapping runs exit instead of racing. */
export const ETL_LOCK_KEY = 727_001;

export const TRY_LOCK = `SELECT pg_try_advisory_lock($1) AS locked`;
export const UNLOCK = `SELECT pg_advisory_unlock($1)`;

export const START_RUN = `INSERT INTO etl_run (status) VALUES ('running') RETURNING run_id`;

/**
 * Run only while holding the lock: no other run can be working then, so a run still marked
 * 'running' died without recording its end. Returns the ids it marked.
 */
export const ABANDON_DEAD_RUNS = `
UPDATE etl_run
SET status = 'abandoned', finished_at = now(),
    error = 'the run ended without recording its outcome (its process or connection died); its transaction was rolled back'
WHERE status = 'running'
RETURNING run_id`;

export const FINISH_RUN = `
UPDATE etl_run
SET finished_at = now(), status = $2, objects_loaded = $3, objects_quarantined = $4,
    events_loaded = $5, duplicates = $6, rejected = $7, error = $8
WHERE run_id = $1`;

export const NEWEST_LOADED_OBJECT = `SELECT max(object_key) AS object_key FROM etl_object_manifest`;

export const KNOWN_OBJECTS = `SELECT object_key FROM etl_object_manifest WHERE object_key = ANY($1::text[])`;

/** $1: run id; $2: JSON array of {object_key, status, events_loaded, duplicates, rejected, error}. */
export const RECORD_OBJECTS = `
INSERT INTO etl_object_manifest (object_key, run_id, status, events_loaded, duplicates, rejected, error)
SELECT r.object_key, $1, r.status, r.events_loaded, r.duplicates, r.rejected, r.error
FROM jsonb_to_recordset($2::jsonb) AS r(
  object_key text, status text, events_loaded integer, duplicates integer, rejected integer, error text)`;

/** $1: a JSON array of flattened events (see toFactEventRow). Returns the object of each new row. */
export const INSERT_EVENTS = `
INSERT INTO fact_event (
  event_id, event_name, event_version, occurred_at, derived_at, sent_at, received_at, event_date, seq,
  anonymous_id, session_id, user_id, logged_in, first_visit, campaign, page_url, page_path,
  page_referrer, page_title, product_id, properties, user_agent, client_ip, trusted, flags, object_key)
SELECT r.event_id, r.event_name, r.event_version, r.occurred_at, r.derived_at, r.sent_at, r.received_at,
       (r.occurred_at AT TIME ZONE 'UTC')::date, r.seq,
       r.anonymous_id, r.session_id, r.user_id, r.logged_in, r.first_visit, r.campaign, r.page_url, r.page_path,
       r.page_referrer, r.page_title, r.product_id, r.properties, r.user_agent, r.client_ip, r.trusted,
       ARRAY(SELECT jsonb_array_elements_text(r.flags)), r.object_key
FROM jsonb_to_recordset($1::jsonb) AS r(
  event_id uuid, event_name text, event_version smallint, occurred_at timestamptz, derived_at timestamptz,
  sent_at timestamptz, received_at timestamptz, seq integer, anonymous_id uuid, session_id uuid, user_id text,
  logged_in boolean, first_visit boolean, campaign jsonb, page_url text, page_path text, page_referrer text,
  page_title text, product_id text, properties jsonb, user_agent text, client_ip text, trusted boolean,
  flags jsonb, object_key text)
ON CONFLICT (event_id) DO NOTHING
RETURNING object_key`;

/** $1: JSON array of {object_key, line_number, reason, line}. */
export const INSERT_REJECTED_LINES = `
INSERT INTO etl_rejected_line (object_key, line_number, reason, line)
SELECT r.object_key, r.line_number, r.reason, r.line
FROM jsonb_to_recordset($1::jsonb) AS r(object_key text, line_number integer, reason text, line text)
ON CONFLICT (object_key, line_number) DO NOTHING`;

/**
 * Rebuilds the products named in $1 from the catalog's own events: product_updated, sent and
 * signed by the shop's server. A browser's product_view can name any price, so it never
 * defines a product. The result is the same whatever order the events were loaded in: the
 * latest event wins (ties by event_id).
 */
export const REFRESH_PRODUCTS = `
INSERT INTO dim_product (product_id, sku, slug, name, brand, category, price_cents, currency,
                         compare_at_cents, stock, active, first_seen_at, last_seen_at)
SELECT latest.product_id, latest.sku, latest.slug, latest.name, latest.brand, latest.category,
       latest.price_cents, latest.currency, latest.compare_at_cents, latest.stock, latest.active,
       span.first_seen_at, span.last_seen_at
FROM (
  SELECT DISTINCT ON (product_id)
         product_id,
         properties->>'sku' AS sku,
         properties->>'slug' AS slug,
         properties->>'name' AS name,
         properties->>'brand' AS brand,
         properties->>'category' AS category,
         (properties->>'price_cents')::integer AS price_cents,
         properties->>'currency' AS currency,
         (properties->>'compare_at_cents')::integer AS compare_at_cents,
         (properties->>'stock')::integer AS stock,
         (properties->>'active')::boolean AS active
  FROM fact_event
  WHERE event_name = 'product_updated' AND trusted AND product_id = ANY($1::text[])
  ORDER BY product_id, occurred_at DESC, event_id DESC
) AS latest
JOIN (
  SELECT product_id, min(occurred_at) AS first_seen_at, max(occurred_at) AS last_seen_at
  FROM fact_event
  WHERE event_name = 'product_updated' AND trusted AND product_id = ANY($1::text[])
  GROUP BY product_id
) AS span USING (product_id)
ON CONFLICT (product_id) DO UPDATE SET
  sku = EXCLUDED.sku, slug = EXCLUDED.slug, name = EXCLUDED.name, brand = EXCLUDED.brand,
  category = EXCLUDED.category, price_cents = EXCLUDED.price_cents, currency = EXCLUDED.currency,
  compare_at_cents = EXCLUDED.compare_at_cents, stock = EXCLUDED.stock, active = EXCLUDED.active,
  first_seen_at = EXCLUDED.first_seen_at, last_seen_at = EXCLUDED.last_seen_at`;
