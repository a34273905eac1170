/**
 * Every statement erasure and retention run against the warehouse. Tables: etl/migrations
 * (privacy_action, erased_subject and privacy_erase_object in 1764600000000_privacy.sql).
 * Person predicates take $1 anonymous ids (uuid[]) and $2 user ids (text[]).
 */

// Log ------------------------------------------------------------------------------------------

/** The counters of privacy_action, set by FINISH_ACTION from a JSON object of them. */
export const COUNT_COLUMNS = [
  "events_deleted", "events_pseudonymized", "partitions_dropped", "sessions_deleted", "identity_links_deleted",
  "order_lines_pseudonymized", "rejected_lines_deleted", "kpi_days_deleted", "manifest_rows_deleted",
  "objects_scanned", "objects_rewritten", "objects_deleted", "lines_removed", "versions_deleted",
] as const;

export type CountColumn = (typeof COUNT_COLUMNS)[number];
export type Counts = Record<CountColumn, number>;

/**
 * Run only while holding the ETL lock, which every privacy action takes before it writes its
 * row: a row still 'running' then belongs to an action whose process died.
 */
export const ABANDON_DEAD_ACTIONS = `
UPDATE privacy_action
SET status = 'abandoned', finished_at = now(),
    error = 'the action ended without recording its outcome (its process or connection died); run it again to finish it'
WHERE status = 'running'`;

/** $1 action, $2 subject kind, $3 subject hash, $4 cutoff, $5 parameters (jsonb), $6 status, $7 error. */
export const INSERT_ACTION = `
INSERT INTO privacy_action (action, subject_kind, subject_hash, cutoff, parameters, status, error, finished_at)
VALUES ($1, $2, $3, $4::date, $5::jsonb, $6, $7, CASE WHEN $6 = 'running' THEN NULL ELSE now() END)
RETURNING action_id`;

/** $1 action id, $2 status, $3 error, $4 parameters to add (jsonb), $5 counts (jsonb, COUNT_COLUMNS). */
export const FINISH_ACTION = `
UPDATE privacy_action
SET status = $2, finished_at = now(), error = $3, parameters = parameters || $4::jsonb,
    ${COUNT_COLUMNS.map((column) => `${column} = coalesce(($5::jsonb->>'${column}')::integer, ${column})`).join(",\n    ")}
WHERE action_id = $1`;

// Erasure: who ------------------------------------------------------------------------------------

/** $1 user id: every anonymous visitor the warehouse ever saw with that user. */
export const VISITORS_OF_USER = `
SELECT anonymous_id::text AS anonymous_id FROM fact_event WHERE user_id = $1 AND anonymous_id IS NOT NULL
UNION SELECT anonymous_id::text FROM identity_map WHERE user_id = $1
UNION SELECT anonymous_id::text FROM fact_session WHERE user_id = $1
UNION SELECT anonymous_id::text FROM fact_order_line WHERE user_id = $1 AND anonymous_id IS NOT NULL`;

/** Lake objects the person's loaded events came from (duplicates of them may sit beside these). */
export const OBJECTS_OF_PERSON = `
SELECT DISTINCT object_key FROM fact_event WHERE anonymous_id = ANY($1::uuid[]) OR user_id = ANY($2::text[])`;

/** $1 subject kind, $2 subject hash: the earlier erasures of the same person. */
const SAME_SUBJECT_ACTIONS = `SELECT action_id FROM privacy_action WHERE action = 'erase' AND subject_kind = $1 AND subject_hash = $2`;

/** Hashed ids an earlier erasure of the same person suppressed (their ids themselves are gone). */
export const SUBJECT_HASHES = `SELECT id_kind, id_hash FROM erased_subject WHERE action_id IN (${SAME_SUBJECT_ACTIONS})`;

/** Objects an earlier erasure of the same person listed but did not finish. */
export const UNFINISHED_OBJECTS = `
SELECT DISTINCT object_key FROM privacy_erase_object
WHERE done_at IS NULL AND action_id IN (${SAME_SUBJECT_ACTIONS})
ORDER BY object_key`;

/** $1 subject kind, $2 subject hash, $3 object key. */
export const OBJECT_DONE = `
UPDATE privacy_erase_object SET done_at = now()
WHERE object_key = $3 AND done_at IS NULL AND action_id IN (${SAME_SUBJECT_ACTIONS})`;

// Erasure: the warehouse transaction ---------------------------------------------------------------

/** $1 kinds, $2 hashes, $3 action id. */
export const SUPPRESS = `
INSERT INTO erased_subject (id_kind, id_hash, action_id)
SELECT kind, hash, $3 FROM unnest($1::text[], $2::text[]) AS s(kind, hash)
ON CONFLICT (id_kind, id_hash) DO NOTHING`;

/** $1 action id, $2 object keys. */
export const LIST_OBJECTS_TO_ERASE = `
INSERT INTO privacy_erase_object (action_id, object_key)
SELECT $1, unnest($2::text[])
ON CONFLICT DO NOTHING`;

/**
 * The shop's signed purchases stay, without anything of the visitor: orders are business
 * records the shop's own database keeps, and agg_daily_kpi counts orders and revenue from
 * these rows, so the totals still reconcile with fact_order_line.
 */
