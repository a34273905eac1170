# Warehouse queries shared by the views, and the checks every query function makes. Shiny-free:
# each function takes a DBI connection and plain parameters and returns a data.frame with fixed
# column types (also when empty). The views' own queries are in queries_<view>.R.
#
# Every value reaches PostgreSQL as a bind parameter ($1, $2, ...); dates travel as ISO strings
# cast in SQL ($1::date), because RPostgreSQL sends R dates and times as numbers. Day ranges are
# inclusive at both ends and compare against the aggregates' `day` (a UTC day; a session counts
# on the day it started). The views read the daily aggregates the ETL rebuilds (agg_*, bots
# already left out); the few questions the aggregates cannot answer (distinct users over a
# range, technology) read fact_session by its session_date index, never fact_event.
# Timestamps come back as epoch seconds and are turned into POSIXct (UTC) here.

MAX_RANGE_DAYS <- 3660L
MAX_TOP_LIMIT <- 10000L
ALL_CATEGORIES <- "(all)"
#' The login-state filter: every shopper, or sessions with / without a verified sign-in.
LOGIN_STATES <- c("All shoppers" = "(all)", "Signed in" = "signed_in", "Anonymous" = "anonymous")

#' Checks one date argument and returns it as "YYYY-MM-DD".
as_query_date <- function(x, arg) {
  if (length(x) != 1L) stop(sprintf("`%s` must be a single date", arg), call. = FALSE)
  date <- if (inherits(x, "Date")) {
    x
  } else if (is.character(x) && grepl("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", x)) {
    as.Date(x, format = "%Y-%m-%d")
  } else {
    stop(sprintf("`%s` must be a Date or a \"YYYY-MM-DD\" string", arg), call. = FALSE)
  }
  if (is.na(date)) stop(sprintf("`%s` is not a valid date", arg), call. = FALSE)
  format(date, "%Y-%m-%d")
}

#' Checks a from/to pair and returns both as ISO strings.
query_range <- function(from, to) {
  from <- as_query_date(from, "from")
  to <- as_query_date(to, "to")
  days <- as.integer(as.Date(to) - as.Date(from)) + 1L
  if (days < 1L) stop("`from` must be on or before `to`", call. = FALSE)
  if (days > MAX_RANGE_DAYS) stop(sprintf("the range is limited to %d days", MAX_RANGE_DAYS), call. = FALSE)
  list(from = from, to = to)
}

#' Checks a row limit (a whole number from 1 to `max`) and returns it as an integer.
query_limit <- function(limit, max = MAX_TOP_LIMIT) {
  if (length(limit) != 1L || !is.numeric(limit) || is.na(limit) || limit != round(limit) ||
      limit < 1 || limit > max) {
    stop(sprintf("`limit` must be a whole number from 1 to %d", max), call. = FALSE)
  }
  as.integer(limit)
}

#' Checks that `value` is one of `choices` (a single string).
query_choice <- function(value, choices, arg) {
  if (length(value) != 1L || !is.character(value) || is.na(value) || !value %in% choices) {
    stop(sprintf("`%s` must be one of %s", arg, paste0("\"", choices, "\"", collapse = ", ")),
         call. = FALSE)
  }
  value
}

#' Checks a category filter: "(all)" or one category name (any text; it is a bind parameter).
query_category <- function(category) {
  if (is.null(category)) return(ALL_CATEGORIES)
  if (length(category) != 1L || !is.character(category) || is.na(category) || !nzchar(category) ||
      nchar(category) > 200L) {
    stop("`category` must be \"(all)\" or a category name", call. = FALSE)
  }
  category
}

#' Checks a login-state filter (one of LOGIN_STATES; NULL means every shopper).
query_login_state <- function(login_state) {
  if (is.null(login_state)) return(LOGIN_STATES[["All shoppers"]])
  query_choice(login_state, unname(LOGIN_STATES), "login_state")
}

#' The SQL condition on fact_session (alias `s`) for a login state given as bind parameter `$n`.
session_login_condition <- function(n) {
  sprintf("($%1$d = '(all)' OR s.signed_in = ($%1$d = 'signed_in'))", n)
}

# Forces column types, so an empty result has the same shape as a full one.
typed_columns <- function(df, types) {
  out <- lapply(names(types), function(name) {
    value <- if (name %in% names(df)) df[[name]] else rep(NA, nrow(df))
    switch(types[[name]],
      Date = as.Date(value),
      numeric = as.numeric(value),
      integer = as.integer(value),
      character = as.character(value),
      logical = as.logical(value),
      POSIXct = as.POSIXct(as.numeric(value), origin = "1970-01-01", tz = "UTC"),
      stop("unknown column type ", types[[name]])
    )
  })
  names(out) <- names(types)
  as.data.frame(out, stringsAsFactors = FALSE)
}

#' The product categories the warehouse knows (dim_product), sorted.
product_categories <- function(con) {
  rows <- db_query(con, "SELECT DISTINCT category FROM dim_product ORDER BY category")
  as.character(rows$category)
}

#' One row for the ETL poll and the freshness line: the newest succeeded run (its id is
#' max(run_id) of the succeeded runs: the dashboard re-queries when it changes and keys its cache
#' on it; its finish, objects and events loaded) and the newest run of any status but 'skipped'
#' (id, status, start, finish, error). NA where there is no such run.
etl_status <- function(con) {
  sql <- "
    WITH ok AS (
      SELECT run_id, extract(epoch FROM coalesce(finished_at, started_at))::float8 AS at,
             objects_loaded, events_loaded
      FROM etl_run WHERE status = 'succeeded' ORDER BY run_id DESC LIMIT 1
    ), latest AS (
      SELECT run_id, status, extract(epoch FROM started_at)::float8 AS started,
             extract(epoch FROM finished_at)::float8 AS finished, coalesce(error, '') AS error
      FROM etl_run WHERE status <> 'skipped' ORDER BY run_id DESC LIMIT 1
    )
    SELECT ok.run_id AS succeeded_run_id, ok.at AS succeeded_at, ok.objects_loaded, ok.events_loaded,
           latest.run_id AS latest_run_id, latest.status AS latest_status,
           latest.started AS latest_started_at, latest.finished AS latest_finished_at,
           latest.error AS latest_error
    FROM (SELECT 1) AS one LEFT JOIN ok ON true LEFT JOIN latest ON true"
  typed_columns(db_query(con, sql), c(
    succeeded_run_id = "numeric", succeeded_at = "POSIXct", objects_loaded = "numeric",
    events_loaded = "numeric", latest_run_id = "numeric", latest_status = "character",
    latest_started_at = "POSIXct", latest_finished_at = "POSIXct", latest_error = "character"
  ))
}
