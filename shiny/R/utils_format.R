# Small Shiny-free helpers for dates and numbers shown on the dashboard.

#' Today's date in UTC (the warehouse's event_date is a UTC day).
today_utc <- function(now = Sys.time()) {
  as.Date(format(now, "%Y-%m-%d", tz = "UTC"))
}

#' The default range: the last `days` UTC days, today included.
default_range <- function(days = 30L, now = Sys.time()) {
  to <- today_utc(now)
  list(from = to - (days - 1L), to = to)
}

#' Counts for KPIs: 12,345 (thousands separated).
format_count <- function(x) {
  ifelse(is.na(x), "\u2014", formatC(as.numeric(x), format = "f", digits = 0, big.mark = ","))
}

#' Counts for tables: plain digits (1234), so they are easy to read back and to find.
format_plain <- function(x) {
  ifelse(is.na(x), "\u2014", formatC(as.numeric(x), format = "f", digits = 0))
}

format_utc_time <- function(t, fmt = "%Y-%m-%d %H:%M UTC") {
  format(t, fmt, tz = "UTC")
}

#' "just now", "5 min ago", "3 h ago", "2 days ago".
format_age <- function(t, now = Sys.time()) {
  secs <- as.numeric(difftime(now, t, units = "secs"))
  if (is.na(secs)) return(NA_character_)
  if (secs < 60) return("just now")
  if (secs < 3600) return(sprintf("%d min ago", as.integer(secs %/% 60)))
  if (secs < 86400) return(sprintf("%d h ago", as.integer(secs %/% 3600)))
  days <- as.integer(secs %/% 86400)
  sprintf("%d day%s ago", days, if (days == 1L) "" else "s")
}

#' The data freshness sentence for the header.
freshness_text <- function(load, now = Sys.time()) {
  if (is.null(load) || nrow(load) == 0L || is.na(load$finished_at[1])) {
    return("No ETL run has succeeded yet: the warehouse has no loaded data.")
  }
  sprintf(
    "Data as of the last ETL load at %s (%s): %s raw object%s, %s event%s.",
    format_utc_time(load$finished_at[1]), format_age(load$finished_at[1], now),
    format_count(load$objects_loaded[1]), if (identical(load$objects_loaded[1], 1L)) "" else "s",
    format_count(load$events_loaded[1]), if (identical(load$events_loaded[1], 1L)) "" else "s"
  )
}

#' What went wrong with the ETL since its last success, for the freshness line; "" when nothing.
run_problem_text <- function(problem) {
  if (is.null(problem) || nrow(problem) == 0L) return("")
  started <- format_utc_time(problem$started_at[1])
  if (identical(problem$status[1], "abandoned")) {
    return(sprintf(
      "The ETL run started %s was abandoned (its process died); the next run loads what it missed.",
      started
    ))
  }
  error <- problem$error[1]
  if (nchar(error) > 160L) error <- paste0(substr(error, 1L, 157L), "...")
  sprintf("The ETL run started %s failed: %s", started, error)
}
