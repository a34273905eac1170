# Events: counts by event name and login state (agg_event_daily) and a page of the newest raw
# events for debugging the tracker (fact_event by its derived_at index).

MAX_EVENT_PAGE_SIZE <- 200L

#' Events from `from` to `to` by name, for a login state (the event's own: a verified user on it
#' or not): browser events of people, of bots, and the shop's signed server events, with the
#' signed-in and anonymous share of the people's. Most events first.
event_counts <- function(con, from, to, login_state = "(all)") {
  range <- query_range(from, to)
  login_state <- query_login_state(login_state)
  sql <- "
    SELECT event_name,
           coalesce(sum(events) FILTER (WHERE NOT is_bot), 0) AS events,
           coalesce(sum(events) FILTER (WHERE NOT is_bot AND login_state = 'signed_in'), 0) AS signed_in_events,
           coalesce(sum(events) FILTER (WHERE NOT is_bot AND login_state = 'anonymous'), 0) AS anonymous_events,
           coalesce(sum(events) FILTER (WHERE NOT is_bot AND trusted), 0) AS server_events,
           coalesce(sum(events) FILTER (WHERE is_bot), 0) AS bot_events
    FROM agg_event_daily
    WHERE day BETWEEN $1::date AND $2::date AND ($3 = '(all)' OR login_state = $3)
    GROUP BY event_name
    ORDER BY events DESC, bot_events DESC, event_name"
  typed_columns(db_query(con, sql, params = list(range$from, range$to, login_state)), c(
    event_name = "character", events = "numeric", signed_in_events = "numeric",
    anonymous_events = "numeric", server_events = "numeric", bot_events = "numeric"
  ))
}

#' The names events have had from `from` to `to` (for the sample's filter).
event_names <- function(con, from, to) {
  range <- query_range(from, to)
  rows <- db_query(con, "
    SELECT DISTINCT event_name FROM agg_event_daily WHERE day BETWEEN $1::date AND $2::date
    ORDER BY event_name", params = list(range$from, range$to))
  as.character(rows$event_name)
}

#' One page of the events from `from` to `to`, newest first (by derived_at, the clock-corrected
#' time), optionally of one event name and login state, bots included (flagged): what the
#' tracker sent, as loaded. Properties and campaign come as JSON text, cut to 500 characters.
recent_events <- function(con, from, to, event_name = NULL, login_state = "(all)", page = 1L,
                          page_size = 50L) {
  range <- query_range(from, to)
  login_state <- query_login_state(login_state)
  # "" for every name: RPostgreSQL sends NA as the text "NA".
  name <- if (is.null(event_name) || identical(event_name, "")) "" else {
    if (length(event_name) != 1L || !is.character(event_name) || is.na(event_name) || nchar(event_name) > 100L) {
      stop("`event_name` must be one event name", call. = FALSE)
    }
    event_name
  }
  page <- query_limit(page, 100000L)
  page_size <- query_limit(page_size, MAX_EVENT_PAGE_SIZE)
  sql <- "
    SELECT extract(epoch FROM e.derived_at)::float8 AS derived_at,
           extract(epoch FROM e.received_at)::float8 AS received_at,
           e.event_name, e.event_version, e.seq, e.anonymous_id::text AS anonymous_id,
           e.user_id IS NOT NULL AS signed_in, e.trusted, e.is_bot, e.page_path, e.product_id,
           left(e.properties::text, 500) AS properties, array_to_string(e.flags, ', ') AS flags,
           e.event_id::text AS event_id
    FROM fact_event AS e
    WHERE e.event_date BETWEEN $1::date AND $2::date
      AND e.derived_at >= ($1::date)::timestamp AT TIME ZONE 'UTC'
      AND e.derived_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'
      AND ($3 = '' OR e.event_name = $3)
      AND ($4 = '(all)' OR (e.user_id IS NOT NULL) = ($4 = 'signed_in'))
    ORDER BY e.derived_at DESC, e.event_id DESC
    LIMIT $5 OFFSET $6"
  params <- list(range$from, range$to, name, login_state, page_size, (page - 1L) * page_size)
  typed_columns(db_query(con, sql, params = params), c(
    derived_at = "POSIXct", received_at = "POSIXct", event_name = "character",
    event_version = "integer", seq = "integer", anonymous_id = "character", signed_in = "logical",
    trusted = "logical", is_bot = "logical", page_path = "character", product_id = "character",
    properties = "character", flags = "character", event_id = "character"
  ))
}
