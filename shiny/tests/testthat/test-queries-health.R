# The ETL status and the data health queries against seeded bookkeeping.

test_that("etl_status names the newest succeeded run and the newest run", {
  con <- local_warehouse()
  none <- etl_status(con)
  expect_identical(nrow(none), 1L)
  expect_true(is.na(none$succeeded_run_id) && is.na(none$latest_run_id))
  expect_match(freshness_text(none), "No ETL run has succeeded yet")

  runs <- seed_runs(con)
  status <- etl_status(con)
  expect_identical(status$succeeded_run_id, runs$b)
  expect_equal(as.numeric(status$succeeded_at), as.numeric(as.POSIXct("2001-03-05 12:00:30", tz = "UTC")))
  expect_identical(attr(status$succeeded_at, "tzone"), "UTC")
  expect_equal(c(status$objects_loaded, status$events_loaded), c(2, 37))
  expect_identical(status$latest_run_id, runs$d)
  expect_identical(status$latest_status, "failed")
  expect_identical(status$latest_error, "boom")
  text <- freshness_text(status, now = as.POSIXct("2001-03-05 14:10:30", tz = "UTC"))
  expect_identical(text, sprintf(paste(
    "Data as of ETL run #%s, which succeeded at 2001-03-05 12:00 UTC (lag 2 h 10 min): 2 raw objects, 37 events.",
    "The ETL run #%s started 2001-03-05 14:00 UTC failed: boom"), runs$b, runs$d))

  # A skipped run is not "the newest run".
  insert_row(con, "etl_run", list(status = "skipped", started_at = "2001-03-05T15:00:00Z"))
  expect_identical(etl_status(con)$latest_run_id, runs$d)
})

test_that("the runs are listed newest first with what they did", {
  con <- local_warehouse()
  runs <- seed_runs(con)
  rows <- etl_runs(con, limit = 3)
  expect_identical(rows$run_id, c(runs$d, runs$c, runs$b))
  expect_identical(rows$status, c("failed", "abandoned", "succeeded"))
  expect_equal(rows$duration_s, c(1, 300, 30))
  expect_identical(rows$backlog, c(FALSE, FALSE, TRUE))
  expect_equal(rows$duplicates[3], 3)
  expect_identical(rows$error[1], "boom")
  shown <- runs_for_display(rows, now = as.POSIXct("2001-03-05 14:10:30", tz = "UTC"))
  expect_identical(shown$ago, c("10 min", "1 h 5 min", "2 h 10 min"))
})

test_that("failing checks are those of the newest checked run, errors first", {
  con <- local_warehouse()
  expect_identical(nrow(failing_checks(con)), 0L)
  runs <- seed_runs(con)
  rows <- failing_checks(con)
  expect_identical(rows$check_name, c("kpi-matches-facts", "freshness"))
  expect_identical(rows$severity, c("error", "warn"))
  expect_equal(rows$failures, c(2, 1))
  expect_identical(rows$run_id, c(runs$b, runs$b))
  expect_identical(rows$sample[1], '[{"day": "2001-03-01"}]')
})

test_that("the lake reconciliation shows the newest reconciliation's missing objects", {
  con <- local_warehouse()
  expect_true(is.na(last_reconciliation(con)$run_id))
  runs <- seed_runs(con)
  rows <- lake_reconciliation(con)
  expect_identical(rows$day, as.Date(c("2001-03-05", "2001-03-03")))
  expect_equal(rows$objects_missing, c(2, 1))
  last <- last_reconciliation(con)
  expect_identical(last$run_id, runs$b)
  expect_equal(c(last$days, last$objects_listed, last$objects_missing), c(3, 25, 3))
  expect_equal(as.numeric(last$reconciled_at), as.numeric(as.POSIXct("2001-03-05 12:00:30", tz = "UTC")))
})

test_that("bot share and share of events lost per day", {
  con <- local_warehouse()
  seed_warehouse(con)
  rows <- daily_health(con, "2001-03-01", "2001-03-05")
  expect_identical(rows$day, as.Date("2001-03-01") + 0:4)
  expect_equal(rows$bot_share, c(2 / 12, NA, 0, NA, 3 / 8))
  expect_equal(rows$lost_share, c(4 / 104, NA, 0, NA, 2 / 50))
})

test_that("the privacy log lists actions newest first, people only by hash", {
  con <- local_warehouse()
  seed_privacy(con)
  rows <- privacy_log(con)
  expect_identical(rows$action, c("retention", "erase"))
  expect_identical(rows$cutoff, as.Date(c("2001-01-01", NA)))
  expect_identical(rows$subject_hash, c("", strrep("a", 64)))
  expect_equal(rows$events_deleted, c(0, 7))
  expect_equal(rows$partitions_dropped, c(1, 0))
  expect_identical(nrow(privacy_log(con, limit = 1)), 1L)
})

test_that("the categories are the known ones, sorted", {
  con <- local_warehouse()
  seed_warehouse(con)
  expect_identical(product_categories(con), c("Keyboards", "Laptops", "Monitors"))
})

test_that("the shop's orders are shown beside the warehouse's, with the differences", {
  con <- local_warehouse()
  seed_warehouse(con)
  seed_event_counts_and_cohorts(con)

  rows <- shop_reconciliation(con, "2001-03-01", "2001-03-05")
  expect_equal(format(rows$day), c("2001-03-01", "2001-03-03"))
  expect_equal(rows$warehouse_orders, c(2, 1))
  expect_equal(rows$orders_difference, c(0, -1))
  expect_equal(rows$revenue_difference_cents, c(0, -2000))
  expect_equal(nrow(shop_reconciliation(con, "2001-02-01", "2001-02-28")), 0L)
})