export const PSEUDONYMIZE_PURCHASES = `
WITH changed AS (
  UPDATE fact_event
  SET anonymous_id = NULL, session_id = NULL, user_id = NULL, seq = NULL, logged_in = NULL, first_visit = NULL,
      campaign = NULL, page_url = NULL, page_path = NULL, page_referrer = NULL, page_title = NULL,
      user_agent = NULL, client_ip = NULL, device_id = NULL, entry_channel = NULL, geo_id = NULL,
      language = NULL, time_zone = NULL, screen_width = NULL, screen_height = NULL, viewport_width = NULL,
      viewport_height = NULL
  WHERE event_name = 'purchase' AND trusted AND (anonymous_id = ANY($1::uuid[]) OR user_id = ANY($2::text[]))
  RETURNING event_date
)
SELECT count(*)::int AS n, coalesce(array_agg(DISTINCT to_char(event_date, 'YYYY-MM-DD')), '{}') AS days FROM changed`;

export const DELETE_EVENTS = `
WITH deleted AS (
  DELETE FROM fact_event WHERE anonymous_id = ANY($1::uuid[]) OR user_id = ANY($2::text[])
  RETURNING event_date
)
SELECT count(*)::int AS n, coalesce(array_agg(DISTINCT to_char(event_date, 'YYYY-MM-DD')), '{}') AS days FROM deleted`;

export const DELETE_SESSIONS = `
WITH deleted AS (
  DELETE FROM fact_session WHERE anonymous_id = ANY($1::uuid[]) OR user_id = ANY($2::text[])
  RETURNING session_date
)
SELECT count(*)::int AS n, coalesce(array_agg(DISTINCT to_char(session_date, 'YYYY-MM-DD')), '{}') AS days FROM deleted`;

export const DELETE_IDENTITY_LINKS = `
DELETE FROM identity_map WHERE anonymous_id = ANY($1::uuid[]) OR user_id = ANY($2::text[])`;

/** $1 the person's visitors: the weeks they were active in (the Retention view's cohorts). */
export const DELETE_VISITOR_WEEKS = `DELETE FROM visitor_week WHERE anonymous_id = ANY($1::uuid[])`;

/** Order lines stay (see PSEUDONYMIZE_PURCHASES), without the visitor. */
export const PSEUDONYMIZE_ORDER_LINES = `
UPDATE fact_order_line SET anonymous_id = NULL, session_id = NULL, user_id = NULL
WHERE anonymous_id = ANY($1::uuid[]) OR user_id = ANY($2::text[])`;

/** $1 needles (each id as a JSON string, quotes included): best effort, rejected lines are any text. */
export const DELETE_REJECTED_LINES = `
DELETE FROM etl_rejected_line
WHERE EXISTS (SELECT FROM unnest($1::text[]) AS needle WHERE strpos(line, needle) > 0)`;

// Retention ---------------------------------------------------------------------------------------

/**
 * $1 table, $2 cutoff: the table's partitions (none when it is not partitioned), and whether one
 * holds only days before the cutoff: a range partition whose upper bound (exclusive) is at most
 * the cutoff. Bounds of any other shape (DEFAULT, MAXVALUE, list, several columns) say false.
 */
export const PARTITIONS = `
SELECT t.relid::regclass::text AS partition,
       coalesce((regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']*)''\\)$'))[1]::date <= $2::date, false)
         AS entirely_before
FROM pg_partition_tree($1::regclass) AS t
JOIN pg_class c ON c.oid = t.relid
WHERE t.level = 1`;

/** $1 table: its name, quoted as an identifier where needed. */
export const TABLE_NAME = `SELECT $1::regclass::text AS name`;

/** $1 cutoff (date). */
export const DELETE_OLD_SESSIONS = `DELETE FROM fact_session WHERE session_date < $1::date`;

/** Weeks of activity that ended before the cutoff (a later week keeps its visitor's first_week). */
export const DELETE_OLD_VISITOR_WEEKS = `DELETE FROM visitor_week WHERE week + 7 <= $1::date`;

/** Links whose last signed-in event is before the cutoff: the events that made them are gone. */
export const DELETE_OLD_IDENTITY_LINKS = `
DELETE FROM identity_map WHERE last_linked_at < ($1::date)::timestamp AT TIME ZONE 'UTC'`;

export const PSEUDONYMIZE_OLD_ORDER_LINES = `
UPDATE fact_order_line SET anonymous_id = NULL, session_id = NULL, user_id = NULL
WHERE order_date < $1::date AND (anonymous_id IS NOT NULL OR session_id IS NOT NULL OR user_id IS NOT NULL)`;

/** Rejected lines of raw objects in partitions before the cutoff (keys sort by partition day). */
export const DELETE_OLD_REJECTED_LINES = `
DELETE FROM etl_rejected_line WHERE object_key >= 'raw/dt=' AND object_key < 'raw/dt=' || to_char($1::date, 'YYYY-MM-DD')`;

/** $1 cutoff (date): every daily aggregate's rows of earlier days, one statement each. */
export const DELETE_OLD_AGGREGATE_DAYS = [
  "agg_daily_kpi", "agg_product_daily", "agg_search_daily", "agg_funnel_daily", "agg_checkout_daily", "agg_channel_daily", "agg_page_path_daily",
  "agg_event_daily", "agg_geo_daily",
].map((table) => `DELETE FROM ${table} WHERE day < $1::date`);

/** $1 cutoff (date): the claims of the events retention removed (fact_event_key). */
export const DELETE_OLD_EVENT_KEYS = `DELETE FROM fact_event_key WHERE event_date < $1::date`;

/**
 * $1 cutoff, $2 keys still in those partitions: manifest rows of objects retention deleted. A
 * row of an object that still exists must stay, or the next ETL run would load it again.
 */
export const FORGET_DELETED_OBJECTS = `
DELETE FROM etl_object_manifest
WHERE object_key >= 'raw/dt=' AND object_key < 'raw/dt=' || to_char($1::date, 'YYYY-MM-DD') AND object_key <> ALL($2::text[])`;
