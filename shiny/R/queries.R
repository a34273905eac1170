# Warehouse queries for the dashboard. Shiny-free: each function takes a DBI connection and
# plain parameters and returns a data.frame with fixed column types (also when empty).
#
# Every value reaches PostgreSQL as a bind parameter ($1, $2, ...); dates travel as ISO strings
# cast in SQL ($1::date), because RPostgreSQL sends R dates and times as numbers. Day ranges are
# inclusive at both ends and compare against fact_event.event_date (the UTC day of the event).
#
# Visitor counts over a range are distinct over the whole range, so they are computed from
# fact_event: summing the daily marts' distinct visitors would count a returning visitor once
# per day.

MAX_RANGE_DAYS <- 3660L
MAX_TOP_LIMIT <- 1000L

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

# Forces column types, so an empty result has the same shape as a full one.
typed_columns <- function(df, types) {
  out <- lapply(names(types), function(name) {
    value <- if (name %in% names(df)) df[[name]] else rep(NA, nrow(df))
    switch(types[[name]],
      Date = as.Date(value),
      numeric = as.numeric(value),
      integer = as.integer(value),
      character = as.character(value),
      stop("unknown column type ", types[[name]])
    )
  })
  names(out) <- names(types)
  as.data.frame(out, stringsAsFactors = FALSE)
}

#' Page views, visitors and sessions for each day from `from` to `to` (inclusive), with a row
#' (of zeros) for days without page views.
page_views_per_day <- function(con, from, to) {
  range <- query_range(from, to)
  sql <- "
    SELECT d.day::date AS day,
           coalesce(m.page_views, 0) AS page_views,
           coalesce(m.visitors, 0) AS visitors,
           coalesce(m.sessions, 0) AS sessions
    FROM generate_series($1::date, $2::date, interval '1 day') AS d(day)
    LEFT JOIN (
      SELECT day, page_views, visitors, sessions
      FROM mart_page_views_daily
      WHERE day BETWEEN $1::date AND $2::date
    ) AS m ON m.day = d.day::date
    ORDER BY d.day"
  rows <- db_query(con, sql, params = list(range$from, range$to))
  typed_columns(rows, c(day = "Date", page_views = "numeric", visitors = "numeric", sessions = "numeric"))
}

#' The most viewed products from `from` to `to` (inclusive): views (product_view events) and
#' distinct visitors, most views first, then by name. A product the warehouse has no
#' dim_product row for still appears, named by its product_id.
top_viewed_products <- function(con, from, to, limit = 10L) {
  range <- query_range(from, to)
  if (length(limit) != 1L || is.na(limit) || !is.numeric(limit) || limit != round(limit) ||
      limit < 1 || limit > MAX_TOP_LIMIT) {
    stop(sprintf("`limit` must be a whole number from 1 to %d", MAX_TOP_LIMIT), call. = FALSE)
  }
  sql <- "
    SELECT v.product_id,
           coalesce(p.name, v.product_id) AS name,
           p.brand,
           p.category,
           v.views,
           v.visitors
    FROM (
      SELECT product_id,
             count(*) AS views,
             count(DISTINCT anonymous_id) AS visitors
      FROM fact_event
      WHERE event_name = 'product_view'
        AND product_id IS NOT NULL
        AND event_date BETWEEN $1::date AND $2::date
      GROUP BY product_id
    ) AS v
    LEFT JOIN dim_product AS p ON p.product_id = v.product_id
    ORDER BY v.views DESC, coalesce(p.name, v.product_id), v.product_id
    LIMIT $3::integer"
  rows <- db_query(con, sql, params = list(range$from, range$to, as.integer(limit)))
  typed_columns(rows, c(
    product_id = "character", name = "character", brand = "character",
    category = "character", views = "numeric", visitors = "numeric"
  ))
}

#' Totals from `from` to `to` (inclusive): page views, distinct visitors (who viewed a page)
#' and product views. One row, zeros when there is nothing.
kpi_summary <- function(con, from, to) {
  range <- query_range(from, to)
  sql <- "
    SELECT count(*) FILTER (WHERE event_name = 'page_view') AS page_views,
           count(DISTINCT anonymous_id) FILTER (WHERE event_name = 'page_view') AS visitors,
           count(*) FILTER (WHERE event_name = 'product_view' AND product_id IS NOT NULL)
             AS product_views
    FROM fact_event
    WHERE event_date BETWEEN $1::date AND $2::date"
  rows <- db_query(con, sql, params = list(range$from, range$to))
  typed_columns(rows, c(page_views = "numeric", visitors = "numeric", product_views = "numeric"))
}

#' The newest succeeded ETL run: when it finished (POSIXct, UTC) and how many raw objects and
#' events it loaded. One row; all NA when no run has succeeded yet.
last_load <- function(con) {
  sql <- "
    SELECT run_id,
           extract(epoch FROM coalesce(finished_at, started_at))::float8 AS finished_epoch,
           objects_loaded,
           events_loaded
    FROM etl_run
    WHERE status = 'succeeded'
    ORDER BY coalesce(finished_at, started_at) DESC, run_id DESC
    LIMIT 1"
  row <- db_query(con, sql)
  if (nrow(row) == 0L) {
    return(data.frame(
      run_id = NA_real_, finished_at = as.POSIXct(NA, tz = "UTC"),
      objects_loaded = NA_integer_, events_loaded = NA_integer_
    ))
  }
  data.frame(
    run_id = as.numeric(row$run_id),
    finished_at = as.POSIXct(row$finished_epoch, origin = "1970-01-01", tz = "UTC"),
    objects_loaded = as.integer(row$objects_loaded),
    events_loaded = as.integer(row$events_loaded)
  )
}

#' The newest ETL run that failed or was abandoned (its process died mid-run) after the newest
#' succeeded one: its status, start (POSIXct, UTC) and error. Zero rows when none has since.
run_problem <- function(con) {
  sql <- "
    SELECT status,
           extract(epoch FROM started_at)::float8 AS started_epoch,
           coalesce(error, '') AS error
    FROM etl_run
    WHERE status IN ('failed', 'abandoned')
      AND started_at > coalesce(
        (SELECT max(started_at) FROM etl_run WHERE status = 'succeeded'), '-infinity')
    ORDER BY started_at DESC, run_id DESC
    LIMIT 1"
  row <- db_query(con, sql)
  data.frame(
    status = as.character(row$status),
    started_at = as.POSIXct(as.numeric(row$started_epoch), origin = "1970-01-01", tz = "UTC"),
    error = as.character(row$error)
  )
}
