# page_views_per_day() against the real warehouse; fixture rows are rolled back after each test.

test_that("every day of the range has a row, days without page views are zeros", {
  con <- local_warehouse()
  insert_fixture(con)

  rows <- page_views_per_day(con, as.Date("2001-03-01"), as.Date("2001-03-05"))
  expect_identical(names(rows), c("day", "page_views", "visitors", "sessions"))
  expect_s3_class(rows$day, "Date")
  expect_equal(rows, data.frame(
    day = as.Date(c("2001-03-01", "2001-03-02", "2001-03-03", "2001-03-04", "2001-03-05")),
    page_views = c(3, 0, 3, 2, 1),
    visitors = c(2, 0, 2, 1, 1),
    sessions = c(2, 0, 2, 1, 1)
  ))
})

test_that("both ends of the range are inclusive", {
  con <- local_warehouse()
  insert_fixture(con)

  rows <- page_views_per_day(con, as.Date("2001-02-28"), as.Date("2001-03-01"))
  expect_identical(rows$day, as.Date(c("2001-02-28", "2001-03-01")))
  expect_equal(rows$page_views, c(1, 3))

  rows <- page_views_per_day(con, as.Date("2001-03-05"), as.Date("2001-03-06"))
  expect_equal(rows$page_views, c(1, 1))
})

test_that("a single day and a day with no events give one row", {
  con <- local_warehouse()
  insert_fixture(con)

  expect_equal(page_views_per_day(con, as.Date("2001-03-03"), as.Date("2001-03-03")),
               data.frame(day = as.Date("2001-03-03"), page_views = 3, visitors = 2, sessions = 2))
  expect_equal(page_views_per_day(con, as.Date("2001-03-02"), as.Date("2001-03-02")),
               data.frame(day = as.Date("2001-03-02"), page_views = 0, visitors = 0, sessions = 0))
})

test_that("ranges without any data are all zeros", {
  con <- local_warehouse()
  insert_fixture(con)

  rows <- page_views_per_day(con, as.Date("1999-12-30"), as.Date("2000-01-02"))
  expect_identical(nrow(rows), 4L)
  expect_equal(sum(rows$page_views), 0)
})

test_that("dates may be given as ISO strings; bad arguments are refused before any SQL", {
  con <- local_warehouse()
  insert_fixture(con)

  expect_equal(page_views_per_day(con, "2001-03-01", "2001-03-01")$page_views, 3)
  expect_error(page_views_per_day(con, as.Date("2001-03-05"), as.Date("2001-03-01")),
               "`from` must be on or before `to`")
  expect_error(page_views_per_day(con, "2001-03-01'; DROP TABLE fact_event; --", "2001-03-02"),
               "must be a Date")
  expect_error(page_views_per_day(con, as.Date(NA), as.Date("2001-03-02")), "not a valid date")
  expect_error(page_views_per_day(con, as.Date(c("2001-03-01", "2001-03-02")), as.Date("2001-03-02")),
               "single date")
  expect_error(page_views_per_day(con, as.Date("1990-01-01"), as.Date("2001-01-01")), "limited to")
})
