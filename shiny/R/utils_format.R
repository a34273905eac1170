# Small Shiny-free helpers for dates, numbers and sentences shown on the dashboard.

#' Today's date in UTC (the warehouse's days are UTC days).
today_utc <- function(now = Sys.time()) {
  as.Date(format(now, "%Y-%m-%d", tz = "UTC"))
}

#' The default range: the last `days` UTC days, today included.
default_range <- function(days = 30L, now = Sys.time()) {
  to <- today_utc(now)
  list(from = to - (days - 1L), to = to)
}

#' The range a date preset stands for: "7", "30", "90" (the last n UTC days, today included)
#' or "month" (from the 1st of this UTC month to today). NULL for "custom" or anything else.
preset_range <- function(preset, now = Sys.time()) {
  if (length(preset) != 1L || is.na(preset)) return(NULL)
  today <- today_utc(now)
  if (preset %in% c("7", "30", "90")) return(default_range(as.integer(preset), now))
  if (identical(preset, "month")) {
    return(list(from = as.Date(format(today, "%Y-%m-01")), to = today))
  }
  NULL
}

#' The preset a range matches ("custom" when none does); `current` wins when several match.
matching_preset <- function(from, to, current = NULL, now = Sys.time(),
                            presets = c("7", "30", "90", "month")) {
  matches <- Filter(function(p) {
    r <- preset_range(p, now)
    identical(r$from, as.Date(from)) && identical(r$to, as.Date(to))
  }, presets)
  if (length(matches) == 0L) return("custom")
  if (!is.null(current) && current %in% matches) current else matches[[1]]
}

#' The period of the same length just before from..to (both inclusive).
previous_period <- function(from, to) {
  from <- as.Date(from)
  to <- as.Date(to)
  days <- as.integer(to - from) + 1L
  list(from = from - days, to = from - 1L)
}

#' x / y, NA where y is 0 or NA (a rate of nothing is unknown, not 0).
safe_ratio <- function(x, y) {
  x <- as.numeric(x)
  y <- as.numeric(y)
  out <- x / y
  out[is.na(y) | y == 0] <- NA_real_
  out
}

#' Counts for KPIs: 12,345 (thousands separated).
format_count <- function(x) {
  ifelse(is.na(x), "\u2014", formatC(as.numeric(x), format = "f", digits = 0, big.mark = ","))
}

#' Counts for tables: plain digits (1234), so they are easy to read back and to find.
format_plain <- function(x) {
  ifelse(is.na(x), "\u2014", formatC(as.numeric(x), format = "f", digits = 0))
}

#' A share (0.1234) as "12.3%".
format_percent <- function(x, digits = 1L) {
  ifelse(is.na(x), "\u2014", paste0(formatC(100 * as.numeric(x), format = "f", digits = digits), "%"))
}

#' Cents as dollars: 123456 -> "$1,234.56" (the shop sells in USD).
format_money <- function(cents) {
  ifelse(is.na(cents), "\u2014",
         paste0(ifelse(cents < 0, "-", ""), "$",
                formatC(abs(as.numeric(cents)) / 100, format = "f", digits = 2, big.mark = ",")))
}

format_utc_time <- function(t, fmt = "%Y-%m-%d %H:%M UTC") {
  format(t, fmt, tz = "UTC")
}

#' A length of time in seconds, roughly: "under a minute", "5 min", "3 h 10 min", "2 days".
format_duration <- function(secs) {
  if (length(secs) != 1L || is.na(secs)) return(NA_character_)
  secs <- max(0, secs)
  if (secs < 60) return("under a minute")
  if (secs < 3600) return(sprintf("%d min", as.integer(secs %/% 60)))
  if (secs < 86400) {
    minutes <- as.integer((secs %% 3600) %/% 60)
    return(sprintf("%d h%s", as.integer(secs %/% 3600),
                   if (minutes > 0L) sprintf(" %d min", minutes) else ""))
  }
  days <- as.integer(secs %/% 86400)
  sprintf("%d day%s", days, if (days == 1L) "" else "s")
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

plural <- function(n, word) {
  sprintf("%s %s%s", format_count(n), word, if (isTRUE(n == 1)) "" else "s")
}

shorten <- function(text, max = 160L) {
  if (is.na(text)) return("")
  if (nchar(text) > max) paste0(substr(text, 1L, max - 3L), "...") else text
}

#' The freshness line: the newest succeeded ETL run (what the dashboard shows) and its lag, and
#' the newest run when it came later (running, failed or abandoned). `status` is etl_status().
freshness_text <- function(status, now = Sys.time()) {
  if (is.null(status) || nrow(status) == 0L) return("The ETL status is unknown.")
  s <- status[1, ]
  data_line <- if (is.na(s$succeeded_run_id)) {
    "No ETL run has succeeded yet: the warehouse has no loaded data."
  } else {
    sprintf(
      "Data as of ETL run #%s, which succeeded at %s (lag %s): %s, %s.",
      format_plain(s$succeeded_run_id), format_utc_time(s$succeeded_at),
      format_duration(as.numeric(difftime(now, s$succeeded_at, units = "secs"))),
      plural(s$objects_loaded, "raw object"), plural(s$events_loaded, "event")
    )
  }
  latest_line <- ""
  if (!is.na(s$latest_run_id) && !identical(s$latest_run_id, s$succeeded_run_id)) {
    started <- format_utc_time(s$latest_started_at)
    latest_line <- switch(
      s$latest_status,
      running = sprintf("Run #%s has been running since %s.", format_plain(s$latest_run_id), started),
      abandoned = sprintf(
        "The ETL run #%s started %s was abandoned (its process died); the next run loads what it missed.",
        format_plain(s$latest_run_id), started),
      failed = sprintf("The ETL run #%s started %s failed: %s", format_plain(s$latest_run_id), started,
                       shorten(s$latest_error)),
      ""
    )
  }
  trimws(paste(data_line, latest_line))
}
