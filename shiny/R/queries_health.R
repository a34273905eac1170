# Data health: ETL runs, their data checks, the lake reconciliation, bot and lost-event shares,
# the privacy log and the orders reconciled with the shop (etl_run, etl_data_check,
# etl_lake_reconciliation, agg_daily_kpi, privacy_action, reconciliation_daily).

#' The newest `limit` ETL runs, newest first: status (running, succeeded, failed, abandoned,
#' skipped), start and finish (POSIXct, UTC), duration (s), what they loaded and found, and error.
etl_runs <- function(con, limit = 20L) {
  limit <- query_limit(limit, 1000L)
  sql <- "
    SELECT run_id, status, extract(epoch FROM started_at)::float8 AS started_at,
           extract(epoch FROM finished_at)::float8 AS finished_at,
           extract(epoch FROM finished_at - started_at)::float8 AS duration_s,
           passes, backlog, objects_loaded, objects_quarantined, events_loaded, duplicates,
           rejected, checks_failed, checks_warned, reconciled, coalesce(error, '') AS error
    FROM etl_run
    ORDER BY run_id DESC
    LIMIT $1::integer"
  typed_columns(db_query(con, sql, params = list(limit)), c(
    run_id = "numeric", status = "character", started_at = "POSIXct", finished_at = "POSIXct",
    duration_s = "numeric", passes = "numeric", backlog = "logical", objects_loaded = "numeric",
    objects_quarantined = "numeric", events_loaded = "numeric", duplicates = "numeric",
    rejected = "numeric", checks_failed = "numeric", checks_warned = "numeric",
    reconciled = "logical", error = "character"
  ))
}

#' The data checks that failed (failures > 0) in the newest run that ran checks: run id,
#' check, severity (error before warn), failures, and a sample of the offending rows (JSON text).
failing_checks <- function(con) {
  sql <- "
    SELECT run_id, check_name, severity, failures, sample::text AS sample,
           extract(epoch FROM checked_at)::float8 AS checked_at
    FROM etl_data_check
    WHERE run_id = (SELECT max(run_id) FROM etl_data_check) AND failures > 0
    ORDER BY severity = 'warn', failures DESC, check_name"
  typed_columns(db_query(con, sql), c(
    run_id = "numeric", check_name = "character", severity = "character", failures = "numeric",
    sample = "character", checked_at = "POSIXct"
  ))
}

#' The newest lake reconciliation's findings: the days on which the lake held objects the
#' manifest had not loaded (objects_missing > 0), of the newest run that reconciled. Newest day first.
lake_reconciliation <- function(con) {
  sql <- "
    SELECT l.run_id, extract(epoch FROM coalesce(r.finished_at, r.started_at))::float8 AS reconciled_at,
           l.day, l.objects_listed, l.objects_missing
    FROM etl_lake_reconciliation AS l
    JOIN etl_run AS r ON r.run_id = l.run_id
    WHERE l.run_id = (SELECT max(run_id) FROM etl_lake_reconciliation) AND l.objects_missing > 0
    ORDER BY l.day DESC"
  typed_columns(db_query(con, sql), c(
    run_id = "numeric", reconciled_at = "POSIXct", day = "Date", objects_listed = "numeric",
    objects_missing = "numeric"
  ))
}

#' The newest reconciliation in one row: its run, when, days and objects listed and missing.
#' All NA (run_id) when the lake was never reconciled.
last_reconciliation <- function(con) {
  sql <- "
    SELECT l.run_id, extract(epoch FROM coalesce(max(r.finished_at), max(r.started_at)))::float8 AS reconciled_at,
           count(*) AS days, sum(l.objects_listed) AS objects_listed,
           sum(l.objects_missing) AS objects_missing
    FROM etl_lake_reconciliation AS l
    JOIN etl_run AS r ON r.run_id = l.run_id
    WHERE l.run_id = (SELECT max(run_id) FROM etl_lake_reconciliation)
    GROUP BY l.run_id"
  rows <- db_query(con, sql)
  if (nrow(rows) == 0L) rows <- data.frame(run_id = NA)
  typed_columns(rows, c(
    run_id = "numeric", reconciled_at = "POSIXct", days = "numeric", objects_listed = "numeric",
    objects_missing = "numeric"
  ))
}

