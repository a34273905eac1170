# Shiny-free helpers: presets, periods, ratios, formatting, the freshness line, CSV safety.

NOW <- as.POSIXct("2001-03-05 23:30:00", tz = "UTC")

test_that("the presets are the last 7, 30, 90 UTC days and this month", {
  expect_identical(preset_range("7", NOW), list(from = as.Date("2001-02-27"), to = as.Date("2001-03-05")))
  expect_identical(preset_range("30", NOW), list(from = as.Date("2001-02-04"), to = as.Date("2001-03-05")))
  expect_identical(preset_range("90", NOW), list(from = as.Date("2000-12-06"), to = as.Date("2001-03-05")))
  expect_identical(preset_range("month", NOW), list(from = as.Date("2001-03-01"), to = as.Date("2001-03-05")))
  expect_null(preset_range("custom", NOW))
  expect_null(preset_range(NA_character_, NOW))
  # 23:30 in New York on 03-04 is already 03-05 in UTC
  expect_identical(preset_range("month", as.POSIXct("2001-03-31 23:30:00", tz = "America/New_York")),
                   list(from = as.Date("2001-04-01"), to = as.Date("2001-04-01")))
})

test_that("a range maps back to its preset, else to custom", {
  expect_identical(matching_preset(as.Date("2001-02-27"), as.Date("2001-03-05"), "30", NOW), "7")
  expect_identical(matching_preset(as.Date("2001-02-27"), as.Date("2001-03-04"), "7", NOW), "custom")
  # On the 7th, "this month" and "last 7 days" are the same days: the current choice stays.
  seventh <- as.POSIXct("2001-03-07 10:00:00", tz = "UTC")
  expect_identical(matching_preset(as.Date("2001-03-01"), as.Date("2001-03-07"), "month", seventh), "month")
  expect_identical(matching_preset(as.Date("2001-03-01"), as.Date("2001-03-07"), "7", seventh), "7")
  expect_identical(matching_preset(as.Date("2001-03-01"), as.Date("2001-03-07"), "custom", seventh), "7")
})

test_that("the previous period has the same length and ends the day before", {
  expect_identical(previous_period(as.Date("2001-03-01"), as.Date("2001-03-05")),
                   list(from = as.Date("2001-02-24"), to = as.Date("2001-02-28")))
  expect_identical(previous_period("2001-03-01", "2001-03-01"),
                   list(from = as.Date("2001-02-28"), to = as.Date("2001-02-28")))
})

test_that("ratios of nothing are unknown, numbers are formatted for people", {
  expect_equal(safe_ratio(c(1, 0, 3, NA), c(4, 0, 0, 2)), c(0.25, NA, NA, NA))
  expect_identical(format_percent(c(0.1234, NA)), c("12.3%", "\u2014"))
  expect_identical(format_money(c(123456, 5, NA)), c("$1,234.56", "$0.05", "\u2014"))
  expect_identical(format_count(1234567), "1,234,567")
  expect_identical(format_change(0.25, "count"), "+25.0%")
  expect_identical(format_change(-0.031, "money"), "\u22123.1%")
  expect_identical(format_change(0.015, "rate"), "+1.5 pts")
  expect_identical(format_change(0, "rate"), "\u00b10.0 pts")
  expect_identical(format_change(NA, "count"), "no comparison")
  expect_identical(format_duration(30), "under a minute")
  expect_identical(format_duration(7800), "2 h 10 min")
  expect_identical(format_duration(3 * 86400 + 5), "3 days")
})

status_row <- function(...) {
  row <- data.frame(
    succeeded_run_id = 5, succeeded_at = as.POSIXct("2001-03-05 12:00:30", tz = "UTC"),
    objects_loaded = 2, events_loaded = 37, latest_run_id = 5, latest_status = "succeeded",
    latest_started_at = as.POSIXct("2001-03-05 12:00:00", tz = "UTC"),
    latest_finished_at = as.POSIXct("2001-03-05 12:00:30", tz = "UTC"), latest_error = "",
    stringsAsFactors = FALSE
  )
  changes <- list(...)
  for (name in names(changes)) row[[name]] <- changes[[name]]
  row
}

test_that("the freshness line names the run shown, its lag, and a newer run's trouble", {
  now <- as.POSIXct("2001-03-05 14:10:30", tz = "UTC")
  expect_identical(
    freshness_text(status_row(), now),
    "Data as of ETL run #5, which succeeded at 2001-03-05 12:00 UTC (lag 2 h 10 min): 2 raw objects, 37 events."
  )
  expect_match(freshness_text(status_row(objects_loaded = 1, events_loaded = 1), now), ": 1 raw object, 1 event\\.$")
  failed <- status_row(latest_run_id = 6, latest_status = "failed",
                       latest_started_at = as.POSIXct("2001-03-05 14:00:00", tz = "UTC"),
                       latest_error = strrep("x", 300))
  expect_match(freshness_text(failed, now), "\\(lag 2 h 10 min\\).* The ETL run #6 started 2001-03-05 14:00 UTC failed: x+\\.\\.\\.$")
  expect_lt(nchar(freshness_text(failed, now)), 320L)
  abandoned <- status_row(latest_run_id = 6, latest_status = "abandoned",
                          latest_started_at = as.POSIXct("2001-03-05 13:00:00", tz = "UTC"))
  expect_match(freshness_text(abandoned, now), "run #6 started 2001-03-05 13:00 UTC was abandoned")
  running <- status_row(latest_run_id = 6, latest_status = "running",
                        latest_started_at = as.POSIXct("2001-03-05 14:10:00", tz = "UTC"))
  expect_match(freshness_text(running, now), "Run #6 has been running since 2001-03-05 14:10 UTC\\.$")
  never <- status_row(succeeded_run_id = NA_real_, succeeded_at = as.POSIXct(NA, tz = "UTC"),
                      latest_run_id = 1, latest_status = "failed", latest_error = "no bucket")
  expect_match(freshness_text(never, now), "^No ETL run has succeeded yet.* failed: no bucket$")
})

test_that("CSV cells never start with a formula character", {
  df <- data.frame(
    query = c("=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "laptop", "a=b", NA),
    n = c(-5, 1.5, 3, 0, 10, 1e6, 2, 1 / 3, NA),
    stringsAsFactors = FALSE
  )
  safe <- csv_safe(df)
  expect_identical(safe$query, c("'=cmd|' /C calc'!A0", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx",
                                 "laptop", "a=b", NA))
  expect_identical(safe$n, c("'-5", "1.5", "3", "0", "10", "1000000", "2", "0.333333333333333", NA))
  expect_identical(names(safe), names(df))

  file <- withr::local_tempfile(fileext = ".csv")
  write_csv_safe(data.frame(day = as.Date("2001-03-01"), path = "=HYPERLINK(\"http://x\")", v = -1), file)
  lines <- readLines(file, encoding = "UTF-8")
  expect_identical(lines, c('"day","path","v"', '"2001-03-01","\'=HYPERLINK(""http://x"")","\'-1"'))
  cells <- utils::read.csv(file, colClasses = "character")
  expect_false(any(grepl("^[=+@\t\r-]", unlist(cells))))
})

test_that("download file names are tidy", {
  expect_identical(csv_filename("Zero result queries", as.Date("2001-03-01"), "2001-03-05"),
                   "compushop-zero-result-queries-2001-03-01-to-2001-03-05.csv")
  expect_identical(csv_filename("etl-runs"), "compushop-etl-runs.csv")
})
