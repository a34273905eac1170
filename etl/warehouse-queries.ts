/**
 * Every statement the ETL runs against the warehouse. The tables are defined by the SQL
 * migrations in etl/migrations.
 */

/** One advisory lock key for the whole ETL: overlapping runs exit instead of racing. */
export const ETL_LOCK_KEY = 727_001;

/**
 * The run's own session: a statement that hangs, or a backend whose client died (a Lambda frozen
 * or killed mid-run, a half-open connection), is ended by the server, and with it the session's
 * advisory lock, so a dead run cannot turn every later run into "skipped".
 */
export const SESSION_TIMEOUTS = `
SET statement_timeout = '10min';
SET idle_in_transaction_session_timeout = '2min';
SET idle_session_timeout = '15min'`;

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
    events_loaded = $5, duplicates = $6, rejected = $7, error = $8, passes = $9, backlog = $10,
    checks_failed = $11, checks_warned = $12, reconciled = $13
WHERE run_id = $1`;

export const NEWEST_LOADED_OBJECT = `SELECT max(object_key) AS object_key FROM etl_object_manifest`;

export const KNOWN_OBJECTS = `SELECT object_key FROM etl_object_manifest WHERE object_key = ANY($1::text[])`;

/** $1: run id; $2: JSON array of {object_key, status, events_loaded, duplicates, rejected, error}. */
export const RECORD_OBJECTS = `
INSERT INTO etl_object_manifest (object_key, run_id, status, events_loaded, duplicates, rejected, error)
SELECT r.object_key, $1, r.status, r.events_loaded, r.duplicates, r.rejected, r.error
FROM jsonb_to_recordset($2::jsonb) AS r(
  object_key text, status text, events_loaded integer, duplicates integer, rejected integer, error text)`;

/**
 * $1: days (YYYY-MM-DD): makes the fact_event partition of each one's month, in its own short
 * transaction before a pass, so a pass never holds the locks partition DDL takes.
 */
export const ENSURE_EVENT_MONTHS = `SELECT ensure_fact_event_month(month) FROM (SELECT DISTINCT date_trunc('month', d)::date AS month FROM unnest($1::date[]) AS d) AS months`;

/** After a pass's merge (etl/model/10-fact-event.sql): how many of each object's events were new. */
export const COUNT_NEW_EVENTS_BY_OBJECT = `SELECT object_key, count(*) AS n FROM run_new_event GROUP BY object_key`;

/** $1: JSON array of {object_key, line_number, reason, line}. */
export const INSERT_REJECTED_LINES = `
INSERT INTO etl_rejected_line (object_key, line_number, reason, line)
SELECT r.object_key, r.line_number, r.reason, r.line
FROM jsonb_to_recordset($1::jsonb) AS r(object_key text, line_number integer, reason text, line text)
ON CONFLICT (object_key, line_number) DO NOTHING`;

/** The days the pass's aggregates were rebuilt for (etl/model/stage-tables.sql). */
export const AFFECTED_DAYS = `SELECT DISTINCT day::text AS day FROM run_affected_day ORDER BY day`;

/**
 * $1: run id; $2: JSON array of {object_key, error}: one more failed read for each object.
 * Returns each object's failures so far.
 */
export const COUNT_READ_FAILURES = `
INSERT INTO etl_object_failure AS f (object_key, failures, last_run_id, last_error)
SELECT r.object_key, 1, $1, r.error
FROM jsonb_to_recordset($2::jsonb) AS r(object_key text, error text)
ON CONFLICT (object_key) DO UPDATE SET
  failures = f.failures + 1, last_run_id = EXCLUDED.last_run_id, last_error = EXCLUDED.last_error, last_failed_at = now()
RETURNING object_key, failures, last_error`;

/** $1: run id; $2: JSON array of {check_name, severity, failures, sample}. */
export const RECORD_DATA_CHECKS = `
INSERT INTO etl_data_check (run_id, check_name, severity, failures, sample)
SELECT $1, r.check_name, r.severity, r.failures, r.sample
FROM jsonb_to_recordset($2::jsonb) AS r(check_name text, severity text, failures integer, sample jsonb)`;

/** $1: run id; $2: JSON array of {day, objects_listed, objects_missing}. */
export const RECORD_RECONCILIATION = `
INSERT INTO etl_lake_reconciliation (run_id, day, objects_listed, objects_missing)
SELECT $1, r.day, r.objects_listed, r.objects_missing
FROM jsonb_to_recordset($2::jsonb) AS r(day date, objects_listed integer, objects_missing integer)`;

/** Whether a run listed the whole lake against the manifest in the last day. */
export const RECONCILED_RECENTLY = `
SELECT EXISTS (SELECT 1 FROM etl_run WHERE reconciled AND started_at > now() - interval '1 day') AS recent`;

/** $1, $2: first and last event day (null: unbounded). The events a rebuild treats as new. */
export const REBUILD_SCOPE = `
CREATE TEMP TABLE run_new_event ON COMMIT DROP AS
SELECT event_id, event_name, event_date, anonymous_id, user_id, product_id, trusted, object_key
FROM fact_event
WHERE event_date >= coalesce($1::date, '-infinity'::date) AND event_date <= coalesce($2::date, 'infinity'::date)`;

export const INDEX_REBUILD_SCOPE = `CREATE INDEX ON run_new_event (anonymous_id); ANALYZE run_new_event`;

/** Taken inside a rebuild's transaction: false while an ETL run (or another rebuild) works. */
export const TRY_XACT_LOCK = `SELECT pg_try_advisory_xact_lock($1) AS locked`;

/** Run against the SHOP's database, as its read-only warehouse_reader: $1, $2 first and last day. */
export const SHOP_ORDER_TOTALS = `SELECT day::text AS day, orders, revenue_cents FROM warehouse_order_totals($1::date, $2::date)`;

/** $1, $2 first and last day; $3 JSON array of {day, orders, revenue_cents}: every day of the range, zero where none. */
export const UPSERT_SHOP_TOTALS = `
INSERT INTO shop_daily_totals AS t (day, orders, revenue_cents, fetched_at)
SELECT d::date, coalesce(r.orders, 0), coalesce(r.revenue_cents, 0), now()
FROM generate_series($1::date, $2::date, interval '1 day') AS d
LEFT JOIN jsonb_to_recordset($3::jsonb) AS r(day date, orders integer, revenue_cents bigint) ON r.day = d::date
ON CONFLICT (day) DO UPDATE SET orders = EXCLUDED.orders, revenue_cents = EXCLUDED.revenue_cents, fetched_at = EXCLUDED.fetched_at`;

/** In a pass: the days it touched, for the run's aggregate refresh (or the next run's). */
export const MARK_DIRTY_DAYS = `
INSERT INTO agg_dirty_day (day) SELECT DISTINCT day FROM run_affected_day ON CONFLICT (day) DO NOTHING`;

/** In the aggregate refresh: the marked days, taken (cleared) in its transaction. */
export const CLAIM_DIRTY_DAYS = `DELETE FROM agg_dirty_day RETURNING day::text AS day`;