#' Each day from `from` to `to`: human and bot sessions and the bot share
#' (bot / (sessions + bot)); tracked and lost browser events and the share lost
#' (lost / (tracked + lost)). Zeros (and NA shares) on days without sessions.
daily_health <- function(con, from, to) {
  range <- query_range(from, to)
  sql <- "
    SELECT d.day::date AS day, coalesce(k.sessions, 0) AS sessions,
           coalesce(k.bot_sessions, 0) AS bot_sessions,
           coalesce(k.tracked_events, 0) AS tracked_events, coalesce(k.lost_events, 0) AS lost_events
    FROM generate_series($1::date, $2::date, interval '1 day') AS d(day)
    LEFT JOIN agg_daily_kpi AS k ON k.day = d.day::date AND k.login_state = '(all)'
    ORDER BY d.day"
  rows <- typed_columns(db_query(con, sql, params = list(range$from, range$to)), c(
    day = "Date", sessions = "numeric", bot_sessions = "numeric", tracked_events = "numeric",
    lost_events = "numeric"
  ))
  rows$bot_share <- safe_ratio(rows$bot_sessions, rows$sessions + rows$bot_sessions)
  rows$lost_share <- safe_ratio(rows$lost_events, rows$tracked_events + rows$lost_events)
  rows
}

#' The newest `limit` privacy actions (erasures and retention runs), newest first. The person
#' is named only by the hash of their id, as the log keeps it.
privacy_log <- function(con, limit = 50L) {
  limit <- query_limit(limit, 1000L)
  sql <- "
    SELECT action_id, action, coalesce(subject_kind, '') AS subject_kind,
           coalesce(subject_hash, '') AS subject_hash, cutoff, status,
           extract(epoch FROM started_at)::float8 AS started_at,
           extract(epoch FROM finished_at)::float8 AS finished_at,
           events_deleted, events_pseudonymized, sessions_deleted, partitions_dropped,
           order_lines_pseudonymized, objects_rewritten, objects_deleted, lines_removed,
           coalesce(error, '') AS error
    FROM privacy_action
    ORDER BY started_at DESC, action_id DESC
    LIMIT $1::integer"
  typed_columns(db_query(con, sql, params = list(limit)), c(
    action_id = "numeric", action = "character", subject_kind = "character",
    subject_hash = "character", cutoff = "Date", status = "character", started_at = "POSIXct",
    finished_at = "POSIXct", events_deleted = "numeric", events_pseudonymized = "numeric",
    sessions_deleted = "numeric", partitions_dropped = "numeric",
    order_lines_pseudonymized = "numeric", objects_rewritten = "numeric",
    objects_deleted = "numeric", lines_removed = "numeric", error = "character"
  ))
}

#' The shop's own orders and revenue beside the warehouse's, for each day from `from` to `to`
#' the ETL has fetched them (reconciliation_daily: the shop's totals read through its read-only
#' function; the warehouse's from the shop's signed purchase events), with the differences.
shop_reconciliation <- function(con, from, to) {
  range <- query_range(from, to)
  sql <- "
    SELECT day, shop_orders, warehouse_orders, orders_difference, shop_revenue_cents,
           warehouse_revenue_cents, revenue_difference_cents,
           extract(epoch FROM fetched_at)::float8 AS fetched_at
    FROM reconciliation_daily
    WHERE day BETWEEN $1::date AND $2::date
    ORDER BY day"
  typed_columns(db_query(con, sql, params = list(range$from, range$to)), c(
    day = "Date", shop_orders = "numeric", warehouse_orders = "numeric",
    orders_difference = "numeric", shop_revenue_cents = "numeric",
    warehouse_revenue_cents = "numeric", revenue_difference_cents = "numeric", fetched_at = "POSIXct"
  ))
}
