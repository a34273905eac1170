# kpi_summary() and last_load() against the real warehouse; rolled back after each test.

test_that("the KPIs total the range, counting each visitor once", {
  con <- local_warehouse()
  insert_fixture(con)

  expect_equal(kpi_summary(con, as.Date("2001-03-01"), as.Date("2001-03-05")),
               data.frame(page_views = 9, visitors = 3, product_views = 7))
  expect_equal(kpi_summary(con, as.Date("2001-02-28"), as.Date("2001-03-06")),
               data.frame(page_views = 11, visitors = 3, product_views = 9))
  expect_equal(kpi_summary(con, as.Date("2001-03-04"), as.Date("2001-03-04")),
               data.frame(page_views = 2, visitors = 1, product_views = 1))
  expect_equal(kpi_summary(con, as.Date("2001-03-02"), as.Date("2001-03-02")),
               data.frame(page_views = 0, visitors = 0, product_views = 0))
})

insert_run <- function(con, status, started, finished, objects, events) {
  db_query(con, "
    INSERT INTO etl_run (started_at, finished_at, status, objects_loaded, events_loaded)
    VALUES ($1::timestamptz, nullif($2, '')::timestamptz, $3, $4::integer, $5::integer)",
    params = list(started, if (is.na(finished)) "" else finished, status, objects, events))
}

test_that("last_load is the newest succeeded run", {
  con <- local_warehouse()
  DBI::dbExecute(con, "DELETE FROM etl_object_manifest")
  DBI::dbExecute(con, "DELETE FROM etl_run")

  insert_run(con, "succeeded", "2001-03-05T10:00:00Z", "2001-03-05T10:00:07Z", 4L, 120L)
  insert_run(con, "succeeded", "2001-03-05T12:34:50Z", "2001-03-05T12:34:56.5Z", 2L, 37L)
  insert_run(con, "succeeded", "2001-03-04T09:00:00Z", "2001-03-04T09:00:03Z", 9L, 900L)
  insert_run(con, "failed", "2001-03-05T13:00:00Z", "2001-03-05T13:00:01Z", 0L, 0L)
  insert_run(con, "running", "2001-03-05T14:00:00Z", NA, 0L, 0L)

  load <- last_load(con)
  expect_identical(names(load), c("run_id", "finished_at", "objects_loaded", "events_loaded"))
  expect_identical(attr(load$finished_at, "tzone"), "UTC")
  expect_equal(as.numeric(load$finished_at), as.numeric(as.POSIXct("2001-03-05 12:34:56.5", tz = "UTC")))
  expect_identical(load$objects_loaded, 2L)
  expect_identical(load$events_loaded, 37L)
})

test_that("last_load is NA when no run has succeeded", {
  con <- local_warehouse()
  DBI::dbExecute(con, "DELETE FROM etl_object_manifest")
  DBI::dbExecute(con, "DELETE FROM etl_run")

  expect_true(is.na(last_load(con)$finished_at))
  insert_run(con, "failed", "2001-03-05T13:00:00Z", "2001-03-05T13:00:01Z", 0L, 0L)
  load <- last_load(con)
  expect_identical(nrow(load), 1L)
  expect_true(is.na(load$finished_at))
  expect_true(is.na(load$objects_loaded))
  expect_true(is.na(load$events_loaded))
  expect_match(freshness_text(load), "No ETL run has succeeded yet")
})

test_that("run_problem names a failed or abandoned run after the last success, and only then", {
  con <- local_warehouse()
  DBI::dbExecute(con, "DELETE FROM etl_object_manifest")
  DBI::dbExecute(con, "DELETE FROM etl_run")

  insert_run(con, "failed", "2001-03-05T09:00:00Z", "2001-03-05T09:00:01Z", 0L, 0L)
  insert_run(con, "succeeded", "2001-03-05T10:00:00Z", "2001-03-05T10:00:07Z", 4L, 120L)
  expect_identical(nrow(run_problem(con)), 0L)
  expect_identical(run_problem_text(run_problem(con)), "")

  insert_run(con, "abandoned", "2001-03-05T11:00:00Z", "2001-03-05T11:05:00Z", 0L, 0L)
  insert_run(con, "running", "2001-03-05T11:05:00Z", NA, 0L, 0L)
  problem <- run_problem(con)
  expect_identical(problem$status, "abandoned")
  expect_equal(as.numeric(problem$started_at), as.numeric(as.POSIXct("2001-03-05 11:00:00", tz = "UTC")))
  expect_match(run_problem_text(problem), "started 2001-03-05 11:00 UTC was abandoned")

  db_query(con, "
    INSERT INTO etl_run (started_at, finished_at, status, error)
    VALUES ('2001-03-05T12:00:00Z', '2001-03-05T12:00:01Z', 'failed', $1)",
    params = list(strrep("x", 300)))
  text <- run_problem_text(run_problem(con))
  expect_match(text, "^The ETL run started 2001-03-05 12:00 UTC failed: x+\\.\\.\\.$")
  expect_lt(nchar(text), 220L)

  insert_run(con, "succeeded", "2001-03-05T13:00:00Z", "2001-03-05T13:00:02Z", 1L, 1L)
  expect_identical(nrow(run_problem(con)), 0L)
})
