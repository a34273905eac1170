# Realtime: the last minutes of loaded events (fact_event by its derived_at index), bots left
# out. "Now" is the warehouse's clock unless given; what the ETL has not loaded yet is not here,
# so the view says how fresh the newest event is.

REALTIME_MINUTES <- 30L

#' Checks the realtime window's end (NULL: the warehouse's now) and length; returns the bind
#' parameters: the end as an ISO timestamp string ("" for now: RPostgreSQL sends NA as the text
#' "NA"), and the minutes.
realtime_window <- function(now, minutes) {
  if (length(minutes) != 1L || !is.numeric(minutes) || is.na(minutes) || minutes != round(minutes) ||
      minutes < 1 || minutes > 24 * 60) {
    stop("`minutes` must be a whole number from 1 to 1440", call. = FALSE)
  }
  end <- if (is.null(now)) {
    ""
  } else if (inherits(now, "POSIXct") && length(now) == 1L && !is.na(now)) {
    format(now, "%Y-%m-%dT%H:%M:%SZ", tz = "UTC")
  } else {
    stop("`now` must be NULL or one POSIXct time", call. = FALSE)
  }
  list(end = end, minutes = as.integer(minutes))
}

# The window's minutes as a CTE: $1 end ('': now()), $2 minutes. The current minute counts.
REALTIME_BOUNDS <- "
  bounds AS (
    SELECT date_trunc('minute', coalesce(nullif($1, '')::timestamptz, now())) + interval '1 minute' AS window_end,
           date_trunc('minute', coalesce(nullif($1, '')::timestamptz, now())) + interval '1 minute' - $2 * interval '1 minute' AS window_start
  ),
  recent AS (
    SELECT e.*
    FROM fact_event AS e, bounds AS b
    WHERE e.derived_at >= b.window_start AND e.derived_at < b.window_end
      AND e.event_date >= (b.window_start AT TIME ZONE 'UTC')::date AND NOT e.is_bot
  )"

#' Visitors (distinct browsers) and events in each minute of the window, oldest first, with a
#' row of zeros for a quiet minute.
realtime_minutes <- function(con, now = NULL, minutes = REALTIME_MINUTES) {
  w <- realtime_window(now, minutes)
  sql <- paste0("WITH ", REALTIME_BOUNDS, "
    SELECT extract(epoch FROM m.minute)::float8 AS minute,
           count(DISTINCT r.anonymous_id) AS visitors, count(r.event_id) AS events
    FROM bounds AS b
    CROSS JOIN LATERAL generate_series(b.window_start, b.window_end - interval '1 minute', interval '1 minute') AS m(minute)
    LEFT JOIN recent AS r ON r.derived_at >= m.minute AND r.derived_at < m.minute + interval '1 minute'
    GROUP BY m.minute
    ORDER BY m.minute")
  typed_columns(db_query(con, sql, params = list(w$end, w$minutes)),
                c(minute = "POSIXct", visitors = "numeric", events = "numeric"))
}

#' The window in one row: its visitors, events, page views and signed-in visitors, and the
#' newest loaded event's time (of the whole warehouse, NA when empty).
realtime_summary <- function(con, now = NULL, minutes = REALTIME_MINUTES) {
  w <- realtime_window(now, minutes)
  sql <- paste0("WITH ", REALTIME_BOUNDS, "
    SELECT (SELECT count(DISTINCT anonymous_id) FROM recent) AS visitors,
           (SELECT count(*) FROM recent) AS events,
           (SELECT count(*) FROM recent WHERE event_name = 'page_view') AS page_views,
           (SELECT count(DISTINCT anonymous_id) FROM recent WHERE user_id IS NOT NULL) AS signed_in_visitors,
           (SELECT extract(epoch FROM max(derived_at))::float8 FROM fact_event) AS newest_event_at")
  typed_columns(db_query(con, sql, params = list(w$end, w$minutes)), c(
    visitors = "numeric", events = "numeric", page_views = "numeric", signed_in_visitors = "numeric",
    newest_event_at = "POSIXct"
  ))
}

#' The pages visitors are on: each visitor's newest page view in the window, counted by path.
realtime_pages <- function(con, now = NULL, minutes = REALTIME_MINUTES, limit = 10L) {
  w <- realtime_window(now, minutes)
  limit <- query_limit(limit, 1000L)
  sql <- paste0("WITH ", REALTIME_BOUNDS, ",
    latest AS (
      SELECT DISTINCT ON (anonymous_id) anonymous_id, page_path
      FROM recent WHERE event_name = 'page_view'
      ORDER BY anonymous_id, derived_at DESC, event_id DESC
    )
    SELECT coalesce(page_path, '') AS page_path, count(*) AS visitors
    FROM latest GROUP BY 1 ORDER BY visitors DESC, page_path LIMIT $3")
  typed_columns(db_query(con, sql, params = list(w$end, w$minutes, limit)),
                c(page_path = "character", visitors = "numeric"))
}

#' The products visitors look at in the window: viewers (distinct browsers), views and adds to
#' cart, with the product's name and category (NA for one the catalog does not know).
realtime_products <- function(con, now = NULL, minutes = REALTIME_MINUTES, limit = 10L) {
  w <- realtime_window(now, minutes)
  limit <- query_limit(limit, 1000L)
  sql <- paste0("WITH ", REALTIME_BOUNDS, "
    SELECT r.product_id, p.name, p.category,
           count(DISTINCT r.anonymous_id) FILTER (WHERE r.event_name = 'product_view') AS viewers,
           count(*) FILTER (WHERE r.event_name = 'product_view') AS views,
           count(*) FILTER (WHERE r.event_name = 'add_to_cart') AS add_to_carts
    FROM recent AS r
    LEFT JOIN dim_product AS p ON p.product_id = r.product_id
    WHERE r.product_id IS NOT NULL AND r.event_name IN ('product_view', 'add_to_cart')
    GROUP BY r.product_id, p.name, p.category
    ORDER BY viewers DESC, views DESC, r.product_id
    LIMIT $3")
  typed_columns(db_query(con, sql, params = list(w$end, w$minutes, limit)), c(
    product_id = "character", name = "character", category = "character", viewers = "numeric",
    views = "numeric", add_to_carts = "numeric"
  ))
}
